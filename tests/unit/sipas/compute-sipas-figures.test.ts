import { describe, expect, it } from "vitest";
import { computeSipasFigures, SipasComputationError } from "@/lib/sipas/compute-sipas-figures";
import type { SipasIndexMethodName, SipasQuestionnaire } from "@/lib/sipas/questionnaire";

function questionnaire(indexMethod: SipasIndexMethodName, weights: [string, string] = ["1", "1"], smallSampleThreshold = 30): SipasQuestionnaire {
  return {
    scale: { min: 1, max: 5, satisfiedFrom: 4, labels: ["1", "2", "3", "4", "5"] },
    indexMethod,
    smallSampleThreshold,
    elements: [
      {
        code: "access",
        name: "Tiếp cận dịch vụ",
        nameEn: null,
        weight: weights[0],
        order: 1,
        questions: [
          { code: "A1", text: "…", textEn: null, order: 1, required: true },
          { code: "A2", text: "…", textEn: null, order: 2, required: true },
        ],
      },
      {
        code: "digital",
        name: "Dịch vụ công trực tuyến",
        nameEn: null,
        weight: weights[1],
        order: 2,
        questions: [{ code: "D1", text: "…", textEn: null, order: 1, required: false }],
      },
    ],
  };
}

const answers = (entries: Record<string, number>) => new Map(Object.entries(entries));

describe("computeSipasFigures — share of satisfied answers", () => {
  // Respondent 1: A1 5, A2 3, D1 4 → access 1 of 2 satisfied, digital 1 of 1.
  // Respondent 2: A1 4, A2 4, D1 2 → access 2 of 2, digital 0 of 1.
  // Respondent 3: A1 2, A2 5 (D1 skipped) → access 1 of 2.
  const responses = [answers({ A1: 5, A2: 3, D1: 4 }), answers({ A1: 4, A2: 4, D1: 2 }), answers({ A1: 2, A2: 5 })];

  it("gives per question and per element the share of answers at or above 'satisfied', and the overall mean of elements", () => {
    const figures = computeSipasFigures(questionnaire("share_satisfied"), responses);
    expect(figures.questions).toEqual([
      { code: "A1", elementCode: "access", index: "66.6667", answers: 3 },
      { code: "A2", elementCode: "access", index: "66.6667", answers: 3 },
      { code: "D1", elementCode: "digital", index: "50.0000", answers: 2 },
    ]);
    // access: 4 of 6 answers = 66.67 %; digital 1 of 2 = 50 %; overall (200/3 + 50) / 2 = 58.3333…
    expect(figures.elements).toEqual([
      { code: "access", index: "66.6667", responses: 3, answers: 6 },
      { code: "digital", index: "50.0000", responses: 2, answers: 2 },
    ]);
    expect(figures.index).toBe("58.3333");
    expect(figures.responses).toBe(3);
  });

  it("computes the 95 % interval from each respondent's own score (normal approximation over respondents)", () => {
    // Respondent scores: (50 + 100)/2 = 75, (100 + 0)/2 = 50, and 50 (digital skipped, weight renormalised).
    // mean 58.33, s² = ((75−58.33)² + 2·(50−58.33)²)/2 = 208.33…, s/√3 = 8.3333…, margin 16.3333…
    const figures = computeSipasFigures(questionnaire("share_satisfied"), responses);
    expect(figures.ciLow).toBe("42.0000");
    expect(figures.ciHigh).toBe("74.6667");
  });

  it("weights the elements as the period defines", () => {
    const figures = computeSipasFigures(questionnaire("share_satisfied", ["3", "1"]), responses);
    // (3 × 66.666… + 1 × 50) / 4 = 62.5
    expect(figures.index).toBe("62.5000");
    const decimalWeights = computeSipasFigures(questionnaire("share_satisfied", ["0.75", "0.25"]), responses);
    expect(decimalWeights.index).toBe("62.5000");
  });

  it("leaves out an element nobody answered and renormalises the weights instead of counting it as 0 %", () => {
    const figures = computeSipasFigures(questionnaire("share_satisfied", ["1", "3"]), [answers({ A1: 5, A2: 3 }), answers({ A1: 4, A2: 4 })]);
    expect(figures.elements[1]).toEqual({ code: "digital", index: null, responses: 0, answers: 0 });
    expect(figures.questions[2]).toEqual({ code: "D1", elementCode: "digital", index: null, answers: 0 });
    expect(figures.index).toBe("75.0000");
  });

  it("gives 100 with an interval of [100, 100] when everyone is satisfied", () => {
    const figures = computeSipasFigures(questionnaire("share_satisfied"), [answers({ A1: 5, A2: 4, D1: 5 }), answers({ A1: 4, A2: 4 }), answers({ A1: 5, A2: 5, D1: 4 })]);
    expect(figures).toMatchObject({ index: "100.0000", ciLow: "100.0000", ciHigh: "100.0000" });
  });

  it("has no interval with a single respondent and no figures at all without responses", () => {
    expect(computeSipasFigures(questionnaire("share_satisfied"), [answers({ A1: 5, A2: 3 })])).toMatchObject({ index: "50.0000", ciLow: null, ciHigh: null, responses: 1 });
    expect(computeSipasFigures(questionnaire("share_satisfied"), [])).toMatchObject({ index: null, ciLow: null, ciHigh: null, responses: 0, smallSample: true });
  });

  it("clamps the interval to 0–100", () => {
    const figures = computeSipasFigures(questionnaire("share_satisfied"), [answers({ A1: 5, A2: 5 }), answers({ A1: 1, A2: 1 })]);
    // scores 100 and 0: index 50, s = 70.71, margin 1.96 × 50 = 98
    expect(figures).toMatchObject({ index: "50.0000", ciLow: "0.0000", ciHigh: "100.0000" });
  });

  it("flags a small sample below the period's threshold", () => {
    expect(computeSipasFigures(questionnaire("share_satisfied", ["1", "1"], 3), responses).smallSample).toBe(false);
    expect(computeSipasFigures(questionnaire("share_satisfied", ["1", "1"], 4), responses).smallSample).toBe(true);
  });
});

