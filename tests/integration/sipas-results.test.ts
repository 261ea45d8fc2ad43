import { beforeEach, describe, expect, it } from "vitest";
import { computeSipasResults } from "@/lib/services/compute-sipas-results";
import { approveSipasResult, approveSipasResults } from "@/lib/services/approve-sipas-result";
import { revokeSipasApproval } from "@/lib/services/revoke-sipas-approval";
import { getPublishedSipas } from "@/lib/data/published-sipas";
import { getPublishedUnitProfile } from "@/lib/data/published-unit-profile";
import { loadAcceptedResponsesByUnit } from "@/lib/data/sipas-unit-responses";
import { getPrisma } from "@/lib/data/prisma";
import { publishPeriod } from "@/lib/services/publish-period";
import { transitionSipasSurvey } from "@/lib/services/transition-sipas-survey";
import { previewPublication } from "@/lib/services/preview-publication";
import { withTestDatabase } from "@/tests/support/test-database";
import { PERIOD, refusal, runYear, setUpPeriod, type Cast } from "@/tests/support/workflow-fixture";

withTestDatabase();

// The workflow fixture's period (communes a and b) with a SIPAS survey of two elements on a 1–5
// scale, satisfied from 4: "access" (A1, A2) weighted 1 and "procedures" (P1) weighted 1.

let cast: Cast;
let surveyId: string;
let questionIds: Record<string, string>;
let responseNumber = 0;

async function createSurvey(status: "open" | "closed" = "open") {
  const prisma = getPrisma();
  const period = await prisma.period.findUniqueOrThrow({ where: { code: PERIOD } });
  const survey = await prisma.sipasSurvey.create({
    data: {
      periodId: period.id,
      code: "sipas",
      name: "Khảo sát SIPAS 2023",
      status,
      scaleLabels: ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"],
      smallSampleThreshold: 3,
      elements: {
        create: [
          { code: "access", name: "Tiếp cận dịch vụ", order: 1, questions: { create: [{ code: "A1", text: "…", order: 1 }, { code: "A2", text: "…", order: 2 }] } },
          { code: "procedures", name: "Thủ tục hành chính", order: 2, questions: { create: [{ code: "P1", text: "…", order: 1, required: false }] } },
        ],
      },
    },
    include: { elements: { include: { questions: true } } },
  });
  surveyId = survey.id;
  questionIds = Object.fromEntries(survey.elements.flatMap((element) => element.questions.map((question) => [question.code, question.id])));
}

async function respond(unitCode: string, answers: Record<string, number>, status: "accepted" | "flagged" | "rejected" = "accepted") {
  const prisma = getPrisma();
  const unit = await prisma.unit.findUniqueOrThrow({ where: { code: unitCode } });
  responseNumber += 1;
  return prisma.sipasResponse.create({
    data: {
      surveyId,
      unitId: unit.id,
      status,
      flagReason: status === "flagged" ? "Nhiều phiếu từ một địa chỉ" : null,
      deviceHash: `device-${responseNumber}`,
      submittedOn: new Date("2026-03-01"),
      answers: { create: Object.entries(answers).map(([code, value]) => ({ questionId: questionIds[code]!, value })) },
    },
  });
}

async function closeSurvey() {
  await getPrisma().sipasSurvey.update({ where: { id: surveyId }, data: { status: "closed" } });
}

async function resultOf(unitCode: string) {
  return getPrisma().sipasResult.findFirst({
    where: { unit: { code: unitCode }, period: { code: PERIOD } },
    include: { elements: { orderBy: { order: "asc" } }, approvedBy: { select: { name: true } } },
  });
}

async function shown(unitCode: string) {
  const result = (await resultOf(unitCode))!;
  return { unitCode, expectedIndex: result.index.toFixed(4), expectedResponses: result.responses };
}

beforeEach(async () => {
  cast = await setUpPeriod();
  await createSurvey();
  // Unit a: three accepted responses, one flagged (excluded), one rejected (excluded).
  await respond("a", { A1: 5, A2: 3, P1: 4 });
  await respond("a", { A1: 4, A2: 4, P1: 2 });
  await respond("a", { A1: 2, A2: 5 });
  await respond("a", { A1: 1, A2: 1, P1: 1 }, "flagged");
  await respond("a", { A1: 1, A2: 1, P1: 1 }, "rejected");
  // Unit b: only a flagged response — no accepted one, so no result.
  await respond("b", { A1: 5, A2: 5, P1: 5 }, "flagged");
});

