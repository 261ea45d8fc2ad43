import type { UserActor } from "@/lib/auth/actor";
import { can } from "@/lib/review/permissions";
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
import { inTransaction } from "@/lib/data/transaction";

export type SelfScoreProblem = { criterionCode: string | null; code: string; vi: string; en: string };

export class SaveSelfScoresError extends Error {
  constructor(readonly problems: SelfScoreProblem[]) {
    super(problems.map((problem) => problem.en).join("; "));
    this.name = "SaveSelfScoresError";
  }
}

const EDITABLE_STATES = new Set(["not_started", "in_progress", "returned"]);

/**
 * An officer saves self-assessed points (or not applicable, with a reason) for leaves of their
 * own unit while self-assessment is open. All items land or none; each change is audited.
 */
export async function saveSelfScores(actor: UserActor, input: SaveSelfScoresInput, now = new Date()): Promise<void> {
  const parsed = saveSelfScoresInput.safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
    throw new SaveSelfScoresError([{ criterionCode: null, code: "invalid", vi: message, en: message }]);
  }
  const command = parsed.data;
  if (!can(actor, "self_assessment.edit") || !actor.unitId) {
    throw new SaveSelfScoresError([
      { criterionCode: null, code: "forbidden", vi: "Chỉ cán bộ đầu mối của đơn vị được tự chấm điểm.", en: "Only the unit's officer may self-assess." },
    ]);
  }
  const actorUnitId = actor.unitId;

  await inTransaction(async (tx) => {
    const assessment = await findEditableAssessment(tx, { periodCode: command.periodCode, unitCode: command.unitCode, actorUnitId });
    if (!assessment) {
      throw new SaveSelfScoresError([
        { criterionCode: null, code: "not_found", vi: "Không tìm thấy bản tự đánh giá của đơn vị bạn trong kỳ này.", en: "Your unit has no self-assessment in this period." },
      ]);
    }
    const { selfAssessmentOpensAt: opensAt, selfAssessmentDeadline: deadline } = assessment.period;
    // A unit reopened by home affairs after the deadline may save until it submits again.
    const open =
      assessment.period.status === "self_assessment" &&
      EDITABLE_STATES.has(assessment.status) &&
      (!opensAt || now >= opensAt) &&
      (!deadline || now <= deadline || Boolean(assessment.reopenedAt));
    if (!open) {
      throw new SaveSelfScoresError([
        { criterionCode: null, code: "closed", vi: "Kỳ tự đánh giá đã đóng hoặc bản tự đánh giá đã nộp.", en: "Self-assessment is closed or already submitted." },
      ]);
    }

    const leaves = await findLeafCriteria(tx, assessment.period.criteriaSetId, command.items.map((item) => item.criterionCode));
    const leafByCode = new Map(leaves.map((leaf) => [leaf.code, leaf]));
    const existing = await findScoresForUpdate(tx, assessment.id, leaves.map((leaf) => leaf.id));
    const existingByCriterion = new Map(existing.map((score) => [score.criterionId, score]));
    const problems: SelfScoreProblem[] = [];

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
        problems.push({ criterionCode: leaf.code, code: "stale", vi: `Tiêu chí ${leaf.code} vừa được người khác lưu: hãy tải lại.`, en: `Criterion ${leaf.code} was saved by someone else: reload.` });
        continue;
      }
      const written = await writeSelfScore(tx, {
        assessmentId: assessment.id,
        criterionId: leaf.id,
        existing: before,
        selfPoints: points,
        selfNotApplicable: item.notApplicable,
        selfNotApplicableReason: item.notApplicable ? (item.notApplicableReason ?? null) : null,
        selfNote: item.note,
        actorId: actor.userId,
      });
      if (!written) {
        problems.push({ criterionCode: leaf.code, code: "stale", vi: `Tiêu chí ${leaf.code} vừa được người khác lưu: hãy tải lại.`, en: `Criterion ${leaf.code} was saved by someone else: reload.` });
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
          ? { criterion: leaf.code, selfPoints: before.selfPoints?.toString() ?? null, notApplicable: before.selfNotApplicable }
          : { criterion: leaf.code },
        after: { criterion: leaf.code, selfPoints: points, notApplicable: item.notApplicable },
      });
    }
    // Throwing rolls back every item written above: a save is all or nothing.
    if (problems.length) throw new SaveSelfScoresError(problems);
    await markAssessmentInProgress(tx, assessment.id);
  });
}
