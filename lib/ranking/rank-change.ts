import { compareCodes } from "@/lib/domain/compare-codes";

export type PreviousRank = { unitCode: string; groupCode: string; rank: number };

/**
 * Why `rankChange` is or is not given, so a page can say so instead of showing a blank:
 * - comparable: the unit itself was ranked in the same group last period and nothing merged into it;
 * - new: not ranked last period and has no predecessors;
 * - merged: it has predecessors, whose own ranks are listed instead of a computed change;
 * - group-changed: ranked last period, but in another group, where ranks mean something else;
 * - no-previous-period: there is nothing to compare with.
 */
export type RankComparability = "comparable" | "new" | "merged" | "group-changed" | "no-previous-period";

export type RankChange = {
  /** The unit's own rank last period in the same group; null when it had none. */
  previousRank: number | null;
  /** previousRank − rank: positive means the unit moved up. */
  rankChange: number | null;
  comparability: RankComparability;
  /** Last period's ranks of the predecessors that were ranked, by unit code; never an estimate. */
  predecessorRanks: PreviousRank[];
};

export type CurrentRank = { unitCode: string; groupCode: string; predecessors: readonly string[]; rank: number };

/** Last period's ranks by unit code, built once per period instead of searched once per unit. */
export type PreviousRankIndex = ReadonlyMap<string, readonly PreviousRank[]>;

export function indexPreviousRanks(previousRanks: readonly PreviousRank[]): PreviousRankIndex {
  const index = new Map<string, PreviousRank[]>();
  for (const row of previousRanks) {
    const list = index.get(row.unitCode);
    if (list) list.push(row);
    else index.set(row.unitCode, [row]);
  }
  return index;
}

export function computeRankChange(
  current: CurrentRank,
  previous: readonly PreviousRank[] | PreviousRankIndex | undefined,
): RankChange {
  if (!previous) return { previousRank: null, rankChange: null, comparability: "no-previous-period", predecessorRanks: [] };
  const byUnit = previous instanceof Map ? (previous as PreviousRankIndex) : indexPreviousRanks(previous as readonly PreviousRank[]);

  const own = byUnit.get(current.unitCode) ?? [];
  const sameGroup = own.find((row) => row.groupCode === current.groupCode);
  const previousRank = sameGroup?.rank ?? null;

  if (current.predecessors.length > 0) {
    const predecessorRanks = [...new Set(current.predecessors)]
      .flatMap((code) => byUnit.get(code) ?? [])
      .map((row) => ({ unitCode: row.unitCode, groupCode: row.groupCode, rank: row.rank }))
      .sort((a, b) => compareCodes(a.unitCode, b.unitCode) || compareCodes(a.groupCode, b.groupCode));
    return { previousRank, rankChange: null, comparability: "merged", predecessorRanks };
  }
  if (previousRank !== null) {
    return { previousRank, rankChange: previousRank - current.rank, comparability: "comparable", predecessorRanks: [] };
  }
  return { previousRank: null, rankChange: null, comparability: own.length > 0 ? "group-changed" : "new", predecessorRanks: [] };
}
