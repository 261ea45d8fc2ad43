// A group's ranking as an Excel workbook: the CSV's table (write-rankings-csv.ts) for people who
// would otherwise fight a spreadsheet's CSV import. The columns and values are the CSV's, so the
// downloads never disagree; what a workbook adds is what CSV cannot carry: numbers that are numbers
// whatever the reader's decimal separator, a frozen and filterable header, widths, and the fields'
// names next to their codes.
//
// Text cells are never formulas in OOXML, so unlike the CSV no cell needs the formula guard and
// every value stays exactly as published.
import ExcelJS from "exceljs";
import type { RankingsJson } from "@/lib/results-package/rankings-json";
import { RANKINGS_CSV_COLUMNS, fieldColumns, rankingsFields } from "@/lib/results-package/write-rankings-csv";
import { HEADER_FILL, xlsxCellValue } from "@/lib/results-package/write-results-package-xlsx";

type ColumnKind = "text" | "rank" | "rankChange" | "decimal";

/**
 * The stored value is the API's number (half-up to 4 decimals); the format shows at least 2 and at
 * most 4 decimals, so 93.5 reads 93.50 beside 71.4286, with the reader's own decimal separator.
 */
const NUMBER_FORMATS: Record<Exclude<ColumnKind, "text">, string> = {
  rank: "0",
  rankChange: "+0;-0;0",
  decimal: "0.00##",
};

const COLUMN_KINDS: Record<(typeof RANKINGS_CSV_COLUMNS)[number], ColumnKind> = {
  period: "text",
  group: "text",
  rank: "rank",
  rankChange: "rankChange",
  unit: "text",
  unitName: "text",
  total: "decimal",
  applicableMax: "decimal",
  index: "decimal",
  band: "text",
};

const MIN_WIDTH = 8;
// A long unit name wraps the view less than a column wider than the screen would.
const MAX_WIDTH = 50;
const EXCEL_SHEET_NAME_LIMIT = 31;

export type RankingsWorkbookContext = {
  /** The group's name as published: the sheet is named after it. */
  groupName: string;
  /** Recorded as the workbook's creation time: the data's, not the download's. */
  publishedAt: Date;
};

export async function writeRankingsXlsx(rankings: RankingsJson, context: RankingsWorkbookContext): Promise<Buffer> {
  const fields = rankingsFields(rankings);
  const columns: { key: string; kind: ColumnKind; note?: string }[] = [
    ...RANKINGS_CSV_COLUMNS.map((key) => ({ key, kind: COLUMN_KINDS[key] })),
    ...fields.flatMap((field) => fieldColumns(field.code).map((key) => ({ key, kind: "decimal" as const, note: `${field.code}. ${field.name}` }))),
  ];

  const rows = rankings.rows.map((row) => {
    const byCode = new Map(row.fields.map((field) => [field.code, field]));
    return [
      rankings.period,
      rankings.group,
      row.rank,
      row.rankChange,
      row.unit.code,
      row.unit.name,
      row.total,
      row.applicableMax,
      row.index,
      row.band,
      ...fields.flatMap((field) => {
        const value = byCode.get(field.code);
        return value ? [value.points, value.maxPoints] : [null, null];
      }),
    ];
  });

  const workbook = new ExcelJS.Workbook();
  workbook.creator = "PAR Index portal";
  workbook.created = context.publishedAt;
  workbook.modified = context.publishedAt;
  const sheet = workbook.addWorksheet(rankingsSheetName(context.groupName, rankings.group), {
    views: [{ state: "frozen", ySplit: 1 }],
  });
  sheet.columns = columns.map((column, position) => ({
    key: column.key,
    width: columnWidth(column.key, rows.map((row) => displayed(row[position] ?? null, column.kind))),
    ...(column.kind === "text" ? {} : { style: { numFmt: NUMBER_FORMATS[column.kind] } }),
  }));

  const header = sheet.getRow(1);
  columns.forEach((column, position) => {
    const cell = header.getCell(position + 1);
    cell.value = column.key;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    if (column.note) cell.note = column.note;
  });
  rows.forEach((values, rowPosition) => {
    const row = sheet.getRow(rowPosition + 2);
    values.forEach((value, position) => {
      if (value !== null) row.getCell(position + 1).value = xlsxCellValue(value);
    });
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: rows.length + 1, column: columns.length } };

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * A valid sheet name from the group's name: Excel allows at most 31 characters, none of : \ / ? * [ ],
 * no apostrophe at either end, and not "History". The code stands in when nothing usable is left.
 */
export function rankingsSheetName(groupName: string, groupCode: string): string {
  for (const candidate of [groupName, groupCode]) {
    const cleaned = candidate
      .normalize("NFC")
      .replace(/[\p{Cc}:\\/?*[\]]/gu, " ")
      .replace(/\s+/g, " ")
      .trim()
      .replace(/^'+|'+$/g, "")
      .trim();
    const name = truncateAtWord(cleaned, EXCEL_SHEET_NAME_LIMIT);
    if (name !== "" && name.toLowerCase() !== "history") return name;
  }
  return "rankings";
}

/** At most `limit` UTF-16 units, cut between words when there is one to cut at. */
function truncateAtWord(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let kept = "";
  // By code points, so a character outside the BMP is never cut in half.
  for (const character of text) {
    if (kept.length + character.length > limit) break;
    kept += character;
  }
  const nextIsSpace = /^\s/.test(text.slice(kept.length));
  const lastSpace = kept.lastIndexOf(" ");
  if (!nextIsSpace && lastSpace > 0) kept = kept.slice(0, lastSpace);
  // A name cut after "phường," or before a closing quote would end in a dangling mark.
  return kept.replace(/[\s,;:.'-]+$/u, "");
}

/** Roughly what the cell shows, to size its column. */
function displayed(value: string | number | null, kind: ColumnKind): string {
  if (value === null) return "";
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
