import Decimal from "decimal.js";
import { exactSum } from "@/lib/scoring/exact-decimal";
import type { ExactIndex } from "@/lib/scoring/compute-unit-score";
import {
  addFractions,
  compareFractions,
  divideFraction,
  fraction,
  fractionFromDecimal,
  roundFraction,
  subtractFractions,
  type Fraction,
} from "@/lib/scoring/fraction";

/** A statistic kept exact (a mean of fractions is a fraction) with its stored form. */
export type StatisticValue = { exact: Fraction; rounded4: Decimal };

export type GroupStatistics = {
  count: number;
  mean: StatisticValue;
  median: StatisticValue;
  min: StatisticValue;
  max: StatisticValue;
  /** mean − previous mean (negative = the group fell); null without a previous mean. */
  meanChange: StatisticValue | null;
};

export class EmptyGroupError extends Error {
  readonly code = "EMPTY_GROUP";
  constructor() {
    super("Statistics need at least one unit");
    this.name = "EmptyGroupError";
  }
}

/**
 * Mean, median, min and max of a group's indices, computed as exact fractions rather than with a
 * high-precision decimal: a mean such as (200/3 + 85.855) / 2 would otherwise be an approximation
 * that could round the wrong way at exactly the stored fourth decimal. Only `rounded4` is rounded,
 * half-up, for storage and the API. `previousMean` is the previous period's stored mean, so the
 * change is measured against the figure that was published.
 */
export function computeGroupStatistics(indices: readonly ExactIndex[], previousMean?: Decimal | null): GroupStatistics {
  if (indices.length === 0) throw new EmptyGroupError();
  const sorted = [...indices].sort(compareFractions);
  const lowest = sorted[0] as Fraction;
  const highest = sorted[sorted.length - 1] as Fraction;
  const middle = Math.floor(sorted.length / 2);
  const median =
    sorted.length % 2 === 1
      ? (sorted[middle] as Fraction)
      : divideFraction(addFractions(sorted[middle - 1] as Fraction, sorted[middle] as Fraction), 2);
  const mean = divideFraction(sumFractions(sorted), sorted.length);
  return {
    count: indices.length,
    mean: statistic(mean),
    median: statistic(median),
    min: statistic(lowest),
    max: statistic(highest),
    meanChange: previousMean == null ? null : statistic(subtractFractions(mean, fractionFromDecimal(previousMean))),
  };
}

/**
 * Exact sum, adding numerators over each common denominator first: most units of a group share
 * their applicable maximum, so a group of thousands needs a handful of fraction additions (each
 * with a gcd) instead of one per unit.
 */
function sumFractions(values: readonly Fraction[]): Fraction {
  const byDenominator = new Map<string, { denominator: Decimal; numerators: Decimal[] }>();
  for (const value of values) {
    const key = value.denominator.toFixed();
    const bucket = byDenominator.get(key);
    if (bucket) bucket.numerators.push(value.numerator);
    else byDenominator.set(key, { denominator: value.denominator, numerators: [value.numerator] });
  }
  let total = fraction(0, 1);
  for (const { denominator, numerators } of byDenominator.values()) {
    total = addFractions(total, fraction(exactSum(numerators), denominator));
  }
  return total;
}

function statistic(exact: Fraction): StatisticValue {
  return { exact, rounded4: roundFraction(exact, 4) };
}
