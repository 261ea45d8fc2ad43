// A unit's history as CSV (layout: write-table-csv.ts): one row per published result of the unit
// and of the units it continues or that continue it, oldest first, as the unit page's table.
import type { UnitHistoryJson } from "@/lib/results-package/unit-history-json";
import { writeTableCsv, type CsvCell } from "@/lib/results-package/write-table-csv";

export const UNIT_HISTORY_CSV_COLUMNS = [
  "period",
  "year",
  "periodName",
  "group",
  "groupName",
  "groupSize",
  "rank",
  "rankChange",
  "unit",
  "unitName",
  "relation",
  "total",
  "applicableMax",
  "index",
  "band",
  "notComparableWithPrevious",
] as const;

export function unitHistoryRows(history: UnitHistoryJson): CsvCell[][] {
  return history.rows.map((row) => [
    row.period.code,
    row.period.year,
    row.period.name,
    row.group.code,
    row.group.name,
    row.groupSize,
    row.rank,
    row.rankChange,
    row.unit.code,
    row.unit.name,
    row.relation,
    row.total,
    row.applicableMax,
    row.index,
    row.band,
    // One cell, so reasons are joined; neither reason contains the separator.
    row.notComparableWithPrevious.length === 0 ? null : row.notComparableWithPrevious.join(";"),
  ]);
}

export function writeUnitHistoryCsv(history: UnitHistoryJson): string {
  return writeTableCsv(UNIT_HISTORY_CSV_COLUMNS, unitHistoryRows(history));
}
