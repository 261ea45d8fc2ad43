import { beforeEach, describe, expect, it } from "vitest";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { importResultsPackage } from "@/lib/services/import-results-package";
import { createUser } from "@/lib/services/create-user";
import { clonePeriod } from "@/lib/services/clone-period";
import { createSipasSurvey } from "@/lib/services/create-sipas-survey";
import { updateSipasSurvey } from "@/lib/services/update-sipas-survey";
import { editSipasElement } from "@/lib/services/edit-sipas-element";
import { editSipasQuestion } from "@/lib/services/edit-sipas-question";
import { transitionSipasSurvey } from "@/lib/services/transition-sipas-survey";
import { reviewFlaggedSipasResponses } from "@/lib/services/review-flagged-sipas-response";
import { loadSipasSurvey } from "@/lib/data/sipas-questionnaire";
import { listSipasConsolePeriods, loadSipasUnitCounts } from "@/lib/data/sipas-console";
import { listFlaggedSipasResponses } from "@/lib/data/sipas-flagged-responses";
import { findUserActor } from "@/lib/data/database-state";
import { getPrisma } from "@/lib/data/prisma";
import { UseCaseError } from "@/lib/domain/use-case-error";
import { COMMAND_LINE, type UserActor } from "@/lib/auth/actor";
import { buildPackage } from "@/tests/support/results-package-factory";
import { withTestDatabase } from "@/tests/support/test-database";

withTestDatabase();

const PERIOD = "thu-nghiem-2023";
const PREVIOUS = "thu-nghiem-2022";
let admin: UserActor;
let council: UserActor;

async function refusal(promise: Promise<unknown>): Promise<UseCaseError<string>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof UseCaseError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

beforeEach(async () => {
  const parsed = parseResultsPackage(
    JSON.stringify(
      buildPackage({
        code: PREVIOUS,
        year: 2022,
        units: [
          { code: "a", name: "UBND xã A", points: [30, 28, 35] },
          { code: "b", name: "UBND xã B", points: [25, 25, 30] },
        ],
      }),
    ),
  );
  if (!parsed.ok) throw new Error("fixture");
  await importResultsPackage({ pkg: parsed.package, replace: false, publish: true, actor: COMMAND_LINE });
  await createUser({ email: "admin@example.vn", name: "Sở Nội vụ", role: "admin", password: "mat-khau-dai" }, COMMAND_LINE);
  await createUser({ email: "council@example.vn", name: "Tổ thư ký", role: "council", password: "mat-khau-dai" }, COMMAND_LINE);
  admin = (await findUserActor("admin@example.vn"))!;
  council = (await findUserActor("council@example.vn"))!;
  await clonePeriod(admin, { fromPeriodCode: PREVIOUS, code: PERIOD, year: 2023, name: "Chỉ số CCHC năm 2023" });
});

/** Last year's survey as home affairs had tuned it: a 1–4 scale, a heavier element, its own question. */
async function lastYearsSurvey() {
  const period = await getPrisma().period.findUniqueOrThrow({ where: { code: PREVIOUS } });
  await getPrisma().sipasSurvey.create({
    data: {
      periodId: period.id,
      code: "sipas",
      name: "Khảo sát 2022",
      status: "closed",
      scaleMin: 1,
      scaleMax: 4,
      satisfiedFrom: 3,
      scaleLabels: ["Kém", "Tạm được", "Tốt", "Rất tốt"],
      indexMethod: "mean_scaled",
      smallSampleThreshold: 50,
      elements: {
        create: [
          { code: "access", name: "Tiếp cận dịch vụ", weight: "2.5", order: 1, questions: { create: [{ code: "q-1", text: "Dễ tìm nơi nộp hồ sơ", order: 1 }] } },
          {
            code: "results",
            name: "Kết quả",
            nameEn: "Results",
            weight: "1",
            order: 2,
            questions: { create: [{ code: "q-2", text: "Đúng hẹn", textEn: "On time", order: 1, required: false }] },
          },
        ],
      },
    },
  });
}

