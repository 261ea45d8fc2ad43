import { beforeEach, describe, expect, it } from "vitest";
import { transitionPeriod } from "@/lib/services/transition-period";
import { publishPeriod } from "@/lib/services/publish-period";
import { submitSelfAssessment } from "@/lib/services/submit-self-assessment";
import { appraiseItem } from "@/lib/services/appraise-item";
import { explainItem } from "@/lib/services/explain-item";
import { approveAssessment } from "@/lib/services/approve-assessment";
import { reopenAssessment } from "@/lib/services/reopen-assessment";
import { saveSelfScores } from "@/lib/services/save-self-scores";
import { getPrisma } from "@/lib/data/prisma";
import { PERIOD_STATUSES, type PeriodStatus } from "@/lib/review/assessment-workflow";
import { withTestDatabase } from "@/tests/support/test-database";
import {
  appraiseAndApprove,
  assessmentOf,
  fill,
  fillAndSubmit,
  NOW,
  PERIOD,
  refusal,
  scoreOf,
  setUpPeriod,
  type Cast,
} from "@/tests/support/workflow-fixture";

withTestDatabase();

async function periodStatus(): Promise<string> {
  return (await getPrisma().period.findUniqueOrThrow({ where: { code: PERIOD } })).status;
}

describe("a period's states, through transitionPeriod and publishPeriod", () => {
  let cast: Cast;
  beforeEach(async () => {
    cast = await setUpPeriod({ openSelfAssessment: false });
  });

  /** Every move out of `from` except the allowed ones is refused and leaves the period where it was. */
  async function expectOnlyMoves(from: PeriodStatus, allowed: PeriodStatus[]) {
    for (const to of PERIOD_STATUSES.filter((target) => !allowed.includes(target))) {
      const error = await refusal(transitionPeriod(cast.admin, { periodCode: PERIOD, to, expectedStatus: from }));
      expect(error.code, `${from} → ${to}`).toBe("wrong_state");
      expect(await periodStatus()).toBe(from);
    }
  }

  it("runs draft → self_assessment → appraisal → approved ⇄ appraisal → published, and refuses every other move", async () => {
    const move = (expectedStatus: PeriodStatus, to: PeriodStatus) => transitionPeriod(cast.admin, { periodCode: PERIOD, to, expectedStatus });

    await expectOnlyMoves("draft", ["self_assessment"]);
    await move("draft", "self_assessment");
    await expectOnlyMoves("self_assessment", ["appraisal"]);

    await fill(cast.officerA, "a");
    await fillAndSubmit(cast.officerB, "b");
    await appraiseAndApprove(cast.council1, "b");
    // Unit a never submitted: it stays in progress, read-only from now on.
    expect((await move("self_assessment", "appraisal")).unsubmittedUnits.map((unit) => unit.unitCode)).toEqual(["a"]);
    expect(await periodStatus()).toBe("appraisal");
    const closed = await refusal<{ problems: { code: string }[] }>(
      saveSelfScores(cast.officerA, { periodCode: PERIOD, unitCode: "a", items: [{ criterionCode: "1.1", points: "1", expectedVersion: 0 }] }, NOW),
    );
    expect(closed.problems.map((problem) => problem.code)).toEqual(["closed"]);

    const notApproved = await refusal<{ unitCodes: string[] }>(move("appraisal", "approved"));
    expect(notApproved).toMatchObject({ code: "not_approved", unitCodes: ["a"] });
    expect(notApproved.vi).toContain("UBND xã A");
    await expectOnlyMoves("appraisal", ["approved"]);

    await reopenAssessment(cast.admin, { periodCode: PERIOD, unitCode: "a", reason: "Đơn vị ốm đau, gia hạn" }, NOW);
    await submitSelfAssessment(cast.officerA, { periodCode: PERIOD, unitCode: "a", expectedVersion: (await assessmentOf("a")).version }, NOW);
    await appraiseAndApprove(cast.council1, "a");
    await move("appraisal", "approved");
    await expectOnlyMoves("approved", ["appraisal"]);

    // Approval reopened before publication, then approved again.
    await move("approved", "appraisal");
    await move("appraisal", "approved");

    await publishPeriod({ periodCode: PERIOD, actor: cast.admin });
    expect(await periodStatus()).toBe("published");
    for (const to of PERIOD_STATUSES) {
      expect((await refusal(move("published", to))).code, `published → ${to}`).toBe("published");
    }

    const audit = await getPrisma().auditLog.findMany({ where: { action: "period.transition" }, orderBy: { id: "asc" }, select: { before: true, after: true, actorId: true } });
    expect(audit.map((row) => `${(row.before as { status: string }).status}→${(row.after as { status: string }).status}`)).toEqual([
      "draft→self_assessment",
      "self_assessment→appraisal",
      "appraisal→approved",
      "approved→appraisal",
      "appraisal→approved",
    ]);
    expect(audit.every((row) => row.actorId === cast.admin.userId)).toBe(true);
  });

  it("does not repeat a move a colleague made meanwhile, and names who made it", async () => {
    await transitionPeriod(cast.admin, { periodCode: PERIOD, to: "self_assessment", expectedStatus: "draft" });
    const error = await refusal<{ changedBy: string | null }>(transitionPeriod(cast.admin, { periodCode: PERIOD, to: "self_assessment", expectedStatus: "draft" }));
    expect(error).toMatchObject({ code: "stale", changedBy: "Sở Nội vụ" });
    expect(await getPrisma().auditLog.count({ where: { action: "period.transition" } })).toBe(1);
  });

  it("is home affairs' alone", async () => {
    for (const actor of [cast.council1, cast.officerA]) {
      expect((await refusal(transitionPeriod(actor, { periodCode: PERIOD, to: "self_assessment", expectedStatus: "draft" }))).code).toBe("forbidden");
    }
    expect(await periodStatus()).toBe("draft");
  });
});

