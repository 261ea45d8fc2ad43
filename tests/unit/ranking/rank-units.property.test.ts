import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankUnits, type RankInput, type TieBreakerKey } from "@/lib/ranking/rank-units";
import { fraction } from "@/lib/scoring/fraction";

const RUNS = { numRuns: 200 };

/** Small ranges so that equal indices (also as different fractions, 2/4 = 1/2) and ties are common. */
type Raw = { numerator: number; denominator: number; appraisal: number; survey: number };

const raws = fc.array(
  fc.record({
    numerator: fc.integer({ min: 0, max: 12 }),
    denominator: fc.integer({ min: 1, max: 4 }),
    appraisal: fc.integer({ min: 0, max: 2 }),
    survey: fc.integer({ min: 0, max: 2 }),
  }),
  { minLength: 0, maxLength: 25 },
);

const tieBreakers = fc.shuffledSubarray<TieBreakerKey>(["appraisalPoints", "surveyPoints"]);

function toInputs(rows: Raw[]): (RankInput & { raw: Raw })[] {
  return rows.map((raw, i) => ({
    unitCode: `u${String(i).padStart(2, "0")}`,
    raw,
    score: {
      index: fraction(raw.numerator, raw.denominator),
      appraisalPoints: new Decimal(raw.appraisal),
      surveyPoints: new Decimal(raw.survey),
    },
  }));
}

/** An independent oracle: "a ranks strictly above b", in integer arithmetic. */
function strictlyBetter(a: Raw, b: Raw, keys: TieBreakerKey[]): boolean {
  const left = a.numerator * b.denominator;
  const right = b.numerator * a.denominator;
  if (left !== right) return left > right;
  for (const key of keys) {
    const x = key === "appraisalPoints" ? a.appraisal : a.survey;
    const y = key === "appraisalPoints" ? b.appraisal : b.survey;
    if (x !== y) return x > y;
  }
  return false;
}

describe("rankUnits properties", () => {
  it("does not depend on the order of the input", () => {
    fc.assert(
      fc.property(
        raws.chain((rows) => fc.tuple(fc.constant(toInputs(rows)), fc.shuffledSubarray(toInputs(rows), { minLength: rows.length }))),
        tieBreakers,
        ([rows, shuffled], keys) => {
          const a = rankUnits(rows, keys).map((row) => [row.unitCode, row.rank]);
          const b = rankUnits(shuffled, keys).map((row) => [row.unitCode, row.rank]);
          expect(b).toEqual(a);
        },
      ),
      RUNS,
    );
  });

  it("gives each unit 1 + the number of units strictly better (shared ranks skip: 1, 1, 3)", () => {
    fc.assert(
      fc.property(raws, tieBreakers, (rows, keys) => {
        const inputs = toInputs(rows);
        const ranked = rankUnits(inputs, keys);
        expect(ranked).toHaveLength(inputs.length);
        for (const row of ranked) {
          const better = inputs.filter((other) => strictlyBetter(other.raw, row.raw, keys)).length;
          expect(row.rank).toBe(1 + better);
        }
        for (let i = 1; i < ranked.length; i += 1) {
          const previous = ranked[i - 1];
          const current = ranked[i];
          if (!previous || !current) continue;
          expect(current.rank).toBeGreaterThanOrEqual(previous.rank);
          if (current.rank === previous.rank) expect(previous.unitCode < current.unitCode).toBe(true);
        }
      }),
      RUNS,
    );
  });
});
