// The one workbook layout of every public table download (SIPAS, a unit's history, a comparison),
// the league tables' own (write-rankings-xlsx.ts): the CSV's columns and values in one sheet, with
// numbers stored as numbers whatever the reader's decimal separator, a frozen and filterable
// header, column widths, and notes naming what a column's code stands for.
//
// Text cells are never formulas in OOXML, so unlike the CSV no cell needs the formula guard and
// every value stays exactly as published.
import ExcelJS from "exceljs";
import { HEADER_FILL, xlsxCellValue } from "@/lib/results-package/write-results-package-xlsx";
import { rankingsSheetName } from "@/lib/results-package/write-rankings-xlsx";

export type TableColumnKind = "text" | "integer" | "rankChange" | "decimal" | "boolean";

export type TableColumn = {
  key: string;
  kind: TableColumnKind;
  /** Shown on the header cell: the name behind a code (a field's, an element's). */
  note?: string;
};

export type TableCell = string | number | boolean | null;

export type TableWorkbook = {
  /** Made into a name Excel accepts; `sheetFallback` when nothing of it is usable. */
  sheetName: string;
  sheetFallback: string;
  columns: readonly TableColumn[];
  /** Aligned with `columns`; null leaves the cell empty. */
  rows: readonly (readonly TableCell[])[];
  /** Recorded as the workbook's creation time: the data's, not the download's. */
  created: Date;
};

/**
 * As the league tables: the stored value is the API's number (half-up to 4 decimals); the format
 * shows at least 2 and at most 4 decimals, so 93.5 reads 93.50 beside 71.4286.
 */
const NUMBER_FORMATS: Record<Exclude<TableColumnKind, "text" | "boolean">, string> = {
  integer: "0",
  rankChange: "+0;-0;0",
  decimal: "0.00##",
};

const MIN_WIDTH = 8;
// A long unit name wraps the view less than a column wider than the screen would.
const MAX_WIDTH = 50;

export async function writeTableXlsx(table: TableWorkbook): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "PAR Index portal";
  workbook.created = table.created;
  workbook.modified = table.created;
  const sheet = workbook.addWorksheet(rankingsSheetName(table.sheetName, table.sheetFallback), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = table.columns.map((column, position) => ({
    key: column.key,
    width: columnWidth(column.key, table.rows.map((row) => displayed(row[position] ?? null, column.kind))),
    ...(column.kind === "text" || column.kind === "boolean" ? {} : { style: { numFmt: NUMBER_FORMATS[column.kind] } }),
  }));

  const header = sheet.getRow(1);
  table.columns.forEach((column, position) => {
    const cell = header.getCell(position + 1);
    cell.value = column.key;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    if (column.note) cell.note = column.note;
  });
  table.rows.forEach((values, rowPosition) => {
    const row = sheet.getRow(rowPosition + 2);
    values.forEach((value, position) => {
      if (value === null) return;
      row.getCell(position + 1).value = typeof value === "boolean" ? value : xlsxCellValue(value);
    });
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: table.rows.length + 1, column: table.columns.length } };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Roughly what the cell shows, to size its column. */
function displayed(value: TableCell, kind: TableColumnKind): string {
  if (value === null) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (kind === "decimal") {
    const text = String(value);
    return (text.split(".")[1]?.length ?? 0) >= 2 ? text : value.toFixed(2);
  }
  if (kind === "rankChange" && value > 0) return `+${value}`;
  return String(value);
}

function columnWidth(header: string, values: readonly string[]): number {
  const longest = values.reduce((widest, value) => Math.max(widest, value.length), header.length);
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}
