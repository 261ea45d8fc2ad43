import Decimal from "decimal.js";

export type RankingsRowSource = {
  rank: number;
  rankChange: number | null;
  unitCode: string;
  unitName: string;
  total: Decimal.Value;
  applicableMax: Decimal.Value;
  index: Decimal.Value;
  band: string | null;
  fields: { code: string; name: string; points: Decimal.Value; maxPoints: Decimal.Value }[];
};

export type RankingsJson = {
  period: string;
  group: string;
  rows: {
    rank: number;
    rankChange: number | null;
    unit: { code: string; name: string };
    total: number;
    applicableMax: number;
    index: number;
    band: string | null;
    fields: { code: string; name: string; points: number; maxPoints: number }[];
  }[];
};

/**
 * Half-up to 4 decimals, then a JSON number: a decimal with at most 4 places and 3 integer
 * digits is printed back exactly by JSON.stringify (shortest round-trip form).
 */
export function apiNumber(value: Decimal.Value): number {
  return Number(new Decimal(value).toDecimalPlaces(4, Decimal.ROUND_HALF_UP).toFixed());
}

/** The rankings API's JSON (results-format.md), shared by the CLI and the public API. */
export function toRankingsJson(period: string, group: string, rows: readonly RankingsRowSource[]): RankingsJson {
  return {
    period,
    group,
    rows: [...rows]
      .sort((a, b) => a.rank - b.rank || a.unitCode.localeCompare(b.unitCode))
      .map((row) => ({
        rank: row.rank,
        rankChange: row.rankChange,
        unit: { code: row.unitCode, name: row.unitName },
        total: apiNumber(row.total),
        applicableMax: apiNumber(row.applicableMax),
        index: apiNumber(row.index),
        band: row.band,
        fields: row.fields.map((field) => ({
          code: field.code,
          name: field.name,
          points: apiNumber(field.points),
          maxPoints: apiNumber(field.maxPoints),
        })),
      })),
  };
}
