import type Decimal from "decimal.js";
import { assignBand, type Band } from "@/lib/ranking/assign-band";
import { computeGroupStatistics, type GroupStatistics } from "@/lib/ranking/group-statistics";
import { computeRankChange, indexPreviousRanks, type PreviousRank, type RankComparability } from "@/lib/ranking/rank-change";
import { DuplicateUnitError, rankUnits, type TieBreakerKey } from "@/lib/ranking/rank-units";
import { indexValue, type ExactIndex, type UnitTotals } from "@/lib/scoring/compute-unit-score";

/**
 * One unit to rank. `fields` is the unit's per-field breakdown in whatever form its caller keeps
 * it (exact decimals from the leaf engine, the database's decimal strings for a publication):
 * ranking never looks at it, it only travels with the unit to the ranked row.
 */
export type RankPeriodUnit<F = unknown> = {
  unitCode: string;
  unitName: string;
  groupCode: string;
  /** Codes of units merged into this one since the previous period. */
  predecessors: readonly string[];
  totals: UnitTotals;
  fields: F;
};

export type RankPeriodInput<F = unknown> = {
  tieBreakers: readonly TieBreakerKey[];
  bands: readonly Band[];
  units: readonly RankPeriodUnit<F>[];
  previous?: { ranks: readonly PreviousRank[]; groupMeans: ReadonlyMap<string, Decimal> };
};

export type UnitRanking<F = unknown> = {
  unitCode: string;
  unitName: string;
  groupCode: string;
  total: Decimal;
  applicableMax: Decimal;
  index: ExactIndex;
  /** Half-up to 4 decimals: what is stored and what the API returns. */
  indexRounded4: Decimal;
  appraisalPoints: Decimal;
  surveyPoints: Decimal;
  rank: number;
  previousRank: number | null;
  rankChange: number | null;
  rankComparability: RankComparability;
  predecessorRanks: PreviousRank[];
  band: string | null;
  fields: F;
};

export type GroupRanking<F = unknown> = { groupCode: string; rows: UnitRanking<F>[]; stats: GroupStatistics };

/**
 * How a ranking is decided, from each unit's exact totals: per group, rank (exact index, then
 * tie-breakers, then shared ranks 1, 1, 3), band, rank change against the previous period, and
 * the group's statistics. Groups come in order of their first unit in the input; rows by rank,
 * then unit code, whatever the input order.
 */
export function rankPeriod<F>(input: RankPeriodInput<F>): { groups: GroupRanking<F>[] } {
  const seen = new Set<string>();
  for (const unit of input.units) {
    if (seen.has(unit.unitCode)) throw new DuplicateUnitError(unit.unitCode);
    seen.add(unit.unitCode);
  }
  const groupCodes = [...new Set(input.units.map((unit) => unit.groupCode))];
  const previousRanks = input.previous ? indexPreviousRanks(input.previous.ranks) : undefined;
  const groups = groupCodes.map((groupCode): GroupRanking<F> => {
    const members = input.units
      .filter((unit) => unit.groupCode === groupCode)
      .map((unit) => ({ unit, unitCode: unit.unitCode, score: unit.totals }));
    const rows = rankUnits(members, input.tieBreakers).map(({ unit, rank }): UnitRanking<F> => {
      const change = computeRankChange({ ...unit, rank }, previousRanks);
      const totals = unit.totals;
      return {
        unitCode: unit.unitCode,
        unitName: unit.unitName,
        groupCode,
        total: totals.total,
        applicableMax: totals.applicableMax,
        index: totals.index,
        indexRounded4: indexValue(totals.index, 4),
        appraisalPoints: totals.appraisalPoints,
        surveyPoints: totals.surveyPoints,
        rank,
        previousRank: change.previousRank,
        rankChange: change.rankChange,
        rankComparability: change.comparability,
        predecessorRanks: change.predecessorRanks,
        band: assignBand(totals.index, input.bands),
        fields: unit.fields,
      };
    });
    return {
      groupCode,
      rows,
      stats: computeGroupStatistics(
        rows.map((row) => row.index),
        input.previous?.groupMeans.get(groupCode),
      ),
    };
  });
  return { groups };
}