/** A response stored as the form or an import would store it. */
async function storeResponse(unitCode: string, status: "accepted" | "flagged" | "rejected", extra: { comment?: string; flagReason?: string; submittedAt?: Date } = {}) {
  const survey = await getPrisma().sipasSurvey.findFirstOrThrow({ where: { period: { code: PERIOD } }, include: { elements: { include: { questions: true } } } });
  const unit = await getPrisma().unit.findUniqueOrThrow({ where: { code: unitCode } });
  const submittedAt = extra.submittedAt ?? new Date();
  return getPrisma().sipasResponse.create({
    data: {
      surveyId: survey.id,
      unitId: unit.id,
      status,
      flagReason: extra.flagReason ?? (status === "flagged" ? "honeypot" : null),
      comment: extra.comment ?? null,
      submittedOn: new Date(submittedAt.toISOString().slice(0, 10)),
      submittedAt,
      answers: { create: survey.elements.flatMap((element) => element.questions.filter((question) => question.required).map((question) => ({ questionId: question.id, value: 4 }))) },
    },
  });
}

describe("creating a period's questionnaire", () => {
  it("from the default: the five MoHA elements and online services, 1–5 with labels, satisfied from 4, a draft with an audit row", async () => {
    await createSipasSurvey(admin, { periodCode: PERIOD, from: "default" });
    const survey = (await loadSipasSurvey(PERIOD))!;
    expect(survey.status).toBe("draft");
    expect(survey.questionnaire.elements.map((element) => element.code)).toEqual(["access", "procedures", "civil-servants", "results", "feedback", "digital"]);
    expect(survey.questionnaire.scale).toEqual({ min: 1, max: 5, satisfiedFrom: 4, labels: ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"] });
    expect(survey.questionnaire.smallSampleThreshold).toBe(30);
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "sipas.survey.create" } });
    expect(audit.actorId).toBe(admin.userId);
  });

  it("copied from the previous period keeps its scale, method, elements, weights and questions", async () => {
    await lastYearsSurvey();
    await createSipasSurvey(admin, { periodCode: PERIOD, from: "previous" });
    const copy = (await loadSipasSurvey(PERIOD))!;
    const source = (await loadSipasSurvey(PREVIOUS))!;
    expect(copy.questionnaire).toEqual(source.questionnaire);
    expect(copy.questionnaire.elements[0]).toMatchObject({ code: "access", weight: "2.5" });
    expect(copy.status).toBe("draft");
    expect(copy.name).toContain("2023");
  });

  it("refuses a second questionnaire, a copy when last year had none, a published period, and a council member", async () => {
    expect((await refusal(createSipasSurvey(admin, { periodCode: PERIOD, from: "previous" }))).code).toBe("no_previous");
    await createSipasSurvey(admin, { periodCode: PERIOD, from: "default" });
    expect((await refusal(createSipasSurvey(admin, { periodCode: PERIOD, from: "default" }))).code).toBe("exists");
    expect((await refusal(createSipasSurvey(admin, { periodCode: PREVIOUS, from: "default" }))).code).toBe("published");
    expect((await refusal(createSipasSurvey(council, { periodCode: PERIOD, from: "default" }))).code).toBe("forbidden");
    expect(await getPrisma().sipasSurvey.count()).toBe(1);
  });
});

