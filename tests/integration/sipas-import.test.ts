import { beforeEach, describe, expect, it } from "vitest";
import { importSipasResponses, importSipasRows } from "@/lib/services/import-sipas-responses";
import { exportSipasImportTemplate } from "@/lib/services/export-sipas-import-template";
import { readSipasResponseFile } from "@/lib/domain/sipas-response-file";
import { getPrisma } from "@/lib/data/prisma";
import { COMMAND_LINE, DEMO_SEED } from "@/lib/auth/actor";
import { seedDemoSipasResponses } from "@/scripts/demo-data/sipas-demo-responses";
import { withTestDatabase } from "@/tests/support/test-database";
import { PERIOD, refusal, setUpPeriod, type Cast } from "@/tests/support/workflow-fixture";

withTestDatabase();

let cast: Cast;
let surveyId: string;

// A questionnaire of two elements: A1, A2 (required) and D1 (optional), on a 1–5 scale.
async function createSurvey(status: "draft" | "open" | "closed" = "open"): Promise<string> {
  const period = await getPrisma().period.findUniqueOrThrow({ where: { code: PERIOD } });
  const survey = await getPrisma().sipasSurvey.create({
    data: {
      periodId: period.id,
      code: "sipas",
      name: "Khảo sát SIPAS 2023",
      status,
      scaleLabels: ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"],
      elements: {
        create: [
          {
            code: "access",
            name: "Tiếp cận dịch vụ",
            order: 1,
            questions: { create: [{ code: "A1", text: "Nơi ngồi chờ", order: 1 }, { code: "A2", text: "Trang thiết bị", order: 2 }] },
          },
          { code: "digital", name: "Dịch vụ công trực tuyến", order: 2, questions: { create: [{ code: "D1", text: "Nộp hồ sơ trực tuyến", order: 1, required: false }] } },
        ],
      },
    },
  });
  return survey.id;
}

const HEADER = "Mã đơn vị;Số phiếu;Ngày;Mã hồ sơ;A1;A2;D1;Ý kiến";
const csv = (...lines: string[]) => new TextEncoder().encode(`\uFEFF${[HEADER, ...lines].join("\r\n")}\r\n`);
const GOOD = csv(
  "a;A-001;15/10/2023;H01;5;4;;Nhanh chóng",
  "a;A-002;16/10/2023;;4;4;5;",
  "b;B-001;2023-10-17;;2;3;1;<script>alert(1)</script>",
);

async function stored() {
  return getPrisma().sipasResponse.findMany({
    where: { surveyId },
    orderBy: { externalRef: "asc" },
    select: { externalRef: true, source: true, status: true, comment: true, dossierCode: true, submittedOn: true, unit: { select: { code: true } }, answers: { select: { value: true, question: { select: { code: true } } } } },
  });
}

