import { apiNumber } from "@/lib/results-package/rankings-json";

/** One compared unit's published result as lib/data/published-unit-comparison.ts reads it. */
export type ComparisonRowSource = {
  unitCode: string;
  unitName: string;
  groupCode: string;
  groupName: string;
  groupSize: number;
  /** Exact decimal strings. */
  total: string;
  applicableMax: string;
  /** Half-up to 4 decimals. */
  index: string;
  rank: number;
  rankChange: number | null;
  band: string | null;
  fields: { code: string; name: string; points: string; maxPoints: string; applicableMax: string }[];
};

/** `GET /api/v1/periods/{period}/compare?units={a},{b}`: the compare page's table. */
export type ComparisonJson = {
  period: string;
  rows: {
    unit: { code: string; name: string };
    group: { code: string; name: string };
    groupSize: number;
    rank: number;
    rankChange: number | null;
    total: number;
    applicableMax: number;
    index: number;
    band: string | null;
    /**
     * As in the rankings, plus `applicableMax`: the field's maximum without the criteria not
     * applicable to the unit (0 when none of the field applies), what its points are out of.
     */
    fields: { code: string; name: string; points: number; maxPoints: number; applicableMax: number }[];
  }[];
};

/** Rows in the order the units were asked for, as the page shows them side by side. */
export function toComparisonJson(period: string, rows: readonly ComparisonRowSource[]): ComparisonJson {
  return {
    period,
    rows: rows.map((row) => ({
      unit: { code: row.unitCode, name: row.unitName },
      group: { code: row.groupCode, name: row.groupName },
      groupSize: row.groupSize,
      rank: row.rank,
      rankChange: row.rankChange,
      total: apiNumber(row.total),
      applicableMax: apiNumber(row.applicableMax),
      index: apiNumber(row.index),
      band: row.band,
      fields: row.fields.map((field) => ({
        code: field.code,
        name: field.name,
        points: apiNumber(field.points),
        maxPoints: apiNumber(field.maxPoints),
        applicableMax: apiNumber(field.applicableMax),
      })),
    })),
  };
}
