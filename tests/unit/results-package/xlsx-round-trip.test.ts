import Decimal from "decimal.js";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { NormalizedPackage } from "@/lib/domain/results-package";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { readResultsPackageXlsx } from "@/lib/results-package/read-results-package-xlsx";
import {
  writeResultsPackageXlsx,
  writeResultsPackageXlsxTemplate,
} from "@/lib/results-package/write-results-package-xlsx";
import {
  CRITERIA_SHEET,
  INSTRUCTIONS_SHEET_NAME,
  PERIOD_SHEET,
  SCORES_SHEET,
  TABLE_SHEETS,
  columnLetter,
  cellReference,
} from "@/lib/results-package/xlsx-layout";
import { expectWellFormed, fixture, FIXTURE_TEXT, type Loose } from "./fixtures/commune-fixture";

/** Decimals compared by value and shown as text, so a failure is readable. */
function comparable(value: unknown): unknown {
  if (Decimal.isDecimal(value)) return `#${value.toFixed()}`;
  if (Array.isArray(value)) return value.map(comparable);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]));
  }
  return value;
}

function parse(input: unknown): NormalizedPackage {
  const result = parseResultsPackage(typeof input === "string" ? input : JSON.stringify(input));
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 1));
  return result.package;
}

async function roundTrip(pkg: NormalizedPackage): Promise<NormalizedPackage> {
  const result = await readResultsPackageXlsx(await writeResultsPackageXlsx(pkg));
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 1));
  return result.package;
}

async function load(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}

describe("xlsx export → import", () => {
  const pkg = parse(FIXTURE_TEXT);

  it("gives back an equal package", async () => {
    expect(comparable(await roundTrip(pkg))).toEqual(comparable(pkg));
  });

  it("keeps a package without the optional parts", async () => {
    const json: Loose = fixture();
    delete json.period.previous;
    delete json.period.decision;
    delete json.bands;
    delete json.tieBreakers;
    delete json.sipas;
    json.units[2].predecessors = ["a", "b"];
    const bare = parse(json);
    const back = await roundTrip(bare);
    expect(comparable(back)).toEqual(comparable(bare));
    expect(back.period.decision).toBeNull();
    expect(back.units[2]?.predecessors).toEqual(["a", "b"]);
  });

  it("keeps awkward values exactly: 4 decimals, codes like 1.10, text like =1+1", async () => {
    const json: Loose = fixture();
    const field = json.criteriaSet.criteria[0];
    field.children[0].code = "1.10";
    for (const score of json.scores) if (score.criterion === "1.1") score.criterion = "1.10";
    json.scores[0].points = "2.9999";
    json.scores[0].reason = '=HYPERLINK("http://x") ; "quoted", multi\nline';
    json.units[0].name = "0123";
    json.scores[3].reason = "control \u0007 and \u000b characters, a literal _x0041_ and _x005F_";
    const awkward = parse(json);
    const back = await roundTrip(awkward);
    expect(comparable(back)).toEqual(comparable(awkward));
    expect(back.scores[0]).toMatchObject({ criterion: "1.10", reason: '=HYPERLINK("http://x") ; "quoted", multi\nline' });
    expect(back.scores[0]?.points?.toFixed()).toBe("2.9999");
  });

  it("writes numbers as numeric cells holding the exact value, codes as text", async () => {
    const workbook = await load(await writeResultsPackageXlsx(pkg));
    const scores = workbook.getWorksheet(SCORES_SHEET.name)!;
    const row = pkg.scores.findIndex((s) => s.unit === "tien-chau" && s.criterion === "1.3.2") + 2;
    expect(scores.getCell(`A${row}`).value).toBe("tien-chau");
    expect(scores.getCell(`B${row}`).value).toBe("1.3.2");
    expect(scores.getCell(`C${row}`).type).toBe(ExcelJS.ValueType.Number);
    expect(scores.getCell(`C${row}`).value).toBe(3.47);
    expect(scores.getCell(`D${row}`).value).toBe(3.5);
    const comma = pkg.scores.findIndex((s) => s.unit === "tien-ky" && s.criterion === "3.2") + 2;
    expect(scores.getCell(`C${comma}`).value).toBe(6.875);
    const na = pkg.scores.findIndex((s) => s.notApplicable) + 2;
    expect(scores.getCell(`C${na}`).value).toBeNull();
    expect(scores.getCell(`F${na}`).value).toBe("x");
    const criteria = workbook.getWorksheet(CRITERIA_SHEET.name)!;
    expect(criteria.getCell("A2").value).toBe("1");
    expect(criteria.getCell("D2").value).toBe(13.5);
  });
});

describe("the workbook layout", () => {
  it("has the instructions first, then period and one sheet per list, each with its header row", async () => {
    const workbook = await load(await writeResultsPackageXlsxTemplate());
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      INSTRUCTIONS_SHEET_NAME,
      PERIOD_SHEET.name,
      ...TABLE_SHEETS.map((s) => s.name),
    ]);
    for (const spec of TABLE_SHEETS) {
      const sheet = workbook.getWorksheet(spec.name)!;
      const header = spec.columns.map((_, i) => sheet.getCell(`${columnLetter(i + 1)}1`).value);
      expect(header).toEqual(spec.columns.map((c) => c.key));
      expect(sheet.actualRowCount).toBe(1);
      // Each header cell carries its Vietnamese and English label.
      expect(String(sheet.getCell("A1").note)).toContain(spec.columns[0]!.vi);
    }
    const period = workbook.getWorksheet(PERIOD_SHEET.name)!;
    const keys = PERIOD_SHEET.keys.map((_, i) => period.getCell(`A${i + 2}`).value);
    expect(keys).toEqual(PERIOD_SHEET.keys.map((k) => k.key));
    expect(period.getCell("B2").value).toBe("par-index.results/1");
    const instructions = workbook.getWorksheet(INSTRUCTIONS_SHEET_NAME)!;
    const text = instructions.getSheetValues().flat().join(" ");
    expect(text).toContain("dấu phẩy");
    expect(text).toContain("Formulas");
    expect(text).toContain("công thức");
  });

  it("an empty template is read as a package that lacks its data, not as a broken file", async () => {
    const result = await readResultsPackageXlsx(await writeResultsPackageXlsxTemplate());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expectWellFormed(result.issues);
    const required = result.issues.find((i) => i.code === "required" && i.field === "code");
    expect(required).toMatchObject({ path: cellReference("period", 3, 2), row: 3 });
    expect(result.issues.map((i) => i.code)).toContain("too_few_items");
  });
});
