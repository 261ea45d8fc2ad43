import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeUnitScore, exactIndex, type LeafScore } from "@/lib/scoring/compute-unit-score";
import { leavesOf, type CriterionNode } from "@/lib/scoring/criteria-tree";
import { compareFractions, fraction } from "@/lib/scoring/fraction";

const RUNS = { numRuns: 200 };

/** Points in ten-thousandths, the finest precision a results package may carry. */
const tenThousandths = (units: number) => new Decimal(`${units}e-4`);

type LeafSpec = { max: number; share: number; state: "scored" | "missing" | "na"; survey: boolean };

const leafSpec = fc.record({
  max: fc.integer({ min: 0, max: 400_000 }),
  share: fc.double({ min: 0, max: 1, noNaN: true }),
  state: fc.constantFrom("scored", "scored", "scored", "missing", "na"),
  survey: fc.boolean(),
}) as fc.Arbitrary<LeafSpec>;

/** 1–5 fields of 1–4 leaves; a field with one leaf is sometimes a leaf itself. */
const unitCase = fc.array(fc.array(leafSpec, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 }).map((fields) => {
  const scores = new Map<string, LeafScore>();
  const pointsOf = new Map<string, number>();
  const tree: CriterionNode[] = fields.map((specs, f) => {
    const leaves = specs.map((spec, l): CriterionNode => {
      const code = specs.length === 1 && f % 2 === 0 ? `${f + 1}` : `${f + 1}.${l + 1}`;
      const points = Math.floor(spec.max * spec.share);
      pointsOf.set(code, points);
      if (spec.state === "na") scores.set(code, { points: null, notApplicable: true });
      if (spec.state === "scored") scores.set(code, { points: tenThousandths(points), notApplicable: false });
      return { code, name: code, maxPoints: tenThousandths(spec.max), method: spec.survey ? "survey" : "appraisal", children: [] };
    });
    if (specs.length === 1 && f % 2 === 0) return leaves[0] as CriterionNode;
    const maxPoints = leaves.reduce((sum, leaf) => sum.plus(leaf.maxPoints), new Decimal(0));
    return { code: `${f + 1}`, name: `${f + 1}`, maxPoints, method: "appraisal", children: leaves };
  });
  return { tree, scores };
});

describe("computeUnitScore properties", () => {
  it("field points sum exactly to the total, and appraisal plus survey points make the total", () => {
    fc.assert(
      fc.property(unitCase, ({ tree, scores }) => {
        const score = computeUnitScore(tree, scores);
        const fieldSum = score.fields.reduce((sum, field) => sum.plus(field.points), new Decimal(0));
        expect(fieldSum.equals(score.total)).toBe(true);
        expect(score.appraisalPoints.plus(score.surveyPoints).equals(score.total)).toBe(true);
        const fieldMax = score.fields.reduce((sum, field) => sum.plus(field.applicableMax), new Decimal(0));
        expect(fieldMax.equals(score.applicableMax)).toBe(true);
      }),
      RUNS,
    );
  });

  it("keeps the index between 0 and 100", () => {
    fc.assert(
      fc.property(unitCase, ({ tree, scores }) => {
        const { index } = computeUnitScore(tree, scores);
        expect(compareFractions(index, fraction(0, 1))).toBeGreaterThanOrEqual(0);
        expect(compareFractions(index, fraction(100, 1))).toBeLessThanOrEqual(0);
      }),
      RUNS,
    );
  });

  it("marking a leaf not applicable rescales the index exactly to total' / applicableMax' × 100", () => {
    fc.assert(
      fc.property(unitCase, fc.nat(), ({ tree, scores }, pick) => {
        const leaves = leavesOf(tree).filter((leaf) => !scores.get(leaf.code)?.notApplicable);
        fc.pre(leaves.length > 0);
        const removed = leaves[pick % leaves.length] as CriterionNode;
        const before = computeUnitScore(tree, scores);
        const after = computeUnitScore(tree, new Map([...scores, [removed.code, { points: null, notApplicable: true }]]));

        const removedPoints = scores.get(removed.code)?.points ?? new Decimal(0);
        expect(after.total.equals(before.total.minus(removedPoints))).toBe(true);
        expect(after.applicableMax.equals(before.applicableMax.minus(removed.maxPoints))).toBe(true);
        // The rescaled index checked against plain integer arithmetic on ten-thousandths.
        const total = BigInt(after.total.times(10_000).toFixed());
        const max = BigInt(after.applicableMax.times(10_000).toFixed());
        const expected = max === 0n ? fraction(0, 1) : fraction((total * 100n).toString(), max.toString());
        expect(compareFractions(after.index, expected)).toBe(0);
        expect(compareFractions(after.index, exactIndex(after.total, after.applicableMax))).toBe(0);
      }),
      RUNS,
    );
  });
});
