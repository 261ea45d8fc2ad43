import { describe, expect, it } from "vitest";
import { readSipasResponseForm } from "@/lib/domain/sipas-response-input";
import { vietnamCalendarDate } from "@/lib/domain/vietnam-day";
import { decodeSurveyDraft, encodeSurveyDraft } from "@/lib/domain/sipas-survey-draft";
import { surveyAvailability } from "@/lib/domain/sipas-survey-availability";

const read = (fields: Record<string, string>) => readSipasResponseForm(Object.entries(fields));

describe("reading the posted survey form", () => {
  it("takes answers from q.<code> fields, trims the dossier code and comment, empty ones become none", () => {
    expect(read({ token: "t", "q.1.1": "5", "q.dv2": "3", dossierCode: "  H56-01 ", comment: "  ", email: "" }).parsed).toEqual({
      ok: true,
      input: { token: "t", answers: { "1.1": "5", dv2: "3" }, dossierCode: "H56-01", comment: null, honeypot: "" },
    });
  });

  it("keeps a comment exactly as typed inside, markup included", () => {
    const parsed = read({ token: "t", comment: '<script>alert("x")</script>' }).parsed;
    expect(parsed.ok && parsed.input.comment).toBe('<script>alert("x")</script>');
  });

  it("refuses a comment over 2,000 characters, a long dossier code and a missing token, keeping the raw text", () => {
    const long = read({ token: "t", comment: "ư".repeat(2001) });
    expect(long.parsed).toEqual({ ok: false, problems: ["comment_too_long"] });
    expect(long.raw.comment).toHaveLength(2001);
    expect(read({ token: "t", comment: "ư".repeat(2000) }).parsed.ok).toBe(true);
    expect(read({ token: "t", dossierCode: "x".repeat(61) }).parsed).toEqual({ ok: false, problems: ["dossier_too_long"] });
    expect(read({ "q.a": "1" }).parsed).toEqual({ ok: false, problems: ["invalid_link"] });
  });
});

describe("the Vietnamese day of a submission", () => {
  it("turns at midnight in Vietnam, not UTC", () => {
    expect(vietnamCalendarDate(new Date("2026-11-24T16:59:59Z")).toISOString()).toBe("2026-11-24T00:00:00.000Z");
    expect(vietnamCalendarDate(new Date("2026-11-24T17:00:00Z")).toISOString()).toBe("2026-11-25T00:00:00.000Z");
  });
});

describe("whether a survey takes responses", () => {
  const now = new Date("2026-11-24T03:00:00Z");
  const open = { status: "open" as const, opensAt: null, closesAt: null };
  it("by state and dates", () => {
    expect(surveyAvailability(null, now)).toBe("not_open");
    expect(surveyAvailability({ ...open, status: "draft" }, now)).toBe("not_open");
    expect(surveyAvailability({ ...open, opensAt: new Date("2026-11-25T00:00:00Z") }, now)).toBe("not_open");
    expect(surveyAvailability({ ...open, closesAt: new Date("2026-11-24T02:59:59Z") }, now)).toBe("closed");
    expect(surveyAvailability({ ...open, status: "closed" }, now)).toBe("closed");
    expect(surveyAvailability({ ...open, opensAt: new Date("2026-11-01T00:00:00Z"), closesAt: new Date("2026-12-31T00:00:00Z") }, now)).toBe("open");
  });
});

describe("the draft a refused plain form comes back with", () => {
  const draft = {
    retry: "r1",
    periodCode: "son-la-2025",
    unitCode: "so-y-te",
    refusal: { code: "invalid_answers", vi: "Hãy chọn…", en: "Please choose…", problems: [{ key: "a1", vi: "Hãy chọn…", en: "Please…" }] },
    answers: { a1: "", c1: "4" },
    dossierCode: "H56",
    comment: "Rất tốt",
  };

  it("round-trips, and anything else reads as no draft", () => {
    expect(decodeSurveyDraft(encodeSurveyDraft(draft))).toEqual(draft);
    expect(decodeSurveyDraft("not-a-draft")).toBeNull();
    expect(decodeSurveyDraft(undefined)).toBeNull();
  });

  it("fits in a cookie even with a 2,000-character comment that does not compress", () => {
    const random = Array.from({ length: 2000 }, (_, index) => String.fromCodePoint(0x4e00 + ((index * 7919) % 20000))).join("");
    const encoded = encodeSurveyDraft({ ...draft, comment: random });
    expect(encoded.length).toBeLessThanOrEqual(3600);
    const back = decodeSurveyDraft(encoded)!;
    expect(random.startsWith(back.comment)).toBe(true);
    expect(back.comment.length).toBeGreaterThan(0);
  });
});
