import { describe, expect, it } from "vitest";
import { defaultSipasQuestionnaire, defaultSipasSurveyName } from "@/lib/sipas/default-questionnaire";
import { checkSipasAnswers, sipasQuestions } from "@/lib/sipas/questionnaire";

describe("the default SIPAS questionnaire", () => {
  it("has MoHA's five elements and online services, with the codes survey-scored criteria name", () => {
    const questionnaire = defaultSipasQuestionnaire();
    expect(questionnaire.elements.map((element) => [element.code, element.name])).toEqual([
      ["access", "Tiếp cận dịch vụ"],
      ["procedures", "Thủ tục hành chính"],
      ["civil-servants", "Công chức giải quyết công việc"],
      ["results", "Kết quả giải quyết"],
      ["feedback", "Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị"],
      ["digital", "Dịch vụ công trực tuyến"],
    ]);
    expect(questionnaire.elements.map((element) => element.order)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("asks 3 to 5 questions per element, each in Vietnamese and English, with codes unique in the whole questionnaire", () => {
    const questionnaire = defaultSipasQuestionnaire();
    for (const element of questionnaire.elements) {
      expect(element.questions.length).toBeGreaterThanOrEqual(3);
      expect(element.questions.length).toBeLessThanOrEqual(5);
      expect(element.nameEn).toBeTruthy();
      for (const question of element.questions) {
        expect(question.text).toBe(question.text.normalize("NFC"));
        expect(question.textEn).toBeTruthy();
      }
    }
    const codes = sipasQuestions(questionnaire).map((question) => question.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("rates on 1–5 with the usual labels, satisfied from 4, equal weights, small sample below 30", () => {
    const questionnaire = defaultSipasQuestionnaire();
    expect(questionnaire.scale).toEqual({ min: 1, max: 5, satisfiedFrom: 4, labels: ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"] });
    expect(new Set(questionnaire.elements.map((element) => element.weight))).toEqual(new Set(["1"]));
    expect(questionnaire.smallSampleThreshold).toBe(30);
    expect(questionnaire.indexMethod).toBe("share_satisfied");
  });

  it("lets a person served only at the desk skip the online-service questions, and no other", () => {
    const questionnaire = defaultSipasQuestionnaire();
    const deskOnly = Object.fromEntries(
      sipasQuestions(questionnaire)
        .filter((question) => !question.code.startsWith("digital-"))
        .map((question) => [question.code, "4"]),
    );
    expect(checkSipasAnswers(questionnaire, deskOnly).ok).toBe(true);
    const missingOne = Object.fromEntries(Object.entries(deskOnly).filter(([code]) => code !== "access-1"));
    expect(checkSipasAnswers(questionnaire, missingOne)).toEqual({ ok: false, problems: [{ questionCode: "access-1", problem: "missing" }] });
  });

  it("is a fresh copy each time, and names the survey by its year", () => {
    const first = defaultSipasQuestionnaire();
    first.elements[0]!.questions.pop();
    expect(defaultSipasQuestionnaire().elements[0]!.questions).toHaveLength(4);
    expect(defaultSipasSurveyName(2025)).toBe("Khảo sát sự hài lòng của người dân, tổ chức (SIPAS) năm 2025");
  });
});
