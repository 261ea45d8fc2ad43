import { describe, expect, it } from "vitest";
import { checkSipasAnswers, type SipasQuestionnaire } from "@/lib/sipas/questionnaire";

const questionnaire: SipasQuestionnaire = {
  scale: { min: 1, max: 5, satisfiedFrom: 4, labels: ["1", "2", "3", "4", "5"] },
  indexMethod: "share_satisfied",
  smallSampleThreshold: 30,
  elements: [
    {
      code: "access",
      name: "Tiếp cận dịch vụ",
      nameEn: null,
      weight: "1",
      order: 1,
      questions: [
        { code: "A1", text: "…", textEn: null, order: 1, required: true },
        { code: "A2", text: "…", textEn: null, order: 2, required: true },
      ],
    },
    { code: "digital", name: "Dịch vụ công trực tuyến", nameEn: null, weight: "1", order: 2, questions: [{ code: "D1", text: "…", textEn: null, order: 1, required: false }] },
  ],
};

describe("checkSipasAnswers", () => {
  it("accepts whole numbers on the scale, from a form's strings too, and leaves out unanswered optional questions", () => {
    const checked = checkSipasAnswers(questionnaire, { A1: "5", A2: 1, D1: " " });
    expect(checked).toEqual({ ok: true, answers: new Map([["A1", 5], ["A2", 1]]) });
  });

  it("reports every problem at once: a missing required answer, values off the scale or not whole, an unknown question", () => {
    const checked = checkSipasAnswers(questionnaire, new Map<string, unknown>([["A2", "6"], ["D1", "4.5"], ["Z9", "3"]]));
    expect(checked).toEqual({
      ok: false,
      problems: [
        { questionCode: "Z9", problem: "unknown_question" },
        { questionCode: "A1", problem: "missing" },
        { questionCode: "A2", problem: "out_of_scale", value: "6" },
        { questionCode: "D1", problem: "out_of_scale", value: "4.5" },
      ],
    });
  });

  it("refuses zero and negative values below a scale that starts at 1", () => {
    const checked = checkSipasAnswers(questionnaire, { A1: "0", A2: "-1" });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.problems.map((problem) => problem.problem)).toEqual(["out_of_scale", "out_of_scale"]);
  });
});
