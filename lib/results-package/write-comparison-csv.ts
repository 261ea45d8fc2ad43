// A comparison as CSV (layout: write-table-csv.ts). The page sets units side by side; the file has
// one row per unit, in the order asked, with the league table CSV's columns (write-rankings-csv.ts)
// so that a program reads both alike, plus the group's name and size (units of several groups may
// be compared) and each field's applicable maximum.
import type { ComparisonJson } from "@/lib/results-package/comparison-json";
import { writeTableCsv, type CsvCell } from "@/lib/results-package/write-table-csv";

export const COMPARISON_CSV_COLUMNS = [
  "period",
  "group",
  "groupName",
  "groupSize",
  "rank",
  "rankChange",
  "unit",
  "unitName",
  "total",
  "applicableMax",
  "index",
  "band",
] as const;

/** Then three columns per field, in the criteria set's order. */
export function comparisonFieldColumns(fieldCode: string): [points: string, maxPoints: string, applicableMax: string] {
  return [`field_${fieldCode}_points`, `field_${fieldCode}_maxPoints`, `field_${fieldCode}_applicableMax`];
}

/** The fields that get columns: every unit of a period shares them; a union keeps any odd one. */
export function comparisonFields(comparison: ComparisonJson): { code: string; name: string }[] {
  const fields = new Map<string, { code: string; name: string }>();
  for (const row of comparison.rows) {
    for (const field of row.fields) if (!fields.has(field.code)) fields.set(field.code, { code: field.code, name: field.name });
  }
  return [...fields.values()];
}

export function comparisonTable(comparison: ComparisonJson): { header: string[]; rows: CsvCell[][] } {
  const fields = comparisonFields(comparison);
  return {
    header: [...COMPARISON_CSV_COLUMNS, ...fields.flatMap((field) => comparisonFieldColumns(field.code))],
    rows: comparison.rows.map((row) => {
      const byCode = new Map(row.fields.map((field) => [field.code, field]));
      return [
        comparison.period,
        row.group.code,
        row.group.name,
        row.groupSize,
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
          return value ? [value.points, value.maxPoints, value.applicableMax] : [null, null, null];
        }),
      ];
    }),
  };
}

export function writeComparisonCsv(comparison: ComparisonJson): string {
  const { header, rows } = comparisonTable(comparison);
  return writeTableCsv(header, rows);
}
