// A group's ranking as CSV: the same table as the rankings API's JSON, one row per unit, for
// people who open it in a spreadsheet. Conventions of the scores CSV (write-results-package-csv.ts):
// UTF-8 with a BOM so that spreadsheet software shows Vietnamese names, CRLF, RFC 4180 quoting with
// the formula-injection guard, and numbers with a decimal point (the file is data, not a display).
// Numbers are the JSON's own values (half-up to 4 decimals), so the two downloads never disagree.
import Decimal from "decimal.js";
import type { RankingsJson } from "@/lib/results-package/rankings-json";
import { csvDecimal, csvField } from "@/lib/results-package/write-results-package-csv";

export const RANKINGS_CSV_COLUMNS = [
  "period",
  "group",
  "rank",
  "rankChange",
  "unit",
  "unitName",
  "total",
  "applicableMax",
  "index",
  "band",
] as const;

const BOM = "\uFEFF";
const CRLF = "\r\n";

/** Then two columns per field (lĩnh vực), in the criteria set's order: its points and its maximum. */
export function fieldColumns(fieldCode: string): [points: string, maxPoints: string] {
  return [`field_${fieldCode}_points`, `field_${fieldCode}_maxPoints`];
}

/**
 * The fields that get columns, in order. Every unit of a period shares one criteria set, so rows
 * list the same fields; a union in first-seen order still keeps every value under its own column
 * should one row lack a field.
 */
export function rankingsFields(rankings: RankingsJson): { code: string; name: string }[] {
  const fields = new Map<string, { code: string; name: string }>();
  for (const row of rankings.rows) {
    for (const field of row.fields) if (!fields.has(field.code)) fields.set(field.code, { code: field.code, name: field.name });
  }
  return [...fields.values()];
}

export function writeRankingsCsv(rankings: RankingsJson): string {
  const fieldCodes = rankingsFields(rankings).map((field) => field.code);
  const header = [...RANKINGS_CSV_COLUMNS, ...fieldCodes.flatMap(fieldColumns)];
  const lines = [header.map(csvField).join(",")];
  for (const row of rankings.rows) {
    const fields = new Map(row.fields.map((field) => [field.code, field]));
    const cells = [
      rankings.period,
      rankings.group,
      String(row.rank),
      row.rankChange === null ? "" : String(row.rankChange),
      row.unit.code,
      row.unit.name,
      csvNumber(row.total),
      csvNumber(row.applicableMax),
      csvNumber(row.index),
      row.band ?? "",
      ...fieldCodes.flatMap((code) => {
        const field = fields.get(code);
        return field ? [csvNumber(field.points), csvNumber(field.maxPoints)] : ["", ""];
      }),
    ];
    lines.push(cells.map(csvField).join(","));
  }
  return BOM + lines.join(CRLF) + CRLF;
}

/** A JSON number of the API as CSV text: 71.4286, 93.5, 0 (never an exponent). */
function csvNumber(value: number): string {
  return csvDecimal(new Decimal(value));
}
