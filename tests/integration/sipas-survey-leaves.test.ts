import { beforeEach, describe, expect, it } from "vitest";
import { applySipasToSurveyLeaves } from "@/lib/services/apply-sipas-to-survey-leaves";
import { appraiseItem } from "@/lib/services/appraise-item";
import { acceptRemainingItems } from "@/lib/services/accept-remaining-items";
import { approveAssessment } from "@/lib/services/approve-assessment";
import { addCriterion } from "@/lib/services/add-criterion";
import { updateCriterion } from "@/lib/services/update-criterion";
import { createCriteriaSetVersion } from "@/lib/services/create-criteria-set-version";
import { loadCriteriaSetEditor } from "@/lib/services/load-criteria-set-editor";
import { getPrisma } from "@/lib/data/prisma";
import { loadAssessmentWorkspace } from "@/lib/data/assessment-workspace";
import { Prisma } from "@/lib/generated/prisma/client";
import type { UserActor } from "@/lib/auth/actor";
import { withTestDatabase } from "@/tests/support/test-database";
import { assessmentOf, fillAndSubmit, PERIOD, refusal, runYear, scoreOf, setUpPeriod, type Cast } from "@/tests/support/workflow-fixture";

withTestDatabase();

// The workflow fixture's set: 1.1 and 1.2 (30 points each, appraisal) and 2.1 (40 points, survey,
// the only leaf of field 2). Tying 2.1 to SIPAS is what the criteria set editor stores.

let cast: Cast;

async function tie(sipasInput: string | null, scoringRule: Prisma.InputJsonValue | null = null) {
  await getPrisma().criterion.updateMany({
    where: { code: "2.1", criteriaSet: { periods: { some: { code: PERIOD } } } },
    data: { sipasInput, scoringRule: scoringRule ?? Prisma.DbNull },
  });
}

async function ids(unitCode: string) {
  const assessment = await assessmentOf(unitCode);
  return { periodId: assessment.periodId, unitId: assessment.unitId };
}

/** What the trigger keeps for field 2 of a unit: the survey points the unit total is built from. */
async function surveyTotal(unitCode: string) {
  const assessment = await assessmentOf(unitCode);
  const row = await getPrisma().assessmentFieldTotal.findFirstOrThrow({ where: { assessmentId: assessment.id, field: { code: "2" } } });
  return { surveyPoints: row.surveyPoints.toFixed(), unappraisedLeaves: row.unappraisedLeaves };
}

const FIGURES = { index: "91.23", elements: [{ code: "procedures", index: "84.5" }] };

const apply = (actor: UserActor, unitCode: string, figures = FIGURES) => ids(unitCode).then((at) => applySipasToSurveyLeaves({ ...at, figures, actor }));

