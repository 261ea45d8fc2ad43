import { z } from "zod";
import type { UserActor } from "@/lib/auth/actor";
import { can } from "@/lib/review/permissions";
import { evidenceEditState } from "@/lib/domain/evidence-editable";
import { formatByteSize } from "@/lib/domain/evidence-file-rules";
import { SELF_ASSESSMENT_MAX_BYTES, orderCriteriaTree, type SheetScore } from "@/lib/domain/self-assessment-xlsx-layout";
import { readSelfAssessmentXlsx, rowProblem, type SheetProblem } from "@/lib/domain/self-assessment-xlsx-read";
import { SelfAssessmentXlsxError, invalidRowsError, planSelfAssessmentImport } from "@/lib/domain/self-assessment-xlsx-plan";
import { saveSelfScores, SaveSelfScoresError } from "@/lib/services/save-self-scores";
import { findSelfAssessmentForSheet } from "@/lib/data/self-assessment-xlsx";
import { recordDeniedUnitAccess } from "@/lib/data/access-denied-audit";
import { findEditableAssessment } from "@/lib/data/self-assessment";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";

const importInput = z.object({
  periodCode: z.string().trim().min(1).max(100),
  unitCode: z.string().trim().min(1).max(100),
});

export type ImportSelfAssessmentResult = {
  /** Leaves whose answer changed and was saved, in sheet order. */
  savedCriteria: string[];
  /** Leaf rows that already said what the portal holds. */
  unchanged: number;
};

/** saveSelfScores takes at most this many items at once (lib/domain/self-score-input.ts). */
const SAVE_BATCH = 500;

/**
 * An officer uploads the self-assessment workbook of exportSelfAssessmentXlsx, filled in. Every row
 * is checked and every problem reported with its row; if there is any, nothing is saved. Otherwise
 * the changed rows are saved through saveSelfScores, in one transaction with the file's own audit
 * entry, so the rules and the audit of a save from the web form apply unchanged.
 */
export async function importSelfAssessmentXlsx(
  actor: UserActor,
  input: { periodCode: string; unitCode: string; file: Blob | Uint8Array },
  options: { now?: Date } = {},
): Promise<ImportSelfAssessmentResult> {
  const now = options.now ?? new Date();
  const parsed = importInput.safeParse(input);
  if (!parsed.success) throw new SelfAssessmentXlsxError("invalid", "Thiếu kỳ đánh giá hoặc đơn vị.", "The period or unit is missing.");
  const { periodCode, unitCode } = parsed.data;
  if (!can(actor, "self_assessment.edit") || !actor.unitId) {
    throw new SelfAssessmentXlsxError("forbidden", "Chỉ cán bộ đầu mối của đơn vị được tự chấm điểm.", "Only the unit's officer may self-assess.");
  }
  const actorUnitId = actor.unitId;

  const size = input.file instanceof Blob ? input.file.size : input.file.byteLength;
  if (size > SELF_ASSESSMENT_MAX_BYTES) {
    throw new SelfAssessmentXlsxError(
      "too_large",
      `Tệp lớn hơn giới hạn ${formatByteSize(SELF_ASSESSMENT_MAX_BYTES, "vi")} của tệp tự đánh giá.`,
      `The file is larger than the ${formatByteSize(SELF_ASSESSMENT_MAX_BYTES, "en")} limit of a self-assessment file.`,
    );
  }
  const bytes = input.file instanceof Blob ? new Uint8Array(await input.file.arrayBuffer()) : input.file;
  const read = await readSelfAssessmentXlsx(bytes);
  if (!read.ok) {
    const [first] = read.problems;
    throw new SelfAssessmentXlsxError("invalid_file", first?.vi ?? "Tệp không hợp lệ.", first?.en ?? "The file is not valid.", read.problems);
  }
  if (read.periodCode !== periodCode) {
    throw new SelfAssessmentXlsxError(
      "wrong_period",
      `Tệp này thuộc kỳ "${read.periodCode}", không phải kỳ "${periodCode}": hãy tải tệp của kỳ này về.`,
      `This file belongs to period "${read.periodCode}", not "${periodCode}": download this period's file.`,
    );
  }
  if (read.unitCode !== unitCode) {
    throw new SelfAssessmentXlsxError(
      "wrong_unit",
      `Tệp này là bản tự đánh giá của đơn vị "${read.unitCode}", không phải "${unitCode}".`,
      `This file is the self-assessment of unit "${read.unitCode}", not "${unitCode}".`,
    );
  }

  try {
    return await inTransaction(async (tx) => {
      // The same locks as a save, taken first: the rows are compared with answers nobody can change meanwhile.
      const locked = await findEditableAssessment(tx, { periodCode, unitCode, actorUnitId });
      const found = locked ? await findSelfAssessmentForSheet({ periodCode, unitCode, scope: { unitId: actorUnitId } }, tx) : null;
      if (!locked || !found) throw notFound();
      const state = evidenceEditState(found.assessment, now);
      if (state === "published") {
        throw new SelfAssessmentXlsxError("published", "Kết quả kỳ này đã công bố: không sửa được điểm tự chấm.", "This period's results are published: self-assessed points can no longer change.");
      }
      if (state === "closed") {
        throw new SelfAssessmentXlsxError("closed", "Kỳ tự đánh giá đã đóng hoặc bản tự đánh giá đã nộp.", "Self-assessment is closed or already submitted.");
      }

      const scores = new Map<string, SheetScore>(found.scores.map((score) => [score.criterionCode, score]));
      const plan = planSelfAssessmentImport({ rows: read.rows, criteria: orderCriteriaTree(found.criteria), scores });
      const problems: SheetProblem[] = [...read.problems, ...plan.problems];
      const rowOf = new Map(plan.items.map((planned) => [planned.item.criterionCode, planned.row]));
      for (let start = 0; start < plan.items.length; start += SAVE_BATCH) {
        const items = plan.items.slice(start, start + SAVE_BATCH).map((planned) => planned.item);
        try {
          await saveSelfScores(actor, { periodCode, unitCode, items }, now);
        } catch (error) {
          if (!(error instanceof SaveSelfScoresError)) throw error;
          for (const problem of error.problems) {
            const row = problem.criterionCode ? rowOf.get(problem.criterionCode) : undefined;
            problems.push(row === undefined ? { row: null, cell: null, criterionCode: problem.criterionCode, code: problem.code, vi: problem.vi, en: problem.en } : rowProblem({ row }, problem.code, problem));
          }
        }
      }
      // Throwing rolls back whatever saveSelfScores wrote above: the file lands whole or not at all.
      if (problems.length) throw invalidRowsError(problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)));
      await writeAuditLog(tx, {
        actorId: actor.userId,
        action: "self_assessment.import",
        entityType: "Assessment",
        entityId: found.assessment.id,
        periodId: found.assessment.period.id,
        unitId: actorUnitId,
        after: { rows: read.rows.length, saved: plan.items.map((planned) => planned.item.criterionCode), unchanged: plan.unchanged },
      });
      return { savedCriteria: plan.items.map((planned) => planned.item.criterionCode), unchanged: plan.unchanged };
    });
  } catch (error) {
    if (error instanceof SelfAssessmentXlsxError && error.code === "not_found") {
      await recordDeniedUnitAccess(actor, { periodCode, unitCode, action: "self_assessment.import" });
    }
    throw error;
  }
}

function notFound(): SelfAssessmentXlsxError {
  return new SelfAssessmentXlsxError("not_found", "Không tìm thấy bản tự đánh giá của đơn vị bạn trong kỳ này.", "Your unit has no self-assessment in this period.");
}
