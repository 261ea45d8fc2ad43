import type { Prisma } from "@/lib/generated/prisma/client";
import type { AssessmentStatus, PeriodStatus, ReviewState } from "@/lib/review/assessment-workflow";
import type { Tx } from "./transaction";

/**
 * The assessment a workflow step acts on, locked for the rest of the transaction: the assessment
 * FOR UPDATE (every writer of its scores and state takes it first, so they queue) and its period
 * FOR SHARE (a period transition or publication waits for this step, and this step sees the
 * period's state as of the lock). `unitId` confines an officer to their own unit in the where
 * clause: another unit's code finds nothing.
 */
export async function lockAssessment(tx: Tx, args: { periodCode: string; unitCode: string; unitId: string | null }) {
  const found = await tx.assessment.findFirst({
    where: {
      ...(args.unitId ? { unitId: args.unitId } : {}),
      unit: { code: args.unitCode },
      period: { code: args.periodCode },
    },
    select: { id: true, periodId: true },
  });
  if (!found) return null;
  await tx.$queryRaw`select id from "Assessment" where id = ${found.id} for update`;
  await tx.$queryRaw`select id from "Period" where id = ${found.periodId} for share`;
  // The criteria set too: its tree (a leaf's max, its method) cannot change under this write.
  await tx.$queryRaw`select cs.id from "CriteriaSet" cs join "Period" p on p."criteriaSetId" = cs.id where p.id = ${found.periodId} for share of cs`;
  const assessment = await tx.assessment.findUniqueOrThrow({
    where: { id: found.id },
    select: {
      id: true,
      status: true,
      version: true,
      submittedAt: true,
      reopenedAt: true,
      approvedAt: true,
      unit: { select: { id: true, code: true, name: true } },
      period: {
        select: { id: true, code: true, name: true, status: true, criteriaSetId: true, selfAssessmentOpensAt: true, selfAssessmentDeadline: true },
      },
    },
  });
  return {
    ...assessment,
    status: assessment.status as AssessmentStatus,
    period: { ...assessment.period, status: assessment.period.status as PeriodStatus },
  };
}

export type LockedAssessment = NonNullable<Awaited<ReturnType<typeof lockAssessment>>>;

const SCORE_SELECT = {
  id: true,
  version: true,
  selfPoints: true,
  selfNotApplicable: true,
  selfNotApplicableReason: true,
  appraisedPoints: true,
  notApplicable: true,
  notApplicableReason: true,
  appraisalReason: true,
  reviewState: true,
  updatedAt: true,
  updatedBy: { select: { name: true } },
} satisfies Prisma.CriterionScoreSelect;

export type ScoreRow = {
  id: string;
  version: number;
  selfPoints: string | null;
  selfNotApplicable: boolean;
  selfNotApplicableReason: string | null;
  appraisedPoints: string | null;
  notApplicable: boolean;
  notApplicableReason: string | null;
  appraisalReason: string | null;
  reviewState: ReviewState;
  updatedAt: Date;
  updatedByName: string | null;
};

function toScoreRow(row: Prisma.CriterionScoreGetPayload<{ select: typeof SCORE_SELECT }>): ScoreRow {
  return {
    id: row.id,
    version: row.version,
    selfPoints: row.selfPoints?.toString() ?? null,
    selfNotApplicable: row.selfNotApplicable,
    selfNotApplicableReason: row.selfNotApplicableReason,
    appraisedPoints: row.appraisedPoints?.toString() ?? null,
    notApplicable: row.notApplicable,
    notApplicableReason: row.notApplicableReason,
    appraisalReason: row.appraisalReason,
    reviewState: row.reviewState,
    updatedAt: row.updatedAt,
    updatedByName: row.updatedBy?.name ?? null,
  };
}

/** Whether the unit answered the leaf: points, or a not-applicable claim. */
export function isAnswered(score: Pick<ScoreRow, "selfPoints" | "selfNotApplicable"> | null): boolean {
  return Boolean(score && (score.selfPoints !== null || score.selfNotApplicable));
}

export type LeafRow = { id: string; code: string; name: string; maxPoints: string; method: "appraisal" | "survey" };

/** A leaf of the set by its code (null for an unknown code or a node that has children). */
export async function findLeaf(tx: Tx, criteriaSetId: string, code: string): Promise<LeafRow | null> {
  const leaf = await tx.criterion.findFirst({
    where: { criteriaSetId, code, children: { none: {} } },
    select: { id: true, code: true, name: true, maxPoints: true, method: true },
  });
  return leaf ? { ...leaf, maxPoints: leaf.maxPoints.toString() } : null;
}

export async function findScore(tx: Tx, assessmentId: string, criterionId: string): Promise<ScoreRow | null> {
  const row = await tx.criterionScore.findUnique({ where: { assessmentId_criterionId: { assessmentId, criterionId } }, select: SCORE_SELECT });
  return row ? toScoreRow(row) : null;
}

/** Every leaf of the set in tree order (depth first, siblings by their order) with its score row. */
export async function listLeavesWithScores(tx: Tx, assessmentId: string, criteriaSetId: string): Promise<(LeafRow & { score: ScoreRow | null })[]> {
  const criteria = await tx.criterion.findMany({
    where: { criteriaSetId },
    select: { id: true, parentId: true, code: true, name: true, maxPoints: true, method: true, order: true },
  });
  const scores = await tx.criterionScore.findMany({ where: { assessmentId }, select: { ...SCORE_SELECT, criterionId: true } });
  const scoreByCriterion = new Map(scores.map((score) => [score.criterionId, toScoreRow(score)]));
  return inTreeOrder(criteria)
    .filter((node) => node.isLeaf)
    .map(({ node }) => ({
      id: node.id,
      code: node.code,
      name: node.name,
      maxPoints: node.maxPoints.toString(),
      method: node.method,
      score: scoreByCriterion.get(node.id) ?? null,
    }));
}

