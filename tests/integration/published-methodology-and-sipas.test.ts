import { describe, expect, it } from "vitest";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { importResultsPackage } from "@/lib/services/import-results-package";
import { publishPeriod } from "@/lib/services/publish-period";
import { getPublishedMethodology } from "@/lib/data/published-methodology";
import { getPublishedSipas } from "@/lib/data/published-sipas";
import { getPrisma } from "@/lib/data/prisma";
import { buildPackage } from "@/tests/support/results-package-factory";
import { withTestDatabase } from "@/tests/support/test-database";
import { COMMAND_LINE } from "@/lib/auth/actor";

withTestDatabase();

const CODE = "phuong-phap-2022";

function periodPackage(options: { code?: string; sipas?: boolean } = {}) {
  const json = buildPackage({
    code: options.code ?? CODE,
    year: 2022,
    units: [
      { code: "a", name: "UBND xã A", points: [30, 28.5, 35] },
      { code: "b", name: "UBND xã B", points: [30, 28, 35.5] },
      { code: "c", name: "UBND xã C", points: [25, 25, 30] },
      { code: "d", name: "UBND xã D", points: [25, 25, 30] },
    ],
    tieBreakers: ["surveyPoints", "appraisalPoints"],
  });
  if (options.sipas === false) return json;
  return {
    ...json,
    sipas: [
      {
        unit: "a",
        index: 91.35,
        responses: 120,
        elements: [
          { code: "access", index: 92.1 },
          { code: "procedures", index: 90.6 },
        ],
      },
      // Below the default threshold of 30 responses: a weak figure the page must flag.
      { unit: "b", index: 97.5, responses: 25, elements: [{ code: "access", index: 97.5 }] },
    ],
  };
}

async function importJson(json: unknown, publish: boolean) {
  const parsed = parseResultsPackage(JSON.stringify(json));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return importResultsPackage({ pkg: parsed.package, replace: false, publish, actor: COMMAND_LINE });
}

/** The scoring details a criteria set can carry but a results package does not (yet). */
async function describeCriteria() {
  const prisma = getPrisma();
  const set = await prisma.criteriaSet.findUniqueOrThrow({ where: { code: "test-set" }, select: { id: true } });
  await prisma.criterion.update({
    where: { criteriaSetId_code: { criteriaSetId: set.id, code: "1.1" } },
    data: {
      nameEn: "Reform plan",
      description: "Kế hoạch CCHC ban hành đúng hạn.",
      scoringRule: {
        type: "threshold",
        input: { min: 0, max: 100 },
        rows: [
          { from: { value: 95, inclusive: true }, award: { kind: "fraction", value: 1 } },
          { from: { value: 90, inclusive: true }, to: { value: 95, inclusive: false }, award: { kind: "fraction", value: 0.5 } },
        ],
      },
    },
  });
  await prisma.criterion.update({
    where: { criteriaSetId_code: { criteriaSetId: set.id, code: "1.2" } },
    data: { scoringRule: { type: "yes_no" } },
  });
}

/** Unit C's survey was run in the portal (no package): an approved result with an interval, and D's still unapproved. */
async function insertSurveyResults() {
  const prisma = getPrisma();
  const period = await prisma.period.findUniqueOrThrow({ where: { code: CODE }, select: { id: true } });
  const unit = async (code: string) => (await prisma.unit.findUniqueOrThrow({ where: { code }, select: { id: true } })).id;
  const survey = await prisma.sipasSurvey.create({
    data: { periodId: period.id, code: "sipas-2022", name: "Phiếu SIPAS 2022", scaleLabels: [], smallSampleThreshold: 30 },
  });
  await prisma.sipasElement.createMany({
    data: [
      { surveyId: survey.id, code: "procedures", name: "Thủ tục hành chính", nameEn: "Procedures", order: 1 },
      { surveyId: survey.id, code: "access", name: "Tiếp cận dịch vụ", nameEn: "Access", order: 2 },
    ],
  });
  await prisma.sipasResult.create({
    data: {
      periodId: period.id,
      unitId: await unit("c"),
      index: "88.125",
      responses: 30,
      ciLow: "85.5",
      ciHigh: "90.75",
      state: "approved",
      approvedAt: new Date(),
      elements: { create: [{ code: "procedures", index: "87", order: 0 }] },
    },
  });
  await prisma.sipasResult.create({
    data: { periodId: period.id, unitId: await unit("d"), index: "99", responses: 200, state: "computed" },
  });
}

