import { describe, expect, it } from "vitest";
import { seedDemo } from "@/scripts/seed/seed-demo";
import { loadSipasSurvey } from "@/lib/data/sipas-questionnaire";
import { getPrisma } from "@/lib/data/prisma";
import { withTestDatabase } from "@/tests/support/test-database";

withTestDatabase();

describe("the demo's SIPAS survey", () => {
  it("is the default questionnaire of the open 2025 period, open from two weeks before the seed day to two months after", async () => {
    const now = new Date("2026-11-24T03:00:00Z");
    await seedDemo(() => {}, now);
    const survey = (await loadSipasSurvey("son-la-so-2025"))!;
    expect(survey.status).toBe("open");
    expect(survey.questionnaire.elements.map((element) => element.code)).toEqual(["access", "procedures", "civil-servants", "results", "feedback", "digital"]);
    expect(survey.opensAt).toEqual(new Date("2026-11-10T03:00:00Z"));
    expect(survey.closesAt).toEqual(new Date("2027-01-23T03:00:00Z"));
    expect(await getPrisma().sipasSurvey.count()).toBe(1);
  }, 120_000);
});
