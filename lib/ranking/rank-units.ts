import Decimal from "decimal.js";
import type { ExactIndex } from "@/lib/scoring/compute-unit-score";
import { compareFractions } from "@/lib/scoring/fraction";
import { compareCodes } from "@/lib/domain/compare-codes";

export type TieBreakerKey = "appraisalPoints" | "surveyPoints";

/** The part of a UnitScore a ranking looks at. */
export type RankableScore = { index: ExactIndex; appraisalPoints: Decimal; surveyPoints: Decimal };

export type RankInput = { unitCode: string; score: RankableScore };

export class DuplicateUnitError extends Error {
  readonly code = "DUPLICATE_UNIT";
  constructor(readonly unitCode: string) {
    super(`Unit "${unitCode}" appears more than once in one ranking`);
    this.name = "DuplicateUnitError";
  }
}

/**
 * Ranks one group: exact index descending, then each tie-breaker descending in the order the
 * period configures; units still equal share a rank and the next rank is skipped (1, 1, 3),
 * i.e. rank = 1 + number of units strictly better. Equal units are listed by unit code so the
 * output never depends on input order.
 */
export function rankUnits<T extends RankInput>(rows: readonly T[], tieBreakers: readonly TieBreakerKey[]): (T & { rank: number })[] {
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.unitCode)) throw new DuplicateUnitError(row.unitCode);
    seen.add(row.unitCode);
  }

  const sorted = [...rows].sort((a, b) => compareForRank(a.score, b.score, tieBreakers) || compareCodes(a.unitCode, b.unitCode));
  const ranked: (T & { rank: number })[] = [];
  sorted.forEach((row, position) => {
    const previous = ranked[position - 1];
    const rank = previous && compareForRank(previous.score, row.score, tieBreakers) === 0 ? previous.rank : position + 1;
    ranked.push({ ...row, rank });
  });
  return ranked;
}

/** Negative when `a` ranks above `b`, zero when they share a rank. */
export function compareForRank(a: RankableScore, b: RankableScore, tieBreakers: readonly TieBreakerKey[]): number {
  const byIndex = compareFractions(b.index, a.index);
  if (byIndex !== 0) return byIndex;
  for (const key of tieBreakers) {
    const byKey = b[key].comparedTo(a[key]);
    if (byKey !== 0) return byKey;
  }
  return 0;
}
