// A unit's history as a workbook: the CSV's table (write-unit-history-csv.ts) in the layout of
// write-table-xlsx.ts, on a sheet named after the unit.
import type { UnitHistoryJson } from "@/lib/results-package/unit-history-json";
import { UNIT_HISTORY_CSV_COLUMNS, unitHistoryRows } from "@/lib/results-package/write-unit-history-csv";
import { writeTableXlsx, type TableColumnKind } from "@/lib/results-package/write-table-xlsx";

const COLUMN_KINDS: Record<(typeof UNIT_HISTORY_CSV_COLUMNS)[number], TableColumnKind> = {
  period: "text",
  year: "integer",
  periodName: "text",
  group: "text",
  groupName: "text",
  groupSize: "integer",
  rank: "integer",
  rankChange: "rankChange",
  unit: "text",
  unitName: "text",
  relation: "text",
  total: "decimal",
  applicableMax: "decimal",
  index: "decimal",
  band: "text",
  notComparableWithPrevious: "text",
};

/** `lastPublishedAt`: the latest publication among the rows, recorded as the workbook's date. */
export function writeUnitHistoryXlsx(history: UnitHistoryJson, context: { lastPublishedAt: Date }): Promise<Buffer> {
  return writeTableXlsx({
    sheetName: history.unit.name,
    sheetFallback: history.unit.code,
    columns: UNIT_HISTORY_CSV_COLUMNS.map((key) => ({ key, kind: COLUMN_KINDS[key] })),
    rows: unitHistoryRows(history),
    created: context.lastPublishedAt,
  });
}
