import Decimal from "decimal.js";
import { toJsonNumber } from "@/lib/results-package/write-results-package";
import { compareCodes } from "@/lib/domain/compare-codes";

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

/** Half-up to 4 decimals as a JSON number, exactly as the results package writes numbers. */
export function apiNumber(value: Decimal.Value): number {
  return toJsonNumber(new Decimal(value));
}

/** The rankings API's JSON (results-format.md), shared by the CLI and the public API. */
export function toRankingsJson(period: string, group: string, rows: readonly RankingsRowSource[]): RankingsJson {
  return {
    period,
    group,
    rows: [...rows]
      .sort((a, b) => a.rank - b.rank || compareCodes(a.unitCode, b.unitCode))
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
