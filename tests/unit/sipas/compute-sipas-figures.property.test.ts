import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeSipasFigures } from "@/lib/sipas/compute-sipas-figures";
import type { SipasIndexMethodName, SipasQuestionnaire } from "@/lib/sipas/questionnaire";

const RUNS = { numRuns: 200 };

/** Two or three elements of one to three questions; the last question of each is optional. */
const questionnaireCase = fc
  .record({
    shape: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 3 }),
    weights: fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 3, maxLength: 3 }),
    method: fc.constantFrom<SipasIndexMethodName>("share_satisfied", "mean_scaled"),
  })
  .map(({ shape, weights, method }): SipasQuestionnaire => ({
    scale: { min: 1, max: 5, satisfiedFrom: 4, labels: [] },
    indexMethod: method,
    smallSampleThreshold: 10,
    elements: shape.map((count, e) => ({
      code: `E${e}`,
      name: `E${e}`,
      nameEn: null,
      weight: new Decimal(weights[e] ?? 1).dividedBy(100).toString(),
      order: e,
      questions: Array.from({ length: count }, (_, q) => ({ code: `E${e}Q${q}`, text: "", textEn: null, order: q, required: q < count - 1 })),
    })),
  }));

/** Raw answers: one per possible question, 0 meaning "skipped" (applied to optional questions only). */
const rawResponses = fc.array(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 9, maxLength: 9 }), { minLength: 1, maxLength: 25 });

function toResponses(questionnaire: SipasQuestionnaire, raw: number[][]): Map<string, number>[] {
  const questions = questionnaire.elements.flatMap((element) => element.questions);
  return raw.map((values) => {
    const response = new Map<string, number>();
    questions.forEach((question, position) => {
      const value = values[position] ?? 0;
      if (value === 0 && !question.required) return;
      response.set(question.code, Math.max(1, value));
    });
    return response;
  });
}

const cases = fc.tuple(questionnaireCase, rawResponses).map(([questionnaire, raw]) => ({ questionnaire, responses: toResponses(questionnaire, raw) }));

describe("computeSipasFigures — properties", () => {
  it("does not depend on the order of the responses", () => {
    fc.assert(
      fc.property(cases, fc.array(fc.integer(), { minLength: 25, maxLength: 25 }), ({ questionnaire, responses }, keys) => {
        // A random permutation: positions sorted by random keys.
        const order = responses.map((_, position) => position).sort((a, b) => (keys[a] ?? 0) - (keys[b] ?? 0) || a - b);
        const shuffled = order.map((position) => responses[position]!);
        expect(computeSipasFigures(questionnaire, shuffled)).toEqual(computeSipasFigures(questionnaire, responses));
        expect(computeSipasFigures(questionnaire, [...responses].reverse())).toEqual(computeSipasFigures(questionnaire, responses));
      }),
      RUNS,
    );
  });

  it("keeps every index within 0–100 and the overall index within its 95 % interval", () => {
    fc.assert(
      fc.property(cases, ({ questionnaire, responses }) => {
        const figures = computeSipasFigures(questionnaire, responses);
        const indices = [figures.index, ...figures.elements.map((element) => element.index), ...figures.questions.map((question) => question.index)];
        for (const index of indices) if (index !== null) expect(new Decimal(index).gte(0) && new Decimal(index).lte(100)).toBe(true);
        // With only optional questions, every respondent may have skipped them all: no answer, no index.
        const answers = responses.filter((response) => response.size > 0).length;
        if (answers === 0) {
          expect(figures.index).toBeNull();
          return;
        }
        expect(figures.index).not.toBeNull();
        // The interval is over the respondents who answered something.
        if (answers < 2) {
          expect(figures.ciLow).toBeNull();
          return;
        }
        const [low, index, high] = [figures.ciLow, figures.index, figures.ciHigh].map((value) => new Decimal(value!));
        expect(low!.lte(index!) && index!.lte(high!)).toBe(true);
        expect(low!.gte(0) && high!.lte(100)).toBe(true);
      }),
      RUNS,
    );
  });

  it("never lowers a share-of-satisfied index when one more satisfied response comes in", () => {
    fc.assert(
      fc.property(cases, ({ questionnaire, responses }) => {
        const share = { ...questionnaire, indexMethod: "share_satisfied" as const };
        const satisfied = new Map(share.elements.flatMap((element) => element.questions).map((question) => [question.code, 5]));
        const before = computeSipasFigures(share, responses);
        const after = computeSipasFigures(share, [...responses, satisfied]);
        // Before it, every respondent may have skipped every (optional) question: no index yet.
        expect(new Decimal(after.index!).gte(before.index ?? 0)).toBe(true);
        after.elements.forEach((element, position) => expect(new Decimal(element.index!).gte(before.elements[position]!.index ?? 0)).toBe(true));
        expect(after.responses).toBe(before.responses + 1);
      }),
      RUNS,
    );
  });

  it("counts each respondent once per element however many of its questions they answered", () => {
    fc.assert(
      fc.property(cases, ({ questionnaire, responses }) => {
        const figures = computeSipasFigures(questionnaire, responses);
        questionnaire.elements.forEach((element, position) => {
          const answered = responses.filter((response) => element.questions.some((question) => response.has(question.code))).length;
          expect(figures.elements[position]!.responses).toBe(answered);
        });
      }),
      RUNS,
    );
  });
});
