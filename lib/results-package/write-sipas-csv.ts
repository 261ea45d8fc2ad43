// One group's SIPAS figures as CSV (layout: write-table-csv.ts), one row per unit in the JSON's
// order. Element names are in the JSON and in the workbook's header notes; the CSV keeps codes,
// which do not change between surveys.
import type { SipasJson } from "@/lib/results-package/sipas-json";
import { writeTableCsv, type CsvCell } from "@/lib/results-package/write-table-csv";

export const SIPAS_CSV_COLUMNS = ["period", "group", "unit", "unitName", "index", "responses", "smallSample", "ciLow", "ciHigh"] as const;

/** Then one column per element of the survey, in its order. */
export function elementColumn(elementCode: string): string {
  return `element_${elementCode}_index`;
}

export function sipasTable(sipas: SipasJson): { header: string[]; rows: CsvCell[][] } {
  return {
    header: [...SIPAS_CSV_COLUMNS, ...sipas.elements.map((element) => elementColumn(element.code))],
    rows: sipas.rows.map((row) => {
      const elements = new Map(row.elements.map((element) => [element.code, element.index]));
      return [
        sipas.period,
        sipas.group,
        row.unit.code,
        row.unit.name,
        row.index,
        row.responses,
        row.smallSample,
        row.ciLow,
        row.ciHigh,
        ...sipas.elements.map((element) => elements.get(element.code) ?? null),
      ];
    }),
  };
}

export function writeSipasCsv(sipas: SipasJson): string {
  const { header, rows } = sipasTable(sipas);
  return writeTableCsv(header, rows);
}
