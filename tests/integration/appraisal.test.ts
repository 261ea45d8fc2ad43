import { beforeEach, describe, expect, it } from "vitest";
import { appraiseItem } from "@/lib/services/appraise-item";
import { acceptRemainingItems } from "@/lib/services/accept-remaining-items";
import { approveAssessment } from "@/lib/services/approve-assessment";
import { explainItem } from "@/lib/services/explain-item";
import { submitSelfAssessment } from "@/lib/services/submit-self-assessment";
import { reopenAssessment } from "@/lib/services/reopen-assessment";
import { saveSelfScores } from "@/lib/services/save-self-scores";
import { transitionPeriod } from "@/lib/services/transition-period";
import { loadAssessmentWorkspace } from "@/lib/data/assessment-workspace";
import { loadAppraisalQueue } from "@/lib/data/appraisal-queue";
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
  refusal,
  scoreOf,
  setUpPeriod,
  type Cast,
} from "@/tests/support/workflow-fixture";

withTestDatabase();

let cast: Cast;

const decide = async (actor: UserActor, criterionCode: string, decision: "accept" | "adjust" | "return", extra: Record<string, unknown> = {}, unitCode = "a") =>
  appraiseItem(actor, {
    periodCode: PERIOD,
    unitCode,
    criterionCode,
    decision,
    expectedVersion: (await scoreOf(unitCode, criterionCode))?.version ?? null,
    ...extra,
  });

async function appraised(criterionCode: string, unitCode = "a") {
  const score = await scoreOf(unitCode, criterionCode);
  return {
    points: score?.appraisedPoints?.toString() ?? null,
    notApplicable: score?.notApplicable ?? false,
    reason: score?.appraisalReason ?? null,
    state: score?.reviewState ?? null,
    comments: score?.comments.map((comment) => `${comment.kind}: ${comment.body}`) ?? [],
  };
}

