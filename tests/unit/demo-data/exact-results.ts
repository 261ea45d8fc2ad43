/**
 * A tiny, independent exact re-computation of totals, indices and ranks for the demo packages,
 * so the demo-data tests do not depend on the portal's own scoring code.
 */

import Decimal from "decimal.js";
import type {
  CriterionNodeJson,
  ResultsPackageJson,
} from "@/scripts/demo-data/results-package-json";

export const D = (value: number | string): Decimal => new Decimal(String(value));

export interface LeafInfo {
  code: string;
  max: Decimal;
  method: "appraisal" | "survey";
}

export function leavesOf(criteria: CriterionNodeJson[]): LeafInfo[] {
  const out: LeafInfo[] = [];
  const walk = (node: CriterionNodeJson) => {
    if (node.children && node.children.length > 0) node.children.forEach(walk);
    else out.push({ code: node.code, max: D(node.maxPoints), method: node.method });
  };
  criteria.forEach(walk);
  return out;
}

export interface UnitResult {
  unit: string;
  total: Decimal;
  applicableMax: Decimal;
  appraisal: Decimal;
  survey: Decimal;
  notApplicableCount: number;
}

export function unitResults(pkg: ResultsPackageJson): UnitResult[] {
  const leaves = new Map(leavesOf(pkg.criteriaSet.criteria).map((l) => [l.code, l]));
  return pkg.units.map((u) => {
    const result: UnitResult = {
      unit: u.code,
      total: D(0),
      applicableMax: D(0),
      appraisal: D(0),
      survey: D(0),
      notApplicableCount: 0,
    };
    for (const row of pkg.scores) {
      if (row.unit !== u.code) continue;
      const leaf = leaves.get(row.criterion);
      if (!leaf) throw new Error(`unknown criterion ${row.criterion}`);
      if (row.notApplicable) {
        result.notApplicableCount++;
        continue;
      }
      const points = D(row.points ?? Number.NaN);
      result.total = result.total.plus(points);
      result.applicableMax = result.applicableMax.plus(leaf.max);
      if (leaf.method === "survey") result.survey = result.survey.plus(points);
      else result.appraisal = result.appraisal.plus(points);
    }
    return result;
  });
}

/** Sign of indexA − indexB, by cross-multiplication (no division, so exact). */
export function compareIndex(a: UnitResult, b: UnitResult): number {
  return a.total.times(b.applicableMax).comparedTo(b.total.times(a.applicableMax));
}

/** Index rounded half-up to 2 decimals, as displayed. */
export function displayedIndex(r: UnitResult): string {
  const precise = Decimal.clone({ precision: 50 });
  return new precise(r.total.toFixed())
    .times(100)
    .dividedBy(r.applicableMax.toFixed())
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
    .toFixed(2);
}

function compareForRank(a: UnitResult, b: UnitResult): number {
  return (
    compareIndex(b, a) || b.appraisal.comparedTo(a.appraisal) || b.survey.comparedTo(a.survey)
  );
}

export interface RankedRow extends UnitResult {
  rank: number;
}

/** Index descending, then appraisal points, then survey points; full ties share the rank (1, 1, 3). */
export function rank(results: UnitResult[]): RankedRow[] {
  const sorted = [...results].sort(compareForRank);
  const ranked: RankedRow[] = [];
  sorted.forEach((r, i) => {
    const previous = ranked[i - 1];
    const sharesRank = previous !== undefined && compareForRank(previous, r) === 0;
    ranked.push({ ...r, rank: sharesRank && previous ? previous.rank : i + 1 });
  });
  return ranked;
}

export function meanIndex(results: UnitResult[]): Decimal {
  const precise = Decimal.clone({ precision: 50 });
  return results
    .reduce((sum, r) => sum.plus(new precise(r.total.toFixed()).times(100).dividedBy(r.applicableMax.toFixed())), new precise(0))
    .dividedBy(results.length);
}