/** Nodes depth first, siblings by `order` then code, each with its depth (1 = field). */
export function inTreeOrder<T extends { id: string; parentId: string | null; code: string; order: number }>(
  nodes: readonly T[],
): { node: T; depth: number; isLeaf: boolean }[] {
  const children = new Map<string | null, T[]>();
  for (const node of nodes) {
    const siblings = children.get(node.parentId) ?? [];
    siblings.push(node);
    children.set(node.parentId, siblings);
  }
  for (const siblings of children.values()) siblings.sort((a, b) => a.order - b.order || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const ordered: { node: T; depth: number; isLeaf: boolean }[] = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const node of children.get(parentId) ?? []) {
      ordered.push({ node, depth, isLeaf: !children.has(node.id) });
      visit(node.id, depth + 1);
    }
  };
  visit(null, 1);
  return ordered;
}

export type ScoreWrite = {
  selfPoints?: string | null;
  selfNotApplicable?: boolean;
  selfNotApplicableReason?: string | null;
  appraisedPoints?: string | null;
  notApplicable?: boolean;
  notApplicableReason?: string | null;
  appraisalReason?: string | null;
  reviewState?: ReviewState;
};

/**
 * Writes one leaf's row (creating it when the leaf had none, e.g. a survey leaf) only if nobody
 * changed it since the version the page read. Returns the row's id and new version, or null when
 * stale.
 */
export async function writeScore(
  tx: Tx,
  args: { assessmentId: string; criterionId: string; existing: { id: string; version: number } | null; data: ScoreWrite; actorId: string | null },
): Promise<{ id: string; version: number } | null> {
  if (!args.existing) {
    const created = await tx.criterionScore.create({
      data: { assessmentId: args.assessmentId, criterionId: args.criterionId, ...args.data, updatedById: args.actorId },
      select: { id: true, version: true },
    });
    return created;
  }
  const updated = await tx.criterionScore.updateMany({
    where: { id: args.existing.id, version: args.existing.version },
    data: { ...args.data, updatedById: args.actorId, version: { increment: 1 } },
  });
  return updated.count === 1 ? { id: args.existing.id, version: args.existing.version + 1 } : null;
}

/**
 * Accepts the given rows as claimed, in one statement (one refresh of the field totals instead
 * of one per leaf). Only rows still at the version read are written; returns those written.
 */
export async function acceptClaims(
  tx: Tx,
  args: { rows: { id: string; version: number }[]; actorId: string },
): Promise<{ id: string; version: number }[]> {
  if (args.rows.length === 0) return [];
  return tx.$queryRaw<{ id: string; version: number }[]>`
    update "CriterionScore" s
       set "appraisedPoints" = case when s."selfNotApplicable" then null else s."selfPoints" end,
           "notApplicable" = s."selfNotApplicable",
           "notApplicableReason" = case when s."selfNotApplicable" then s."selfNotApplicableReason" else null end,
           "appraisalReason" = null,
           "reviewState" = 'accepted',
           "updatedById" = ${args.actorId},
           "updatedAt" = now(),
           "version" = s."version" + 1
      from unnest(${args.rows.map((row) => row.id)}::text[], ${args.rows.map((row) => row.version)}::int[]) as expected(id, version)
     where s.id = expected.id and s.version = expected.version
    returning s.id, s.version`;
}

export async function addReviewComment(
  tx: Tx,
  args: { criterionScoreId: string; authorId: string | null; kind: "note" | "adjustment" | "return" | "explanation"; body: string },
): Promise<void> {
  await tx.reviewComment.create({ data: args });
}

/**
 * Changes the assessment's state and raises its version (an optimistic lock for the unit as a
 * whole: "accept the rest" or "approve" is refused when anything changed since the page looked).
 */
export async function updateAssessment(
  tx: Tx,
  args: {
    id: string;
    version: number;
    data: {
      status?: AssessmentStatus;
      submittedAt?: Date | null;
      approvedAt?: Date | null;
      approvedById?: string | null;
      reopenedAt?: Date | null;
      reopenReason?: string | null;
    };
  },
): Promise<number> {
  const updated = await tx.assessment.updateMany({ where: { id: args.id, version: args.version }, data: { ...args.data, version: { increment: 1 } } });
  // The row is locked FOR UPDATE by this transaction, so the version cannot have moved.
  if (updated.count !== 1) throw new Error(`Assessment ${args.id} changed under its lock`);
  return args.version + 1;
}

/** Actions that raise Assessment.version: who made the last one, and when, for a stale message. */
export const ASSESSMENT_VERSION_ACTIONS = [
  "assessment.submit",
  "assessment.resubmit",
  "assessment.approve",
  "assessment.reopen",
  "appraisal.accept",
  "appraisal.adjust",
  "appraisal.return",
  "appraisal.explain",
  // SIPAS approval writing the points of SIPAS-tied survey leaves (apply-sipas-to-survey-leaves).
  "sipas.apply_to_leaves",
];

export async function lastChange(tx: Tx, args: { periodId: string; unitId?: string; actions: readonly string[] }): Promise<{ name: string | null; at: Date } | null> {
  const row = await tx.auditLog.findFirst({
    where: { periodId: args.periodId, ...(args.unitId ? { unitId: args.unitId } : {}), action: { in: [...args.actions] } },
    orderBy: { id: "desc" },
    select: { at: true, actor: { select: { name: true } } },
  });
  return row ? { name: row.actor?.name ?? null, at: row.at } : null;
}
