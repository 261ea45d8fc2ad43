import { beforeEach, describe, expect, it } from "vitest";
import { submitSelfAssessment } from "@/lib/services/submit-self-assessment";
import { appraiseItem } from "@/lib/services/appraise-item";
import { explainItem } from "@/lib/services/explain-item";
import { reopenAssessment } from "@/lib/services/reopen-assessment";
import { transitionPeriod } from "@/lib/services/transition-period";
import { countInbox, loadInbox, type InboxItem } from "@/lib/data/inbox";
import { getPrisma } from "@/lib/data/prisma";
import type { UserActor } from "@/lib/auth/actor";
import { withTestDatabase } from "@/tests/support/test-database";
import {
  AFTER_DEADLINE,
  appraiseAndApprove,
  assessmentOf,
  fill,
  fillAndSubmit,
  NOW,
  PERIOD,
  scoreOf,
  setUpPeriod,
  type Cast,
} from "@/tests/support/workflow-fixture";

withTestDatabase();

// The self-assessment deadline is 20/02/2026 23:59:59 in Vietnam: five and a half days after SOON.
const SOON = new Date("2026-02-15T03:00:00Z");
const DEADLINE = new Date("2026-02-20T16:59:59Z");
const PERIOD_NAME = "Chỉ số CCHC năm 2023 — thử nghiệm";

let cast: Cast;
beforeEach(async () => {
  cast = await setUpPeriod();
});

/** The inbox in short, and the navigation's count checked against it. */
async function inbox(actor: UserActor, now = NOW): Promise<Partial<InboxItem>[]> {
  const items = await loadInbox(actor, now);
  expect(await countInbox(actor, now)).toBe(items.length);
  return items.map(({ kind, unitCode, count, href }) => ({ kind, unitCode, count, href }));
}

const submit = async (officer: UserActor, unitCode: string, now = NOW) =>
  submitSelfAssessment(officer, { periodCode: PERIOD, unitCode, expectedVersion: (await assessmentOf(unitCode)).version }, now);

const returnItem = async (criterionCode: string) =>
  appraiseItem(cast.council1, {
    periodCode: PERIOD,
    unitCode: "a",
    criterionCode,
    decision: "return",
    comment: "Thiếu kế hoạch CCHC có chữ ký",
    expectedVersion: (await scoreOf("a", criterionCode))!.version,
  });

describe("a unit officer's inbox", () => {
  it("shows the self-assessment deadline in the last 7 days while the unit has not submitted, with the leaves left", async () => {
    expect(await inbox(cast.officerA)).toEqual([]);
    const [item] = await loadInbox(cast.officerA, SOON);
    expect(item).toEqual({
      kind: "self_assessment_due",
      periodCode: PERIOD,
      periodName: PERIOD_NAME,
      unitCode: "a",
      unitName: "UBND xã A",
      dueAt: DEADLINE,
      count: 2,
      reason: null,
      href: "/console/assessments/thu-nghiem-2023/a",
    });
    await fill(cast.officerA, "a");
    expect(await inbox(cast.officerA, SOON)).toEqual([{ kind: "self_assessment_due", unitCode: "a", count: 0, href: "/console/assessments/thu-nghiem-2023/a" }]);
    await submit(cast.officerA, "a", SOON);
    expect(await inbox(cast.officerA, SOON)).toEqual([]);
    expect(await inbox(cast.officerB, AFTER_DEADLINE)).toEqual([]);
  });

  it("shows items returned for explanation, then the resubmission, and never another unit's", async () => {
    await fillAndSubmit(cast.officerA, "a");
    await returnItem("1.1");
    expect(await inbox(cast.officerA)).toEqual([{ kind: "returned_items", unitCode: "a", count: 1, href: "/console/assessments/thu-nghiem-2023/a" }]);
    expect(await inbox(cast.officerB)).toEqual([]);
    expect(await inbox(cast.officerB, SOON)).toEqual([{ kind: "self_assessment_due", unitCode: "b", count: 2, href: "/console/assessments/thu-nghiem-2023/b" }]);

    await explainItem(cast.officerA, {
      periodCode: PERIOD,
      unitCode: "a",
      criterionCode: "1.1",
      explanation: "Đã bổ sung kế hoạch có chữ ký",
      expectedVersion: (await scoreOf("a", "1.1"))!.version,
    });
    expect(await inbox(cast.officerA)).toEqual([{ kind: "ready_to_resubmit", unitCode: "a", count: 1, href: "/console/assessments/thu-nghiem-2023/a" }]);
    await submit(cast.officerA, "a");
    expect(await inbox(cast.officerA)).toEqual([]);
  });

  it("says when home affairs reopened the unit, and why", async () => {
    await fill(cast.officerB, "b");
    await transitionPeriod(cast.admin, { periodCode: PERIOD, to: "appraisal", expectedStatus: "self_assessment" });
    await reopenAssessment(cast.admin, { periodCode: PERIOD, unitCode: "a", reason: "Đơn vị được gia hạn do sáp nhập" }, NOW);
    const items = await loadInbox(cast.officerA, NOW);
    expect(items).toEqual([expect.objectContaining({ kind: "assessment_reopened", unitCode: "a", count: 1, reason: "Đơn vị được gia hạn do sáp nhập" })]);
    expect(await inbox(cast.officerB)).toEqual([]);
  });

  it("is empty for an officer bound to no unit", async () => {
    expect(await inbox({ ...cast.officerA, unitId: null }, SOON)).toEqual([]);
  });
});