describe("the council's decisions on one leaf", () => {
  beforeEach(async () => {
    cast = await setUpPeriod();
    await fillAndSubmit(cast.officerA, "a");
  });

  it("accept takes the claim as it is: points, or not applicable with the unit's reason", async () => {
    await decide(cast.council1, "1.1", "accept");
    await decide(cast.council1, "1.2", "accept", { comment: "Đã đối chiếu với Phòng Tư pháp" });
    expect(await appraised("1.1")).toEqual({ points: "20.5", notApplicable: false, reason: null, state: "accepted", comments: [] });
    expect(await appraised("1.2")).toMatchObject({ points: null, notApplicable: true, state: "accepted", comments: ["note: Đã đối chiếu với Phòng Tư pháp"] });
    expect((await scoreOf("a", "1.2"))!.notApplicableReason).toBe("Không ban hành văn bản QPPL trong năm");
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "appraisal.accept" }, orderBy: { id: "asc" } });
    expect(audit).toMatchObject({
      actorId: cast.council1.userId,
      before: { criterion: "1.1", reviewState: "pending", appraisedPoints: null },
      after: { criterion: "1.1", reviewState: "accepted", appraisedPoints: "20.5", assessmentStatus: "in_appraisal" },
    });
  });

  it("adjust needs a reason and valid points; each bad value gets its own message and changes nothing", async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ points: "15" }, "reason_required"],
      [{ points: "15", reason: "   " }, "reason_required"],
      [{ points: "30,5", reason: "x" }, "above_max"],
      [{ points: "-1", reason: "x" }, "decimal_negative"],
      [{ points: "mười", reason: "x" }, "decimal_invalid"],
      [{ points: "1,23456", reason: "x" }, "decimal_too_many_decimals"],
      [{ reason: "x" }, "invalid"],
    ];
    for (const [extra, code] of cases) {
      const error = await refusal(decide(cast.council1, "1.1", "adjust", extra));
      expect(error.code, JSON.stringify(extra)).toBe(code);
      expect(error.vi).toContain("1.1");
    }
    expect(await appraised("1.1")).toMatchObject({ points: null, state: "pending", comments: [] });
    expect((await assessmentOf("a")).status).toBe("submitted");

    await decide(cast.council1, "1.1", "adjust", { points: "15,75", reason: "Kế hoạch ban hành muộn 2 tháng" });
    expect(await appraised("1.1")).toEqual({
      points: "15.75",
      notApplicable: false,
      reason: "Kế hoạch ban hành muộn 2 tháng",
      state: "adjusted",
      comments: ["adjustment: Kế hoạch ban hành muộn 2 tháng"],
    });
    // The claim is kept next to the appraisal.
    expect((await scoreOf("a", "1.1"))!.selfPoints!.toString()).toBe("20.5");

    await decide(cast.council1, "1.2", "adjust", { notApplicable: false, points: "0", reason: "Có văn bản QPPL nhưng ban hành sai thẩm quyền" });
    expect(await appraised("1.2")).toMatchObject({ points: "0", notApplicable: false, state: "adjusted" });
  });

  it("survey leaves: the council enters the survey points (no reason needed) and cannot accept or return them", async () => {
    expect((await refusal(decide(cast.council1, "2.1", "accept"))).code).toBe("survey_scored");
    expect((await refusal(decide(cast.council1, "2.1", "return", { comment: "x" }))).code).toBe("survey_scored");
    await decide(cast.council1, "2.1", "adjust", { points: "33,5" });
    expect(await appraised("2.1")).toMatchObject({ points: "33.5", state: "adjusted", reason: null, comments: [] });
  });

  it("a return needs a comment, which the unit sees, and the unit's explanation may revise its claim", async () => {
    expect((await refusal(decide(cast.council1, "1.1", "return"))).code).toBe("comment_required");
    expect((await assessmentOf("a")).status).toBe("submitted");
    await decide(cast.council1, "1.1", "return", { comment: "Đề nghị gửi kế hoạch có chữ ký" });

    const explain = async (extra: Record<string, unknown>) =>
      explainItem(cast.officerA, { periodCode: PERIOD, unitCode: "a", criterionCode: "1.1", expectedVersion: (await scoreOf("a", "1.1"))!.version, explanation: "", ...extra });
    expect((await refusal(explain({}))).code).toBe("explanation_required");
    expect((await refusal(explain({ explanation: "Điều chỉnh", points: "31" }))).code).toBe("above_max");
    expect((await refusal(explain({ explanation: "Không phát sinh", notApplicable: true }))).code).toBe("reason_required");
    await explain({ explanation: "Kế hoạch ký ngày 05/01/2023, gửi kèm bản scan; tự chấm lại 18 điểm.", points: "18" });

    const score = await scoreOf("a", "1.1");
    expect(score).toMatchObject({ reviewState: "explained" });
    expect(score!.selfPoints!.toString()).toBe("18");
    expect((await appraised("1.1")).comments).toEqual([
      "return: Đề nghị gửi kế hoạch có chữ ký",
      "explanation: Kế hoạch ký ngày 05/01/2023, gửi kèm bản scan; tự chấm lại 18 điểm.",
    ]);
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "appraisal.explain" } });
    expect(audit).toMatchObject({ actorId: cast.officerA.userId, before: { selfPoints: "20.5", reviewState: "returned" }, after: { selfPoints: "18", reviewState: "explained" } });
    expect(await getPrisma().auditLog.count({ where: { action: "appraisal.return" } })).toBe(1);

    // While the unit is returned the council may still decide its other items.
    await decide(cast.council1, "1.2", "accept");
    expect((await assessmentOf("a")).status).toBe("returned");
  });

  it("two council members on one unit: the second one's stale change is refused naming the first, and nothing is lost", async () => {
    const read11 = (await scoreOf("a", "1.1"))!.version;
    await appraiseItem(cast.council1, { periodCode: PERIOD, unitCode: "a", criterionCode: "1.1", decision: "adjust", points: "17", reason: "Thiếu báo cáo", expectedVersion: read11 });
    await decide(cast.council2, "1.2", "accept");

    const error = await refusal<{ changedBy: string; changedAt: Date }>(
      appraiseItem(cast.council2, { periodCode: PERIOD, unitCode: "a", criterionCode: "1.1", decision: "accept", expectedVersion: read11 }),
    );
    const changed = await scoreOf("a", "1.1");
    const hhmm = new Intl.DateTimeFormat("en-GB", { timeZone: "Asia/Ho_Chi_Minh", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(changed!.updatedAt);
    expect(error).toMatchObject({ code: "stale", changedBy: "Nguyễn Văn A" });
    expect(error.changedAt.getTime()).toBe(changed!.updatedAt.getTime());
    expect(error.vi).toBe(`Tiêu chí 1.1 vừa được Nguyễn Văn A thay đổi lúc ${hhmm} — hãy tải lại trang.`);
    expect(error.en).toBe(`Criterion 1.1 was just changed by Nguyễn Văn A at ${hhmm} — reload the page.`);

    expect(await appraised("1.1")).toMatchObject({ points: "17", state: "adjusted", reason: "Thiếu báo cáo" });
    expect(await appraised("1.2")).toMatchObject({ notApplicable: true, state: "accepted" });
    expect(await getPrisma().auditLog.count({ where: { action: { startsWith: "appraisal." } } })).toBe(2);
  });

  it("accept the rest: every pending or explained claim unchanged, never a survey leaf or a returned item", async () => {
    await fillAndSubmit(cast.officerB, "b");
    await decide(cast.council1, "1.1", "return", { comment: "Bổ sung" }, "b");
    const result = await acceptRemainingItems(cast.council1, { periodCode: PERIOD, unitCode: "b", expectedAssessmentVersion: (await assessmentOf("b")).version });
    expect(result).toMatchObject({ accepted: 1, criterionCodes: ["1.2"], assessmentStatus: "returned" });
    expect(await appraised("1.1", "b")).toMatchObject({ state: "returned", points: null });
    expect(await appraised("1.2", "b")).toMatchObject({ state: "accepted", notApplicable: true });
    expect(await appraised("2.1", "b")).toMatchObject({ state: null });

    await decide(cast.council1, "1.1", "adjust", { points: "12", reason: "Chỉ đạt một nửa" });
    const all = await acceptRemainingItems(cast.council1, { periodCode: PERIOD, unitCode: "a", expectedAssessmentVersion: (await assessmentOf("a")).version });
    expect(all).toMatchObject({ accepted: 1, criterionCodes: ["1.2"], assessmentStatus: "in_appraisal" });
    // An adjusted item keeps its adjustment.
    expect(await appraised("1.1")).toMatchObject({ points: "12", state: "adjusted" });
    expect(await getPrisma().auditLog.count({ where: { action: "appraisal.accept", after: { path: ["remaining"], equals: true } } })).toBe(2);
  });

  it("accept the rest is refused when the unit changed since the page was read (an explanation nobody has seen yet)", async () => {
    await decide(cast.council1, "1.1", "return", { comment: "Bổ sung" });
    const seen = (await assessmentOf("a")).version;
    await explainItem(cast.officerA, { periodCode: PERIOD, unitCode: "a", criterionCode: "1.1", explanation: "Đã bổ sung", expectedVersion: (await scoreOf("a", "1.1"))!.version });
    const error = await refusal<{ changedBy: string }>(acceptRemainingItems(cast.council2, { periodCode: PERIOD, unitCode: "a", expectedAssessmentVersion: seen }));
    expect(error).toMatchObject({ code: "stale", changedBy: "Cán bộ xã A" });
    expect(error.vi).toContain("UBND xã A");
    expect(await appraised("1.1")).toMatchObject({ state: "explained" });
  });

  it("approve lists the leaves still undecided, survey leaves included, then records who approved", async () => {
    await decide(cast.council1, "1.1", "accept");
    const approve = async () => approveAssessment(cast.council2, { periodCode: PERIOD, unitCode: "a", expectedVersion: (await assessmentOf("a")).version }, NOW);
    const error = await refusal<{ problems: { criterionCode: string }[] }>(approve());
    expect(error.code).toBe("incomplete");
    expect(error.problems.map((problem) => problem.criterionCode)).toEqual(["1.2", "2.1"]);
    await decide(cast.council1, "1.2", "accept");
    await decide(cast.council1, "2.1", "adjust", { points: "36" });
    await approve();
    expect(await assessmentOf("a")).toMatchObject({ status: "approved", approvedAt: NOW, approvedById: cast.council2.userId });
    expect(await getPrisma().auditLog.findFirstOrThrow({ where: { action: "assessment.approve" } })).toMatchObject({
      actorId: cast.council2.userId,
      before: { status: "in_appraisal" },
      after: { status: "approved" },
    });
    expect((await refusal(approveAssessment(cast.officerA, { periodCode: PERIOD, unitCode: "a", expectedVersion: 0 }, NOW))).code).toBe("forbidden");
  });
});

