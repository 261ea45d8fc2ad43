import type Decimal from "decimal.js";
import { exactSum, toExact } from "@/lib/scoring/exact-decimal";
import { exactIndex, type FieldScore, type UnitTotals } from "@/lib/scoring/compute-unit-score";

/** One field's sums over a unit's applicable leaves, split by how the leaves are scored. */
export type FieldSums = {
  code: string;
  name: string;
  maxPoints: Decimal;
  appraisalPoints: Decimal;
  surveyPoints: Decimal;
  /** Sum of the max points of the field's applicable leaves (N/A leaves left out). */
  applicableMax: Decimal;
};

/**
 * The roll-up from per-field sums (what the database sums at national scale) instead of from
 * every leaf: total = Σ field points, applicableMax = Σ applicable maxima, index = total /
 * applicableMax × 100 — the same numbers computeUnitScore gives from the leaves.
 */
export function unitTotalsFromFieldSums(fields: readonly FieldSums[]): UnitTotals {
  const scored: FieldScore[] = fields.map((field) => {
    const applicableMax = toExact(field.applicableMax);
    return {
      code: field.code,
      name: field.name,
      points: exactSum([toExact(field.appraisalPoints), toExact(field.surveyPoints)]),
      maxPoints: toExact(field.maxPoints),
      applicableMax,
      notApplicable: applicableMax.isZero() && !toExact(field.maxPoints).isZero(),
    };
  });
  const total = exactSum(scored.map((field) => field.points));
  const applicableMax = exactSum(scored.map((field) => field.applicableMax));
  return {
    total,
    applicableMax,
    index: exactIndex(total, applicableMax),
    appraisalPoints: exactSum(fields.map((field) => toExact(field.appraisalPoints))),
    surveyPoints: exactSum(fields.map((field) => toExact(field.surveyPoints))),
    fields: scored,
  };
}
