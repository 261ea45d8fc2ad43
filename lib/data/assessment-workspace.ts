import Decimal from "decimal.js";
import { isUserActor, type Actor } from "@/lib/auth/actor";
import { can, unitScope } from "@/lib/review/permissions";
import {
  APPRAISAL_OPEN_PERIOD_STATES,
  assessmentStatusAfterDecision,
  assessmentTransition,
  claimWindow,
  decisionsFor,
  OFFICER_TURN_STATES,
  REOPEN_PERIOD_STATES,
  type AssessmentStatus,
  type Decision,
  type PeriodStatus,
  type ReviewState,
} from "@/lib/review/assessment-workflow";
import { recordDeniedUnitAccess } from "./access-denied-audit";
import { inTreeOrder } from "./appraisal";
import { currentClient } from "./transaction";

export type WorkspaceComment = { id: string; kind: "note" | "adjustment" | "return" | "explanation"; body: string; author: string | null; createdAt: Date };

export type WorkspaceEvidence = { id: string; originalName: string; mimeType: string; sizeBytes: number; uploadedAt: Date };

/** One leaf of one unit: the claim, the appraisal, the review and its history. */
export type WorkspaceItem = {
  self: { points: string | null; notApplicable: boolean; notApplicableReason: string | null; note: string | null; answered: boolean };
  appraisal: { points: string | null; notApplicable: boolean; notApplicableReason: string | null; reason: string | null };
  reviewState: ReviewState;
  /** CriterionScore.version to send back with a change; null when the leaf has no row yet. */
  version: number | null;
  updatedBy: string | null;
  updatedAt: Date | null;
  comments: WorkspaceComment[];
  evidence: WorkspaceEvidence[];
  /** What the reader may decide on this leaf now (council only). */
  decisions: Decision[];
  /** Whether the reader may explain this leaf now (the unit's officer, on a returned item). */
  canExplain: boolean;
  /** What SIPAS figure gives this survey leaf its points ("index" or an element's code); null when the council enters them. */
  sipasInput: string | null;
};

export type FieldTotals = { selfPoints: string; appraisedPoints: string; surveyPoints: string; applicableMax: string; answeredLeaves: number };

export type WorkspaceNode = {
  code: string;
  name: string;
  nameEn: string | null;
  maxPoints: string;
  method: "appraisal" | "survey";
  /** 1 = field (lĩnh vực), 2 = criterion, 3 = sub-criterion. */
  depth: number;
  children: WorkspaceNode[];
  /** Set on leaves only. */
  item: WorkspaceItem | null;
  /** Set on fields only, as the database keeps them. */
  totals: FieldTotals | null;
};

export type AssessmentWorkspace = {
  period: {
    code: string;
    name: string;
    status: PeriodStatus;
    selfAssessmentOpensAt: Date | null;
    selfAssessmentDeadline: Date | null;
    appraisalDeadline: Date | null;
  };
  unit: { code: string; name: string; groupCode: string; groupName: string };
  assessment: {
    status: AssessmentStatus;
    /** Assessment.version to send back with submit, accept-the-rest and approve. */
    version: number;
    submittedAt: Date | null;
    approvedAt: Date | null;
    approvedBy: string | null;
    reopenedAt: Date | null;
    reopenReason: string | null;
  };
  tree: WorkspaceNode[];
  progress: {
    /** Leaves the unit scores itself (appraisal method) and how many it has answered. */
    unitLeaves: number;
    answeredLeaves: number;
    totalLeaves: number;
    claimedPoints: string;
    /** Max points of the leaves the unit scores itself. */
    claimableMax: string;
    decidedLeaves: number;
    returnedLeaves: number;
    explainedLeaves: number;
    appraisedPoints: string;
  };
  /** Which steps the reader may take now; the services check again when asked. */
  allowed: { saveSelfScores: boolean; submit: boolean; explain: boolean; appraise: boolean; approve: boolean; reopen: boolean };
};

/**
 * One unit's period as its officer, the council or home affairs works on it. The officer's unit
 * is in the where clause: another unit (or one that does not exist) gives null, and an officer's
 * attempt at another unit is audited as a denial.
 */
