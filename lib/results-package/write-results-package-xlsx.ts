// Writes a results package as an Excel workbook in the layout of xlsx-layout.ts, so that a province
// can open an export, correct it and import it again: reading what this writes gives back the same
// normalized package (tests/unit/results-package/xlsx-round-trip.test.ts).
//
// Numbers are numeric cells holding the exact value (at most 4 decimals, see toJsonNumber), never
// text, so the spreadsheet can sum them; codes are text cells in columns formatted as Text, so that
// a person typing "1.10" there keeps "1.10".
import ExcelJS from "exceljs";
import type { NormalizedPackage } from "@/lib/domain/results-package";
import { RESULTS_PACKAGE_FORMAT } from "@/lib/domain/results-package";
import { toJsonNumber } from "@/lib/results-package/write-results-package";
import {
  INSTRUCTIONS_GENERAL,
  INSTRUCTIONS_SHEET_NAME,
  PERIOD_SHEET,
  SIPAS_SHEET,
  TABLE_SHEETS,
  TEXT_FORMAT,
  TRUE_CELL,
  sipasElementColumn,
  type ColumnSpec,
  type TableSheetSpec,
} from "@/lib/results-package/xlsx-layout";

type CellInput = string | number | null;

export const HEADER_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE8EEF7" } };

/** The package as an .xlsx file. */
export async function writeResultsPackageXlsx(pkg: NormalizedPackage): Promise<Buffer> {
  return toBuffer(buildWorkbook(pkg));
}

/** The empty layout: every sheet with its header row, the period keys, and the instructions. */
export async function writeResultsPackageXlsxTemplate(): Promise<Buffer> {
  return toBuffer(buildWorkbook(null));
}

async function toBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function buildWorkbook(pkg: NormalizedPackage | null): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "PAR Index portal";
  addInstructionsSheet(workbook, pkg);
  addPeriodSheet(workbook, pkg);
  for (const spec of TABLE_SHEETS) {
    const { columns, rows } = tableContent(spec, pkg);
    addTableSheet(workbook, spec, columns, rows);
  }
  return workbook;
}

function tableContent(
  spec: TableSheetSpec,
  pkg: NormalizedPackage | null,
): { columns: readonly ColumnSpec[]; rows: CellInput[][] } {
  if (!pkg) return { columns: spec.columns, rows: [] };
  switch (spec.name) {
    case "criteria":
      return {
        columns: spec.columns,
        rows: pkg.criteriaSet.criteria.map((c) => [c.code, c.parentCode, c.name, toJsonNumber(c.maxPoints), c.method]),
      };
    case "groups":
      return { columns: spec.columns, rows: pkg.groups.map((g) => [g.code, g.name]) };
    case "bands":
      return { columns: spec.columns, rows: pkg.bands.map((b) => [b.label, toJsonNumber(b.minIndex)]) };
    case "tieBreakers":
      return { columns: spec.columns, rows: pkg.tieBreakers.map((key) => [key]) };
    case "units":
      return {
        columns: spec.columns,
        rows: pkg.units.map((u) => [u.code, u.name, u.group, u.predecessors.length > 0 ? u.predecessors.join(", ") : null]),
      };
    case "scores":
      return {
        columns: spec.columns,
        rows: pkg.scores.map((s) => [
          s.unit,
          s.criterion,
          s.points === null ? null : toJsonNumber(s.points),
          s.selfPoints === null ? null : toJsonNumber(s.selfPoints),
          s.reason,
          s.notApplicable ? TRUE_CELL : null,
        ]),
      };
    case "sipas": {
      // One column per element code, in the order the codes first appear.
      const codes = [...new Set(pkg.sipas.flatMap((row) => row.elements.map((e) => e.code)))];
      return {
        columns: [...SIPAS_SHEET.columns, ...codes.map(sipasElementColumn)],
        rows: pkg.sipas.map((row) => {
          const byCode = new Map(row.elements.map((e) => [e.code, toJsonNumber(e.index)]));
          return [row.unit, toJsonNumber(row.index), row.responses, ...codes.map((code) => byCode.get(code) ?? null)];
        }),
      };
    }
    default:
      throw new Error(`No writer for sheet ${spec.name}`);
  }
}

function addTableSheet(
  workbook: ExcelJS.Workbook,
  spec: TableSheetSpec,
  columns: readonly ColumnSpec[],
  rows: readonly CellInput[][],
): void {
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({
    key: c.key,
    width: c.width,
    // Only code columns are Text: free text may hold a number and must stay usable as one.
    ...(c.kind === "code" || c.kind === "codeList" ? { style: { numFmt: TEXT_FORMAT } } : {}),
  }));
  writeHeader(sheet, columns);
  rows.forEach((values, i) => {
    const row = sheet.getRow(i + 2);
    values.forEach((value, j) => {
      if (value !== null) row.getCell(j + 1).value = xlsxCellValue(value);
    });
  });
}

