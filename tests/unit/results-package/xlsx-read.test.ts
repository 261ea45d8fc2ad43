import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { NormalizedPackage } from "@/lib/domain/results-package";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { readResultsPackageXlsx } from "@/lib/results-package/read-results-package-xlsx";
import { formatIssue, type ValidationIssue } from "@/lib/results-package/validation-error";
import { writeResultsPackageXlsx } from "@/lib/results-package/write-results-package-xlsx";
import { expectWellFormed, fixture, FIXTURE_TEXT, type Loose } from "./fixtures/commune-fixture";

function parse(input: unknown): NormalizedPackage {
  const result = parseResultsPackage(typeof input === "string" ? input : JSON.stringify(input));
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 1));
  return result.package;
}

const PKG = parse(FIXTURE_TEXT);

/** The fixture as a workbook a test may change before reading it back. */
async function workbookOf(pkg: NormalizedPackage = PKG): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeResultsPackageXlsx(pkg)) as unknown as ExcelJS.Buffer);
  return workbook;
}

async function bytesOf(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function read(workbook: ExcelJS.Workbook): Promise<NormalizedPackage> {
  const result = await readResultsPackageXlsx(await bytesOf(workbook));
  if (!result.ok) throw new Error(result.issues.map(formatIssue).join("\n"));
  return result.package;
}

async function issuesOf(input: ExcelJS.Workbook | Buffer): Promise<ValidationIssue[]> {
  const bytes = Buffer.isBuffer(input) ? input : await bytesOf(input);
  const result = await readResultsPackageXlsx(bytes);
  if (result.ok) throw new Error("expected the workbook to be rejected");
  expectWellFormed(result.issues);
  return result.issues;
}

function only(issues: ValidationIssue[], code: string): ValidationIssue {
  const found = issues.filter((i) => i.code === code);
  expect(found, issues.map(formatIssue).join("\n")).toHaveLength(1);
  return found[0]!;
}

/** The sheet row of a score: the header is row 1, the first score row 2. */
function scoreRow(unit: string, criterion: string, pkg: NormalizedPackage = PKG): number {
  const index = pkg.scores.findIndex((s) => s.unit === unit && s.criterion === criterion);
  if (index < 0) throw new Error(`no score ${unit} ${criterion}`);
  return index + 2;
}

const scores = (workbook: ExcelJS.Workbook): ExcelJS.Worksheet => workbook.getWorksheet("scores")!;

describe("cells that are not plain values", () => {
  it("refuses a formula, naming the sheet, row and column", async () => {
    const workbook = await workbookOf();
    const row = scoreRow("tien-chau", "1.2");
    scores(workbook).getCell(`C${row}`).value = { formula: `D${row}-0.5`, result: 4 };
    const found = only(await issuesOf(workbook), "xlsx_formula");
    expect(found).toMatchObject({ path: `scores!C${row}`, row, field: "points" });
    expect(found.vi).toContain(`scores!C${row}`);
    expect(found.en).toContain(`=D${row}-0.5`);
  });

  it("refuses a formula even where its result would be right, and adds no follow-up errors", async () => {
    const workbook = await workbookOf();
    scores(workbook).getCell("A2").value = { formula: '"tien-"&"chau"', result: "tien-chau" };
    const issues = await issuesOf(workbook);
    expect(issues.map((i) => i.code)).toEqual(["xlsx_formula"]);
    expect(issues[0]).toMatchObject({ path: "scores!A2", row: 2, field: "unit" });
  });

  it("refuses error values, hyperlinks, merged cells and dates where points belong", async () => {
    const workbook = await workbookOf();
    const sheet = scores(workbook);
    sheet.getCell("C2").value = { error: "#N/A" } as ExcelJS.CellErrorValue;
    sheet.getCell("A3").value = { text: "tien-chau", hyperlink: "https://example.org" };
    sheet.getCell("C4").value = new Date(Date.UTC(2023, 0, 12));
    sheet.mergeCells("E5:E6");
    sheet.getCell("E5").value = "Lý do chung";
    const issues = await issuesOf(workbook);
    expect(only(issues, "xlsx_error_value")).toMatchObject({ path: "scores!C2", row: 2 });
    expect(only(issues, "xlsx_error_value").vi).toContain("#N/A");
    expect(only(issues, "xlsx_hyperlink")).toMatchObject({ path: "scores!A3", field: "unit" });
    expect(only(issues, "xlsx_unexpected_date")).toMatchObject({ path: "scores!C4" });
    expect(issues.filter((i) => i.code === "xlsx_merged").map((i) => i.path)).toEqual(["scores!E5", "scores!E6"]);
  });

  it("refuses a percentage format, whose shown value differs from the stored one", async () => {
    const workbook = await workbookOf();
    const cell = workbook.getWorksheet("sipas")!.getCell("B2");
    cell.value = 0.9727;
    cell.numFmt = "0.00%";
    expect(only(await issuesOf(workbook), "xlsx_percent")).toMatchObject({ path: "sipas!B2", field: "index" });
  });

  it("accepts rich text in a name, but not in a code", async () => {
    const workbook = await workbookOf();
    const units = workbook.getWorksheet("units")!;
    units.getCell("B2").value = { richText: [{ text: "UBND xã " }, { font: { bold: true }, text: "Tiên Châu" }] };
    expect((await read(workbook)).units[0]?.name).toBe("UBND xã Tiên Châu");
    units.getCell("A2").value = { richText: [{ text: "tien-" }, { font: { bold: true }, text: "chau" }] };
    expect(only(await issuesOf(workbook), "xlsx_rich_text")).toMatchObject({ path: "units!A2", field: "code" });
  });
});

describe("numbers", () => {
  it('reads the text "12,5" as 12.5 exactly', async () => {
    const json: Loose = fixture();
    const survey = json.criteriaSet.criteria[7];
    survey.children[0].maxPoints = 12.5;
    survey.children[1].maxPoints = 9;
    for (const score of json.scores) if (score.criterion === "8.2") score.points = 9;
    const pkg = parse(json);
    const workbook = await workbookOf(pkg);
    const row = scoreRow("tien-chau", "8.1", pkg);
    scores(workbook).getCell(`C${row}`).value = "12,5";
    scores(workbook).getCell(`D${row}`).value = " 12.5 ";
    const score = (await read(workbook)).scores[row - 2]!;
    expect(score.points?.toFixed()).toBe("12.5");
    expect(score.selfPoints?.toFixed()).toBe("12.5");
  });

  it('refuses "1.234,5" as ambiguous, naming the cell', async () => {
    const workbook = await workbookOf();
    const row = scoreRow("tien-ky", "3.2");
    scores(workbook).getCell(`C${row}`).value = "1.234,5";
    const found = only(await issuesOf(workbook), "decimal_grouped");
    expect(found).toMatchObject({ path: `scores!C${row}`, row, field: "points" });
  });

  it("reads a number cell by its shortest decimal text, and refuses binary noise beyond 4 decimals", async () => {
    const workbook = await workbookOf();
    const sheet = scores(workbook);
    sheet.getCell("C2").value = 2.9999;
    sheet.getCell("C3").value = 0.1 + 0.2; // 0.30000000000000004 as a double: not what anyone typed
    const issues = await issuesOf(workbook);
    expect(only(issues, "decimal_too_many_decimals")).toMatchObject({ path: "scores!C3", row: 3 });
    sheet.getCell("C3").value = 0.3;
    expect((await read(workbook)).scores[0]?.points?.toFixed()).toBe("2.9999");
  });

  it("reports points above the maximum with the SHEET row", async () => {
    const workbook = await workbookOf();
    const row = scoreRow("tien-lanh", "3.2");
    expect(row).toBe(29); // scores[27], below the header row
    scores(workbook).getCell(`C${row}`).value = 7.5;
    const found = only(await issuesOf(workbook), "points_above_max");
    expect(found).toMatchObject({ path: `scores!C${row}`, row: 29, field: "points" });
    expect(formatIssue(found)).toContain("scores!C29 (dòng/row 29)");
  });

  it("rewrites row numbers quoted in messages as sheet rows", async () => {
    const workbook = await workbookOf();
    const sheet = scores(workbook);
    sheet.getCell("A3").value = "tien-chau-x";
    sheet.getCell("A5").value = "tien-chau-x";
    sheet.getCell("B7").value = "1.1"; // a second tien-chau 1.1 row: a duplicate of row 2
    const issues = await issuesOf(workbook);
    const unknown = only(issues, "unknown_unit");
    expect(unknown).toMatchObject({ path: "scores!A3", row: 3 });
    expect(unknown.vi).toContain("các dòng 3, 5");
    expect(unknown.en).toContain("rows 3, 5");
    const duplicate = only(issues, "duplicate_score");
    expect(duplicate).toMatchObject({ path: "scores!7:7", row: 7 });
    expect(duplicate.en).toContain("at row 2");
    expect(duplicate.en).not.toContain("scores[");
  });
});

describe("text, codes, yes/no and dates", () => {
  it("accepts the yes/no words, a TRUE cell and empty; refuses anything else", async () => {
    const workbook = await workbookOf();
    const sheet = scores(workbook);
    const na = scoreRow("tien-lanh", "2.1");
    sheet.getCell(`F${na}`).value = "Có";
    sheet.getCell("F2").value = "không";
    sheet.getCell("F3").value = false;
    sheet.getCell("F4").value = 0;
    expect((await read(workbook)).scores.filter((s) => s.notApplicable).map((s) => s.row)).toEqual([na - 1]);
    sheet.getCell(`F${na}`).value = true;
    expect((await read(workbook)).scores[na - 2]?.notApplicable).toBe(true);
    sheet.getCell(`F${na}`).value = 1;
    expect((await read(workbook)).scores[na - 2]?.notApplicable).toBe(true);
    sheet.getCell(`F${na}`).value = "yes please";
    expect(only(await issuesOf(workbook), "xlsx_invalid_boolean")).toMatchObject({ path: `scores!F${na}`, row: na });
  });

  it("accepts a whole number as a code, refuses a fraction (Excel turns 1.10 into 1.1)", async () => {
    const workbook = await workbookOf();
    const criteria = workbook.getWorksheet("criteria")!;
    criteria.getCell("A2").value = 1; // field "1"
    expect((await read(workbook)).criteriaSet.criteria[0]?.code).toBe("1");
    criteria.getCell("A3").value = 1.1;
    expect(only(await issuesOf(workbook), "xlsx_code_fraction")).toMatchObject({ path: "criteria!A3", row: 3 });
  });

  it("reads the decision date from a date cell, YYYY-MM-DD or dd/mm/yyyy text", async () => {
    const workbook = await workbookOf();
    const period = workbook.getWorksheet("period")!;
    const dateRow = period.getColumn(1).values.indexOf("decisionDate");
    expect(dateRow).toBeGreaterThan(1);
    period.getCell(`B${dateRow}`).value = new Date(Date.UTC(2023, 0, 12));
    period.getCell(`B${dateRow}`).numFmt = "dd/mm/yyyy";
    expect((await read(workbook)).period.decision?.date).toBe("2023-01-12");
    period.getCell(`B${dateRow}`).value = "12/1/2023";
    expect((await read(workbook)).period.decision?.date).toBe("2023-01-12");
    period.getCell(`B${dateRow}`).value = "31/02/2023";
    expect(only(await issuesOf(workbook), "invalid_calendar_date")).toMatchObject({
      path: `period!B${dateRow}`,
      row: dateRow,
      field: "decisionDate",
    });
    period.getCell(`B${dateRow}`).value = "12.01.2023";
    expect(only(await issuesOf(workbook), "xlsx_expected_date").row).toBe(dateRow);
  });

  it("names the period key in messages about the period sheet", async () => {
    const workbook = await workbookOf();
    const period = workbook.getWorksheet("period")!;
    const row = period.getColumn(1).values.indexOf("criteriaSetCode");
    period.getCell(`B${row}`).value = null;
    const found = only(await issuesOf(workbook), "required");
    expect(found).toMatchObject({ path: `period!B${row}`, row, field: "criteriaSetCode" });
    expect(found.en).toContain('"criteriaSetCode"');
  });
});

describe("the layout", () => {
  it("reports a missing sheet and nothing else", async () => {
    const workbook = await workbookOf();
    workbook.removeWorksheet(workbook.getWorksheet("units")!.id);
    const issues = await issuesOf(workbook);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: "xlsx_missing_sheet", path: "units" });
    expect(issues[0]!.en).toContain('"scores"'); // lists the sheets that are there
  });

  it("reports a missing or doubled column in the header row", async () => {
    const workbook = await workbookOf();
    scores(workbook).getCell("C1").value = "point";
    scores(workbook).getCell("G1").value = "reason";
    const issues = await issuesOf(workbook);
    expect(only(issues, "xlsx_missing_column")).toMatchObject({ path: "scores!1:1", row: 1, field: "points" });
    expect(only(issues, "xlsx_duplicate_column")).toMatchObject({ path: "scores!G1", field: "reason" });
    expect(issues).toHaveLength(2);
  });

  it("accepts columns in any order, extra columns, other sheets and blank rows, and names sheet rows", async () => {
    const workbook = await workbookOf();
    const groups = workbook.getWorksheet("groups")!;
    groups.spliceColumns(1, 2, ["name", "Khối xã, thị trấn"], ["ghi chú", "bỏ qua / ignored"], ["code", "xa"]);
    const units = workbook.getWorksheet("units")!;
    units.spliceRows(3, 0, [], ["", "", "", ""]); // two blank rows: tien-lanh moves to row 5
    workbook.addWorksheet("Ghi chú").getCell("A1").value = "không đọc";
    const back = await read(workbook);
    expect(back.groups).toEqual([{ code: "xa", name: "Khối xã, thị trấn" }]);
    expect(back.units.map((u) => u.code)).toEqual(["tien-chau", "tien-lanh", "tien-ky"]);

    units.getCell("C5").value = "khoi-x";
    expect(only(await issuesOf(workbook), "unknown_group")).toMatchObject({ path: "units!C5", row: 5, field: "group" });
  });

  it("nests the flat criteria by parentCode, and says where a parent is missing or below", async () => {
    const workbook = await workbookOf();
    const criteria = workbook.getWorksheet("criteria")!;
    // Row 3 is 1.1 (parent 1); point it at a parent that does not exist.
    criteria.getCell("B3").value = "9";
    let issues = await issuesOf(workbook);
    expect(only(issues, "xlsx_parent_unknown")).toMatchObject({ path: "criteria!B3", row: 3, field: "parentCode" });
    criteria.getCell("B3").value = "2";
    issues = await issuesOf(workbook);
    expect(only(issues, "xlsx_parent_not_above")).toMatchObject({ path: "criteria!B3", row: 3 });
  });

  it("places errors of the tree on the criteria row", async () => {
    const workbook = await workbookOf();
    const criteria = workbook.getWorksheet("criteria")!;
    criteria.getCell("D2").value = 14; // field 1 is 13.5
    const found = only(await issuesOf(workbook), "max_points_mismatch");
    expect(found).toMatchObject({ path: "criteria!D2", row: 2, field: "maxPoints" });
    criteria.getCell("D2").value = 13.5;
    criteria.getCell("A4").value = "1.1"; // 1.2 becomes a second 1.1
    const duplicate = (await issuesOf(workbook)).find((i) => i.code === "duplicate_code")!;
    expect(duplicate).toMatchObject({ path: "criteria!A4", row: 4 });
    expect(duplicate.vi).toContain("trang criteria dòng 3");
    expect(duplicate.en).toContain("sheet criteria row 3");
  });

  it("places SIPAS element errors on the element's column", async () => {
    const workbook = await workbookOf();
    const sipas = workbook.getWorksheet("sipas")!;
    expect(sipas.getCell("E1").value).toBe("element:procedures");
    sipas.getCell("E2").value = 101;
    const found = only(await issuesOf(workbook), "index_out_of_range");
    expect(found).toMatchObject({ path: "sipas!E2", row: 2, field: "element:procedures" });
  });
});

