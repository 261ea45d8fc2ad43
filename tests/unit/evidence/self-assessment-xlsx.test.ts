import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import {
  FIRST_DATA_ROW,
  SELF_ASSESSMENT_MAX_BYTES,
  SURVEY_MARK,
  columnNumber,
  orderCriteriaTree,
  selfAssessmentXlsxFileName,
  type ColumnKey,
  type SelfAssessmentSheet,
  type SheetScore,
} from "@/lib/domain/self-assessment-xlsx-layout";
import { writeSelfAssessmentXlsx } from "@/lib/domain/self-assessment-xlsx-write";
import { readSelfAssessmentXlsx, type ReadSelfAssessmentResult } from "@/lib/domain/self-assessment-xlsx-read";
import { planSelfAssessmentImport } from "@/lib/domain/self-assessment-xlsx-plan";
import { html, legacyExcel } from "./evidence-fixtures";

const records = [
  { id: "f2", parentId: null, code: "2", name: "Tác động của CCHC", maxPoints: "40", method: "survey" as const, order: 2 },
  { id: "f1", parentId: null, code: "1", name: "Công tác chỉ đạo, điều hành", maxPoints: "60", method: "appraisal" as const, order: 1 },
  { id: "c12", parentId: "f1", code: "1.2", name: "Văn bản QPPL", maxPoints: "30", method: "appraisal" as const, order: 2 },
  { id: "c11", parentId: "f1", code: "1.1", name: "Kế hoạch CCHC", maxPoints: "30", method: "appraisal" as const, order: 1 },
  { id: "l111", parentId: "c11", code: "1.1.1", name: "Ban hành kế hoạch", maxPoints: "12.5", method: "appraisal" as const, order: 1 },
  { id: "l112", parentId: "c11", code: "1.1.2", name: "Thực hiện kế hoạch", maxPoints: "17.5", method: "appraisal" as const, order: 2 },
  { id: "l21", parentId: "f2", code: "2.1", name: "Mức độ hài lòng", maxPoints: "40", method: "survey" as const, order: 1 },
];

const criteria = orderCriteriaTree(records);
// Rows: 6 "1", 7 "1.1", 8 "1.1.1", 9 "1.1.2", 10 "1.2", 11 "2", 12 "2.1".
const ROW = { "1": 6, "1.1": 7, "1.1.1": 8, "1.1.2": 9, "1.2": 10, "2": 11, "2.1": 12 } as const;

const saved = new Map<string, SheetScore>([
  ["1.1.1", { selfPoints: "12.125", selfNotApplicable: false, selfNotApplicableReason: null, selfNote: "Kế hoạch số 12/KH-UBND", version: 3 }],
  ["1.2", { selfPoints: null, selfNotApplicable: true, selfNotApplicableReason: "Không ban hành văn bản QPPL", selfNote: null, version: 0 }],
]);

const sheet: SelfAssessmentSheet = {
  period: { code: "son-la-2025", name: "Chỉ số CCHC năm 2025" },
  unit: { code: "so-noi-vu", name: "Sở Nội vụ" },
  criteria,
  scores: saved,
};

