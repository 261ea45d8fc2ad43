import ExcelJS from "exceljs";
import { beforeEach, describe, expect, it } from "vitest";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { importResultsPackage } from "@/lib/services/import-results-package";
import { openPeriod } from "@/lib/services/open-period";
import { createUser } from "@/lib/services/create-user";
import { saveSelfScores } from "@/lib/services/save-self-scores";
import { exportSelfAssessmentXlsx } from "@/lib/services/export-self-assessment-xlsx";
import { importSelfAssessmentXlsx } from "@/lib/services/import-self-assessment-xlsx";
import { SelfAssessmentXlsxError } from "@/lib/domain/self-assessment-xlsx-plan";
import { columnNumber, FIRST_DATA_ROW, type ColumnKey } from "@/lib/domain/self-assessment-xlsx-layout";
import { findUserActor } from "@/lib/data/database-state";
import { getPrisma } from "@/lib/data/prisma";
import { COMMAND_LINE, type UserActor } from "@/lib/auth/actor";
import { withTestDatabase } from "@/tests/support/test-database";
import { html } from "@/tests/unit/evidence/evidence-fixtures";

withTestDatabase();

const NOW = new Date("2026-01-20T03:00:00Z");
const PERIOD = "thu-nghiem-2023";
const LEAVES = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"];
// Sheet rows: field 1, its six leaves, field 2, leaf 2.1.
const ROW: Record<string, number> = Object.fromEntries(["1", ...LEAVES, "2", "2.1"].map((code, i) => [code, FIRST_DATA_ROW + i]));

let officerA: UserActor;
let officerB: UserActor;
let council: UserActor;
let admin: UserActor;

/** A set of six appraisal leaves worth 10 each and one survey leaf worth 40. */
function packageWithSixLeaves() {
  const units = ["a", "b"];
  return {
    format: "par-index.results/1",
    period: { code: "thu-nghiem-2022", year: 2022, name: "Chỉ số CCHC năm 2022 — thử nghiệm", authority: "UBND huyện Thử Nghiệm", decision: { number: "1/QĐ-UBND", date: "2023-01-12" } },
    criteriaSet: {
      code: "test-set-6",
      name: "Bộ chỉ số thử nghiệm",
      criteria: [
        { code: "1", name: "Công tác chỉ đạo, điều hành", maxPoints: 60, method: "appraisal", children: LEAVES.map((code) => ({ code, name: `Tiêu chí ${code}`, maxPoints: 10, method: "appraisal" })) },
        { code: "2", name: "Tác động của CCHC", maxPoints: 40, method: "survey", children: [{ code: "2.1", name: "Mức độ hài lòng", maxPoints: 40, method: "survey" }] },
      ],
    },
    groups: [{ code: "xa", name: "Khối xã" }],
    bands: [{ label: "Tốt", minIndex: 80 }, { label: "Khá", minIndex: 0 }],
    tieBreakers: [],
    units: units.map((code) => ({ code, name: `UBND xã ${code.toUpperCase()}`, group: "xa", predecessors: [] })),
    scores: units.flatMap((unit) => [...LEAVES, "2.1"].map((criterion) => ({ unit, criterion, points: criterion === "2.1" ? 30 : 8 }))),
  };
}

beforeEach(async () => {
  const parsed = parseResultsPackage(JSON.stringify(packageWithSixLeaves()));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  await importResultsPackage({ pkg: parsed.package, replace: false, publish: true, actor: COMMAND_LINE });
  await openPeriod(
    {
      code: PERIOD,
      year: 2023,
      name: "Chỉ số CCHC năm 2023 — thử nghiệm",
      authorityName: "UBND huyện Thử Nghiệm",
      criteriaSetCode: "test-set-6",
      previousPeriodCode: "thu-nghiem-2022",
      units: [
        { unitCode: "a", groupCode: "xa" },
        { unitCode: "b", groupCode: "xa" },
      ],
      selfAssessmentOpensAt: "2026-01-05T00:00:00+07:00",
      selfAssessmentDeadline: "2026-02-20T23:59:59+07:00",
      openSelfAssessment: true,
    },
    COMMAND_LINE,
  );
  await createUser({ email: "a@example.vn", name: "Cán bộ xã A", role: "unit_officer", unitCode: "a", password: "mat-khau-dai" }, COMMAND_LINE);
  await createUser({ email: "b@example.vn", name: "Cán bộ xã B", role: "unit_officer", unitCode: "b", password: "mat-khau-dai" }, COMMAND_LINE);
  await createUser({ email: "hd@example.vn", name: "Hội đồng", role: "council", password: "mat-khau-dai" }, COMMAND_LINE);
  await createUser({ email: "nv@example.vn", name: "Sở Nội vụ", role: "admin", password: "mat-khau-dai" }, COMMAND_LINE);
  officerA = (await findUserActor("a@example.vn"))!;
  officerB = (await findUserActor("b@example.vn"))!;
  council = (await findUserActor("hd@example.vn"))!;
  admin = (await findUserActor("nv@example.vn"))!;
});