describe("computing SIPAS figures from stored responses", () => {
  it("computes each unit from its accepted responses only, with elements, questions and the interval", async () => {
    const summary = await computeSipasResults(cast.council1, { periodCode: PERIOD });
    expect(summary).toEqual({ computed: 1, unchanged: 0, approvalsDropped: [], removed: [] });

    const result = await resultOf("a");
    // access 4 of 6 answers satisfied, procedures 1 of 2: (66.6667 + 50) / 2 — the flagged 1-1-1 would have lowered it.
    expect(result).toMatchObject({ responses: 3, state: "computed", approvedById: null });
    expect(result!.index.toFixed(4)).toBe("58.3333");
    expect([result!.ciLow!.toFixed(4), result!.ciHigh!.toFixed(4)]).toEqual(["42.0000", "74.6667"]);
    expect(result!.elements.map((element) => [element.code, element.name, element.index.toFixed(4), element.responses])).toEqual([
      ["access", "Tiếp cận dịch vụ", "66.6667", 3],
      ["procedures", "Thủ tục hành chính", "50.0000", 2],
    ]);
    expect(result!.questions).toEqual([
      { code: "A1", elementCode: "access", index: "66.6667", answers: 3 },
      { code: "A2", elementCode: "access", index: "66.6667", answers: 3 },
      { code: "P1", elementCode: "procedures", index: "50.0000", answers: 2 },
    ]);
    expect(await resultOf("b")).toBeNull();
    expect(await getPrisma().auditLog.count({ where: { action: "sipas.results.compute", actorId: cast.council1.userId } })).toBe(1);
  });

  it("loads every unit's accepted responses in one go, answers keyed by question code", async () => {
    const a = await getPrisma().unit.findUniqueOrThrow({ where: { code: "a" } });
    const byUnit = await loadAcceptedResponsesByUnit(surveyId);
    expect([...byUnit.keys()]).toEqual([a.id]);
    expect(byUnit.get(a.id)!.map((answers) => Object.fromEntries(answers)).sort((x, y) => (x.A1 ?? 0) - (y.A1 ?? 0))).toEqual([
      { A1: 2, A2: 5 },
      { A1: 4, A2: 4, P1: 2 },
      { A1: 5, A2: 3, P1: 4 },
    ]);
  });

  it("leaves unchanged figures alone, and drops an approval whose figures changed, saying so in the audit log", async () => {
    await computeSipasResults(cast.council1, { periodCode: PERIOD });
    await closeSurvey();
    await approveSipasResult(cast.council1, { periodCode: PERIOD, ...(await shown("a")) });
    expect(await computeSipasResults(cast.admin, { periodCode: PERIOD })).toEqual({ computed: 0, unchanged: 1, approvalsDropped: [], removed: [] });
    expect((await resultOf("a"))!.state).toBe("approved");

    // The admin accepts the flagged response: the figures change, so the council must look again.
    await getPrisma().sipasResponse.updateMany({ where: { status: "flagged", unit: { code: "a" } }, data: { status: "accepted" } });
    expect(await computeSipasResults(cast.council1, { periodCode: PERIOD })).toEqual({ computed: 1, unchanged: 0, approvalsDropped: ["a"], removed: [] });
    const result = await resultOf("a");
    expect(result).toMatchObject({ state: "computed", approvedById: null, approvedAt: null, responses: 4 });
    const dropped = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "sipas.result.approval_dropped" } });
    expect(dropped).toMatchObject({ before: { index: "58.3333", responses: 3, state: "approved" }, after: { responses: 4, state: "computed" } });
  });

  it("refuses a unit officer, and a published period", async () => {
    expect(await refusal(computeSipasResults(cast.officerA, { periodCode: PERIOD }))).toMatchObject({ code: "forbidden" });
    await computeSipasResults(cast.council1, { periodCode: PERIOD });
    await closeSurvey();
    await approveSipasResult(cast.council1, { periodCode: PERIOD, ...(await shown("a")) });
    await runYear(cast, { publish: true });
    expect(await refusal(computeSipasResults(cast.council1, { periodCode: PERIOD }))).toMatchObject({ code: "published" });
  });
});

