// A comparison as a workbook: the CSV's table (write-comparison-csv.ts) in the layout of
// write-table-xlsx.ts, with each field's name on its columns' headers.
import type { ComparisonJson } from "@/lib/results-package/comparison-json";
import { COMPARISON_CSV_COLUMNS, comparisonFieldColumns, comparisonFields, comparisonTable } from "@/lib/results-package/write-comparison-csv";
import { writeTableXlsx, type TableColumn, type TableColumnKind } from "@/lib/results-package/write-table-xlsx";

const COLUMN_KINDS: Record<(typeof COMPARISON_CSV_COLUMNS)[number], TableColumnKind> = {
  period: "text",
  group: "text",
  groupName: "text",
  groupSize: "integer",
  rank: "integer",
  rankChange: "rankChange",
  unit: "text",
  unitName: "text",
  total: "decimal",
  applicableMax: "decimal",
  index: "decimal",
  band: "text",
};

export type ComparisonWorkbookContext = {
  /** The period's name as published: the sheet is named after it. */
  periodName: string;
  publishedAt: Date;
};

export function writeComparisonXlsx(comparison: ComparisonJson, context: ComparisonWorkbookContext): Promise<Buffer> {
  const columns: TableColumn[] = [
    ...COMPARISON_CSV_COLUMNS.map((key) => ({ key, kind: COLUMN_KINDS[key] })),
    ...comparisonFields(comparison).flatMap((field) =>
      comparisonFieldColumns(field.code).map((key) => ({ key, kind: "decimal" as const, note: `${field.code}. ${field.name}` })),
    ),
  ];
  return writeTableXlsx({
    sheetName: context.periodName,
    sheetFallback: comparison.period,
    columns,
    rows: comparisonTable(comparison).rows,
    created: context.publishedAt,
  });
}
