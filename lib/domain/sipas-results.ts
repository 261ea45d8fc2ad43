import { compareDecimalStrings } from "@/lib/domain/compare-decimal-strings";
import { compareCodes } from "@/lib/domain/compare-codes";

/** SipasSurvey.smallSampleThreshold's default: used when a period's SIPAS was imported without a survey. */
export const DEFAULT_SIPAS_SMALL_SAMPLE = 30;

/** Fewer responses than the threshold make a weak figure; an unknown count is not called small. */
export function isSmallSample(responses: number | null, threshold: number): boolean {
  return responses !== null && responses < threshold;
}

export const SIPAS_SORTS = ["index", "index-asc", "name"] as const;
export type SipasSort = (typeof SIPAS_SORTS)[number];
export const DEFAULT_SIPAS_SORT: SipasSort = "index";

/**
 * `?sort=` of the SIPAS page. The order of a table is a view preference, not data: a value the page
 * does not know (an old or hand-edited link) shows the default order rather than an error page.
 */
export function parseSipasSort(value: string | string[] | undefined): SipasSort {
  const first = Array.isArray(value) ? value[0] : value;
  return (SIPAS_SORTS as readonly string[]).includes(first ?? "") ? (first as SipasSort) : DEFAULT_SIPAS_SORT;
}

export type SortableSipasRow = { unitCode: string; unitName: string; index: string };

const unitNameCollator = new Intl.Collator("vi");

/**
 * Rows in the chosen order, a new array. Indices compare exactly; equal indices, and equal names,
 * fall back to the name and then the unit code, so the order never depends on the database's.
 */
export function sortSipasRows<Row extends SortableSipasRow>(rows: readonly Row[], sort: SipasSort): Row[] {
  const byName = (a: Row, b: Row) => unitNameCollator.compare(a.unitName, b.unitName) || compareCodes(a.unitCode, b.unitCode);
  return [...rows].sort((a, b) => {
    if (sort === "name") return byName(a, b);
    const byIndex = compareDecimalStrings(a.index, b.index);
    return (sort === "index" ? -byIndex : byIndex) || byName(a, b);
  });
}

export type SipasElementDefinition = { code: string; order: number };

/**
 * The element columns of a period's table: the survey's elements in its order, then any other code
 * the results carry (imported figures need no survey), in the order they were stored, then by code.
 */
export function sipasElementColumns(
  surveyElements: readonly SipasElementDefinition[],
  resultElements: readonly SipasElementDefinition[],
): string[] {
  const columns = [...surveyElements].sort((a, b) => a.order - b.order || compareCodes(a.code, b.code)).map((element) => element.code);
  const seen = new Set(columns);
  const others = new Map<string, number>();
  for (const element of resultElements) {
    if (seen.has(element.code)) continue;
    others.set(element.code, Math.min(others.get(element.code) ?? element.order, element.order));
  }
  const extra = [...others].sort(([codeA, orderA], [codeB, orderB]) => orderA - orderB || compareCodes(codeA, codeB)).map(([code]) => code);
  return [...columns, ...extra];
}