describe("survey leaves that take their points from SIPAS", () => {
  beforeEach(async () => {
    cast = await setUpPeriod();
  });

  it("a proportional leaf gets max × index / 100, written like a council adjustment, and the unit's totals follow", async () => {
    await tie("index");
    await fillAndSubmit(cast.officerA, "a");
    const versionBefore = (await assessmentOf("a")).version;

    // 40 × 91.23 % = 36.492
    expect(await apply(cast.council1, "a")).toEqual({ applied: [{ criterionCode: "2.1", points: "36.492" }], missing: [] });
    const score = await scoreOf("a", "2.1");
    expect(score).toMatchObject({ reviewState: "adjusted", notApplicable: false, appraisalReason: "Theo chỉ số SIPAS đã phê duyệt: 91,23 %", updatedById: cast.council1.userId });
    expect(score!.appraisedPoints!.toFixed()).toBe("36.492");
    expect(score!.comments.map((comment) => `${comment.kind}: ${comment.body}`)).toEqual(["adjustment: Theo chỉ số SIPAS đã phê duyệt: 91,23 %"]);
    expect(await surveyTotal("a")).toEqual({ surveyPoints: "36.492", unappraisedLeaves: 0 });
    // The unit's state is SIPAS's business only as far as its points go; its version moves so a stale page cannot approve over them.
    expect(await assessmentOf("a")).toMatchObject({ status: "submitted", version: versionBefore + 1 });
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "sipas.apply_to_leaves" } });
    expect(audit).toMatchObject({
      actorId: cast.council1.userId,
      unitId: (await ids("a")).unitId,
      before: { leaves: [{ criterion: "2.1", appraisedPoints: null, reviewState: "pending" }] },
      after: { leaves: [{ criterion: "2.1", sipasInput: "index", figure: "91.23", appraisedPoints: "36.492" }], missing: [] },
    });

    // Approving the same figures again changes nothing and records nothing.
    await apply(cast.council1, "a");
    expect((await scoreOf("a", "2.1"))!.comments).toHaveLength(1);
    expect(await getPrisma().auditLog.count({ where: { action: "sipas.apply_to_leaves" } })).toBe(1);
  });

  it("a threshold leaf on an element's index follows the rule's edges, also for a unit that has not even started", async () => {
    await tie("procedures", {
      type: "threshold",
      input: { min: 0, max: 100 },
      rows: [
        { from: { value: 90, inclusive: true }, award: { kind: "fraction", value: 1 } },
        { from: { value: 80, inclusive: false }, to: { value: 90, inclusive: false }, award: { kind: "fraction", value: "0.75" } },
      ],
    });
    expect((await assessmentOf("b")).status).toBe("not_started");
    expect((await apply(cast.council1, "b")).applied).toEqual([{ criterionCode: "2.1", points: "30" }]);
    expect((await scoreOf("b", "2.1"))!.appraisalReason).toBe("Theo chỉ số SIPAS đã phê duyệt, yếu tố procedures: 84,5 %");
    expect(await surveyTotal("b")).toEqual({ surveyPoints: "30", unappraisedLeaves: 0 });

    // 90 is in the first row (inclusive), 80 in neither (exclusive), so "otherwise" gives 0.
    expect((await apply(cast.council1, "b", { index: "50", elements: [{ code: "procedures", index: "90" }] })).applied[0]!.points).toBe("40");
    expect((await apply(cast.council1, "b", { index: "50", elements: [{ code: "procedures", index: "80" }] })).applied[0]!.points).toBe("0");
    expect(await surveyTotal("b")).toEqual({ surveyPoints: "0", unappraisedLeaves: 0 });
  });

  it("an element missing from the figures leaves the leaf untouched and is reported", async () => {
    await tie("digital");
    expect(await apply(cast.council1, "a")).toEqual({ applied: [], missing: ["digital"] });
    expect(await scoreOf("a", "2.1")).toBeNull();
    expect(await getPrisma().auditLog.count({ where: { action: "sipas.apply_to_leaves" } })).toBe(0);
  });

  it("the council cannot type points on a tied leaf, but may approve the unit before SIPAS is approved", async () => {
    await tie("index");
    await fillAndSubmit(cast.officerA, "a");
    const refused = await refusal(
      appraiseItem(cast.council1, { periodCode: PERIOD, unitCode: "a", criterionCode: "2.1", decision: "adjust", points: "40", expectedVersion: null }),
    );
    expect(refused.code).toBe("survey_scored");
    expect(refused.vi).toContain("Điểm tiêu chí này lấy từ SIPAS đã phê duyệt");
    expect(await scoreOf("a", "2.1")).toBeNull();
    // The council's page offers no decision on it, and says where its points come from.
    const page = (await loadAssessmentWorkspace(cast.council1, { periodCode: PERIOD, unitCode: "a" }))!;
    expect(page.tree[1]!.children[0]!.item).toMatchObject({ decisions: [], sipasInput: "index" });

    await acceptRemainingItems(cast.council1, { periodCode: PERIOD, unitCode: "a", expectedAssessmentVersion: (await assessmentOf("a")).version });
    await approveAssessment(cast.council1, { periodCode: PERIOD, unitCode: "a", expectedVersion: (await assessmentOf("a")).version });
    expect((await assessmentOf("a")).status).toBe("approved");

    // SIPAS approved afterwards still gives the points, and the unit stays approved.
    expect((await apply(cast.council1, "a")).applied).toEqual([{ criterionCode: "2.1", points: "36.492" }]);
    expect((await assessmentOf("a")).status).toBe("approved");
  });

  it("an untied survey leaf is still entered by hand, and SIPAS does not touch it", async () => {
    await fillAndSubmit(cast.officerA, "a");
    await appraiseItem(cast.council1, { periodCode: PERIOD, unitCode: "a", criterionCode: "2.1", decision: "adjust", points: "33", expectedVersion: null });
    expect(await apply(cast.council1, "a")).toEqual({ applied: [], missing: [] });
    expect((await scoreOf("a", "2.1"))!.appraisedPoints!.toFixed()).toBe("33");
  });

  it("refuses a published period, an officer, and a rule that cannot read a percentage, writing nothing", async () => {
    await runYear(cast, { publish: true });
    await tie("index");
    const before = (await scoreOf("a", "2.1"))!.appraisedPoints!.toFixed();
    expect((await refusal(apply(cast.council1, "a"))).code).toBe("published");
    expect((await scoreOf("a", "2.1"))!.appraisedPoints!.toFixed()).toBe(before);
    expect((await refusal(apply(cast.officerA, "a"))).code).toBe("forbidden");
  });

  it("refuses a yes/no rule on a tied leaf with a clear message", async () => {
    await tie("index", { type: "yes_no" });
    const refused = await refusal(apply(cast.council1, "a"));
    expect(refused.code).toBe("invalid");
    expect(refused.vi).toContain("Tiêu chí 2.1");
    expect(await scoreOf("a", "2.1")).toBeNull();
  });
});