describe("computeSipasFigures — mean answer mapped onto 0–100", () => {
  it("maps the mean answer as (mean − min) / (max − min) × 100", () => {
    // A1: 5, 4, 2 → mean 11/3 → (11/3 − 1)/4 = 66.6667; A2: 3, 4, 5 → 75; D1: 4, 2 → 50
    const figures = computeSipasFigures(questionnaire("mean_scaled"), [answers({ A1: 5, A2: 3, D1: 4 }), answers({ A1: 4, A2: 4, D1: 2 }), answers({ A1: 2, A2: 5 })]);
    expect(figures.questions.map((question) => question.index)).toEqual(["66.6667", "75.0000", "50.0000"]);
    // access: (4+2+3+3+1+4)/6 answers / 4 = 17/24 = 70.8333; overall (70.8333 + 50)/2 = 60.4167
    expect(figures.elements.map((element) => element.index)).toEqual(["70.8333", "50.0000"]);
    expect(figures.index).toBe("60.4167");
    // respondent scores: (75 + 75)/2 = 75, (75 + 25)/2 = 50, 62.5 → mean 62.5 ≠ index; s = 12.5, margin 1.96 × 12.5/√3 = 14.1451
    expect(figures.ciLow).toBe("46.2716");
    expect(figures.ciHigh).toBe("74.5617");
  });

  it("rounds half-up only at the end", () => {
    // One question of an element weighted 1 and 2: 1/8 of the span. (0.125 × 100 = 12.5 exactly)
    const figures = computeSipasFigures(
      { ...questionnaire("mean_scaled"), scale: { min: 0, max: 8, satisfiedFrom: 6, labels: [] } },
      [answers({ A1: 1, A2: 1 }), answers({ A1: 0, A2: 0 })],
    );
    expect(figures.index).toBe("6.2500");
  });
});

describe("computeSipasFigures — refused input", () => {
  it("refuses answers off the scale or to questions the questionnaire does not have", () => {
    expect(() => computeSipasFigures(questionnaire("share_satisfied"), [answers({ A1: 6, A2: 5 })])).toThrow(SipasComputationError);
    expect(() => computeSipasFigures(questionnaire("share_satisfied"), [answers({ Z9: 5 })])).toThrow(/unknown question Z9/);
  });
});
