// One group's SIPAS figures as a workbook: the CSV's table (write-sipas-csv.ts) in the layout of
// write-table-xlsx.ts, with each element's name on its column's header.
import type { SipasJson } from "@/lib/results-package/sipas-json";
import { SIPAS_CSV_COLUMNS, elementColumn, sipasTable } from "@/lib/results-package/write-sipas-csv";
import { writeTableXlsx, type TableColumn, type TableColumnKind } from "@/lib/results-package/write-table-xlsx";

const COLUMN_KINDS: Record<(typeof SIPAS_CSV_COLUMNS)[number], TableColumnKind> = {
  period: "text",
  group: "text",
  unit: "text",
  unitName: "text",
  index: "decimal",
  responses: "integer",
  smallSample: "boolean",
  ciLow: "decimal",
  ciHigh: "decimal",
};

export type SipasWorkbookContext = {
  /** The group's name as published: the sheet is named after it. */
  groupName: string;
  publishedAt: Date;
};

export function writeSipasXlsx(sipas: SipasJson, context: SipasWorkbookContext): Promise<Buffer> {
  const { rows } = sipasTable(sipas);
  const columns: TableColumn[] = [
    ...SIPAS_CSV_COLUMNS.map((key) => ({ key, kind: COLUMN_KINDS[key] })),
    ...sipas.elements.map((element) => ({
      key: elementColumn(element.code),
      kind: "decimal" as const,
      note: [element.name, element.nameEn].filter((name) => name !== null).join(" / ") || element.code,
    })),
  ];
  return writeTableXlsx({ sheetName: context.groupName, sheetFallback: sipas.group, columns, rows, created: context.publishedAt });
}