describe("the council's inbox", () => {
  it("queues submitted units, units in appraisal and explanations to review, not units waiting for their officer", async () => {
    expect(await inbox(cast.council1)).toEqual([]);
    await fillAndSubmit(cast.officerA, "a");
    await fillAndSubmit(cast.officerB, "b");
    expect(await inbox(cast.council1)).toEqual([
      { kind: "unit_submitted", unitCode: "a", count: 3, href: "/console/appraisal/thu-nghiem-2023/a" },
      { kind: "unit_submitted", unitCode: "b", count: 3, href: "/console/appraisal/thu-nghiem-2023/b" },
    ]);

    await returnItem("1.1");
    await appraiseItem(cast.council1, { periodCode: PERIOD, unitCode: "b", criterionCode: "1.1", decision: "accept", expectedVersion: (await scoreOf("b", "1.1"))!.version });
    expect(await inbox(cast.council2)).toEqual([{ kind: "unit_in_appraisal", unitCode: "b", count: 2, href: "/console/appraisal/thu-nghiem-2023/b" }]);

    await explainItem(cast.officerA, {
      periodCode: PERIOD,
      unitCode: "a",
      criterionCode: "1.1",
      explanation: "Đã bổ sung",
      expectedVersion: (await scoreOf("a", "1.1"))!.version,
    });
    expect(await inbox(cast.council2)).toEqual([
      { kind: "explanations_to_review", unitCode: "a", count: 1, href: "/console/appraisal/thu-nghiem-2023/a" },
      { kind: "unit_in_appraisal", unitCode: "b", count: 2, href: "/console/appraisal/thu-nghiem-2023/b" },
    ]);

    await appraiseAndApprove(cast.council1, "b");
    expect((await inbox(cast.council1)).map((item) => item.unitCode)).toEqual(["a"]);
  });

  it("shows the appraisal deadline in the last 7 days with the units not approved", async () => {
    const appraisalDeadline = new Date("2026-03-10T16:59:59Z");
    await getPrisma().period.update({ where: { code: PERIOD }, data: { appraisalDeadline } });
    await fillAndSubmit(cast.officerA, "a");
    await appraiseAndApprove(cast.council1, "a");
    const week = new Date("2026-03-04T03:00:00Z");
    expect(await inbox(cast.council1, week)).toEqual([{ kind: "appraisal_due", unitCode: null, count: 1, href: "/console/appraisal#queue-thu-nghiem-2023" }]);
    expect((await loadInbox(cast.council1, week))[0]).toMatchObject({ dueAt: appraisalDeadline, periodName: PERIOD_NAME });
    expect(await inbox(cast.council1, new Date("2026-03-02T03:00:00Z"))).toEqual([]);
    expect(await inbox(cast.council1, new Date("2026-03-11T03:00:00Z"))).toEqual([]);
  });
});

describe("home affairs' inbox", () => {
  it("counts units not submitted as the self-assessment deadline nears", async () => {
    await fillAndSubmit(cast.officerA, "a");
    expect(await inbox(cast.admin)).toEqual([]);
    expect(await inbox(cast.admin, SOON)).toEqual([{ kind: "self_assessment_due", unitCode: null, count: 1, href: "/console/periods/thu-nghiem-2023" }]);
    expect((await loadInbox(cast.admin, SOON))[0]!.dueAt).toEqual(DEADLINE);
  });

  it("counts units not approved as the appraisal deadline nears", async () => {
    await getPrisma().period.update({ where: { code: PERIOD }, data: { appraisalDeadline: new Date("2026-03-10T16:59:59Z") } });
    await fillAndSubmit(cast.officerA, "a");
    await appraiseAndApprove(cast.council1, "a");
    expect(await inbox(cast.admin, new Date("2026-03-04T03:00:00Z"))).toEqual([
      { kind: "appraisal_due", unitCode: null, count: 1, href: "/console/periods/thu-nghiem-2023" },
    ]);
  });

  it("says when every unit is approved but the period is still in appraisal, then when it is ready to publish", async () => {
    await fillAndSubmit(cast.officerA, "a");
    await fillAndSubmit(cast.officerB, "b");
    await appraiseAndApprove(cast.council1, "a");
    await transitionPeriod(cast.admin, { periodCode: PERIOD, to: "appraisal", expectedStatus: "self_assessment" });
    expect(await inbox(cast.admin)).toEqual([]);
    await appraiseAndApprove(cast.council1, "b");
    expect(await inbox(cast.admin)).toEqual([{ kind: "all_units_approved", unitCode: null, count: 2, href: "/console/periods/thu-nghiem-2023" }]);
    await transitionPeriod(cast.admin, { periodCode: PERIOD, to: "approved", expectedStatus: "appraisal" });
    expect(await inbox(cast.admin)).toEqual([{ kind: "ready_to_publish", unitCode: null, count: 2, href: "/console/periods/thu-nghiem-2023" }]);
    expect(await inbox(cast.council1)).toEqual([]);
    expect(await inbox(cast.officerA)).toEqual([]);
  });
});
