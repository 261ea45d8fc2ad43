import { describe, expect, it } from "vitest";
import { buildDemoSipasRows } from "@/scripts/demo-data/sipas-demo-responses";
import { defaultSipasQuestionnaire } from "@/lib/sipas/default-questionnaire";
import { checkSipasRowsAgainstSurvey, sipasDateRange } from "@/lib/sipas/sipas-response-sheet";
import { buildDemoInProgressPeriod } from "@/scripts/demo-data/build-demo-packages";

const questionnaire = defaultSipasQuestionnaire();
const period = buildDemoInProgressPeriod();
const units = period.units.map((unit) => ({ code: unit.code }));
const input = { questionnaire, units, year: period.year, today: "2026-11-24" };

describe("the demo's paper SIPAS forms", () => {
  const rows = buildDemoSipasRows(input);
  const perUnit = new Map<string, typeof rows>();
  for (const row of rows) perUnit.set(row.unitCode, [...(perUnit.get(row.unitCode) ?? []), row]);

  it("are the same every time", () => {
    expect(buildDemoSipasRows(input)).toEqual(rows);
  });

  it("give five units 40–120 forms and one unit fewer than the small-sample threshold", () => {
    const counts = [...perUnit.values()].map((forms) => forms.length).sort((a, b) => a - b);
    expect(counts).toHaveLength(6);
    expect(counts[0]).toBeLessThan(questionnaire.smallSampleThreshold);
    for (const count of counts.slice(1)) {
      expect(count).toBeGreaterThanOrEqual(40);
      expect(count).toBeLessThanOrEqual(120);
    }
  });

  it("are mostly satisfied: each large unit's share of satisfied answers between 75 and 97 %", () => {
    for (const forms of perUnit.values()) {
      if (forms.length < 40) continue;
      const answers = forms.flatMap((form) => Object.values(form.answers));
      const share = (answers.filter((value) => value >= questionnaire.scale.satisfiedFrom).length * 100) / answers.length;
      expect(share).toBeGreaterThan(75);
      expect(share).toBeLessThan(97);
    }
  });

  it("pass every check of an import into the period's survey", () => {
    const problems = checkSipasRowsAgainstSurvey(questionnaire, rows, {
      periodUnits: new Map(units.map((unit) => [unit.code, unit.code])),
      knownUnitCodes: new Set(units.map((unit) => unit.code)),
      approvedUnitCodes: new Set(),
      importedRefs: new Set(),
      dateRange: sipasDateRange(period.year, "2026-11-24"),
    });
    expect(problems).toEqual([]);
  });
});