/**
 * Text as spreadsheet XML must carry it. XML cannot hold most control characters, and exceljs
 * silently drops them; OOXML writes them as "_xHHHH_", and a literal "_xHHHH_" in the text as
 * "_x005F_xHHHH_" so that it is not decoded. Without this a reason holding either would not
 * survive an export and re-import unchanged.
 */
export function xlsxCellValue(value: string | number): string | number {
  if (typeof value === "number") return value;
  return value
    .replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`);
}

function writeHeader(sheet: ExcelJS.Worksheet, columns: readonly ColumnSpec[]): void {
  const header = sheet.getRow(1);
  columns.forEach((c, j) => {
    const cell = header.getCell(j + 1);
    cell.value = c.key;
    cell.numFmt = TEXT_FORMAT;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.note = `${c.vi}\n${c.en}`;
  });
}

function addPeriodSheet(workbook: ExcelJS.Workbook, pkg: NormalizedPackage | null): void {
  const spec = PERIOD_SHEET;
  const sheet = workbook.addWorksheet(spec.name, { views: [{ state: "frozen", ySplit: 1 }] });
  sheet.columns = [
    { key: spec.keyColumn.key, width: spec.keyColumn.width },
    { key: spec.valueColumn.key, width: spec.valueColumn.width },
  ];
  writeHeader(sheet, [spec.keyColumn, spec.valueColumn]);
  const values = periodValues(pkg);
  spec.keys.forEach((key, i) => {
    const row = sheet.getRow(i + 2);
    const keyCell = row.getCell(1);
    keyCell.value = key.key;
    keyCell.note = `${key.vi}\n${key.en}`;
    const valueCell = row.getCell(2);
    // Everything but the year is text; the date too, so no locale can show it as 12/01 or 01/12.
    if (key.kind !== "integer") valueCell.numFmt = TEXT_FORMAT;
    const value = values[key.key];
    if (value !== undefined && value !== null) valueCell.value = xlsxCellValue(value);
  });
}

function periodValues(pkg: NormalizedPackage | null): Record<string, CellInput | undefined> {
  if (!pkg) return { format: RESULTS_PACKAGE_FORMAT };
  const { period } = pkg;
  return {
    format: RESULTS_PACKAGE_FORMAT,
    code: period.code,
    year: period.year,
    name: period.name,
    authority: period.authority,
    previous: period.previous,
    decisionNumber: period.decision?.number ?? null,
    decisionDate: period.decision?.date ?? null,
    criteriaSetCode: pkg.criteriaSet.code,
    criteriaSetName: pkg.criteriaSet.name,
  };
}

function addInstructionsSheet(workbook: ExcelJS.Workbook, pkg: NormalizedPackage | null): void {
  const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET_NAME);
  sheet.columns = [
    { key: "sheet", width: 14 },
    { key: "column", width: 18 },
    { key: "vi", width: 70, style: { alignment: { wrapText: true, vertical: "top" } } },
    { key: "en", width: 70, style: { alignment: { wrapText: true, vertical: "top" } } },
  ];
  const title = sheet.addRow(["Hướng dẫn", "Instructions", "Gói kết quả Chỉ số CCHC", "PAR Index results package"]);
  title.font = { bold: true, size: 13 };
  for (const remark of INSTRUCTIONS_GENERAL) sheet.addRow(["", "", remark.vi, remark.en]);
  sheet.addRow([]);
  const head = sheet.addRow(["Trang / Sheet", "Cột / Column", "Tiếng Việt", "English"]);
  head.font = { bold: true };
  head.eachCell((cell) => (cell.fill = HEADER_FILL));

  const sheetRow = (name: string, vi: string, en: string, required: boolean): void => {
    const row = sheet.addRow([
      name,
      "",
      `${vi}${required ? " (bắt buộc)" : ""}`,
      `${en}${required ? " (required)" : ""}`,
    ]);
    row.font = { bold: true };
  };
  const columnRow = (sheetName: string, c: ColumnSpec): void => {
    sheet.addRow([sheetName, c.key, `${c.vi}${c.required ? " — cột bắt buộc" : ""}`, `${c.en}${c.required ? " — required column" : ""}`]);
  };

  sheetRow(PERIOD_SHEET.name, PERIOD_SHEET.vi, PERIOD_SHEET.en, PERIOD_SHEET.required);
  for (const key of PERIOD_SHEET.keys) columnRow(PERIOD_SHEET.name, key);
  for (const spec of TABLE_SHEETS) {
    sheetRow(spec.name, spec.vi, spec.en, spec.required);
    for (const c of spec.columns) columnRow(spec.name, c);
    if (spec.name === SIPAS_SHEET.name) {
      const example = sipasElementColumn("access");
      columnRow(spec.name, { ...example, key: "element:<mã/code>" });
    }
  }
  if (pkg) {
    sheet.addRow([]);
    sheet.addRow([
      "",
      "",
      `Xuất từ kỳ đánh giá ${pkg.period.code}: ${pkg.units.length} đơn vị, ${pkg.scores.length} dòng điểm.`,
      `Exported from period ${pkg.period.code}: ${pkg.units.length} units, ${pkg.scores.length} score rows.`,
    ]);
  }
}