describe("a unit's assessment states", () => {
  let cast: Cast;
  beforeEach(async () => {
    cast = await setUpPeriod();
  });

  const submit = async (cast: Cast, unitCode = "a") =>
    submitSelfAssessment(unitCode === "a" ? cast.officerA : cast.officerB, { periodCode: PERIOD, unitCode, expectedVersion: (await assessmentOf(unitCode)).version }, NOW);
  const decide = async (actor: Cast["council1"], criterionCode: string, decision: "accept" | "adjust" | "return", extra: Record<string, unknown> = {}) =>
    appraiseItem(actor, {
      periodCode: PERIOD,
      unitCode: "a",
      criterionCode,
      decision,
      expectedVersion: (await scoreOf("a", criterionCode))?.version ?? null,
      ...extra,
    });
  const approve = async (cast: Cast) => approveAssessment(cast.council1, { periodCode: PERIOD, unitCode: "a", expectedVersion: (await assessmentOf("a")).version }, NOW);

  it("not_started → submitted is refused while leaves are unanswered (survey leaves are not the unit's)", async () => {
    const error = await refusal<{ problems: { criterionCode: string }[] }>(submit(cast, "b"));
    expect(error.code).toBe("incomplete");
    expect(error.problems.map((problem) => problem.criterionCode)).toEqual(["1.1", "1.2"]);
    expect((await assessmentOf("b")).status).toBe("not_started");
  });

  it("in_progress → submitted once; a second submit is refused", async () => {
    await fill(cast.officerA, "a");
    expect((await assessmentOf("a")).status).toBe("in_progress");
    const result = await submit(cast);
    expect(result).toMatchObject({ status: "submitted", version: 1, resubmitted: false });
    const row = await assessmentOf("a");
    expect(row).toMatchObject({ status: "submitted", submittedAt: NOW, version: 1 });
    expect((await refusal(submit(cast))).code).toBe("wrong_state");
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "assessment.submit" } });
    expect(audit).toMatchObject({ actorId: cast.officerA.userId, before: { status: "in_progress" }, after: { status: "submitted" } });
  });

  it("submitted → in_appraisal on the first decision, in_appraisal → returned on a return, returned → submitted after explaining", async () => {
    await fillAndSubmit(cast.officerA, "a");
    expect((await decide(cast.council1, "1.1", "accept")).assessmentStatus).toBe("in_appraisal");
    expect((await assessmentOf("a")).status).toBe("in_appraisal");
    expect((await decide(cast.council1, "1.2", "return", { comment: "Đề nghị cung cấp văn bản chứng minh" })).assessmentStatus).toBe("returned");

    // Nothing to approve while an item waits for the unit; the returned item is not the council's.
    expect((await refusal(approve(cast))).code).toBe("wrong_state");
    expect((await refusal(decide(cast.council1, "1.2", "accept"))).code).toBe("wrong_state");
    // Resubmitting before explaining is refused, naming the item.
    const early = await refusal<{ problems: { criterionCode: string }[] }>(submit(cast));
    expect(early.code).toBe("not_explained");
    expect(early.problems.map((problem) => problem.criterionCode)).toEqual(["1.2"]);

    await explainItem(cast.officerA, {
      periodCode: PERIOD,
      unitCode: "a",
      criterionCode: "1.2",
      explanation: "Năm 2023 xã không ban hành văn bản QPPL; kèm xác nhận của Phòng Tư pháp.",
      expectedVersion: (await scoreOf("a", "1.2"))!.version,
    });
    expect((await submit(cast)).resubmitted).toBe(true);
    expect((await assessmentOf("a")).status).toBe("submitted");
    expect(await getPrisma().auditLog.count({ where: { action: "assessment.resubmit" } })).toBe(1);
  });

  it("submitted → returned in one step when the first decision is a return", async () => {
    await fillAndSubmit(cast.officerA, "a");
    expect((await decide(cast.council1, "1.1", "return", { comment: "Thiếu kế hoạch" })).assessmentStatus).toBe("returned");
  });

  it("submitted → approved and in_appraisal → approved once every leaf is decided", async () => {
    await fillAndSubmit(cast.officerA, "a");
    await fillAndSubmit(cast.officerB, "b");
    // b: straight from submitted (decisions through a raw leaf-by-leaf path are covered elsewhere).
    await appraiseAndApprove(cast.council1, "b");
    expect((await assessmentOf("b")).status).toBe("approved");

    await decide(cast.council1, "1.1", "accept");
    await decide(cast.council1, "1.2", "accept");
    await decide(cast.council1, "2.1", "adjust", { points: "31,25" });
    expect((await assessmentOf("a")).status).toBe("in_appraisal");
    await approve(cast);
    expect(await assessmentOf("a")).toMatchObject({ status: "approved", approvedAt: NOW, approvedById: cast.council1.userId });
  });

  it("refuses the council on a unit not submitted or already approved", async () => {
    await fill(cast.officerA, "a");
    expect((await refusal(decide(cast.council1, "1.1", "accept"))).code).toBe("wrong_state");
    expect((await refusal(approve(cast))).code).toBe("wrong_state");
    await submit(cast);
    await appraiseAndApprove(cast.council1, "a");
    expect((await refusal(decide(cast.council1, "1.1", "return", { comment: "x" }))).code).toBe("wrong_state");
    expect((await refusal(approve(cast))).code).toBe("wrong_state");
    expect((await refusal(submit(cast))).code).toBe("wrong_state");
  });

  it("reopen: every state → in_progress, with a reason, by home affairs only", async () => {
    const reopen = (unitCode: string, reason = "Gia hạn theo đề nghị của đơn vị") =>
      reopenAssessment(cast.admin, { periodCode: PERIOD, unitCode, reason }, NOW);
    const statuses: string[] = [];
    const reopenFrom = async (unitCode: string) => {
      statuses.push((await assessmentOf(unitCode)).status);
      expect((await reopen(unitCode)).status).toBe("in_progress");
      expect(await assessmentOf(unitCode)).toMatchObject({ status: "in_progress", reopenedAt: NOW, reopenReason: "Gia hạn theo đề nghị của đơn vị" });
    };

    await reopenFrom("b"); // not_started
    await fill(cast.officerA, "a");
    await reopenFrom("a"); // in_progress
    await submit(cast);
    await reopenFrom("a"); // submitted
    await submit(cast);
    await decide(cast.council1, "1.1", "accept");
    await reopenFrom("a"); // in_appraisal
    await submit(cast);
    await decide(cast.council1, "1.2", "return", { comment: "Bổ sung minh chứng" });
    await reopenFrom("a"); // returned
    // The returned item still needs its explanation before the unit can submit again.
    expect((await refusal(submit(cast))).code).toBe("not_explained");
    await explainItem(cast.officerA, { periodCode: PERIOD, unitCode: "a", criterionCode: "1.2", explanation: "Đã bổ sung", expectedVersion: (await scoreOf("a", "1.2"))!.version });
    await submit(cast);
    await appraiseAndApprove(cast.council1, "a");
    await reopenFrom("a"); // approved
    expect(await assessmentOf("a")).toMatchObject({ approvedAt: null, approvedById: null });

    expect(statuses).toEqual(["not_started", "in_progress", "submitted", "in_appraisal", "returned", "approved"]);
    expect(await getPrisma().auditLog.count({ where: { action: "assessment.reopen", actorId: cast.admin.userId } })).toBe(6);

    expect((await refusal(reopen("a", "   "))).code).toBe("reason_required");
    for (const actor of [cast.council1, cast.officerA]) {
      expect((await refusal(reopenAssessment(actor, { periodCode: PERIOD, unitCode: "a", reason: "x" }, NOW))).code).toBe("forbidden");
    }
  });

  it("reopen is refused in a draft or approved period (approval is reopened first)", async () => {
    await getPrisma().period.update({ where: { code: PERIOD }, data: { status: "draft" } });
    expect((await refusal(reopenAssessment(cast.admin, { periodCode: PERIOD, unitCode: "a", reason: "x" }, NOW))).code).toBe("wrong_state");
    await getPrisma().period.update({ where: { code: PERIOD }, data: { status: "approved" } });
    const error = await refusal(reopenAssessment(cast.admin, { periodCode: PERIOD, unitCode: "a", reason: "x" }, NOW));
    expect(error.code).toBe("wrong_state");
    expect(error.en).toContain("back to appraisal");
  });
});

