import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computePeriodResults, type PeriodUnitInput } from "@/lib/ranking/compute-period-results";
import type { LeafScore } from "@/lib/scoring/compute-unit-score";
import type { CriterionNode } from "@/lib/scoring/criteria-tree";

const leaf = (code: string, max: string, method: "appraisal" | "survey"): CriterionNode => ({
  code,
  name: code,
  maxPoints: new Decimal(max),
  method,
  children: [],
});
const criteria: CriterionNode[] = [
  { code: "1", name: "1", maxPoints: new Decimal("33.5"), method: "appraisal", children: [leaf("1.1", "3.5", "appraisal"), leaf("1.2", "30", "appraisal")] },
  leaf("2", "66.5", "survey"),
];
const maxes: Record<string, number> = { "1.1": 35, "1.2": 300, "2": 665 };

const unitsArbitrary = fc
  .uniqueArray(
    fc.record({
      code: fc.stringMatching(/^[a-z]{1,3}$/),
      group: fc.constantFrom("so", "huyen", "xa"),
      points: fc.tuple(fc.nat(35), fc.nat(300), fc.nat(665)),
      naFirst: fc.boolean(),
    }),
    { selector: (unit) => unit.code, minLength: 1, maxLength: 20 },
  )
  .map((rows) =>
    rows.map((row): PeriodUnitInput => {
      const scores = new Map<string, LeafScore>(
        (["1.1", "1.2", "2"] as const).map((code, i) => [
          code,
          code === "1.1" && row.naFirst
            ? { points: null, notApplicable: true }
            : { points: new Decimal(Math.min(row.points[i] ?? 0, maxes[code] ?? 0)).div(10), notApplicable: false },
        ]),
      );
      return { unitCode: row.code, unitName: row.code, groupCode: row.group, predecessors: [], scores };
    }),
  );

describe("computePeriodResults properties", () => {
  it("gives every group the same rows, ranks and statistics whatever the order of the units", () => {
    fc.assert(
      fc.property(
        unitsArbitrary.chain((units) => fc.tuple(fc.constant(units), fc.shuffledSubarray(units, { minLength: units.length }))),
        ([units, shuffled]) => {
          const input = {
            criteria,
            tieBreakers: ["appraisalPoints" as const],
            bands: [{ label: "A", minIndex: new Decimal(90) }, { label: "B", minIndex: new Decimal(50) }],
            previous: { ranks: [], groupMeans: new Map([["xa", new Decimal("70.1234")]]) },
          };
          const byGroup = (units: PeriodUnitInput[]) =>
            new Map(computePeriodResults({ ...input, units }).groups.map((group) => [group.groupCode, group]));
          expect(byGroup(shuffled)).toEqual(byGroup(units));
        },
      ),
      { numRuns: 100 },
    );
  });
});