describe("deadlines and reopening", () => {
  beforeEach(async () => {
    cast = await setUpPeriod();
    await fill(cast.officerA, "a");
  });

  const submitA = async (now: Date) =>
    submitSelfAssessment(cast.officerA, { periodCode: PERIOD, unitCode: "a", expectedVersion: (await assessmentOf("a")).version }, now);
  const saveA = async (points: string, now: Date) =>
    saveSelfScores(cast.officerA, { periodCode: PERIOD, unitCode: "a", items: [{ criterionCode: "1.1", points, expectedVersion: (await scoreOf("a", "1.1"))!.version }] }, now);

  it("a submit after the deadline is refused, and allowed once home affairs reopened the unit", async () => {
    const late = await refusal(submitA(AFTER_DEADLINE));
    expect(late.code).toBe("closed");
    expect(late.vi).toContain("hết hạn");
    await reopenAssessment(cast.admin, { periodCode: PERIOD, unitCode: "a", reason: "Mất điện diện rộng ngày 20/02" }, AFTER_DEADLINE);
    await saveA("22", AFTER_DEADLINE);
    expect((await submitA(AFTER_DEADLINE)).status).toBe("submitted");
    // Submitted again: saving is closed until the next reopen.
    expect((await refusal<{ problems: { code: string }[] }>(saveA("23", AFTER_DEADLINE))).problems[0]!.code).toBe("closed");
  });

  it("a unit reopened while the period is in appraisal may still save and submit; the others stay closed", async () => {
    await fill(cast.officerB, "b");
    await transitionPeriod(cast.admin, { periodCode: PERIOD, to: "appraisal", expectedStatus: "self_assessment" });
    expect((await refusal(submitA(NOW))).code).toBe("closed");
    await reopenAssessment(cast.admin, { periodCode: PERIOD, unitCode: "a", reason: "Đơn vị nộp muộn có lý do" }, AFTER_DEADLINE);
    await saveA("21", AFTER_DEADLINE);
    expect((await submitA(AFTER_DEADLINE)).status).toBe("submitted");
    const b = await refusal<{ problems: { code: string }[] }>(
      saveSelfScores(cast.officerB, { periodCode: PERIOD, unitCode: "b", items: [{ criterionCode: "1.1", points: "1", expectedVersion: 0 }] }, NOW),
    );
    expect(b.problems[0]!.code).toBe("closed");
  });

  it("a stale submit (the assessment changed since the page was read) is refused", async () => {
    await reopenAssessment(cast.admin, { periodCode: PERIOD, unitCode: "a", reason: "Gia hạn" }, NOW);
    const error = await refusal<{ changedBy: string }>(submitSelfAssessment(cast.officerA, { periodCode: PERIOD, unitCode: "a", expectedVersion: 0 }, NOW));
    expect(error).toMatchObject({ code: "stale", changedBy: "Sở Nội vụ" });
    expect((await assessmentOf("a")).status).toBe("in_progress");
  });
});

