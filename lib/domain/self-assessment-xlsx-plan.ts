// Turns the rows read from an uploaded self-assessment workbook into the items to save: only rows
// that differ from what the portal holds, each with the version it was exported from. What makes a
// value acceptable (points within the maximum, a reason for not applicable, no survey leaf, the
// version still current) is left to saveSelfScores, the one place those rules live; here are only
// the problems particular to a spreadsheet (unknown or repeated codes, a group row filled in).
import { UseCaseError } from "@/lib/domain/use-case-error";
import { selfScoreItemInput } from "@/lib/domain/self-score-input";
import { parseDecimalInput } from "@/lib/results-package/decimal-input";
import { rowProblem, type SheetProblem, type SheetRow } from "@/lib/domain/self-assessment-xlsx-read";
import type { SheetCriterion, SheetScore } from "@/lib/domain/self-assessment-xlsx-layout";

export type SelfAssessmentXlsxErrorCode =
  | "invalid"
  | "forbidden"
  | "not_found"
  | "closed"
  | "published"
  | "too_large"
  | "invalid_file"
  | "wrong_period"
  | "wrong_unit"
  | "invalid_rows";

/** An upload refused; `problems` lists every problem found, each with its sheet row where it has one. */
export class SelfAssessmentXlsxError extends UseCaseError<SelfAssessmentXlsxErrorCode> {
  constructor(
    code: SelfAssessmentXlsxErrorCode,
    vi: string,
    en: string,
    readonly problems: SheetProblem[] = [],
  ) {
    super(code, vi, en);
  }
}

export function invalidRowsError(problems: SheetProblem[]): SelfAssessmentXlsxError {
  const n = problems.length;
  return new SelfAssessmentXlsxError(
    "invalid_rows",
    `Tệp có ${n} lỗi; chưa có gì được lưu. Hãy sửa các dòng được nêu rồi tải lên lại.`,
    `The file has ${n} ${n === 1 ? "problem" : "problems"}; nothing was saved. Fix the rows listed and upload again.`,
    problems,
  );
}

export type PlannedItem = {
  row: number;
  item: {
    criterionCode: string;
    points: string | null;
    notApplicable: boolean;
    notApplicableReason: string | null;
    note: string | null;
    expectedVersion: number | null;
  };
};

export type ImportPlan = { items: PlannedItem[]; problems: SheetProblem[]; unchanged: number };

export function planSelfAssessmentImport(args: {
  rows: readonly SheetRow[];
  criteria: readonly SheetCriterion[];
  scores: ReadonlyMap<string, SheetScore>;
}): ImportPlan {
  const byCode = new Map(args.criteria.map((criterion) => [criterion.code, criterion]));
  const firstRow = new Map<string, number>();
  const items: PlannedItem[] = [];
  const problems: SheetProblem[] = [];
  let unchanged = 0;

  for (const row of args.rows) {
    const place = { row: row.row, criterionCode: row.code };
    const seen = firstRow.get(row.code);
    if (seen !== undefined) {
      problems.push(rowProblem(place, "duplicate_row", { vi: `mã này đã có ở dòng ${seen}`, en: `this code already appears on row ${seen}` }));
      continue;
    }
    firstRow.set(row.code, row.row);
    if (row.refused) continue;
    const criterion = byCode.get(row.code);
    if (!criterion) {
      problems.push(rowProblem(place, "unknown_criterion", { vi: "không có tiêu chí mã này trong bộ chỉ số của kỳ", en: "the period's criteria set has no criterion with this code" }));
      continue;
    }
    const filled = row.selfPoints !== null || row.notApplicable || row.notApplicableReason !== null || row.note !== null;
    if (!criterion.isLeaf) {
      if (filled) {
        problems.push(
          rowProblem(place, "group_row_filled", {
            vi: "đây là dòng lĩnh vực/tiêu chí (có tiêu chí con): không chấm ở dòng này mà ở các tiêu chí thành phần",
            en: "this is a field/criterion row (it has children): score its leaf criteria instead",
          }),
        );
      }
      continue;
    }
    if (row.notApplicable && row.selfPoints !== null) {
      problems.push(rowProblem(place, "points_with_not_applicable", { vi: "đã ghi \"x\" không đánh giá thì không ghi điểm", en: "a not-applicable row takes no points" }));
      continue;
    }
    if (!row.notApplicable && row.notApplicableReason !== null) {
      problems.push(
        rowProblem(place, "reason_without_not_applicable", {
          vi: "có lý do không đánh giá nhưng chưa ghi \"x\" ở cột Không đánh giá",
          en: "a reason for not applicable is given but the not-applicable column is not marked \"x\"",
        }),
      );
      continue;
    }
    const current = args.scores.get(row.code);
    if (sameAnswer(row, current)) {
      unchanged += 1;
      continue;
    }
    const item = {
      criterionCode: row.code,
      points: row.notApplicable ? null : row.selfPoints,
      notApplicable: row.notApplicable,
      notApplicableReason: row.notApplicable ? row.notApplicableReason : null,
      note: row.note,
      expectedVersion: expectedVersion(row, current),
    };
    const shape = selfScoreItemInput.safeParse(item);
    if (!shape.success) {
      for (const issue of shape.error.issues) {
        const field = String(issue.path[0] ?? "");
        const maximum = "maximum" in issue ? Number(issue.maximum) : undefined;
        problems.push(
          rowProblem(place, "too_long", {
            vi: `${FIELD_NAMES[field]?.vi ?? field} quá dài${maximum ? ` (tối đa ${maximum} ký tự)` : ""}`,
            en: `${FIELD_NAMES[field]?.en ?? field} is too long${maximum ? ` (at most ${maximum} characters)` : ""}`,
          }),
        );
      }
      continue;
    }
    items.push({ row: row.row, item });
  }
  return { items, problems, unchanged };
}

const FIELD_NAMES: Record<string, { vi: string; en: string }> = {
  points: { vi: "điểm", en: "the points" },
  notApplicableReason: { vi: "lý do không đánh giá", en: "the reason" },
  note: { vi: "ghi chú", en: "the note" },
  criterionCode: { vi: "mã tiêu chí", en: "the code" },
};

/**
 * The version the row replaces. A file exported before anything was saved on the leaf says none;
 * if the leaf has since got an empty row (its first evidence file creates one), nothing the officer
 * could have seen was changed, so the row's version stands in.
 */
function expectedVersion(row: SheetRow, current: SheetScore | undefined): number | null {
  if (row.version === null && current && isBlank(current)) return current.version;
  return row.version;
}

function isBlank(score: SheetScore): boolean {
  return score.selfPoints === null && !score.selfNotApplicable && !score.selfNotApplicableReason && !score.selfNote;
}

/** Whether the row says what the portal already holds (so saving it would change nothing). */
function sameAnswer(row: SheetRow, current: SheetScore | undefined): boolean {
  if (row.notApplicable !== (current?.selfNotApplicable ?? false)) return false;
  if (row.note !== (current?.selfNote?.trim() || null)) return false;
  if (row.notApplicable) return row.notApplicableReason === (current?.selfNotApplicableReason?.trim() || null);
  const stored = current?.selfPoints ?? null;
  if (row.selfPoints === null || stored === null) return row.selfPoints === stored;
  const written = parseDecimalInput(row.selfPoints);
  return written.ok && written.value.eq(stored);
}
