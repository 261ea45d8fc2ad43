// The one CSV layout of every public table download (SIPAS, a unit's history, a comparison), the
// league tables' own (write-rankings-csv.ts): UTF-8 with a BOM so that spreadsheet software shows
// Vietnamese names, CRLF, RFC 4180 quoting with the formula-injection guard, and numbers with a
// decimal point (the file is data, not a display). Numbers are the JSON's own values (half-up to 4
// decimals), so the downloads of one table never disagree.
import Decimal from "decimal.js";
import { csvDecimal, csvField } from "@/lib/results-package/write-results-package-csv";

const BOM = "\uFEFF";
const CRLF = "\r\n";

/** A cell as the JSON holds it; null is an empty cell. */
export type CsvCell = string | number | boolean | null;

export function writeTableCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows.map((row) => row.map(csvCellText))].map((cells) => cells.map(csvField).join(","));
  return BOM + lines.join(CRLF) + CRLF;
}

/** Numbers as 71.4286, 93.5, -3, 0 (never an exponent); true/false as the JSON writes them. */
function csvCellText(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value === "number") return csvDecimal(new Decimal(value));
  if (typeof value === "boolean") return value ? "true" : "false";
  return value;
}
