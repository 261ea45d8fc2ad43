import { beforeAll, describe, expect, it } from "vitest";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { importResultsPackage } from "@/lib/services/import-results-package";
import { publishPeriod } from "@/lib/services/publish-period";
import { getPublishedUnitProfile } from "@/lib/data/published-unit-profile";
import { getPublishedComparison } from "@/lib/data/published-unit-comparison";
import { getPrisma } from "@/lib/data/prisma";
import { buildPackage } from "@/tests/support/results-package-factory";
import { withTestDatabase } from "@/tests/support/test-database";
import { COMMAND_LINE } from "@/lib/auth/actor";

// Read-only tests over one data set: 2022 (a, d, e), 2023 (d and e merged into f; a's self-assessment
// and SIPAS published), 2024 on another criteria set, and a 2025 period imported but not published.
withTestDatabase({ reset: "once" });

const year2022 = buildPackage({
  code: "ho-so-2022",
  year: 2022,
  units: [
    { code: "a", name: "UBND xã A", points: [30, 28.5, 35] }, // 93.5
    { code: "d", name: "UBND xã D", points: [25, 25, 30] }, // 80
    { code: "e", name: "UBND xã E", points: [20, null, 30] }, // 50 of 70 applicable
  ],
});

const year2023 = buildPackage({
  code: "ho-so-2023",
  year: 2023,
  previous: "ho-so-2022",
  units: [
    { code: "a", name: "UBND xã A", points: [20, 24.5, 30] }, // 74.5: loses 10, 5.5, 10
    { code: "f", name: "UBND xã F", predecessors: ["d", "e"], points: [28, 27, 31] }, // 86
  ],
});
// a claimed more than the council gave on 1.2, and exactly what it got on 1.1.
Object.assign(year2023.scores.find((row) => row.unit === "a" && row.criterion === "1.1")!, { selfPoints: 20 });
Object.assign(year2023.scores.find((row) => row.unit === "a" && row.criterion === "1.2")!, {
  selfPoints: 27,
  reason: "Chưa có tài liệu kiểm chứng việc rà soát văn bản",
});
const sipas2023 = [
  { unit: "a", index: 91.5, responses: 25, elements: [{ code: "access", index: 90 }, { code: "procedures", index: 93 }] },
  { unit: "f", index: 88.25, responses: 140, elements: [] },
];

const year2024 = buildPackage({
  code: "ho-so-2024",
  year: 2024,
  previous: "ho-so-2023",
  leafMax: [26.5, 30, 43.5],
  units: [
    { code: "a", name: "UBND xã A", points: [26.5, 29.25, 40] }, // 95.75
    { code: "f", name: "UBND xã F", points: [20, 25, 40] }, // 85
  ],
});
year2024.criteriaSet.code = "ho-so-set-2024";
// A claim in a period that does not publish self-assessments must stay private.
Object.assign(year2024.scores.find((row) => row.unit === "a" && row.criterion === "1.2")!, { selfPoints: 30, reason: "Lý do nội bộ" });

const draft2025 = buildPackage({
  code: "ho-so-2025",
  year: 2025,
  previous: "ho-so-2024",
  leafMax: [26.5, 30, 43.5],
  units: [
    { code: "a", name: "UBND xã A mới", points: [1, 1, 1] },
    { code: "h", name: "UBND xã H", predecessors: ["f"], points: [2, 2, 2] },
  ],
});
draft2025.criteriaSet.code = "ho-so-set-2024";

async function importJson(json: unknown, publish: boolean) {
  const parsed = parseResultsPackage(JSON.stringify(json));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  await importResultsPackage({ pkg: parsed.package, replace: false, publish, actor: COMMAND_LINE });
}

beforeAll(async () => {
  await importJson(year2022, true);
  // The period publishes self-assessed points: set before publishing, as an admin would.
  await importJson({ ...year2023, sipas: sipas2023 }, false);
  await getPrisma().period.update({ where: { code: "ho-so-2023" }, data: { publishSelfPoints: true } });
  await publishPeriod({ periodCode: "ho-so-2023", actor: COMMAND_LINE });
  await importJson(year2024, true);
  await importJson(draft2025, false);
});

