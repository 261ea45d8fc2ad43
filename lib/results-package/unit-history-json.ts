import type { ComparabilityBreak, ComparabilityReason } from "@/lib/domain/history-comparability";
import { apiNumber } from "@/lib/results-package/rankings-json";

/** Whose result a history row is: the unit's own, or a unit it continues or that continues it. */
export type UnitHistoryRelation = "self" | "predecessor" | "successor";

/** One row of the unit page's history as lib/data/published-unit-profile.ts reads it. */
export type UnitHistoryRowSource = {
  periodCode: string;
  periodName: string;
  year: number;
  unitCode: string;
  unitName: string;
  relation: UnitHistoryRelation;
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
};

/** `GET /api/v1/units/{unit}/history`: the unit page's history table. */
export type UnitHistoryJson = {
  unit: { code: string; name: string };
  rows: {
    period: { code: string; year: number; name: string };
    group: { code: string; name: string };
    /** Units ranked in the group that period: rank 3 of `groupSize`. */
    groupSize: number;
    /** The unit the row's result belongs to, named as that publication printed it. */
    unit: { code: string; name: string };
    relation: UnitHistoryRelation;
    rank: number;
    rankChange: number | null;
    total: number;
    applicableMax: number;
    index: number;
    band: string | null;
    /**
     * Why this period's figures cannot be compared directly with the previous period's on the
     * timeline ("lineage": a merge or split in between; "criteria-set": another criteria set);
     * empty when they can, and in the first period.
     */
    notComparableWithPrevious: ComparabilityReason[];
  }[];
};

/** Rows oldest first, as the page lists them: predecessors before the unit, successors after. */
export function toUnitHistoryJson(
  unit: { code: string; name: string },
  history: readonly UnitHistoryRowSource[],
  breaks: readonly ComparabilityBreak[],
): UnitHistoryJson {
  const reasons = new Map(breaks.map((entry) => [entry.periodCode, entry.reasons]));
  return {
    unit: { code: unit.code, name: unit.name },
    rows: history.map((row) => ({
      period: { code: row.periodCode, year: row.year, name: row.periodName },
      group: { code: row.groupCode, name: row.groupName },
      groupSize: row.groupSize,
      unit: { code: row.unitCode, name: row.unitName },
      relation: row.relation,
      rank: row.rank,
      rankChange: row.rankChange,
      total: apiNumber(row.total),
      applicableMax: apiNumber(row.applicableMax),
      index: apiNumber(row.index),
      band: row.band,
      notComparableWithPrevious: [...(reasons.get(row.periodCode) ?? [])],
    })),
  };
}
