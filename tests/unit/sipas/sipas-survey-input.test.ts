import { describe, expect, it } from "vitest";
import { editSipasElementInput, editSipasQuestionInput, reviewFlaggedSipasResponsesInput, updateSipasSurveyInput } from "@/lib/domain/sipas-survey-input";
import { inputIssues } from "@/lib/domain/setup-input";
import { publicBaseUrl } from "@/lib/domain/public-base-url";

const settings = {
  periodCode: "son-la-so-2025",
  name: "Khảo sát SIPAS 2025",
  scaleMin: "1",
  scaleMax: "5",
  scaleLabels: ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"],
  satisfiedFrom: "4",
  indexMethod: "share_satisfied",
  smallSampleThreshold: "30",
};

function issuesOf(result: { success: boolean; error?: unknown }) {
  if (result.success) return [];
  return inputIssues(result.error as Parameters<typeof inputIssues>[0]);
}

describe("survey settings as typed in the console", () => {
  it("reads whole numbers from text and dates from the form, empty date meaning none", () => {
    const parsed = updateSipasSurveyInput.parse({ ...settings, opensAt: "2025-11-10T08:00:00+07:00", closesAt: "" });
    expect(parsed).toMatchObject({ scaleMin: 1, scaleMax: 5, satisfiedFrom: 4, smallSampleThreshold: 30, closesAt: null });
    expect(parsed.opensAt).toEqual(new Date("2025-11-10T01:00:00Z"));
  });

  it("needs one label per scale point, names the field, and says it in both languages", () => {
    const issues = issuesOf(updateSipasSurveyInput.safeParse({ ...settings, scaleMax: "7" }));
    expect(issues).toEqual([
      { path: "scaleLabels", vi: "Cần đúng 7 nhãn, mỗi dòng một nhãn từ thấp đến cao (đang có 5)", en: "Exactly 7 labels are needed, one per line from lowest to highest (5 given)" },
    ]);
  });

  it("refuses 'satisfied from' outside the scale, a reversed scale, a decimal, and a close before the open", () => {
    expect(issuesOf(updateSipasSurveyInput.safeParse({ ...settings, satisfiedFrom: "6" })).map((issue) => issue.path)).toEqual(["satisfiedFrom"]);
    expect(issuesOf(updateSipasSurveyInput.safeParse({ ...settings, scaleMin: "5", scaleMax: "1" })).map((issue) => issue.path)).toEqual(["scaleMax"]);
    expect(issuesOf(updateSipasSurveyInput.safeParse({ ...settings, smallSampleThreshold: "2,5" }))[0]).toMatchObject({ path: "smallSampleThreshold", vi: expect.stringContaining("số nguyên") });
    expect(
      issuesOf(updateSipasSurveyInput.safeParse({ ...settings, opensAt: "2025-12-01T00:00:00Z", closesAt: "2025-11-01T00:00:00Z" })).map((issue) => issue.path),
    ).toEqual(["closesAt"]);
  });
});

describe("elements and questions", () => {
  it("takes a weight with a decimal comma as an exact decimal string, and refuses zero", () => {
    expect(editSipasElementInput.parse({ op: "add", periodCode: "p", code: "access", name: "Tiếp cận", nameEn: " ", weight: "0,25" })).toMatchObject({ weight: "0.25", nameEn: null });
    expect(issuesOf(editSipasElementInput.safeParse({ op: "add", periodCode: "p", code: "access", name: "Tiếp cận", weight: "0" }))[0]!.vi).toContain("Trọng số phải lớn hơn 0");
  });

  it("refuses a code with spaces or diacritics, and an empty question", () => {
    expect(issuesOf(editSipasQuestionInput.safeParse({ op: "add", periodCode: "p", elementCode: "access", code: "câu 1", text: "…", required: true }))[0]!.path).toBe("code");
    expect(issuesOf(editSipasQuestionInput.safeParse({ op: "add", periodCode: "p", elementCode: "access", code: "access-9", text: "  ", required: true }))[0]!.path).toBe("text");
  });

  it("reviews at least one and at most 500 responses at once, each once", () => {
    expect(reviewFlaggedSipasResponsesInput.parse({ periodCode: "p", decision: "accept", responseIds: ["a", "a", "b"] }).responseIds).toEqual(["a", "b"]);
    expect(reviewFlaggedSipasResponsesInput.safeParse({ periodCode: "p", decision: "accept", responseIds: [] }).success).toBe(false);
    expect(reviewFlaggedSipasResponsesInput.safeParse({ periodCode: "p", decision: "delete", responseIds: ["a"] }).success).toBe(false);
  });
});

describe("the public address printed on posters", () => {
  it("is PUBLIC_BASE_URL when set (without its trailing slash), else the request's origin", () => {
    expect(publicBaseUrl("http://10.0.0.5:3000/api/x", { PUBLIC_BASE_URL: "https://cchc.sonla.gov.vn/" })).toBe("https://cchc.sonla.gov.vn");
    expect(publicBaseUrl("http://10.0.0.5:3000/api/x", { PUBLIC_BASE_URL: "https://sonla.gov.vn/cchc/" })).toBe("https://sonla.gov.vn/cchc");
    expect(publicBaseUrl("http://localhost:3000/api/x", {})).toBe("http://localhost:3000");
    expect(publicBaseUrl("http://localhost:3000/api/x", { PUBLIC_BASE_URL: "javascript:alert(1)" })).toBe("http://localhost:3000");
  });
});
