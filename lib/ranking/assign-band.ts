import Decimal from "decimal.js";
import type { ExactIndex } from "@/lib/scoring/compute-unit-score";
import { compareFractionToDecimal, fractionFromDecimal } from "@/lib/scoring/fraction";

export type Band = { label: string; minIndex: Decimal };

/**
 * The first band, highest `minIndex` first whatever the configured order, whose minIndex ≤ index;
 * null when the index is below every band.
 *
 * The comparison uses the exact index, the same value the ranking compares: 89.99996 is below a
 * band starting at 90 even though it is stored as 90.0000 and displayed as "90,00". Comparing a
 * rounded value would make a unit's band depend on whichever precision a screen or the API uses,
 * while the contract defines the band on the index itself; anyone can recompute it from points.
 */
export function assignBand(index: ExactIndex | Decimal, bands: readonly Band[]): string | null {
  const exact = Decimal.isDecimal(index) ? fractionFromDecimal(index) : index;
  const highestFirst = [...bands].sort((a, b) => b.minIndex.comparedTo(a.minIndex));
  const band = highestFirst.find((candidate) => compareFractionToDecimal(exact, candidate.minIndex) >= 0);
  return band?.label ?? null;
}

/** A band's position among the period's bands (0 = highest), so pages can tint it; null if none. */
export function bandLevel(band: string | null, labelsHighestFirst: readonly string[]): number | null {
  if (band === null) return null;
  const level = labelsHighestFirst.indexOf(band);
  return level === -1 ? null : level;
}