describe("a unit's published profile", () => {
  it("shows the latest published period by default, never the unpublished one", async () => {
    const profile = (await getPublishedUnitProfile("a"))!;
    expect(profile.unit).toEqual({ code: "a", name: "UBND xã A", kind: "commune" });
    expect(profile.periods.map((period) => period.code)).toEqual(["ho-so-2024", "ho-so-2023", "ho-so-2022"]);
    const selected = profile.selected;
    expect(selected.period.code).toBe("ho-so-2024");
    expect(selected.unitName).toBe("UBND xã A");
    expect(selected).toMatchObject({
      total: "95.75",
      applicableMax: "100",
      index: "95.7500",
      indexDisplay: "95.75",
      rank: 1,
      previousRank: 2,
      rankChange: 1,
      rankComparability: "comparable",
      band: "Xuất sắc",
      bandLevel: 0,
      bandCount: 5,
      appraisalPoints: "55.75",
      surveyPoints: "40",
    });
    expect(selected.group).toEqual({ code: "xa", name: "Khối xã", unitCount: 2, meanDisplay: "90.38", meanChangeDisplay: "10.13" });
    expect(selected.fields).toEqual([
      { code: "1", name: "Công tác chỉ đạo, điều hành", points: "55.75", maxPoints: "56.5", applicableMax: "56.5", notApplicable: false },
      { code: "2", name: "Tác động của CCHC", points: "40", maxPoints: "43.5", applicableMax: "43.5", notApplicable: false },
    ]);
    expect(await getPublishedUnitProfile("a", "ho-so-2025")).toBeNull();
    expect(JSON.stringify(profile)).not.toContain("ho-so-2025");
    expect(JSON.stringify(profile)).not.toContain("UBND xã A mới");
  });

  it("breaks a period's result down to the leaves and orders the points lost, largest first", async () => {
    const selected = (await getPublishedUnitProfile("a", "ho-so-2023"))!.selected;
    expect(selected.total).toBe("74.5");
    expect(selected.breakdown!.rows.map((row) => [row.code, row.points, row.maxPoints, row.lost])).toEqual([
      ["1", "44.5", "60", "15.5"],
      ["1.1", "20", "30", "10"],
      ["1.2", "24.5", "30", "5.5"],
      ["2", "30", "40", "10"],
      ["2.1", "30", "40", "10"],
    ]);
    // Equal losses are listed by criterion code.
    expect(selected.breakdown!.pointsLost.map((loss) => [loss.code, loss.lost, loss.fieldCode])).toEqual([
      ["1.1", "10", "1"],
      ["2.1", "10", "2"],
      ["1.2", "5.5", "1"],
    ]);
  });

  it("leaves not-applicable leaves out of the points lost and of the maximum", async () => {
    const selected = (await getPublishedUnitProfile("e"))!.selected;
    expect(selected).toMatchObject({ total: "50", applicableMax: "70", index: "71.4286", indexDisplay: "71.43", band: "Khá", rank: 3 });
    expect(selected.breakdown!.pointsLost.map((loss) => loss.code)).toEqual(["1.1", "2.1"]);
    expect(selected.breakdown!.rows.find((row) => row.code === "1.2")).toMatchObject({ notApplicable: true, applicableMax: "0" });
    expect(selected.fields[0]).toMatchObject({ points: "20", maxPoints: "60", applicableMax: "30" });
  });

  it("publishes self-assessed points and the council's reason only where the period says so", async () => {
    const published = (await getPublishedUnitProfile("a", "ho-so-2023"))!.selected;
    expect(published.selfAppraisal).toEqual({
      selfTotal: "47",
      appraisedTotal: "44.5",
      claimedLeaves: 2,
      differences: [
        {
          code: "1.2",
          name: "Văn bản QPPL",
          fieldCode: "1",
          maxPoints: "30",
          selfPoints: "27",
          selfNotApplicable: false,
          appraisedPoints: "24.5",
          notApplicable: false,
          difference: "-2.5",
          reason: "Chưa có tài liệu kiểm chứng việc rà soát văn bản",
        },
      ],
    });
    expect(published.breakdown!.rows.find((row) => row.code === "1.2")!.self).toEqual({ points: "27", notApplicable: false });

    const privateClaims = (await getPublishedUnitProfile("a", "ho-so-2024"))!.selected;
    expect(privateClaims.selfAppraisal).toBeNull();
    expect(privateClaims.breakdown!.rows.every((row) => row.self === null)).toBe(true);
    expect(JSON.stringify(privateClaims)).not.toContain("Lý do nội bộ");
  });

  it("gives SIPAS with its response count, the small-sample threshold and the elements (imported figures carry no interval)", async () => {
    const a = (await getPublishedUnitProfile("a", "ho-so-2023"))!.selected;
    expect(a.sipas).toEqual({
      index: "91.5",
      responses: 25,
      smallSampleThreshold: 30,
      ciLow: null,
      ciHigh: null,
      elements: [
        { code: "access", name: null, index: "90", responses: null },
        { code: "procedures", name: null, index: "93", responses: null },
      ],
    });
    expect((await getPublishedUnitProfile("a", "ho-so-2022"))!.selected.sipas).toBeNull();
  });

  it("marks the criteria-set change between consecutive periods", async () => {
    const profile = (await getPublishedUnitProfile("a"))!;
    expect(profile.history.map((row) => [row.periodCode, row.relation, row.indexDisplay, row.rank, row.groupSize])).toEqual([
      ["ho-so-2022", "self", "93.50", 1, 3],
      ["ho-so-2023", "self", "74.50", 2, 2],
      ["ho-so-2024", "self", "95.75", 1, 2],
    ]);
    expect(profile.breaks).toEqual([
      { previousPeriodCode: "ho-so-2023", previousYear: 2023, periodCode: "ho-so-2024", year: 2024, reasons: ["criteria-set"] },
    ]);
  });

  it("shows a merged unit's history with its predecessors, labelled, and marks the merge", async () => {
    const profile = (await getPublishedUnitProfile("f", "ho-so-2023"))!;
    expect(profile.lineage.predecessors).toEqual([
      { code: "d", name: "UBND xã D", kind: "merge", effectiveOn: "2023-01-01" },
      { code: "e", name: "UBND xã E", kind: "merge", effectiveOn: "2023-01-01" },
    ]);
    // The 2025 merge of f into h is not published: f has no successor yet.
    expect(profile.lineage.successors).toEqual([]);
    expect(profile.selected).toMatchObject({ rank: 1, rankChange: null, rankComparability: "merged" });
    expect(profile.selected.predecessorRanks).toEqual([
      { unitCode: "d", unitName: "UBND xã D", groupCode: "xa", rank: 2 },
      { unitCode: "e", unitName: "UBND xã E", groupCode: "xa", rank: 3 },
    ]);
    expect(profile.history.map((row) => [row.periodCode, row.unitCode, row.relation])).toEqual([
      ["ho-so-2022", "d", "predecessor"],
      ["ho-so-2022", "e", "predecessor"],
      ["ho-so-2023", "f", "self"],
      ["ho-so-2024", "f", "self"],
    ]);
    expect(profile.breaks.map((step) => [step.previousPeriodCode, step.periodCode, step.reasons])).toEqual([
      ["ho-so-2022", "ho-so-2023", ["lineage"]],
      ["ho-so-2023", "ho-so-2024", ["criteria-set"]],
    ]);
  });

  it("shows a dissolved unit's successor after the merge", async () => {
    const profile = (await getPublishedUnitProfile("d"))!;
    expect(profile.periods.map((period) => period.code)).toEqual(["ho-so-2022"]);
    expect(profile.lineage.successors).toEqual([{ code: "f", name: "UBND xã F", kind: "merge", effectiveOn: "2023-01-01" }]);
    expect(profile.history.map((row) => [row.periodCode, row.unitCode, row.relation])).toEqual([
      ["ho-so-2022", "d", "self"],
      ["ho-so-2023", "f", "successor"],
      ["ho-so-2024", "f", "successor"],
    ]);
    expect(profile.breaks[0]).toMatchObject({ periodCode: "ho-so-2023", reasons: ["lineage"] });
  });

  it("knows nothing of units without a published result", async () => {
    expect(await getPublishedUnitProfile("h")).toBeNull();
    expect(await getPublishedUnitProfile("khong-co")).toBeNull();
  });
});

describe("comparing units of one published period", () => {
  it("gives the asked units in the order asked, and names the codes the period does not have", async () => {
    const comparison = (await getPublishedComparison("ho-so-2023", ["f", "a", "zzz", "d"]))!;
    expect(comparison.code).toBe("ho-so-2023");
    expect(comparison.options).toEqual([
      { code: "a", name: "UBND xã A", groupCode: "xa" },
      { code: "f", name: "UBND xã F", groupCode: "xa" },
    ]);
    expect(comparison.rows.map((row) => [row.unitCode, row.total, row.indexDisplay, row.rank, row.groupSize, row.band])).toEqual([
      ["f", "86", "86.00", 1, 2, "Tốt"],
      ["a", "74.5", "74.50", 2, 2, "Khá"],
    ]);
    expect(comparison.rows[1]!.fields.map((field) => [field.code, field.points])).toEqual([
      ["1", "44.5"],
      ["2", "30"],
    ]);
    expect(comparison.unknownUnits).toEqual(["zzz", "d"]);
  });

  it("does not open an unpublished period", async () => {
    expect(await getPublishedComparison("ho-so-2025", ["a"])).toBeNull();
    expect(await getPublishedComparison("khong-co", [])).toBeNull();
  });
});