describe("published methodology", () => {
  it("gives the criteria tree, bands, tie rule, decision and every publication, newest first", async () => {
    await importJson(periodPackage(), false);
    await describeCriteria();
    await publishPeriod({ periodCode: CODE, actor: COMMAND_LINE });
    await publishPeriod({
      periodCode: CODE,
      actor: COMMAND_LINE,
      reason: "Đính chính điểm tiêu chí 1.2 của xã B",
      decisionNumber: "58/QĐ-UBND",
      decisionDate: new Date("2023-02-20"),
    });

    const methodology = await getPublishedMethodology(CODE);
    expect(methodology).not.toBeNull();
    const { tree } = methodology!;
    expect(methodology!.criteriaSet).toEqual({ code: "test-set", name: "Bộ chỉ số thử nghiệm", version: 1 });
    expect(tree.countsByLevel).toEqual([2, 3]);
    expect([tree.totalMax, tree.appraisalMax, tree.surveyMax]).toEqual(["100", "60", "40"]);
    expect(tree.fields.map((field) => [field.code, field.maxPoints, field.method, field.children.map((child) => child.code)])).toEqual([
      ["1", "60", "appraisal", ["1.1", "1.2"]],
      ["2", "40", "survey", ["2.1"]],
    ]);
    const plan = tree.fields[0]!.children[0]!;
    expect(plan).toMatchObject({ name: "Kế hoạch CCHC", nameEn: "Reform plan", description: "Kế hoạch CCHC ban hành đúng hạn.", level: 2 });
    expect(plan.scoringRule).toMatchObject({
      type: "threshold",
      rows: [{ award: { share: "100", points: "30" } }, { award: { share: "50", points: "15" } }],
      otherwise: { points: "0" },
    });
    expect(tree.fields[0]!.children[1]!.scoringRule).toMatchObject({ type: "yes_no", yes: { points: "30" }, no: { points: "0" } });
    expect(tree.fields[1]!.children[0]!.scoringRule).toBeNull();

    expect(methodology!.bands.bands.map((band) => [band.label, band.minIndex, band.below])).toEqual([
      ["Xuất sắc", "90", null],
      ["Tốt", "80", "90"],
      ["Khá", "70", "80"],
      ["Trung bình", "50", "70"],
      ["Yếu", "0", "50"],
    ]);
    expect(methodology!.bands.unbandedBelow).toBeNull();
    expect(methodology!.tieBreakers).toEqual(["surveyPoints", "appraisalPoints"]);
    expect(methodology!.groups).toEqual([{ code: "xa", name: "Khối xã" }]);

    // The erratum carries its own decision; the page states the current one.
    expect(methodology!.decisionNumber).toBe("58/QĐ-UBND");
    expect(methodology!.decisionDate?.toISOString().slice(0, 10)).toBe("2023-02-20");
    expect(
      methodology!.publications.map((publication) => ({
        version: publication.version,
        reason: publication.reason,
        decision: publication.decisionNumber,
        current: publication.current,
      })),
    ).toEqual([
      { version: 2, reason: "Đính chính điểm tiêu chí 1.2 của xã B", decision: "58/QĐ-UBND", current: true },
      { version: 1, reason: null, decision: "2022/QĐ-UBND", current: false },
    ]);
    const [erratum, original] = methodology!.publications;
    expect(erratum!.publishedAt.getTime()).toBeGreaterThanOrEqual(original!.publishedAt.getTime());
  });

  it("is null for an unknown period and for one that is not published", async () => {
    await importJson(periodPackage(), false);
    expect(await getPublishedMethodology(CODE)).toBeNull();
    expect(await getPublishedMethodology("khong-ton-tai")).toBeNull();
  });
});

