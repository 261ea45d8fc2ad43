import type { UserActor } from "@/lib/auth/actor";
import { can } from "@/lib/review/permissions";
import { describeIssues } from "@/lib/domain/describe-issues";
import { saveSelfScoresInput, type SaveSelfScoresInput } from "@/lib/domain/self-score-input";
import { parseDecimalInput } from "@/lib/results-package/decimal-input";
import {
  findEditableAssessment,
  findLeafCriteria,
  findScoresForUpdate,
  markAssessmentInProgress,
  writeSelfScore,
} from "@/lib/data/self-assessment";
import { writeAuditLog } from "@/lib/data/audit-log";
import { staleItem } from "@/lib/domain/workflow-error";
import { inTransaction } from "@/lib/data/transaction";
import { recordDeniedUnitAccess } from "@/lib/data/access-denied-audit";
import { claimWindow, reviewStateAfterClaimRevision, type AssessmentStatus, type PeriodStatus } from "@/lib/review/assessment-workflow";
import Decimal from "decimal.js";

export type SelfScoreProblem = { criterionCode: string | null; code: string; vi: string; en: string };

export class SaveSelfScoresError extends Error {
  constructor(readonly problems: SelfScoreProblem[]) {
    super(problems.map((problem) => problem.en).join("; "));
    this.name = "SaveSelfScoresError";
  }
}

const CLOSED: Record<"published" | "closed" | "not_editable", Omit<SelfScoreProblem, "criterionCode">> = {
  published: {
    code: "published",
    vi: "Kỳ đánh giá đã công bố: điểm tự chấm chỉ còn để xem.",
    en: "The period is published: self-assessed points are read-only.",
  },
  closed: { code: "closed", vi: "Kỳ tự đánh giá đã đóng hoặc bản tự đánh giá đã nộp.", en: "Self-assessment is closed or already submitted." },
  not_editable: {
    code: "closed",
    vi: "Bản tự đánh giá đã nộp; tiêu chí bị trả lại được trả lời bằng giải trình.",
    en: "The self-assessment is submitted; returned items are answered with an explanation.",
  },
};

/**
 * An officer saves self-assessed points (or not applicable, with a reason) for leaves of their
 * own unit while self-assessment is open (see claimWindow: a unit home affairs reopened may save
 * past the deadline, also once the period is in appraisal). All items land or none; each change
 * is audited. A claim the council had already decided (possible only after a reopen) goes back
 * to the council.
 */
export async function saveSelfScores(actor: UserActor, input: SaveSelfScoresInput, now = new Date()): Promise<SavedSelfScores> {
  try {
    return await saveSelfScoresUnaudited(actor, input, now);
  } catch (error) {
    // Another unit's code finds nothing: the same answer as a unit that does not exist, and a
    // record of the attempt that survives the rollback.
    if (error instanceof SaveSelfScoresError && error.problems.some((problem) => problem.code === "not_found")) {
      await recordDeniedUnitAccess(actor, { periodCode: input.periodCode, unitCode: input.unitCode, action: "self_assessment.edit" });
    }
    throw error;
  }
}

function staleProblem(criterionCode: string, before: { updatedAt: Date; updatedBy: { name: string } | null } | null): SelfScoreProblem {
  const stale = staleItem(criterionCode, before?.updatedBy?.name ?? null, before?.updatedAt ?? null);
  return { criterionCode, code: "stale", vi: stale.vi, en: stale.en };
}

/** Each saved leaf's new version: the form sends it back with its next save of that leaf. */
export type SavedSelfScores = { versions: Record<string, number> };