describe("the council's approval", () => {
  beforeEach(async () => {
    await computeSipasResults(cast.council1, { periodCode: PERIOD });
  });

  it("is refused while the survey is open, since responses could still change the figure", async () => {
    const refused = await refusal(approveSipasResult(cast.council1, { periodCode: PERIOD, ...(await shown("a")) }));
    expect(refused).toMatchObject({ code: "wrong_state" });
    expect(refused.vi).toContain("khảo sát đang mở");
    expect((await resultOf("a"))!.state).toBe("computed");
  });

  it("is refused for figures other than those the council's page showed", async () => {
    await closeSurvey();
    const refused = await refusal(approveSipasResult(cast.council1, { periodCode: PERIOD, unitCode: "a", expectedIndex: "60.0000", expectedResponses: 3 }));
    expect(refused).toMatchObject({ code: "stale" });
    expect(refused.vi).toBe("Số liệu SIPAS của UBND xã A vừa thay đổi, hãy tải lại trang.");
    expect((await resultOf("a"))!.state).toBe("computed");
  });

  it("is refused when responses changed since the last computation, until the figures are recomputed", async () => {
    await closeSurvey();
    await respond("a", { A1: 5, A2: 5, P1: 5 });
    const refused = await refusal(approveSipasResult(cast.council1, { periodCode: PERIOD, ...(await shown("a")) }));
    expect(refused).toMatchObject({ code: "stale" });
    expect(refused.en).toContain("recompute");
    await computeSipasResults(cast.council1, { periodCode: PERIOD });
    await approveSipasResult(cast.council1, { periodCode: PERIOD, ...(await shown("a")) });
    expect((await resultOf("a"))!.responses).toBe(4);
  });

  it("is the council's alone, and approving all is all or nothing", async () => {
    await closeSurvey();
    expect(await refusal(approveSipasResult(cast.admin, { periodCode: PERIOD, ...(await shown("a")) }))).toMatchObject({ code: "forbidden" });
    // b has no figures: the batch is refused as a whole and a stays unapproved.
    const refused = await refusal<{ problems: { criterionCode: string; code: string }[] }>(
      approveSipasResults(cast.council1, { periodCode: PERIOD, units: [await shown("a"), { unitCode: "b", expectedIndex: "90", expectedResponses: 1 }] }),
    );
    expect(refused.problems).toEqual([expect.objectContaining({ criterionCode: "b", code: "no_result" })]);
    expect((await resultOf("a"))!.state).toBe("computed");
  });

  it("records who approved and when, and the council may revoke it with a reason before publication", async () => {
    await closeSurvey();
    const approved = await approveSipasResult(cast.council1, { periodCode: PERIOD, ...(await shown("a")) }, new Date("2026-03-05T02:00:00Z"));
    expect(approved).toMatchObject({ unitCode: "a", index: "58.3333", responses: 3, applied: [], missing: [] });
    expect(await resultOf("a")).toMatchObject({ state: "approved", approvedBy: { name: "Nguyễn Văn A" }, approvedAt: new Date("2026-03-05T02:00:00Z") });
    expect(await getPrisma().auditLog.findFirstOrThrow({ where: { action: "sipas.result.approve" } })).toMatchObject({
      actorId: cast.council1.userId,
      after: { state: "approved", index: "58.3333", responses: 3, ciLow: "42.0000", ciHigh: "74.6667" },
    });
    expect(await refusal(approveSipasResult(cast.council2, { periodCode: PERIOD, ...(await shown("a")) }))).toMatchObject({ code: "wrong_state" });

    expect(await refusal(revokeSipasApproval(cast.council2, { periodCode: PERIOD, unitCode: "a", reason: "  " }))).toMatchObject({ code: "reason_required" });
    await revokeSipasApproval(cast.council2, { periodCode: PERIOD, unitCode: "a", reason: "Cần kiểm tra lại phiếu giấy" });
    expect(await resultOf("a")).toMatchObject({ state: "computed", approvedById: null });
    expect(await getPrisma().auditLog.findFirstOrThrow({ where: { action: "sipas.result.revoke" } })).toMatchObject({
      actorId: cast.council2.userId,
      before: { state: "approved", approvedBy: "Nguyễn Văn A" },
      after: { state: "computed", reason: "Cần kiểm tra lại phiếu giấy" },
    });
  });

  it("the period is not published while its survey is open or a unit's responses have no figures yet", async () => {
    await runYear(cast);
    const publish = () => publishPeriod({ periodCode: PERIOD, actor: cast.admin, decisionNumber: "214/QĐ-UBND", decisionDate: new Date("2027-01-12") });
    expect(await refusal(publish())).toMatchObject({ code: "sipas_unapproved", vi: expect.stringContaining("Khảo sát SIPAS của kỳ vẫn đang mở") });
    // Unit b's first accepted response comes after the figures were computed.
    await respond("b", { A1: 5, A2: 4, P1: 5 });
    await closeSurvey();
    expect(await refusal(publish())).toMatchObject({ code: "sipas_unapproved", vi: "Chưa tính chỉ số SIPAS của 1 đơn vị có phiếu: UBND xã B." });
    await computeSipasResults(cast.council1, { periodCode: PERIOD });
    expect(await refusal(publish())).toMatchObject({ code: "sipas_unapproved", vi: "Hội đồng chưa phê duyệt chỉ số SIPAS của 2 đơn vị: UBND xã A, UBND xã B." });
    await approveSipasResults(cast.council1, { periodCode: PERIOD, units: [await shown("a"), await shown("b")] });
    await publish();
    expect(await getPrisma().period.findUniqueOrThrow({ where: { code: PERIOD } })).toMatchObject({ status: "published" });
  });

  it("reopening the survey lets the council's approvals lapse, saying so in the audit log", async () => {
    await closeSurvey();
    await approveSipasResult(cast.council1, { periodCode: PERIOD, ...(await shown("a")) });
    await transitionSipasSurvey(cast.admin, { periodCode: PERIOD, to: "open", expectedStatus: "closed" });
    expect(await resultOf("a")).toMatchObject({ state: "computed", approvedById: null, approvedAt: null });
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "sipas.survey.transition" }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ status: "open", approvalsDropped: ["a"] });
  });

  it("the period is not published while a unit's figures await approval; approved figures reach the publication with their interval, and nothing is revoked after it", async () => {
    await respond("b", { A1: 5, A2: 4, P1: 5 });
    await computeSipasResults(cast.council1, { periodCode: PERIOD });
    await closeSurvey();
    await approveSipasResult(cast.council1, { periodCode: PERIOD, ...(await shown("a")) });
    await runYear(cast);
    const publish = () => publishPeriod({ periodCode: PERIOD, actor: cast.admin, decisionNumber: "214/QĐ-UBND", decisionDate: new Date("2027-01-12") });
    expect(await previewPublication(cast.admin, PERIOD)).toMatchObject({ sipasBlock: { vi: "Hội đồng chưa phê duyệt chỉ số SIPAS của 1 đơn vị: UBND xã B." } });
    expect(await refusal(publish())).toMatchObject({ code: "sipas_unapproved", vi: "Hội đồng chưa phê duyệt chỉ số SIPAS của 1 đơn vị: UBND xã B." });
    expect(await getPrisma().period.findUniqueOrThrow({ where: { code: PERIOD } })).toMatchObject({ status: "approved" });

    await approveSipasResult(cast.council1, { periodCode: PERIOD, ...(await shown("b")) });
    await publish();

    const published = await getPublishedSipas(PERIOD);
    // The public page explains the interval with the method the survey used.
    expect(published!.method).toEqual({ indexMethod: "share_satisfied", satisfiedFrom: 4 });
    const units = published!.groups.flatMap((group) => group.units);
    expect(units).toEqual([
      expect.objectContaining({ unitCode: "a", index: "58.3333", responses: 3, ciLow: "42", ciHigh: "74.6667", smallSample: false, elements: ["66.6667", "50"] }),
      expect.objectContaining({ unitCode: "b", index: "100", responses: 1, ciLow: null, ciHigh: null, smallSample: true }),
    ]);
    // The unit page gives the same figure with its interval.
    expect((await getPublishedUnitProfile("a", PERIOD))!.selected.sipas).toMatchObject({ index: "58.3333", responses: 3, ciLow: "42", ciHigh: "74.6667" });
    expect(await refusal(revokeSipasApproval(cast.council1, { periodCode: PERIOD, unitCode: "a", reason: "Muộn" }))).toMatchObject({ code: "published" });
  });
});