describe("editing the questionnaire", () => {
  beforeEach(async () => {
    await createSipasSurvey(admin, { periodCode: PERIOD, from: "default" });
  });

  it("adds an element with a decimal-comma weight and a question, moves, renames and deletes", async () => {
    await editSipasElement(admin, { op: "add", periodCode: PERIOD, code: "security", name: "An ninh trật tự", nameEn: "Public order", weight: "0,5" });
    await editSipasQuestion(admin, { op: "add", periodCode: PERIOD, elementCode: "security", code: "security-1", text: "Nơi làm thủ tục an toàn", textEn: "", required: true });
    await editSipasElement(admin, { op: "move", periodCode: PERIOD, elementCode: "security", direction: "up" });
    let elements = (await loadSipasSurvey(PERIOD))!.questionnaire.elements;
    expect(elements.map((element) => element.code).slice(-2)).toEqual(["security", "digital"]);
    expect(elements.find((element) => element.code === "security")).toMatchObject({ weight: "0.5", nameEn: "Public order", questions: [{ code: "security-1", textEn: null, required: true }] });

    await editSipasQuestion(admin, { op: "move", periodCode: PERIOD, questionCode: "access-2", direction: "up" });
    await editSipasQuestion(admin, { op: "delete", periodCode: PERIOD, questionCode: "access-4" });
    elements = (await loadSipasSurvey(PERIOD))!.questionnaire.elements;
    expect(elements[0]!.questions.map((question) => [question.code, question.order])).toEqual([["access-2", 1], ["access-1", 2], ["access-3", 3]]);

    await editSipasElement(admin, { op: "delete", periodCode: PERIOD, elementCode: "security" });
    elements = (await loadSipasSurvey(PERIOD))!.questionnaire.elements;
    expect(elements.map((element) => [element.code, element.order])).toEqual([["access", 1], ["procedures", 2], ["civil-servants", 3], ["results", 4], ["feedback", 5], ["digital", 6]]);
  });

  it("refuses a question code used in another element, and a scale whose labels do not match", async () => {
    const taken = await refusal(editSipasQuestion(admin, { op: "add", periodCode: PERIOD, elementCode: "digital", code: "access-1", text: "Trùng mã", required: false }));
    expect(taken.code).toBe("exists");
    expect(taken.vi).toContain("access-1");
    const labels = await refusal(
      updateSipasSurvey(admin, { periodCode: PERIOD, name: "Khảo sát", scaleMin: "1", scaleMax: "7", scaleLabels: ["a", "b"], satisfiedFrom: "5", indexMethod: "share_satisfied", smallSampleThreshold: "30" }),
    );
    expect(labels.code).toBe("invalid");
    expect(labels.vi).toContain("Cần đúng 7 nhãn");
    expect((await loadSipasSurvey(PERIOD))!.questionnaire.scale.max).toBe(5);
  });

  it("once responses exist, refuses structural changes with a clear message but still takes wording, names and dates", async () => {
    await transitionSipasSurvey(admin, { periodCode: PERIOD, to: "open", expectedStatus: "draft" });
    await storeResponse("a", "accepted");
    const before = (await loadSipasSurvey(PERIOD))!.questionnaire;

    const refusals = await Promise.all([
      refusal(editSipasQuestion(admin, { op: "add", periodCode: PERIOD, elementCode: "access", code: "access-9", text: "Câu mới", required: true })),
      refusal(editSipasQuestion(admin, { op: "delete", periodCode: PERIOD, questionCode: "access-1" })),
      refusal(editSipasQuestion(admin, { op: "update", periodCode: PERIOD, questionCode: "access-1", code: "access-x", text: "Nơi tiếp nhận dễ tìm", required: true })),
      refusal(editSipasElement(admin, { op: "update", periodCode: PERIOD, elementCode: "access", code: "access", name: "Tiếp cận", weight: "2" })),
      refusal(editSipasElement(admin, { op: "delete", periodCode: PERIOD, elementCode: "digital" })),
      refusal(
        updateSipasSurvey(admin, {
          periodCode: PERIOD,
          name: "Khảo sát",
          scaleMin: "1",
          scaleMax: "4",
          scaleLabels: ["a", "b", "c", "d"],
          satisfiedFrom: "3",
          indexMethod: "share_satisfied",
          smallSampleThreshold: "30",
        }),
      ),
    ]);
    for (const refused of refusals) {
      expect(refused.code).toBe("frozen");
      expect(refused.vi).toContain("đã có 1 phiếu");
    }
    expect((await loadSipasSurvey(PERIOD))!.questionnaire).toEqual(before);

    await editSipasQuestion(admin, { op: "update", periodCode: PERIOD, questionCode: "access-1", code: "access-1", text: "Nơi tiếp nhận hồ sơ dễ tìm", textEn: "Easy to find", required: true });
    await editSipasElement(admin, { op: "update", periodCode: PERIOD, elementCode: "access", code: "access", name: "Tiếp cận dịch vụ công", weight: "1,0" });
    const closesAt = new Date("2024-03-01T10:00:00Z");
    await updateSipasSurvey(admin, {
      periodCode: PERIOD,
      name: "Khảo sát SIPAS 2023 (đợt 1)",
      scaleMin: "1",
      scaleMax: "5",
      scaleLabels: ["Rất kém", "Kém", "Bình thường", "Tốt", "Rất tốt"],
      satisfiedFrom: "4",
      indexMethod: "share_satisfied",
      smallSampleThreshold: "40",
      closesAt,
    });
    const after = (await loadSipasSurvey(PERIOD))!;
    expect(after.name).toBe("Khảo sát SIPAS 2023 (đợt 1)");
    expect(after.closesAt).toEqual(closesAt);
    expect(after.questionnaire.scale.labels[0]).toBe("Rất kém");
    expect(after.questionnaire.elements[0]).toMatchObject({ name: "Tiếp cận dịch vụ công", questions: [{ text: "Nơi tiếp nhận hồ sơ dễ tìm", textEn: "Easy to find" }, {}, {}, {}] });
  });
});