async function saveSelfScoresUnaudited(actor: UserActor, input: SaveSelfScoresInput, now: Date): Promise<SavedSelfScores> {
  const parsed = saveSelfScoresInput.safeParse(input);
  if (!parsed.success) {
    const { vi, en } = describeIssues(parsed.error);
    throw new SaveSelfScoresError([{ criterionCode: null, code: "invalid", vi, en }]);
  }
  const command = parsed.data;
  if (!can(actor, "self_assessment.edit") || !actor.unitId) {
    throw new SaveSelfScoresError([
      { criterionCode: null, code: "forbidden", vi: "Chỉ cán bộ đầu mối của đơn vị được tự chấm điểm.", en: "Only the unit's officer may self-assess." },
    ]);
  }
  const actorUnitId = actor.unitId;

  return inTransaction(async (tx) => {
    const assessment = await findEditableAssessment(tx, { periodCode: command.periodCode, unitCode: command.unitCode, actorUnitId });
    if (!assessment) {
      throw new SaveSelfScoresError([
        { criterionCode: null, code: "not_found", vi: "Không tìm thấy bản tự đánh giá của đơn vị bạn trong kỳ này.", en: "Your unit has no self-assessment in this period." },
      ]);
    }
    const claimState = claimWindow({
      periodStatus: assessment.period.status as PeriodStatus,
      assessmentStatus: assessment.status as AssessmentStatus,
      reopenedAt: assessment.reopenedAt,
      opensAt: assessment.period.selfAssessmentOpensAt,
      deadline: assessment.period.selfAssessmentDeadline,
      now,
    });
    if (claimState !== "open") throw new SaveSelfScoresError([{ criterionCode: null, ...CLOSED[claimState] }]);

    const leaves = await findLeafCriteria(tx, assessment.period.criteriaSetId, command.items.map((item) => item.criterionCode));
    const leafByCode = new Map(leaves.map((leaf) => [leaf.code, leaf]));
    const existing = await findScoresForUpdate(tx, assessment.id, leaves.map((leaf) => leaf.id));
    const existingByCriterion = new Map(existing.map((score) => [score.criterionId, score]));
    const problems: SelfScoreProblem[] = [];
    const versions: Record<string, number> = {};

    for (const item of command.items) {
      const leaf = leafByCode.get(item.criterionCode);
      if (!leaf) {
        problems.push({ criterionCode: item.criterionCode, code: "unknown_criterion", vi: `Không có tiêu chí thành phần "${item.criterionCode}".`, en: `No leaf criterion "${item.criterionCode}".` });
        continue;
      }
      if (leaf.method === "survey") {
        problems.push({
          criterionCode: leaf.code,
          code: "survey_scored",
          vi: `Tiêu chí ${leaf.code} được chấm bằng điều tra xã hội học, đơn vị không tự chấm.`,
          en: `Criterion ${leaf.code} is scored by survey, not by the unit.`,
        });
        continue;
      }
      let points: string | null = null;
      if (item.notApplicable) {
        if (!item.notApplicableReason) {
          problems.push({ criterionCode: leaf.code, code: "reason_required", vi: `Tiêu chí ${leaf.code}: cần nêu lý do không đánh giá.`, en: `Criterion ${leaf.code}: give a reason for not applicable.` });
          continue;
        }
      } else if (item.points != null && item.points !== "") {
        const value = parseDecimalInput(item.points);
        if (!value.ok) {
          problems.push({ criterionCode: leaf.code, code: value.code, vi: `Tiêu chí ${leaf.code}: ${value.vi}`, en: `Criterion ${leaf.code}: ${value.en}` });
          continue;
        }
        if (value.value.greaterThan(leaf.maxPoints.toString())) {
          problems.push({
            criterionCode: leaf.code,
            code: "above_max",
            vi: `Tiêu chí ${leaf.code}: điểm ${value.value.toFixed()} vượt quá điểm tối đa ${leaf.maxPoints.toString()}.`,
            en: `Criterion ${leaf.code}: ${value.value.toFixed()} points exceed the maximum ${leaf.maxPoints.toString()}.`,
          });
          continue;
        }
        points = value.value.toFixed();
      }
      const before = existingByCriterion.get(leaf.id) ?? null;
      if ((before?.version ?? null) !== item.expectedVersion) {
        problems.push(staleProblem(leaf.code, before));
        continue;
      }
      const claimChanged =
        before !== null &&
        (before.selfNotApplicable !== item.notApplicable ||
          (before.selfPoints === null ? points !== null : points === null || !new Decimal(before.selfPoints.toString()).equals(points)));
      const written = await writeSelfScore(tx, {
        assessmentId: assessment.id,
        criterionId: leaf.id,
        existing: before,
        selfPoints: points,
        selfNotApplicable: item.notApplicable,
        selfNotApplicableReason: item.notApplicable ? (item.notApplicableReason ?? null) : null,
        selfNote: item.note,
        reviewState: claimChanged ? reviewStateAfterClaimRevision(before.reviewState) : undefined,
        actorId: actor.userId,
      });
      if (written) versions[leaf.code] = before ? before.version + 1 : 0;
      if (!written) {
        problems.push(staleProblem(leaf.code, before));
        continue;
      }
      await writeAuditLog(tx, {
        actorId: actor.userId,
        action: "self_score.save",
        entityType: "CriterionScore",
        entityId: written,
        periodId: assessment.period.id,
        unitId: actorUnitId,
        before: before
          ? { criterion: leaf.code, selfPoints: before.selfPoints?.toString() ?? null, notApplicable: before.selfNotApplicable, reviewState: before.reviewState }
          : { criterion: leaf.code },
        after: {
          criterion: leaf.code,
          selfPoints: points,
          notApplicable: item.notApplicable,
          ...(claimChanged ? { reviewState: reviewStateAfterClaimRevision(before.reviewState) } : {}),
        },
      });
    }
    // Throwing rolls back every item written above: a save is all or nothing.
    if (problems.length) throw new SaveSelfScoresError(problems);
    await markAssessmentInProgress(tx, assessment.id);
    return { versions };
  });
}