export async function loadAssessmentWorkspace(
  actor: Actor,
  args: { periodCode: string; unitCode: string },
  now: Date = new Date(),
): Promise<AssessmentWorkspace | null> {
  if (!can(actor, "assessment.read")) return null;
  const scope = unitScope(actor);
  const prisma = currentClient();
  const assessment = await prisma.assessment.findFirst({
    where: { ...(scope ? { unitId: scope.unitId } : {}), unit: { code: args.unitCode }, period: { code: args.periodCode } },
    select: {
      id: true,
      status: true,
      version: true,
      submittedAt: true,
      approvedAt: true,
      approvedBy: { select: { name: true } },
      reopenedAt: true,
      reopenReason: true,
      unit: { select: { code: true, name: true } },
      group: { select: { code: true, name: true } },
      period: {
        select: {
          code: true,
          name: true,
          status: true,
          criteriaSetId: true,
          selfAssessmentOpensAt: true,
          selfAssessmentDeadline: true,
          appraisalDeadline: true,
        },
      },
    },
  });
  if (!assessment) {
    if (isUserActor(actor)) await recordDeniedUnitAccess(actor, { ...args, action: "assessment.read" });
    return null;
  }
  const [criteria, scores, fieldTotals] = await Promise.all([
    prisma.criterion.findMany({
      where: { criteriaSetId: assessment.period.criteriaSetId },
      select: { id: true, parentId: true, code: true, name: true, nameEn: true, maxPoints: true, method: true, order: true, sipasInput: true },
    }),
    prisma.criterionScore.findMany({
      where: { assessmentId: assessment.id },
      select: {
        criterionId: true,
        version: true,
        selfPoints: true,
        selfNotApplicable: true,
        selfNotApplicableReason: true,
        selfNote: true,
        appraisedPoints: true,
        notApplicable: true,
        notApplicableReason: true,
        appraisalReason: true,
        reviewState: true,
        updatedAt: true,
        updatedBy: { select: { name: true } },
        comments: {
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { id: true, kind: true, body: true, createdAt: true, author: { select: { name: true } } },
        },
        evidence: {
          where: { deletedAt: null },
          orderBy: [{ uploadedAt: "asc" }, { id: "asc" }],
          select: { id: true, originalName: true, mimeType: true, sizeBytes: true, uploadedAt: true },
        },
      },
    }),
    prisma.assessmentFieldTotal.findMany({ where: { assessmentId: assessment.id } }),
  ]);

  const periodStatus = assessment.period.status as PeriodStatus;
  const status = assessment.status as AssessmentStatus;
  const role = isUserActor(actor) ? actor.role : null;
  const periodOpen = APPRAISAL_OPEN_PERIOD_STATES.includes(periodStatus);
  const claimOpen =
    claimWindow({
      periodStatus,
      assessmentStatus: status,
      reopenedAt: assessment.reopenedAt,
      opensAt: assessment.period.selfAssessmentOpensAt,
      deadline: assessment.period.selfAssessmentDeadline,
      now,
    }) === "open";
  const officer = role === "unit_officer";
  const council = role === "council";
  const mayExplain = officer && periodOpen && OFFICER_TURN_STATES.includes(status);
  const mayAppraise = council && periodOpen && assessmentStatusAfterDecision(status, "accept") !== null;
  const allowed = {
    saveSelfScores: officer && claimOpen,
    submit: officer && (status === "returned" ? periodOpen : claimOpen),
    explain: false,
    appraise: mayAppraise,
    approve: council && periodOpen && assessmentTransition(status, "approve") !== null,
    reopen: can(actor, "assessment.reopen") && REOPEN_PERIOD_STATES.includes(periodStatus),
  };

  const scoreByCriterion = new Map(scores.map((score) => [score.criterionId, score]));
  const totalsByField = new Map(fieldTotals.map((total) => [total.fieldId, total]));
  const nodes = new Map<string, WorkspaceNode>();
  const roots: WorkspaceNode[] = [];
  const progress = { unitLeaves: 0, totalLeaves: 0, decidedLeaves: 0, returnedLeaves: 0, explainedLeaves: 0, claimableMax: new Decimal(0) };
  for (const { node: criterion, depth, isLeaf } of inTreeOrder(criteria)) {
    let item: WorkspaceItem | null = null;
    if (isLeaf) {
      const score = scoreByCriterion.get(criterion.id);
      const reviewState = (score?.reviewState ?? "pending") as ReviewState;
      const answered = Boolean(score && (score.selfPoints !== null || score.selfNotApplicable));
      item = {
        self: {
          points: score?.selfPoints?.toString() ?? null,
          notApplicable: score?.selfNotApplicable ?? false,
          notApplicableReason: score?.selfNotApplicableReason ?? null,
          note: score?.selfNote ?? null,
          answered,
        },
        appraisal: {
          points: score?.appraisedPoints?.toString() ?? null,
          notApplicable: score?.notApplicable ?? false,
          notApplicableReason: score?.notApplicableReason ?? null,
          reason: score?.appraisalReason ?? null,
        },
        reviewState,
        version: score?.version ?? null,
        updatedBy: score?.updatedBy?.name ?? null,
        updatedAt: score?.updatedAt ?? null,
        comments: (score?.comments ?? []).map((comment) => ({
          id: comment.id,
          kind: comment.kind,
          body: comment.body,
          author: comment.author?.name ?? null,
          createdAt: comment.createdAt,
        })),
        evidence: score?.evidence ?? [],
        // A SIPAS-tied leaf takes its points from the approved SIPAS figures, never from a decision here.
        decisions: mayAppraise && !criterion.sipasInput ? decisionsFor({ state: reviewState, method: criterion.method, answered }) : [],
        canExplain: mayExplain && reviewState === "returned",
        sipasInput: criterion.sipasInput,
      };
      progress.totalLeaves += 1;
      if (criterion.method === "appraisal") {
        progress.unitLeaves += 1;
        progress.claimableMax = progress.claimableMax.plus(criterion.maxPoints.toString());
      }
      if (reviewState === "accepted" || reviewState === "adjusted") progress.decidedLeaves += 1;
      if (reviewState === "returned") progress.returnedLeaves += 1;
      if (reviewState === "explained") progress.explainedLeaves += 1;
    }
    const totals = depth === 1 ? totalsByField.get(criterion.id) : undefined;
    const node: WorkspaceNode = {
      code: criterion.code,
      name: criterion.name,
      nameEn: criterion.nameEn,
      maxPoints: criterion.maxPoints.toString(),
      method: criterion.method,
      depth,
      children: [],
      item,
      totals:
        depth === 1
          ? {
              selfPoints: totals?.selfPoints.toString() ?? "0",
              appraisedPoints: totals?.appraisalPoints.toString() ?? "0",
              surveyPoints: totals?.surveyPoints.toString() ?? "0",
              applicableMax: totals?.applicableMax.toString() ?? criterion.maxPoints.toString(),
              answeredLeaves: totals?.selfAnsweredLeaves ?? 0,
            }
          : null,
    };
    nodes.set(criterion.id, node);
    if (criterion.parentId) nodes.get(criterion.parentId)?.children.push(node);
    else roots.push(node);
  }
  // Something to explain: an item still returned.
  allowed.explain = mayExplain && progress.returnedLeaves > 0;
  const sum = (pick: (total: (typeof fieldTotals)[number]) => Decimal.Value) =>
    fieldTotals.reduce((total, row) => total.plus(pick(row)), new Decimal(0)).toFixed();

  return {
    period: {
      code: assessment.period.code,
      name: assessment.period.name,
      status: periodStatus,
      selfAssessmentOpensAt: assessment.period.selfAssessmentOpensAt,
      selfAssessmentDeadline: assessment.period.selfAssessmentDeadline,
      appraisalDeadline: assessment.period.appraisalDeadline,
    },
    unit: { code: assessment.unit.code, name: assessment.unit.name, groupCode: assessment.group.code, groupName: assessment.group.name },
    assessment: {
      status,
      version: assessment.version,
      submittedAt: assessment.submittedAt,
      approvedAt: assessment.approvedAt,
      approvedBy: assessment.approvedBy?.name ?? null,
      reopenedAt: assessment.reopenedAt,
      reopenReason: assessment.reopenReason,
    },
    tree: roots,
    progress: {
      unitLeaves: progress.unitLeaves,
      answeredLeaves: fieldTotals.reduce((total, row) => total + row.selfAnsweredLeaves, 0),
      totalLeaves: progress.totalLeaves,
      claimedPoints: sum((row) => row.selfPoints.toString()),
      claimableMax: progress.claimableMax.toFixed(),
      decidedLeaves: progress.decidedLeaves,
      returnedLeaves: progress.returnedLeaves,
      explainedLeaves: progress.explainedLeaves,
      appraisedPoints: sum((row) => new Decimal(row.appraisalPoints.toString()).plus(row.surveyPoints.toString())),
    },
    allowed,
  };
}