describe("opening and closing the survey", () => {
  beforeEach(async () => {
    await createSipasSurvey(admin, { periodCode: PERIOD, from: "default" });
  });

  it("goes draft → open → closed → open with one audit row each, and refuses a page that is out of date", async () => {
    await transitionSipasSurvey(admin, { periodCode: PERIOD, to: "open", expectedStatus: "draft" });
    await transitionSipasSurvey(admin, { periodCode: PERIOD, to: "closed", expectedStatus: "open" });
    const stale = await refusal(transitionSipasSurvey(admin, { periodCode: PERIOD, to: "closed", expectedStatus: "open" }));
    expect(stale.code).toBe("stale");
    expect(stale.vi).toContain("Đã đóng");
    await transitionSipasSurvey(admin, { periodCode: PERIOD, to: "open", expectedStatus: "closed" });
    expect((await loadSipasSurvey(PERIOD))!.status).toBe("open");
    const rows = await getPrisma().auditLog.findMany({ where: { action: "sipas.survey.transition" }, orderBy: { id: "asc" } });
    expect(rows.map((row) => row.after)).toEqual([{ status: "open" }, { status: "closed" }, { status: "open" }]);
  });

  it("refuses to open a questionnaire with an empty element, back to draft, and the council", async () => {
    await editSipasElement(admin, { op: "add", periodCode: PERIOD, code: "empty", name: "Nhóm trống", weight: "1" });
    const incomplete = await refusal(transitionSipasSurvey(admin, { periodCode: PERIOD, to: "open", expectedStatus: "draft" }));
    expect(incomplete.code).toBe("incomplete");
    expect(incomplete.vi).toContain("Nhóm trống");
    await editSipasElement(admin, { op: "delete", periodCode: PERIOD, elementCode: "empty" });
    await transitionSipasSurvey(admin, { periodCode: PERIOD, to: "open", expectedStatus: "draft" });
    expect((await refusal(transitionSipasSurvey(admin, { periodCode: PERIOD, to: "draft", expectedStatus: "open" }))).code).toBe("wrong_state");
    expect((await refusal(transitionSipasSurvey(council, { periodCode: PERIOD, to: "closed", expectedStatus: "open" }))).code).toBe("forbidden");
    expect((await loadSipasSurvey(PERIOD))!.status).toBe("open");
  });
});