/** The officer's work in Excel: opens the downloaded file, changes cells, saves it. */
async function fillIn(file: Buffer, values: Record<string, Partial<Record<ColumnKey, ExcelJS.CellValue>>>, extraRows: Partial<Record<ColumnKey, ExcelJS.CellValue>>[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet("tu-danh-gia")!;
  for (const [code, cells] of Object.entries(values)) {
    for (const [key, value] of Object.entries(cells)) sheet.getRow(ROW[code]!).getCell(columnNumber(key as ColumnKey)).value = value ?? null;
  }
  extraRows.forEach((cells, i) => {
    for (const [key, value] of Object.entries(cells)) sheet.getRow(ROW["2.1"]! + 1 + i).getCell(columnNumber(key as ColumnKey)).value = value ?? null;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function scoresOf(unitCode: string) {
  const rows = await getPrisma().criterionScore.findMany({
    where: { assessment: { unit: { code: unitCode }, period: { code: PERIOD } } },
    select: { selfPoints: true, selfNotApplicable: true, selfNotApplicableReason: true, selfNote: true, version: true, criterion: { select: { code: true } } },
  });
  return Object.fromEntries(
    rows.map((row) => [
      row.criterion.code,
      { points: row.selfPoints?.toString() ?? null, na: row.selfNotApplicable, reason: row.selfNotApplicableReason, note: row.selfNote, version: row.version },
    ]),
  );
}

async function refusal(promise: Promise<unknown>): Promise<SelfAssessmentXlsxError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof SelfAssessmentXlsxError)) throw new Error(`expected a SelfAssessmentXlsxError, got ${String(error)}`);
  return error;
}

const importFor = (actor: UserActor, file: Blob | Uint8Array, unitCode = "a", periodCode = PERIOD, now = NOW) =>
  importSelfAssessmentXlsx(actor, { periodCode, unitCode, file }, { now });

describe("the self-assessment spreadsheet", () => {
  it("goes out and comes back: the officer's filled-in file is saved, each change audited", async () => {
    await saveSelfScores(officerA, { periodCode: PERIOD, unitCode: "a", items: [{ criterionCode: "1.1", points: "10", expectedVersion: null }] }, NOW);
    const exported = await exportSelfAssessmentXlsx(officerA, { periodCode: PERIOD, unitCode: "a" });
    const filled = await fillIn(exported, {
      "1.1": { selfPoints: "9,5" },
      "1.2": { notApplicable: "x", notApplicableReason: "Không ban hành văn bản QPPL trong năm" },
      "1.3": { selfPoints: 7.25, note: "Báo cáo số 15/BC-UBND" },
    });
    const result = await importFor(officerA, new File([new Uint8Array(filled)], "tu-danh-gia.xlsx"));
    expect(result).toEqual({ savedCriteria: ["1.1", "1.2", "1.3"], unchanged: 4 });
    expect(await scoresOf("a")).toEqual({
      "1.1": { points: "9.5", na: false, reason: null, note: null, version: 1 },
      "1.2": { points: null, na: true, reason: "Không ban hành văn bản QPPL trong năm", note: null, version: 0 },
      "1.3": { points: "7.25", na: false, reason: null, note: "Báo cáo số 15/BC-UBND", version: 0 },
    });
    expect(await getPrisma().auditLog.count({ where: { action: "self_score.save" } })).toBe(4);
    expect(await getPrisma().auditLog.count({ where: { action: "self_assessment.import" } })).toBe(1);

    // The same file again: it says what the portal now holds, so nothing is saved or refused.
    expect(await importFor(officerA, filled)).toEqual({ savedCriteria: [], unchanged: 7 });
    // And a new export carries the new values and versions.
    const again = await exportSelfAssessmentXlsx(officerA, { periodCode: PERIOD, unitCode: "a" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(again as unknown as ExcelJS.Buffer);
    const row = workbook.getWorksheet("tu-danh-gia")!.getRow(ROW["1.1"]!);
    expect([row.getCell(columnNumber("selfPoints")).value, row.getCell(columnNumber("version")).value]).toEqual([9.5, 1]);
  });

  it("reports every bad row with its row number in both languages and saves nothing", async () => {
    const exported = await exportSelfAssessmentXlsx(officerA, { periodCode: PERIOD, unitCode: "a" });
    // A colleague saves 1.6 in the portal after the download.
    await saveSelfScores(officerA, { periodCode: PERIOD, unitCode: "a", items: [{ criterionCode: "1.6", points: "4", expectedVersion: null }] }, NOW);
    const before = await scoresOf("a");
    const filled = await fillIn(
      exported,
      {
        "1.1": { selfPoints: 11 },
        "1.2": { selfPoints: "-1" },
        "1.3": { selfPoints: "mười" },
        "1.4": { selfPoints: "1,12345" },
        "1.5": { notApplicable: "x" },
        "1.6": { selfPoints: 6 },
        "2.1": { selfPoints: 35 },
      },
      [{ code: "9.9", selfPoints: 1 }],
    );
    const error = await refusal(importFor(officerA, filled));
    expect(error.code).toBe("invalid_rows");
    expect(error.problems.map((problem) => [problem.row, problem.code])).toEqual([
      [ROW["1.1"], "above_max"],
      [ROW["1.2"], "decimal_negative"],
      [ROW["1.3"], "decimal_invalid"],
      [ROW["1.4"], "decimal_too_many_decimals"],
      [ROW["1.5"], "reason_required"],
      [ROW["1.6"], "stale"],
      [ROW["2.1"], "survey_scored"],
      [ROW["2.1"]! + 1, "unknown_criterion"],
    ]);
    for (const problem of error.problems) {
      expect(problem.vi).toMatch(new RegExp(`^Dòng ${problem.row}\\b`));
      expect(problem.en).toMatch(new RegExp(`^Row ${problem.row}\\b`));
    }
    expect(error.vi).toContain("8 lỗi");
    expect(await scoresOf("a")).toEqual(before);
    expect(await getPrisma().auditLog.count({ where: { action: { in: ["self_score.save", "self_assessment.import"] } } })).toBe(1);
  });

  it("refuses what is not the unit's workbook for this period", async () => {
    expect((await refusal(importFor(officerA, new File([new Uint8Array(html())], "tu-danh-gia.xlsx")))).code).toBe("invalid_file");
    expect((await refusal(importFor(officerA, new Blob([new Uint8Array(5 * 1024 * 1024 + 1)])))).code).toBe("too_large");

    const unitB = await exportSelfAssessmentXlsx(council, { periodCode: PERIOD, unitCode: "b" });
    const wrongUnit = await refusal(importFor(officerA, unitB));
    expect(wrongUnit.code).toBe("wrong_unit");
    expect(wrongUnit.vi).toContain('"b"');

    const lastYear = await exportSelfAssessmentXlsx(officerA, { periodCode: "thu-nghiem-2022", unitCode: "a" });
    expect((await refusal(importFor(officerA, lastYear))).code).toBe("wrong_period");
    expect(await getPrisma().auditLog.count({ where: { action: "self_score.save" } })).toBe(0);
  });

  it("into another unit answers not found and records the attempt", async () => {
    const unitB = await fillIn(await exportSelfAssessmentXlsx(council, { periodCode: PERIOD, unitCode: "b" }), { "1.1": { selfPoints: 1 } });
    expect((await refusal(importFor(officerA, unitB, "b"))).code).toBe("not_found");
    expect(await getPrisma().auditLog.findFirstOrThrow({ where: { action: "access.denied" } })).toMatchObject({
      actorId: officerA.userId,
      after: { attempted: "self_assessment.import" },
    });
    expect(await scoresOf("b")).toEqual({});
  });

  it("is closed after the deadline and once published", async () => {
    const filled = await fillIn(await exportSelfAssessmentXlsx(officerA, { periodCode: PERIOD, unitCode: "a" }), { "1.1": { selfPoints: 1 } });
    expect((await refusal(importFor(officerA, filled, "a", PERIOD, new Date("2026-02-21T00:00:00+07:00")))).code).toBe("closed");
    const published = await exportSelfAssessmentXlsx(officerA, { periodCode: "thu-nghiem-2022", unitCode: "a" });
    expect((await refusal(importFor(officerA, published, "a", "thu-nghiem-2022"))).code).toBe("published");
  });

  it("is exported to the unit's officer, the council and home affairs, never to another unit's officer", async () => {
    for (const actor of [officerA, council, admin]) {
      expect((await exportSelfAssessmentXlsx(actor, { periodCode: PERIOD, unitCode: "a" })).subarray(0, 2).toString()).toBe("PK");
    }
    expect((await refusal(exportSelfAssessmentXlsx(officerB, { periodCode: PERIOD, unitCode: "a" }))).code).toBe("not_found");
    expect(await getPrisma().auditLog.findFirstOrThrow({ where: { action: "access.denied" } })).toMatchObject({
      actorId: officerB.userId,
      after: { attempted: "assessment.read" },
    });
    expect((await refusal(exportSelfAssessmentXlsx(officerB, { periodCode: PERIOD, unitCode: "khong-co" }))).code).toBe("not_found");
  });
});