describe("an officer aiming at another unit", () => {
  beforeEach(async () => {
    cast = await setUpPeriod();
    await fillAndSubmit(cast.officerB, "b");
    await decide(cast.council1, "1.1", "return", { comment: "Bổ sung" }, "b");
  });

  async function denials() {
    return getPrisma().auditLog.findMany({ where: { action: "access.denied" }, orderBy: { id: "asc" }, select: { actorId: true, after: true, unitId: true } });
  }

  it("gets not_found, exactly as for a unit that does not exist, and leaves an access.denied record", async () => {
    const b = (await assessmentOf("b")).unitId;
    const submit = await refusal(submitSelfAssessment(cast.officerA, { periodCode: PERIOD, unitCode: "b", expectedVersion: (await assessmentOf("b")).version }, NOW));
    const explain = await refusal(
      explainItem(cast.officerA, { periodCode: PERIOD, unitCode: "b", criterionCode: "1.1", explanation: "x", expectedVersion: (await scoreOf("b", "1.1"))!.version }),
    );
    const missing = await refusal(submitSelfAssessment(cast.officerA, { periodCode: PERIOD, unitCode: "khong-co", expectedVersion: 0 }, NOW));
    const save = await refusal<{ problems: { code: string }[] }>(
      saveSelfScores(cast.officerA, { periodCode: PERIOD, unitCode: "b", items: [{ criterionCode: "1.2", points: "1", expectedVersion: 0 }] }, NOW),
    );
    expect([submit.code, explain.code, missing.code, save.problems[0]!.code]).toEqual(["not_found", "not_found", "not_found", "not_found"]);
    expect(submit.vi).toBe(missing.vi);
    expect(await loadAssessmentWorkspace(cast.officerA, { periodCode: PERIOD, unitCode: "b" })).toBeNull();

    expect(await denials()).toEqual([
      { actorId: cast.officerA.userId, unitId: b, after: { attempted: "self_assessment.submit", periodCode: PERIOD, unitCode: "b" } },
      { actorId: cast.officerA.userId, unitId: b, after: { attempted: "self_assessment.explain", periodCode: PERIOD, unitCode: "b" } },
      { actorId: cast.officerA.userId, unitId: null, after: { attempted: "self_assessment.submit", periodCode: PERIOD, unitCode: "khong-co" } },
      { actorId: cast.officerA.userId, unitId: b, after: { attempted: "self_assessment.edit", periodCode: PERIOD, unitCode: "b" } },
      { actorId: cast.officerA.userId, unitId: b, after: { attempted: "assessment.read", periodCode: PERIOD, unitCode: "b" } },
    ]);
    // Nothing of unit b changed.
    expect(await appraised("1.1", "b")).toMatchObject({ state: "returned" });
    expect((await assessmentOf("b")).status).toBe("returned");
  });

  it("its own unit in a period that does not exist is a plain not_found, not a denial", async () => {
    expect((await refusal(submitSelfAssessment(cast.officerA, { periodCode: "khong-co", unitCode: "a", expectedVersion: 0 }, NOW))).code).toBe("not_found");
    expect(await denials()).toEqual([]);
  });
});