describe("files that are not a workbook", () => {
  it("says so for garbage bytes, an empty file, JSON, an old .xls and a damaged .xlsx", async () => {
    expect((await issuesOf(Buffer.from("garbage bytes, not a spreadsheet")))[0]?.code).toBe("xlsx_not_zip");
    expect((await issuesOf(Buffer.alloc(0)))[0]?.code).toBe("input_empty");
    const json = (await issuesOf(Buffer.from(FIXTURE_TEXT)))[0]!;
    expect(json.code).toBe("xlsx_not_zip");
    expect(json.en).toContain(".json");
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect((await issuesOf(ole))[0]?.code).toBe("xlsx_legacy_format");
    const whole = await writeResultsPackageXlsx(PKG);
    expect((await issuesOf(whole.subarray(0, whole.length >> 1)))[0]?.code).toBe("xlsx_corrupt");
    const damaged = Buffer.from(whole);
    damaged.fill(0x41, 200, 2000); // inside the first member's compressed data
    expect((await issuesOf(damaged))[0]?.code).toBe("xlsx_corrupt");
  });

  it("refuses a file above maxBytes, and content that would expand past the limit", async () => {
    const whole = await writeResultsPackageXlsx(PKG);
    const big = await readResultsPackageXlsx(whole, { maxBytes: 1000 });
    expect(big.ok || big.issues[0]?.code).toBe("input_too_large");
    const bomb = await readResultsPackageXlsx(whole, { maxUncompressedBytes: 10_000 });
    expect(bomb.ok || bomb.issues[0]?.code).toBe("xlsx_too_large_uncompressed");
  });
});