describe("one leaf's review states", () => {
  let cast: Cast;
  beforeEach(async () => {
    cast = await setUpPeriod();
    await fillAndSubmit(cast.officerA, "a");
  });

  const decide = async (criterionCode: string, decision: "accept" | "adjust" | "return", extra: Record<string, unknown> = {}) =>
    appraiseItem(cast.council1, {
      periodCode: PERIOD,
      unitCode: "a",
      criterionCode,
      decision,
      expectedVersion: (await scoreOf("a", criterionCode))?.version ?? null,
      ...extra,
    });
  const explain = async (criterionCode: string) =>
    explainItem(cast.officerA, {
      periodCode: PERIOD,
      unitCode: "a",
      criterionCode,
      explanation: "Giải trình",
      expectedVersion: (await scoreOf("a", criterionCode))!.version,
    });
  const state = async (criterionCode: string) => (await scoreOf("a", criterionCode))?.reviewState;

  it("pending → accepted → adjusted → accepted → returned → explained → adjusted → returned → explained → accepted", async () => {
    const path: string[] = [(await state("1.1"))!];
    const step = async (promise: Promise<unknown>) => {
      await promise;
      path.push((await state("1.1"))!);
    };
    await step(decide("1.1", "accept"));
    await step(decide("1.1", "adjust", { points: "18", reason: "Thiếu báo cáo quý IV" }));
    await step(decide("1.1", "accept"));
    await step(decide("1.1", "return", { comment: "Cần bản kế hoạch có chữ ký" }));
    await step(explain("1.1"));
    await step(decide("1.1", "adjust", { points: "19", reason: "Kế hoạch ban hành muộn" }));
    await step(decide("1.1", "return", { comment: "Chưa rõ ngày ban hành" }));
    await step(explain("1.1"));
    await step(decide("1.1", "accept"));
    expect(path).toEqual(["pending", "accepted", "adjusted", "accepted", "returned", "explained", "adjusted", "returned", "explained", "accepted"]);
    expect(await getPrisma().auditLog.count({ where: { action: { startsWith: "appraisal." } } })).toBe(9);
  });

  it("pending → adjusted and pending → returned directly; returned accepts nothing but an explanation", async () => {
    await decide("1.1", "adjust", { points: "10", reason: "Chỉ đạt một phần" });
    expect(await state("1.1")).toBe("adjusted");
    await decide("1.2", "return", { comment: "Đề nghị giải trình" });
    expect(await state("1.2")).toBe("returned");
    for (const decision of ["accept", "adjust", "return"] as const) {
      expect((await refusal(decide("1.2", decision, { points: "1", reason: "x", comment: "x" }))).code, decision).toBe("wrong_state");
    }
    // An item not returned cannot be explained.
    expect((await refusal(explain("1.1"))).code).toBe("wrong_state");
    expect(await state("1.1")).toBe("adjusted");
  });

  it("a claim the officer revises after a reopen goes back to the council: accepted → pending", async () => {
    await decide("1.1", "accept");
    await decide("1.2", "accept");
    await reopenAssessment(cast.admin, { periodCode: PERIOD, unitCode: "a", reason: "Đơn vị phát hiện sai sót" }, NOW);
    await saveSelfScores(
      cast.officerA,
      { periodCode: PERIOD, unitCode: "a", items: [{ criterionCode: "1.1", points: "25", expectedVersion: (await scoreOf("a", "1.1"))!.version }] },
      NOW,
    );
    const revised = await scoreOf("a", "1.1");
    expect(revised).toMatchObject({ reviewState: "pending" });
    expect(revised!.selfPoints!.toString()).toBe("25");
    expect(await state("1.2")).toBe("accepted");
  });
});
