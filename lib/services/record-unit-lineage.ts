import { UnitSetupError } from "@/lib/domain/setup-error";
import {
  deleteAssessments,
  insertAssessments,
  insertLineage,
  lockUnpublishedAssessments,
  markDissolved,
  unitsInPeriods,
} from "@/lib/data/units-admin";
import { writeAuditLog } from "@/lib/data/audit-log";
import type { Tx } from "@/lib/data/transaction";
import { auditActorId, type Actor } from "@/lib/auth/actor";

export type LineageUnit = { id: string; code: string; name: string };

/** A draft period in which the predecessors were replaced by their successors. */
export type DraftPeriodChange = { periodCode: string; removed: string[]; added: { unitCode: string; groupCode: string }[] };

const PERIOD_STATE = {
  self_assessment: { vi: "đang tự đánh giá", en: "in self-assessment" },
  appraisal: { vi: "đang thẩm định", en: "in appraisal" },
  approved: { vi: "đã phê duyệt, chờ công bố", en: "approved, awaiting publication" },
} as Record<string, { vi: string; en: string }>;

/**
 * The step a merge and a split share, inside their transaction, after the units are locked:
 * writes the lineage, dissolves the predecessors, and deals with periods not yet published.
 *
 * - A period under way (self-assessment, appraisal, approved) that evaluates a predecessor
 *   refuses the change: that unit's claims, evidence and appraisal are this year's record and
 *   belong to it. Record the change once the period is published (its results then stay the
 *   predecessor's, and the next period evaluates the successor), or take the unit out of the
 *   period first while it has no scores.
 * - A draft period evaluates the successors instead: the predecessors' (empty) assessments are
 *   removed and each successor not yet in it joins in the group of the first predecessor.
 */
export async function recordUnitLineage(
  tx: Tx,
  actor: Actor,
  change: {
    kind: "merge" | "split";
    predecessors: readonly LineageUnit[];
    successors: readonly LineageUnit[];
    effectiveOn: Date;
    note: string | null;
  },
): Promise<DraftPeriodChange[]> {
  const assessments = await lockUnpublishedAssessments(tx, change.predecessors.map((unit) => unit.id));
  const underWay = assessments.filter((assessment) => assessment.period.status !== "draft");
  if (underWay.length) {
    const list = (language: "vi" | "en") =>
      underWay
        .map((assessment) => `${assessment.unit.name} (${assessment.unit.code}) — ${assessment.period.name} (${PERIOD_STATE[assessment.period.status]?.[language] ?? assessment.period.status})`)
        .join("; ");
    const what = change.kind === "merge" ? { vi: "sáp nhập", en: "merge" } : { vi: "chia tách", en: "split" };
    throw new UnitSetupError(
      "in_open_period",
      `Chưa thể ghi nhận ${what.vi}: đơn vị đang được đánh giá trong kỳ chưa công bố: ${list("vi")}. Hãy ghi nhận sau khi kỳ đó được công bố, hoặc bỏ đơn vị khỏi kỳ đó trước (khi đơn vị chưa có điểm).`,
      `The ${what.en} cannot be recorded yet: a unit is being evaluated in a period not yet published: ${list("en")}. Record it once that period is published, or take the unit out of that period first (while it has no scores).`,
    );
  }
  const scored = assessments.filter((assessment) => assessment.scoreRows > 0);
  if (scored.length) {
    const list = scored.map((assessment) => `${assessment.unit.code} (${assessment.period.code})`).join(", ");
    throw new UnitSetupError(
      "has_scores",
      `Đơn vị đã có điểm trong kỳ đánh giá nháp: ${list}. Hãy xoá điểm đó trước.`,
      `A unit already has scores in a draft period: ${list}. Remove them first.`,
    );
  }

  await insertLineage(
    tx,
    change.predecessors.flatMap((predecessor) =>
      change.successors.map((successor) => ({
        predecessorId: predecessor.id,
        successorId: successor.id,
        kind: change.kind,
        effectiveOn: change.effectiveOn,
        note: change.note,
      })),
    ),
  );
  await markDissolved(tx, change.predecessors.map((unit) => unit.id), change.effectiveOn);

  const changes: DraftPeriodChange[] = [];
  const periodIds = [...new Set(assessments.map((assessment) => assessment.period.id))];
  const present = await unitsInPeriods(tx, periodIds, change.successors.map((unit) => unit.id));
  for (const periodId of periodIds) {
    const replaced = assessments.filter((assessment) => assessment.period.id === periodId);
    const period = replaced[0]!.period;
    const joining = change.successors.filter((successor) => !present.some((row) => row.periodId === periodId && row.unitId === successor.id));
    const groupId = replaced[0]!.groupId;
    await deleteAssessments(tx, replaced.map((assessment) => assessment.id));
    await insertAssessments(tx, joining.map((successor) => ({ periodId, unitId: successor.id, groupId })));
    const groupCode = replaced[0]!.group.code;
    const entry: DraftPeriodChange = {
      periodCode: period.code,
      removed: replaced.map((assessment) => assessment.unit.code),
      added: joining.map((successor) => ({ unitCode: successor.code, groupCode })),
    };
    changes.push(entry);
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "period.units",
      entityType: "Period",
      entityId: periodId,
      periodId,
      before: { removed: entry.removed },
      after: { added: entry.added, reason: `unit.${change.kind}` },
    });
  }
  return changes;
}