describe("importing SIPAS forms collected on paper or by a contractor", () => {
  beforeEach(async () => {
    cast = await setUpPeriod();
    surveyId = await createSurvey();
  });

  it("stores every row as an accepted response with its answers, counts per unit and one audit row", async () => {
    const result = await importSipasResponses(cast.admin, { periodCode: PERIOD, source: "paper", file: GOOD, fileName: "phieu-giay.csv" });
    expect(result).toEqual({ responses: 3, answers: 8, units: [{ unitCode: "a", responses: 2 }, { unitCode: "b", responses: 1 }] });
    const rows = await stored();
    expect(rows.map((row) => [row.unit.code, row.externalRef, row.source, row.status, row.submittedOn.toISOString().slice(0, 10), row.dossierCode])).toEqual([
      ["a", "A-001", "paper", "accepted", "2023-10-15", "H01"],
      ["a", "A-002", "paper", "accepted", "2023-10-16", null],
      ["b", "B-001", "paper", "accepted", "2023-10-17", null],
    ]);
    // A script in a comment is kept as the text it is.
    expect(rows[2]!.comment).toBe("<script>alert(1)</script>");
    expect(Object.fromEntries(rows[1]!.answers.map((answer) => [answer.question.code, answer.value]))).toEqual({ A1: 4, A2: 4, D1: 5 });
    const audit = await getPrisma().auditLog.findMany({ where: { action: "sipas.import" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: cast.admin.userId,
      entityId: surveyId,
      after: { source: "paper", fileName: "phieu-giay.csv", responses: 3, answers: 8, units: { a: 2, b: 1 } },
    });
  });

  it("stores nothing when a single row is wrong, and lists that row's problems", async () => {
    const file = csv("a;A-001;15/10/2023;;5;4;;", "a;A-002;16/10/2023;;4;7;;", "b;B-001;17/10/2023;;2;3;1;");
    const error = await refusal<{ problems: { key: string | null; vi: string; en: string }[] }>(
      importSipasResponses(cast.admin, { periodCode: PERIOD, source: "import", file }),
    );
    expect(error.code).toBe("invalid_rows");
    expect(error.vi).toBe("Dòng 3, cột A2: giá trị 7 ngoài thang 1–5 Không phiếu nào được nhập.");
    expect(error.problems).toEqual([{ key: "3", code: "answer_out_of_scale", vi: "Dòng 3, cột A2: giá trị 7 ngoài thang 1–5", en: "Row 3, column A2: the value 7 is outside the scale 1–5" }]);
    expect(await stored()).toEqual([]);
    expect(await getPrisma().auditLog.count({ where: { action: "sipas.import" } })).toBe(0);
  });

  it("refuses the same file imported again, naming each form number already there, and keeps the first import once", async () => {
    await importSipasResponses(cast.admin, { periodCode: PERIOD, source: "paper", file: GOOD });
    const error = await refusal<{ problems: { vi: string }[] }>(importSipasResponses(cast.admin, { periodCode: PERIOD, source: "paper", file: GOOD }));
    expect(error.vi).toBe("Tệp có 3 lỗi; không phiếu nào được nhập.");
    expect(error.problems.map((problem) => problem.vi)).toEqual([
      'Dòng 2, cột Số phiếu: phiếu số "A-001" đã được nhập trước đây',
      'Dòng 3, cột Số phiếu: phiếu số "A-002" đã được nhập trước đây',
      'Dòng 4, cột Số phiếu: phiếu số "B-001" đã được nhập trước đây',
    ]);
    expect(await stored()).toHaveLength(3);
  });

  it("two uploads of one file at the same moment store it once: the second waits for the first and is refused", async () => {
    const outcomes = await Promise.allSettled([
      importSipasResponses(cast.admin, { periodCode: PERIOD, source: "paper", file: GOOD }),
      importSipasResponses(cast.admin, { periodCode: PERIOD, source: "paper", file: GOOD }),
    ]);
    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(["fulfilled", "rejected"]);
    const rejected = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "invalid_rows" });
    expect(await stored()).toHaveLength(3);
  });

  it("refuses a unit outside the period and a form number repeated in the file", async () => {
    await getPrisma().unit.create({ data: { code: "c", name: "UBND xã C" } });
    const file = csv("c;C-001;15/10/2023;;5;4;;", "a;A-001;15/10/2023;;5;4;;", "b;A-001;15/10/2023;;5;4;;", "zz;Z-1;15/10/2023;;5;4;;");
    const error = await refusal<{ problems: { vi: string }[] }>(importSipasResponses(cast.admin, { periodCode: PERIOD, source: "paper", file }));
    expect(error.problems.map((problem) => problem.vi)).toEqual([
      'Dòng 2, cột Mã đơn vị: đơn vị "c" không tham gia kỳ đánh giá này',
      'Dòng 4, cột Số phiếu: số phiếu "A-001" trùng với dòng 3',
      'Dòng 5, cột Mã đơn vị: không có đơn vị mã "zz"',
    ]);
    expect(await stored()).toEqual([]);
  });

  it("lists at most 200 problems and says how many more there are", async () => {
    const lines = Array.from({ length: 250 }, (_, index) => `a;X-${index};15/10/2023;;9;4;;`);
    const error = await refusal<{ problems: { vi: string }[] }>(importSipasResponses(cast.admin, { periodCode: PERIOD, source: "paper", file: csv(...lines) }));
    expect(error.vi).toBe("Tệp có 250 lỗi; không phiếu nào được nhập.");
    expect(error.problems).toHaveLength(201);
    expect(error.problems.at(-1)!.vi).toBe("… và 50 lỗi khác.");
  });

  it("refuses a draft survey and a published period; accepts a closed survey", async () => {
    await getPrisma().sipasSurvey.update({ where: { id: surveyId }, data: { status: "draft" } });
    expect(await refusal(importSipasResponses(cast.admin, { periodCode: PERIOD, source: "paper", file: GOOD }))).toMatchObject({
      code: "draft",
      vi: "Khảo sát đang ở trạng thái nháp: hãy mở khảo sát trước khi nhập phiếu.",
    });
    await getPrisma().sipasSurvey.update({ where: { id: surveyId }, data: { status: "closed" } });
    await getPrisma().period.update({ where: { code: PERIOD }, data: { status: "published" } });
    expect(await refusal(importSipasResponses(cast.admin, { periodCode: PERIOD, source: "paper", file: GOOD }))).toMatchObject({ code: "published" });
    await getPrisma().period.update({ where: { code: PERIOD }, data: { status: "appraisal" } });
    expect((await importSipasResponses(cast.admin, { periodCode: PERIOD, source: "import", file: GOOD })).responses).toBe(3);
    expect((await stored()).every((row) => row.source === "import")).toBe(true);
  });

  it("only home affairs may import or download the template; the council and officers are refused and nothing is stored", async () => {
    for (const actor of [cast.council1, cast.officerA]) {
      expect(await refusal(importSipasResponses(actor, { periodCode: PERIOD, source: "paper", file: GOOD }))).toMatchObject({ code: "forbidden" });
      expect(await refusal(exportSipasImportTemplate(actor, { periodCode: PERIOD, format: "csv" }))).toMatchObject({ code: "forbidden" });
    }
    expect(await stored()).toEqual([]);
  });

  it("refuses a period without a questionnaire and a source other than paper or contractor", async () => {
    await getPrisma().sipasSurvey.delete({ where: { id: surveyId } });
    expect(await refusal(importSipasResponses(cast.admin, { periodCode: PERIOD, source: "paper", file: GOOD }))).toMatchObject({ code: "not_found" });
    expect(
      await refusal(importSipasResponses(cast.admin, { periodCode: PERIOD, source: "online" as "paper", file: GOOD })),
    ).toMatchObject({ code: "invalid" });
  });

  it("the template lists the questionnaire's columns and the period's units, and rows built in code go through the same checks", async () => {
    const template = await exportSipasImportTemplate(cast.admin, { periodCode: PERIOD, format: "xlsx" });
    expect(template.fileName).toBe(`phieu-sipas-${PERIOD}.xlsx`);
    const read = await readSipasResponseFile(template.body);
    expect(read.ok && read.table.header).toEqual(["Mã đơn vị", "Số phiếu", "Ngày", "Mã hồ sơ", "A1", "A2", "D1", "Ý kiến"]);

    const row = { row: 1, unitCode: "a", externalRef: "D-1", submittedOn: "2023-11-01", dossierCode: null, comment: null, answers: { A1: 5, A2: 5 } };
    expect((await importSipasRows(COMMAND_LINE, { periodCode: PERIOD, source: "paper", rows: [row] })).responses).toBe(1);
    expect(await refusal(importSipasRows(COMMAND_LINE, { periodCode: PERIOD, source: "paper", rows: [{ ...row, externalRef: "D-2", answers: { A1: 5 } }] }))).toMatchObject({
      code: "invalid_rows",
    });
    expect(await stored()).toHaveLength(1);
  });

  it("the demo's paper forms go in through the same import, as paper forms of the period's units", async () => {
    const result = await seedDemoSipasResponses(PERIOD, DEMO_SEED, new Date("2026-11-24T03:00:00Z"));
    expect(result.units.map((unit) => unit.unitCode)).toEqual(["a", "b"]);
    const rows = await stored();
    expect(rows).toHaveLength(result.responses);
    expect(result.responses).toBeGreaterThanOrEqual(80);
    expect(new Set(rows.map((row) => `${row.source}/${row.status}`))).toEqual(new Set(["paper/accepted"]));
    expect(await getPrisma().auditLog.findFirst({ where: { action: "sipas.import" } })).toMatchObject({ actorId: null, after: { command: "demo-seed", fileName: "demo" } });
  });
});
