import { compareCodes } from "@/lib/domain/compare-codes";

/** One published result on a unit's timeline: its own, or a predecessor's or successor's. */
export type HistoryEntry = {
  periodCode: string;
  year: number;
  unitCode: string;
  criteriaSetId: string;
};

/**
 * Why two consecutive periods of a timeline cannot be compared directly:
 * - lineage: the unit merged or split in between, so the figures are of different units;
 * - criteria-set: the periods were scored on different criteria sets, so the maxima differ.
 */
export type ComparabilityReason = "lineage" | "criteria-set";

export type ComparabilityBreak = {
  previousPeriodCode: string;
  previousYear: number;
  periodCode: string;
  year: number;
  reasons: ComparabilityReason[];
};

type Step = { periodCode: string; year: number; units: Set<string>; criteriaSets: Set<string> };

/**
 * The places where a unit's history is "not directly comparable", between consecutive periods of
 * its timeline (its own results with those of its predecessors and successors, period by period,
 * oldest first). `lineageYears` are the years the unit's merges or splits took effect: a unit that
 * absorbs another keeps its code, yet its figures after the merge are of a larger unit.
 */
export function historyComparabilityBreaks(entries: readonly HistoryEntry[], lineageYears: readonly number[]): ComparabilityBreak[] {
  const steps = new Map<string, Step>();
  for (const entry of entries) {
    const step = steps.get(entry.periodCode) ?? { periodCode: entry.periodCode, year: entry.year, units: new Set(), criteriaSets: new Set() };
    step.units.add(entry.unitCode);
    step.criteriaSets.add(entry.criteriaSetId);
    steps.set(entry.periodCode, step);
  }
  const ordered = [...steps.values()].sort((a, b) => a.year - b.year || compareCodes(a.periodCode, b.periodCode));

  const breaks: ComparabilityBreak[] = [];
  for (let i = 1; i < ordered.length; i += 1) {
    const previous = ordered[i - 1]!;
    const current = ordered[i]!;
    const reasons: ComparabilityReason[] = [];
    const lineageInBetween = lineageYears.some((year) => year > previous.year && year <= current.year);
    if (lineageInBetween || !sameMembers(previous.units, current.units)) reasons.push("lineage");
    if (!sameMembers(previous.criteriaSets, current.criteriaSets)) reasons.push("criteria-set");
    if (reasons.length > 0) {
      breaks.push({
        previousPeriodCode: previous.periodCode,
        previousYear: previous.year,
        periodCode: current.periodCode,
        year: current.year,
        reasons,
      });
    }
  }
  return breaks;
}

function sameMembers(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((member) => b.has(member));
}