describe("counts and the review of flagged responses", () => {
  beforeEach(async () => {
    await createSipasSurvey(admin, { periodCode: PERIOD, from: "default" });
    await transitionSipasSurvey(admin, { periodCode: PERIOD, to: "open", expectedStatus: "draft" });
  });

  it("counts accepted, flagged and rejected responses per unit, today's and the last one's time", async () => {
    const now = new Date("2024-02-10T03:00:00Z");
    await storeResponse("a", "accepted", { submittedAt: new Date("2024-02-09T03:00:00Z") });
    await storeResponse("a", "accepted", { submittedAt: new Date("2024-02-10T02:00:00Z") });
    await storeResponse("a", "flagged", { submittedAt: new Date("2024-02-10T02:30:00Z") });
    await storeResponse("b", "rejected", { submittedAt: new Date("2024-02-08T02:30:00Z") });
    const counts = await loadSipasUnitCounts(admin, PERIOD, now);
    expect(counts!.units.map(({ unitCode, accepted, flagged, rejected, today }) => ({ unitCode, accepted, flagged, rejected, today }))).toEqual([
      { unitCode: "a", accepted: 2, flagged: 1, rejected: 0, today: 2 },
      { unitCode: "b", accepted: 0, flagged: 0, rejected: 1, today: 0 },
    ]);
    expect(counts!.units[0]!.lastAt).toEqual(new Date("2024-02-10T02:30:00Z"));
    const periods = await listSipasConsolePeriods(council);
    expect(periods.find((period) => period.code === PERIOD)).toMatchObject({ survey: { status: "open", accepted: 2, flagged: 1, rejected: 1 } });
    expect(await loadSipasUnitCounts({ userId: "x", role: "unit_officer", unitId: null }, PERIOD, now)).toBeNull();
  });

  it("accepts one and rejects others in bulk, audited; a response reviewed meanwhile leaves everything unchanged", async () => {
    const script = "<script>alert(1)</script>";
    const first = await storeResponse("a", "flagged", { comment: script });
    const second = await storeResponse("b", "flagged");
    const third = await storeResponse("b", "flagged");
    const listed = await listFlaggedSipasResponses(admin, PERIOD);
    expect(listed!.responses.map((response) => response.id)).toEqual([first.id, second.id, third.id]);
    expect(listed!.responses[0]).toMatchObject({ comment: script, flagReason: "honeypot", unit: { code: "a" } });

    await reviewFlaggedSipasResponses(admin, { periodCode: PERIOD, decision: "accept", responseIds: [first.id] });
    const stale = await refusal(reviewFlaggedSipasResponses(admin, { periodCode: PERIOD, decision: "reject", responseIds: [second.id, first.id] }));
    expect(stale.code).toBe("stale");
    expect(stale.vi).toContain("Sở Nội vụ");
    expect((await getPrisma().sipasResponse.findUniqueOrThrow({ where: { id: second.id } })).status).toBe("flagged");

    await reviewFlaggedSipasResponses(admin, { periodCode: PERIOD, decision: "reject", responseIds: [second.id, third.id] });
    const rows = await getPrisma().sipasResponse.findMany({ orderBy: { submittedAt: "asc" }, select: { id: true, status: true, reviewedById: true } });
    expect(rows.map((row) => row.status)).toEqual(["accepted", "rejected", "rejected"]);
    expect(rows.every((row) => row.reviewedById === admin.userId)).toBe(true);
    expect(await getPrisma().auditLog.count({ where: { action: { in: ["sipas.response.accept", "sipas.response.reject"] } } })).toBe(3);
    expect((await listFlaggedSipasResponses(admin, PERIOD))!.responses).toEqual([]);
    expect((await refusal(reviewFlaggedSipasResponses(council, { periodCode: PERIOD, decision: "accept", responseIds: [third.id] }))).code).toBe("forbidden");
  });
});
