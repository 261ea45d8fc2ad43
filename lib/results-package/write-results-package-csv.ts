// The scores of a results package as one flat CSV table, for people who analyse results in a
// spreadsheet or a statistics tool: one row per unit and leaf criterion, with the names and the
// maximum alongside the codes so that the table can be read without the rest of the package.
//
// UTF-8 with a BOM because spreadsheet software otherwise shows Vietnamese as mojibake; CRLF and
// RFC 4180 quoting because that is what every CSV reader accepts. Decimals use a point: the file is
// data, not a display, and a comma would collide with the separator.
import Decimal from "decimal.js";
import type { NormalizedPackage } from "@/lib/domain/results-package";
import { MAX_DECIMALS } from "@/lib/results-package/decimal-input";

export const SCORES_CSV_COLUMNS = [
  "period",
  "group",
  "unit",
  "unitName",
  "criterion",
  "criterionName",
  "maxPoints",
  "points",
  "selfPoints",
  "notApplicable",
  "reason",
] as const;

const BOM = "\uFEFF";
const CRLF = "\r\n";

export function writeScoresCsv(pkg: NormalizedPackage): string {
  const units = new Map(pkg.units.map((unit) => [unit.code, unit]));
  const criteria = new Map(pkg.criteriaSet.criteria.map((criterion) => [criterion.code, criterion]));
  const lines = [SCORES_CSV_COLUMNS.map(csvField).join(",")];
  for (const score of pkg.scores) {
    const unit = units.get(score.unit);
    const criterion = criteria.get(score.criterion);
    const row: string[] = [
      pkg.period.code,
      unit?.group ?? "",
      score.unit,
      unit?.name ?? "",
      score.criterion,
      criterion?.name ?? "",
      criterion ? csvDecimal(criterion.maxPoints) : "",
      score.points === null ? "" : csvDecimal(score.points),
      score.selfPoints === null ? "" : csvDecimal(score.selfPoints),
      score.notApplicable ? "true" : "false",
      score.reason ?? "",
    ];
    lines.push(row.map(csvField).join(","));
  }
  return BOM + lines.join(CRLF) + CRLF;
}

/** At most 4 decimals (half-up, as stored), no trailing zeros, no exponent: 13.5, 6.875, 0.0001. */
export function csvDecimal(value: Decimal): string {
  const text = value.toDecimalPlaces(MAX_DECIMALS, Decimal.ROUND_HALF_UP).toFixed();
  return text === "-0" ? "0" : text;
}

const PLAIN_NUMBER = /^[-+]?\d+(?:\.\d+)?$/;
// A cell starting with one of these is run as a formula by spreadsheet software ("CSV injection");
// tab and carriage return are on OWASP's list too, since some programs strip them first.
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: guarded against formula injection, then quoted when RFC 4180 requires it. */
export function csvField(value: string): string {
  const guarded = FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}
