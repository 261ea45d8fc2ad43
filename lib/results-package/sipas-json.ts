import { apiNumber } from "@/lib/results-package/rankings-json";
import { DEFAULT_SIPAS_SORT, sortSipasRows } from "@/lib/domain/sipas-results";

/** One unit's published SIPAS figures as lib/data/published-sipas.ts reads them. */
export type SipasRowSource = {
  unitCode: string;
  unitName: string;
  /** Exact decimal strings, as stored. */
  index: string;
  responses: number | null;
  smallSample: boolean;
  ciLow: string | null;
  ciHigh: string | null;
  /** Aligned with the table's elements; null where the unit has no figure. */
  elements: (string | null)[];
};

export type SipasElementSource = { code: string; name: string | null; nameEn: string | null };

/** `GET /api/v1/periods/{period}/sipas?group={group}`: one group's satisfaction figures. */
export type SipasJson = {
  period: string;
  group: string;
  /** Fewer responses than this make a figure the portal flags as a small sample. */
  smallSampleThreshold: number;
  /** The elements of the period's survey, in its order; names as stored, null when none is. */
  elements: { code: string; name: string | null; nameEn: string | null }[];
  rows: {
    unit: { code: string; name: string };
    index: number;
    responses: number | null;
    smallSample: boolean;
    ciLow: number | null;
    ciHigh: number | null;
    /** Only the elements the unit has a figure for, as in the results package's `sipas`. */
    elements: { code: string; index: number }[];
  }[];
};

/**
 * The SIPAS API's JSON, rows in the page's default order (overall index, highest first; then the
 * name), so that a download reads like the table it sits under.
 */
export function toSipasJson(
  period: string,
  group: string,
  source: { smallSampleThreshold: number; elements: readonly SipasElementSource[]; units: readonly SipasRowSource[] },
): SipasJson {
  return {
    period,
    group,
    smallSampleThreshold: source.smallSampleThreshold,
    elements: source.elements.map((element) => ({ code: element.code, name: element.name, nameEn: element.nameEn })),
    rows: sortSipasRows(source.units, DEFAULT_SIPAS_SORT).map((unit) => ({
      unit: { code: unit.unitCode, name: unit.unitName },
      index: apiNumber(unit.index),
      responses: unit.responses,
      smallSample: unit.smallSample,
      ciLow: unit.ciLow === null ? null : apiNumber(unit.ciLow),
      ciHigh: unit.ciHigh === null ? null : apiNumber(unit.ciHigh),
      elements: source.elements.flatMap((element, position) => {
        const value = unit.elements[position];
        return value === null || value === undefined ? [] : [{ code: element.code, index: apiNumber(value) }];
      }),
    })),
  };
}