describe("tying a survey leaf to SIPAS in the criteria set editor", () => {
  beforeEach(async () => {
    cast = await setUpPeriod();
    // test-set is used by a published period, hence locked: edit a new version of it.
    await createCriteriaSetVersion(cast.admin, { fromCode: "test-set", newCode: "test-set-2024", name: "Bộ chỉ số thử nghiệm 2024" });
  });

  const stored = async (code: string) =>
    (await getPrisma().criterion.findFirstOrThrow({ where: { code, criteriaSet: { code: "test-set-2024" } }, select: { sipasInput: true } })).sipasInput;

  it("stores the source on a survey leaf, audits it, shows it and copies it into the next version", async () => {
    await updateCriterion(cast.admin, { setCode: "test-set-2024", code: "2.1", sipasInput: "civil-servants" });
    expect(await stored("2.1")).toBe("civil-servants");
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "criterion.update" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ before: { code: "2.1", sipasInput: null }, after: { code: "2.1", sipasInput: "civil-servants" } });

    const view = await loadCriteriaSetEditor(cast.admin, "test-set-2024");
    const leaf = view.tree.fields.find((field) => field.code === "2")!.children[0]!;
    // No written rule: scored in proportion, and the editor (like the methodology page) says so.
    expect(leaf).toMatchObject({ sipasInput: "civil-servants", storedSipasInput: "civil-servants", ruleSummary: { type: "proportional", max: "40" } });
    expect(view.problems).toEqual([]);

    await createCriteriaSetVersion(cast.admin, { fromCode: "test-set-2024", newCode: "test-set-2025", name: "Bộ chỉ số thử nghiệm 2025" });
    const copied = await getPrisma().criterion.findFirstOrThrow({ where: { code: "2.1", criteriaSet: { code: "test-set-2025" } } });
    expect(copied.sipasInput).toBe("civil-servants");

    // An empty field unties the leaf.
    await updateCriterion(cast.admin, { setCode: "test-set-2024", code: "2.1", sipasInput: "" });
    expect(await stored("2.1")).toBeNull();
  });

  it("refuses a source on an appraised leaf, a bad element code, and making a tied leaf appraised", async () => {
    const onAppraisal = await refusal(updateCriterion(cast.admin, { setCode: "test-set-2024", code: "1.1", sipasInput: "index" }));
    expect(onAppraisal.vi).toContain("Chỉ tiêu chí chấm bằng điều tra xã hội học mới lấy điểm từ SIPAS");
    expect(await stored("1.1")).toBeNull();

    const badCode = await refusal(updateCriterion(cast.admin, { setCode: "test-set-2024", code: "2.1", sipasInput: "Thủ tục" }));
    expect(badCode.vi).toContain("chữ thường không dấu");

    const added = await refusal(
      addCriterion(cast.admin, { setCode: "test-set-2024", parentCode: "1", code: "1.3", name: "Mục mới", maxPoints: "1", method: "appraisal", sipasInput: "index" }),
    );
    expect(added.vi).toContain("Chỉ tiêu chí chấm bằng điều tra xã hội học mới lấy điểm từ SIPAS");

    await updateCriterion(cast.admin, { setCode: "test-set-2024", code: "2.1", sipasInput: "index" });
    const toAppraisal = await refusal(updateCriterion(cast.admin, { setCode: "test-set-2024", code: "2.1", method: "appraisal" }));
    expect(toAppraisal.vi).toContain("Chỉ tiêu chí chấm bằng điều tra xã hội học");
    expect(await stored("2.1")).toBe("index");
  });

  it("lists a tied leaf whose rule cannot read a percentage among the set's problems", async () => {
    const result = await updateCriterion(cast.admin, { setCode: "test-set-2024", code: "2.1", sipasInput: "index", scoringRule: { type: "yes_no" } });
    expect(result.problems.map((problem) => [problem.kind, problem.code])).toEqual([["sipas-rule", "2.1"]]);
  });
});
