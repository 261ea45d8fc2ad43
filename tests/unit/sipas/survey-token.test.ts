import { describe, expect, it } from "vitest";
import { checkSurveyToken, issueSurveyToken, surveyHash, SURVEY_TOKEN_LIFETIME_MS } from "@/lib/auth/sipas-survey-token";

const target = { periodCode: "son-la-2025", unitCode: "so-tu-phap" };
const issuedAt = new Date("2026-11-24T02:00:00Z");

describe("the survey form's one-time token", () => {
  it("names the period, unit, issue time and a nonce that differs per form", () => {
    const first = checkSurveyToken(issueSurveyToken(target, issuedAt), target, new Date(issuedAt.getTime() + 5000));
    const second = checkSurveyToken(issueSurveyToken(target, issuedAt), target, issuedAt);
    expect(first).toMatchObject({ ok: true, claims: { ...target, issuedAt } });
    expect(first.ok && second.ok && first.claims.nonce !== second.claims.nonce).toBe(true);
  });

  it("is refused for another unit or period than it was issued for", () => {
    const token = issueSurveyToken(target, issuedAt);
    expect(checkSurveyToken(token, { ...target, unitCode: "so-y-te" }, issuedAt)).toEqual({ ok: false, reason: "invalid" });
    expect(checkSurveyToken(token, { ...target, periodCode: "son-la-2024" }, issuedAt)).toEqual({ ok: false, reason: "invalid" });
  });

  it("is refused when its content or signature was edited, or it is not a token", () => {
    const [payload, signature] = issueSurveyToken(target, issuedAt).split(".");
    const edited = Buffer.from(Buffer.from(payload!, "base64url").toString().replace("so-tu-phap", "so-y-te")).toString("base64url");
    expect(checkSurveyToken(`${edited}.${signature}`, { ...target, unitCode: "so-y-te" }, issuedAt).ok).toBe(false);
    expect(checkSurveyToken(`${payload}.${signature!.slice(1)}A`, target, issuedAt).ok).toBe(false);
    for (const junk of ["", "abc", "a.b.c", `${payload}.`, "e30.e30"]) expect(checkSurveyToken(junk, target, issuedAt)).toEqual({ ok: false, reason: "invalid" });
  });

  it("expires after 24 hours and is not accepted from the future", () => {
    const token = issueSurveyToken(target, issuedAt);
    expect(checkSurveyToken(token, target, new Date(issuedAt.getTime() + SURVEY_TOKEN_LIFETIME_MS)).ok).toBe(true);
    expect(checkSurveyToken(token, target, new Date(issuedAt.getTime() + SURVEY_TOKEN_LIFETIME_MS + 1))).toEqual({ ok: false, reason: "expired" });
    expect(checkSurveyToken(token, target, new Date(issuedAt.getTime() - 5 * 60_000))).toEqual({ ok: false, reason: "invalid" });
  });

  it("device and address hashes are stable, differ by kind, and do not contain the value", () => {
    expect(surveyHash("address", "203.0.113.9")).toBe(surveyHash("address", "203.0.113.9"));
    expect(surveyHash("address", "203.0.113.9")).not.toBe(surveyHash("device", "203.0.113.9"));
    expect(surveyHash("address", "203.0.113.9")).not.toContain("203.0.113");
  });
});