describe("published SIPAS", () => {
  it("lists every unit's approved figures as published, with elements, intervals and small samples flagged", async () => {
    await importJson(periodPackage(), false);
    await insertSurveyResults();
    // D's result is computed but not approved: it keeps the period from being published until the
    // council approves it or it is withdrawn.
    await expect(publishPeriod({ periodCode: CODE, actor: COMMAND_LINE })).rejects.toMatchObject({
      code: "sipas_unapproved",
      vi: "Hội đồng chưa phê duyệt chỉ số SIPAS của 1 đơn vị: UBND xã D.",
    });
    await getPrisma().sipasResult.deleteMany({ where: { period: { code: CODE }, unit: { code: "d" } } });
    await publishPeriod({ periodCode: CODE, actor: COMMAND_LINE });

    const sipas = await getPublishedSipas(CODE);
    expect(sipas).not.toBeNull();
    expect(sipas!.smallSampleThreshold).toBe(30);
    // The survey's elements in its order, with its names.
    expect(sipas!.elements).toEqual([
      { code: "procedures", name: "Thủ tục hành chính", nameEn: "Procedures" },
      { code: "access", name: "Tiếp cận dịch vụ", nameEn: "Access" },
    ]);
    expect(sipas!.groups.map((group) => [group.code, group.name])).toEqual([["xa", "Khối xã"]]);
    // D has no figures: it is not shown.
    expect(sipas!.groups[0]!.units).toEqual([
      { unitCode: "a", unitName: "UBND xã A", index: "91.35", responses: 120, smallSample: false, ciLow: null, ciHigh: null, elements: ["90.6", "92.1"] },
      { unitCode: "b", unitName: "UBND xã B", index: "97.5", responses: 25, smallSample: true, ciLow: null, ciHigh: null, elements: [null, "97.5"] },
      { unitCode: "c", unitName: "UBND xã C", index: "88.125", responses: 30, smallSample: false, ciLow: "85.5", ciHigh: "90.75", elements: ["87", null] },
    ]);
  });

  it("keeps the published figure and withholds details that changed after publication", async () => {
    await importJson(periodPackage(), true);
    const prisma = getPrisma();
    const a = await prisma.unit.findUniqueOrThrow({ where: { code: "a" }, select: { id: true } });
    await prisma.sipasResult.updateMany({ where: { unitId: a.id }, data: { index: "93", ciLow: "90", ciHigh: "96" } });
    const period = await prisma.period.findUniqueOrThrow({ where: { code: CODE }, select: { id: true } });
    const c = await prisma.unit.findUniqueOrThrow({ where: { code: "c" }, select: { id: true } });
    await prisma.sipasResult.create({ data: { periodId: period.id, unitId: c.id, index: "80", responses: 50, state: "approved" } });

    const units = (await getPublishedSipas(CODE))!.groups[0]!.units;
    expect(units.map((unit) => unit.unitCode)).toEqual(["a", "b"]);
    expect(units[0]).toMatchObject({ index: "91.35", responses: 120, ciLow: null, ciHigh: null, elements: [null] });
    // Without a survey the columns come from the results still shown: A's no longer count.
    expect((await getPublishedSipas(CODE))!.elements).toEqual([{ code: "access", name: null, nameEn: null }]);
  });

  it("has no groups when the period published no SIPAS, and is null when the period is not public", async () => {
    await importJson(periodPackage({ sipas: false }), true);
    const sipas = await getPublishedSipas(CODE);
    expect(sipas).not.toBeNull();
    expect(sipas!.groups).toEqual([]);
    expect(sipas!.elements).toEqual([]);

    await importJson(periodPackage({ code: "chua-cong-bo-2022" }), false);
    expect(await getPublishedSipas("chua-cong-bo-2022")).toBeNull();
    expect(await getPublishedSipas("khong-ton-tai")).toBeNull();
  });
});