describe("what the pages read", () => {
  beforeEach(async () => {
    cast = await setUpPeriod();
    await fillAndSubmit(cast.officerA, "a");
    await fill(cast.officerB, "b");
  });

  it("the workspace: tree in order with claims, appraisal, comments and progress; what each role may do", async () => {
    await decide(cast.council1, "1.1", "adjust", { points: "18", reason: "Thiếu báo cáo quý IV" });
    await decide(cast.council1, "1.2", "return", { comment: "Đề nghị giải trình" });
    const forCouncil = (await loadAssessmentWorkspace(cast.council2, { periodCode: PERIOD, unitCode: "a" }, NOW))!;
    expect(forCouncil.period).toMatchObject({ code: PERIOD, status: "self_assessment" });
    expect(forCouncil.unit).toMatchObject({ code: "a", name: "UBND xã A", groupCode: "xa" });
    expect(forCouncil.assessment).toMatchObject({ status: "returned", submittedAt: NOW, version: (await assessmentOf("a")).version });
    expect(forCouncil.tree.map((field) => [field.code, field.children.map((leaf) => leaf.code)])).toEqual([
      ["1", ["1.1", "1.2"]],
      ["2", ["2.1"]],
    ]);
    const [leaf11, leaf12] = forCouncil.tree[0]!.children;
    expect(leaf11!.item).toMatchObject({
      self: { points: "20.5", notApplicable: false, answered: true },
      appraisal: { points: "18", reason: "Thiếu báo cáo quý IV" },
      reviewState: "adjusted",
      updatedBy: "Nguyễn Văn A",
      decisions: ["accept", "adjust", "return"],
    });
    expect(leaf11!.item!.comments.map((comment) => [comment.kind, comment.author])).toEqual([["adjustment", "Nguyễn Văn A"]]);
    expect(leaf12!.item).toMatchObject({ reviewState: "returned", decisions: [], canExplain: false });
    expect(forCouncil.tree[1]!.children[0]!.item).toMatchObject({ version: null, decisions: ["adjust"] });
    expect(forCouncil.tree[0]!.totals).toMatchObject({ selfPoints: "20.5", appraisedPoints: "18", answeredLeaves: 2 });
    expect(forCouncil.progress).toEqual({
      unitLeaves: 2,
      answeredLeaves: 2,
      totalLeaves: 3,
      claimedPoints: "20.5",
      claimableMax: "60",
      decidedLeaves: 1,
      returnedLeaves: 1,
      explainedLeaves: 0,
      appraisedPoints: "18",
    });
    expect(forCouncil.allowed).toEqual({ saveSelfScores: false, submit: false, explain: false, appraise: true, approve: false, reopen: false });

    const forOfficer = (await loadAssessmentWorkspace(cast.officerA, { periodCode: PERIOD, unitCode: "a" }, NOW))!;
    expect(forOfficer.allowed).toEqual({ saveSelfScores: false, submit: true, explain: true, appraise: false, approve: false, reopen: false });
    expect(forOfficer.tree[0]!.children[1]!.item).toMatchObject({ canExplain: true, decisions: [] });

    const forAdmin = (await loadAssessmentWorkspace(cast.admin, { periodCode: PERIOD, unitCode: "a" }, NOW))!;
    expect(forAdmin.allowed.reopen).toBe(true);
    const officerB = (await loadAssessmentWorkspace(cast.officerB, { periodCode: PERIOD, unitCode: "b" }, NOW))!;
    expect(officerB.allowed).toMatchObject({ saveSelfScores: true, submit: true, explain: false });
    expect(officerB.progress).toMatchObject({ answeredLeaves: 2, claimedPoints: "20.5" });
  });

  it("the queue: units the council should take first, with their items counted", async () => {
    await decide(cast.council1, "1.1", "accept");
    const [period] = await loadAppraisalQueue(cast.council1);
    expect(period).toMatchObject({ code: PERIOD, status: "self_assessment", unitsByStatus: { in_appraisal: 1, in_progress: 1, submitted: 0 } });
    expect(period!.units.map((unit) => [unit.unitCode, unit.status])).toEqual([
      ["a", "in_appraisal"],
      ["b", "in_progress"],
    ]);
    expect(period!.units[0]!.items).toEqual({ total: 3, pending: 2, accepted: 1, adjusted: 0, returned: 0, explained: 0 });
    expect(period!.units[0]!.submittedAt).toEqual(NOW);

    const own = await loadAppraisalQueue(cast.officerB, { periodCode: PERIOD });
    expect(own[0]!.units.map((unit) => unit.unitCode)).toEqual(["b"]);
  });

  it("after approval the officer's page offers nothing but reading", async () => {
    await appraiseAndApprove(cast.council1, "a");
    const forOfficer = (await loadAssessmentWorkspace(cast.officerA, { periodCode: PERIOD, unitCode: "a" }, NOW))!;
    expect(Object.values(forOfficer.allowed).some(Boolean)).toBe(false);
    expect(forOfficer.assessment).toMatchObject({ status: "approved", approvedBy: "Nguyễn Văn A" });
    expect(forOfficer.progress.appraisedPoints).toBe("55.5");
  });
});
