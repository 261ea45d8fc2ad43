import { beforeEach, describe, expect, it } from "vitest";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { importResultsPackage } from "@/lib/services/import-results-package";
import { openPeriod } from "@/lib/services/open-period";
import { createUser } from "@/lib/services/create-user";
import { saveSelfScores, SaveSelfScoresError } from "@/lib/services/save-self-scores";
import { findUserActor } from "@/lib/data/database-state";
import { getPrisma } from "@/lib/data/prisma";
import { COMMAND_LINE, type UserActor } from "@/lib/auth/actor";
import { buildPackage } from "@/tests/support/results-package-factory";
import { withTestDatabase } from "@/tests/support/test-database";

withTestDatabase();

const NOW = new Date("2026-01-20T03:00:00Z");
let officerA: UserActor;
let council: UserActor;

async function problemCodes(promise: Promise<unknown>): Promise<string[]> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SaveSelfScoresError) return error.problems.map((problem) => problem.code);
    throw error;
  }
  return [];
}

async function selfPointsOf(unitCode: string) {
  const scores = await getPrisma().criterionScore.findMany({
    where: { assessment: { unit: { code: unitCode }, period: { code: "thu-nghiem-2023" } } },
    select: { selfPoints: true, version: true, criterion: { select: { code: true } } },
  });
  return new Map(scores.map((score) => [score.criterion.code, { points: score.selfPoints?.toString() ?? null, version: score.version }]));
}

beforeEach(async () => {
  const parsed = parseResultsPackage(
    JSON.stringify(
      buildPackage({
        code: "thu-nghiem-2022",
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
  await openPeriod(
    {
      code: "thu-nghiem-2023",
      year: 2023,
      name: "Chỉ số CCHC năm 2023 — thử nghiệm",
      authorityName: "UBND huyện Thử Nghiệm",
      criteriaSetCode: "test-set",
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
  await createUser({ email: "hd@example.vn", name: "Hội đồng", role: "council", password: "mat-khau-dai" }, COMMAND_LINE);
  officerA = (await findUserActor("a@example.vn"))!;
  council = (await findUserActor("hd@example.vn"))!;
});

describe("an officer's self-assessment", () => {
  it("saves points typed with a decimal comma, not-applicable with a reason, and audits each change", async () => {
    await saveSelfScores(
      officerA,
      {
        periodCode: "thu-nghiem-2023",
        unitCode: "a",
        items: [
          { criterionCode: "1.1", points: "12,5", expectedVersion: null },
          { criterionCode: "1.2", notApplicable: true, notApplicableReason: "Không ban hành văn bản QPPL", expectedVersion: null },
        ],
      },
      NOW,
    );
    const scores = await selfPointsOf("a");
    expect(scores.get("1.1")).toEqual({ points: "12.5", version: 0 });
    expect(scores.get("1.2")!.points).toBeNull();
    expect(await getPrisma().auditLog.count({ where: { action: "self_score.save" } })).toBe(2);
    const assessment = await getPrisma().assessment.findFirstOrThrow({ where: { unit: { code: "a" }, period: { code: "thu-nghiem-2023" } } });
    expect(assessment.status).toBe("in_progress");
  });

  it("cannot touch another unit, whatever the form says", async () => {
    const codes = await problemCodes(
      saveSelfScores(officerA, { periodCode: "thu-nghiem-2023", unitCode: "b", items: [{ criterionCode: "1.1", points: "1", expectedVersion: null }] }, NOW),
    );
    expect(codes).toEqual(["not_found"]);
    expect((await selfPointsOf("b")).size).toBe(0);
  });

  it("is refused to the council", async () => {
    const codes = await problemCodes(
      saveSelfScores(council, { periodCode: "thu-nghiem-2023", unitCode: "a", items: [{ criterionCode: "1.1", points: "1", expectedVersion: null }] }, NOW),
    );
    expect(codes).toEqual(["forbidden"]);
  });

  it("saves all items or none: one bad value keeps the good ones out too", async () => {
    const codes = await problemCodes(
      saveSelfScores(
        officerA,
        {
          periodCode: "thu-nghiem-2023",
          unitCode: "a",
          items: [
            { criterionCode: "1.1", points: "20", expectedVersion: null },
            { criterionCode: "1.2", points: "30,5", expectedVersion: null },
            { criterionCode: "2.1", points: "10", expectedVersion: null },
            { criterionCode: "9.9", points: "1", expectedVersion: null },
          ],
        },
        NOW,
      ),
    );
    expect(codes).toEqual(["above_max", "survey_scored", "unknown_criterion"]);
    expect((await selfPointsOf("a")).size).toBe(0);
    expect(await getPrisma().auditLog.count({ where: { action: "self_score.save" } })).toBe(0);
  });

  it("does not overwrite a colleague's newer save", async () => {
    const save = (points: string, expectedVersion: number | null) =>
      saveSelfScores(officerA, { periodCode: "thu-nghiem-2023", unitCode: "a", items: [{ criterionCode: "1.1", points, expectedVersion }] }, NOW);
    await save("10", null);
    await save("11", 0);
    expect(await problemCodes(save("12", 0))).toEqual(["stale"]);
    expect(await problemCodes(save("12", null))).toEqual(["stale"]);
    expect((await selfPointsOf("a")).get("1.1")).toEqual({ points: "11", version: 1 });
    // The refusal names who saved last and when (Vietnam time), so the officer knows whom to ask.
    const refusal = (await save("12", 0).then(
      () => ({ problems: [] }),
      (error: unknown) => error,
    )) as { problems: { vi: string; en: string }[] };
    const officerName = (await getPrisma().user.findUniqueOrThrow({ where: { id: officerA.userId }, select: { name: true } })).name;
    expect(refusal.problems[0]!.vi).toMatch(new RegExp(`^Tiêu chí 1\\.1 vừa .*${officerName}.* lúc \\d{2}:\\d{2}`));
    expect(refusal.problems[0]!.en).toContain(officerName);
  });

  it("is closed after the deadline and before the opening", async () => {
    const item = { criterionCode: "1.1", points: "10", expectedVersion: null };
    expect(await problemCodes(saveSelfScores(officerA, { periodCode: "thu-nghiem-2023", unitCode: "a", items: [item] }, new Date("2026-02-21T00:00:00+07:00")))).toEqual(["closed"]);
    expect(await problemCodes(saveSelfScores(officerA, { periodCode: "thu-nghiem-2023", unitCode: "a", items: [item] }, new Date("2026-01-04T00:00:00+07:00")))).toEqual(["closed"]);
  });
});