async function edit(buffer: Buffer, change: (sheet: ExcelJS.Worksheet) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  change(workbook.getWorksheet("tu-danh-gia")!);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const cell = (worksheet: ExcelJS.Worksheet, code: keyof typeof ROW, key: ColumnKey) => worksheet.getRow(ROW[code]).getCell(columnNumber(key));

function rowsOf(read: ReadSelfAssessmentResult) {
  if (!read.ok) throw new Error(read.problems.map((problem) => problem.en).join("; "));
  return read;
}

describe("the self-assessment workbook", () => {
  it("lists the tree in order, fields and criteria before their leaves", () => {
    expect(criteria.map((criterion) => [criterion.code, criterion.depth, criterion.isLeaf])).toEqual([
      ["1", 1, false],
      ["1.1", 2, false],
      ["1.1.1", 3, true],
      ["1.1.2", 3, true],
      ["1.2", 2, true],
      ["2", 1, false],
      ["2.1", 2, true],
    ]);
    expect(selfAssessmentXlsxFileName("son-la-2025", "so noi/vu")).toBe("tu-danh-gia-son-la-2025-so-noi-vu.xlsx");
  });

  it("reads back exactly what it wrote, so an untouched file changes nothing", async () => {
    const read = rowsOf(await readSelfAssessmentXlsx(await writeSelfAssessmentXlsx(sheet)));
    expect(read.periodCode).toBe("son-la-2025");
    expect(read.unitCode).toBe("so-noi-vu");
    expect(read.problems).toEqual([]);
    expect(read.rows.find((row) => row.code === "1.1.1")).toEqual({
      row: ROW["1.1.1"],
      code: "1.1.1",
      selfPoints: "12.125",
      notApplicable: false,
      notApplicableReason: null,
      note: "Kế hoạch số 12/KH-UBND",
      version: 3,
      refused: false,
    });
    expect(read.rows.find((row) => row.code === "2.1")).toMatchObject({ selfPoints: null, version: null });
    expect(planSelfAssessmentImport({ rows: read.rows, criteria, scores: saved })).toEqual({ items: [], problems: [], unchanged: 4 });
  });

  it("marks group rows bold, survey leaves as not self-assessed, and writes instructions in Vietnamese", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeSelfAssessmentXlsx(sheet)) as unknown as ExcelJS.Buffer);
    const scores = workbook.getWorksheet("tu-danh-gia")!;
    expect(cell(scores, "1.1", "code").font?.bold).toBe(true);
    expect(cell(scores, "1.1.1", "code").font?.bold).toBeFalsy();
    expect(cell(scores, "1.1.1", "selfPoints").fill).toMatchObject({ fgColor: { argb: "FFFFF7D6" } });
    expect(cell(scores, "1.1", "selfPoints").fill).toMatchObject({ fgColor: { argb: "FFEFEFEF" } });
    expect(cell(scores, "2.1", "notApplicable").fill).toBeUndefined();
    expect(cell(scores, "2.1", "selfPoints").value).toBe(SURVEY_MARK);
    expect(cell(scores, "1.1.1", "selfPoints").value).toBe(12.125);
    expect(scores.getRow(ROW["1.1.1"]).getCell(columnNumber("version")).value).toBe(3);
    const instructions = workbook.getWorksheet("hướng dẫn")!;
    const text = instructions.getColumn(1).values.join(" ");
    expect(text).toContain("dấu phẩy");
    expect(text).toContain("Sở Nội vụ");
  });

  it("turns the officer's changes into items carrying the version each row was exported from", async () => {
    const filled = await edit(await writeSelfAssessmentXlsx(sheet), (scores) => {
      cell(scores, "1.1.1", "selfPoints").value = "12,5";
      cell(scores, "1.1.2", "selfPoints").value = 7.25;
      cell(scores, "1.1.2", "note").value = "Báo cáo quý IV";
      cell(scores, "1.2", "notApplicable").value = null;
      cell(scores, "1.2", "notApplicableReason").value = null;
      cell(scores, "1.2", "selfPoints").value = 30;
    });
    const read = rowsOf(await readSelfAssessmentXlsx(filled));
    const plan = planSelfAssessmentImport({ rows: read.rows, criteria, scores: saved });
    expect(plan.problems).toEqual([]);
    expect(plan.items).toEqual([
      { row: ROW["1.1.1"], item: { criterionCode: "1.1.1", points: "12,5", notApplicable: false, notApplicableReason: null, note: "Kế hoạch số 12/KH-UBND", expectedVersion: 3 } },
      { row: ROW["1.1.2"], item: { criterionCode: "1.1.2", points: "7.25", notApplicable: false, notApplicableReason: null, note: "Báo cáo quý IV", expectedVersion: null } },
      { row: ROW["1.2"], item: { criterionCode: "1.2", points: "30", notApplicable: false, notApplicableReason: null, note: null, expectedVersion: 0 } },
    ]);
  });

  it("does not count a value typed differently (12,125 for 12.125) as a change", async () => {
    const filled = await edit(await writeSelfAssessmentXlsx(sheet), (scores) => {
      cell(scores, "1.1.1", "selfPoints").value = "12,1250";
    });
    const plan = planSelfAssessmentImport({ rows: rowsOf(await readSelfAssessmentXlsx(filled)).rows, criteria, scores: saved });
    expect(plan.items).toEqual([]);
  });

  it("lets a leaf whose only change since the export is an empty row (from its first evidence file) be saved", async () => {
    const filled = await edit(await writeSelfAssessmentXlsx(sheet), (scores) => {
      cell(scores, "1.1.2", "selfPoints").value = 5;
    });
    const withEmptyRow = new Map(saved).set("1.1.2", { selfPoints: null, selfNotApplicable: false, selfNotApplicableReason: null, selfNote: null, version: 0 });
    const plan = planSelfAssessmentImport({ rows: rowsOf(await readSelfAssessmentXlsx(filled)).rows, criteria, scores: withEmptyRow });
    expect(plan.items.map((planned) => planned.item)).toMatchObject([{ criterionCode: "1.1.2", expectedVersion: 0 }]);
  });

  it("reports every problem of the spreadsheet at once, each with its row", async () => {
    const filled = await edit(await writeSelfAssessmentXlsx(sheet), (scores) => {
      cell(scores, "1.1", "selfPoints").value = 10; // a criterion row with children
      cell(scores, "1.1.1", "selfPoints").value = { formula: "5+5", result: 10 };
      cell(scores, "1.1.2", "selfPoints").value = new Date("2025-03-01");
      // As Excel does when a date is typed (a copy: exceljs shares style objects between cells).
      cell(scores, "1.1.2", "selfPoints").style = { ...cell(scores, "1.1.2", "selfPoints").style, numFmt: "dd/mm/yyyy" };
      cell(scores, "1.2", "selfPoints").value = 3; // still marked not applicable
      const extra = scores.getRow(13);
      extra.getCell(columnNumber("code")).value = "9.9";
      extra.getCell(columnNumber("selfPoints")).value = 1;
      const twice = scores.getRow(14);
      twice.getCell(columnNumber("code")).value = "1.1.2";
      twice.getCell(columnNumber("selfPoints")).value = 2;
      const fraction = scores.getRow(15);
      fraction.getCell(columnNumber("code")).value = 1.1;
      fraction.getCell(columnNumber("selfPoints")).value = 2;
      const reasonOnly = scores.getRow(16);
      reasonOnly.getCell(columnNumber("code")).value = "1.1.1";
      const badFlag = scores.getRow(17);
      badFlag.getCell(columnNumber("code")).value = "2.1";
      badFlag.getCell(columnNumber("notApplicable")).value = "có lẽ";
      const badVersion = scores.getRow(18);
      badVersion.getCell(columnNumber("code")).value = "1";
      badVersion.getCell(columnNumber("version")).value = "mới";
    });
    const read = rowsOf(await readSelfAssessmentXlsx(filled));
    const plan = planSelfAssessmentImport({ rows: read.rows, criteria, scores: saved });
    const found = [...read.problems, ...plan.problems].map((problem) => [problem.row, problem.code])
      .sort((a, b) => Number(a[0]) - Number(b[0]) || String(a[1]).localeCompare(String(b[1])));
    expect(found).toEqual([
      [ROW["1.1"], "group_row_filled"],
      [ROW["1.1.1"], "formula"],
      [ROW["1.1.2"], "date_value"],
      [ROW["1.2"], "points_with_not_applicable"],
      [13, "unknown_criterion"],
      [14, "duplicate_row"],
      [15, "code_number"],
      [16, "duplicate_row"],
      [17, "duplicate_row"],
      [17, "invalid_yes_no"],
      [18, "duplicate_row"],
      [18, "invalid_version"],
    ]);
    const formula = read.problems.find((problem) => problem.code === "formula")!;
    expect(formula.vi).toBe(`Dòng ${ROW["1.1.1"]}, ô E${ROW["1.1.1"]} (tiêu chí 1.1.1): ô chứa công thức; hãy sao chép và dán giá trị (Paste Values)`);
    expect(formula.en).toBe(`Row ${ROW["1.1.1"]}, cell E${ROW["1.1.1"]} (criterion 1.1.1): the cell holds a formula; copy and Paste Values instead`);
  });

  it("refuses a reason for not applicable without the mark, rather than dropping the reason", async () => {
    const filled = await edit(await writeSelfAssessmentXlsx(sheet), (scores) => {
      cell(scores, "1.1.2", "notApplicableReason").value = "Không phát sinh";
    });
    const plan = planSelfAssessmentImport({ rows: rowsOf(await readSelfAssessmentXlsx(filled)).rows, criteria, scores: saved });
    expect(plan.problems.map((problem) => [problem.row, problem.code])).toEqual([[ROW["1.1.2"], "reason_without_not_applicable"]]);
  });

  it.each([
    ["an HTML page", () => html(), "not_xlsx"],
    ["an old .xls file", () => legacyExcel(), "not_xlsx"],
    ["an empty file", () => Buffer.alloc(0), "file_empty"],
    ["a file over 5 MiB", () => Buffer.alloc(SELF_ASSESSMENT_MAX_BYTES + 1), "too_large"],
  ])("refuses %s as a whole", async (_what, make, code) => {
    const read = await readSelfAssessmentXlsx(make());
    expect(read.ok).toBe(false);
    expect(read.problems.map((problem) => problem.code)).toEqual([code]);
    expect(read.problems[0]!.vi).not.toBe(read.problems[0]!.en);
  });

  it("refuses a workbook that is not a self-assessment from the portal", async () => {
    const other = new ExcelJS.Workbook();
    other.addWorksheet("scores").addRow(["unit", "criterion", "points"]);
    const read = await readSelfAssessmentXlsx(Buffer.from(await other.xlsx.writeBuffer()));
    expect(read.problems.map((problem) => problem.code)).toEqual(["missing_sheet"]);

    const tampered = await edit(await writeSelfAssessmentXlsx(sheet), (scores) => {
      scores.getCell("B3").value = "something-else";
      scores.getRow(5).getCell(columnNumber("version")).value = "phien-ban";
    });
    const tamperedRead = await readSelfAssessmentXlsx(tampered);
    expect(tamperedRead.problems.map((problem) => problem.code)).toEqual(["wrong_format", "missing_column"]);
  });

  it("starts the data right under the key row", () => {
    expect(FIRST_DATA_ROW).toBe(ROW["1"]);
  });
});
