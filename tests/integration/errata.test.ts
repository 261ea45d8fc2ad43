import { beforeEach, describe, expect, it } from "vitest";
import { publishErratum } from "@/lib/services/publish-erratum";
import { appraiseItem } from "@/lib/services/appraise-item";
import { acceptRemainingItems } from "@/lib/services/accept-remaining-items";
import { approveAssessment } from "@/lib/services/approve-assessment";
import { explainItem } from "@/lib/services/explain-item";
import { submitSelfAssessment } from "@/lib/services/submit-self-assessment";
import { reopenAssessment } from "@/lib/services/reopen-assessment";
import { saveSelfScores } from "@/lib/services/save-self-scores";
import { transitionPeriod } from "@/lib/services/transition-period";
import { loadAssessmentWorkspace } from "@/lib/data/assessment-workspace";
import { getPrisma } from "@/lib/data/prisma";
import { withTestDatabase } from "@/tests/support/test-database";
import { assessmentOf, NOW, PERIOD, refusal, runYear, scoreOf, setUpPeriod, type Cast } from "@/tests/support/workflow-fixture";

withTestDatabase();

let cast: Cast;

async function publications() {
  return getPrisma().publication.findMany({
    where: { period: { code: PERIOD } },
    orderBy: { version: "asc" },
    select: { id: true, version: true, reason: true, decisionNumber: true, results: { select: { unitCode: true, total: true, rank: true }, orderBy: { unitCode: "asc" } } },
  });
}

const totals = (publication: { results: { unitCode: string; total: { toString(): string } }[] }) =>
  Object.fromEntries(publication.results.map((row) => [row.unitCode, row.total.toString()]));

describe("after publication", () => {
  beforeEach(async () => {
    cast = await setUpPeriod();
    await runYear(cast, { publish: true });
  });

  it("every write of the workflow refuses: the period is read-only", async () => {
    const a = await assessmentOf("a");
    const score = async (code: string) => (await scoreOf("a", code))!.version;
    const attempts: [string, () => Promise<unknown>][] = [
      ["submit", async () => submitSelfAssessment(cast.officerA, { periodCode: PERIOD, unitCode: "a", expectedVersion: a.version }, NOW)],
      ["explain", async () => explainItem(cast.officerA, { periodCode: PERIOD, unitCode: "a", criterionCode: "1.1", explanation: "x", expectedVersion: await score("1.1") })],
      ["accept", async () => appraiseItem(cast.council1, { periodCode: PERIOD, unitCode: "a", criterionCode: "1.1", decision: "accept", expectedVersion: await score("1.1") })],
      ["adjust", async () => appraiseItem(cast.council1, { periodCode: PERIOD, unitCode: "a", criterionCode: "1.1", decision: "adjust", points: "1", reason: "x", expectedVersion: await score("1.1") })],
      ["return", async () => appraiseItem(cast.council1, { periodCode: PERIOD, unitCode: "a", criterionCode: "1.1", decision: "return", comment: "x", expectedVersion: await score("1.1") })],
      ["accept the rest", async () => acceptRemainingItems(cast.council1, { periodCode: PERIOD, unitCode: "a", expectedAssessmentVersion: a.version })],
      ["approve", async () => approveAssessment(cast.council1, { periodCode: PERIOD, unitCode: "a", expectedVersion: a.version }, NOW)],
      ["reopen", async () => reopenAssessment(cast.admin, { periodCode: PERIOD, unitCode: "a", reason: "x" }, NOW)],
      ["transition", async () => transitionPeriod(cast.admin, { periodCode: PERIOD, to: "appraisal", expectedStatus: "published" })],
    ];
    for (const [label, attempt] of attempts) {
      const error = await refusal(attempt());
      expect(error.code, label).toBe("published");
      expect(error.vi, label).toContain("đã công bố");
    }
    const save = await refusal<{ problems: { code: string }[] }>(
      saveSelfScores(cast.officerA, { periodCode: PERIOD, unitCode: "a", items: [{ criterionCode: "1.1", points: "1", expectedVersion: await score("1.1") }] }, NOW),
    );
    expect(save.problems.map((problem) => problem.code)).toEqual(["published"]);

    expect(await assessmentOf("a")).toMatchObject({ status: "approved", version: a.version });
    expect((await scoreOf("a", "1.1"))!.appraisedPoints!.toString()).toBe("20.5");
    const page = (await loadAssessmentWorkspace(cast.council1, { periodCode: PERIOD, unitCode: "a" }, NOW))!;
    expect(Object.values(page.allowed).some(Boolean)).toBe(false);
  });

  it("an erratum corrects appraised points in a new publication version; the old version and its figures stay", async () => {
    const [first] = await publications();
    expect(totals(first!)).toEqual({ a: "55.5", b: "50.5" });

    const result = await publishErratum(cast.admin, {
      periodCode: PERIOD,
      reason: "Đính chính theo Quyết định số 301/QĐ-UBND: sai sót khi nhập điểm điều tra",
      corrections: [
        { unitCode: "a", criterionCode: "2.1", points: "38,25", reason: "Nhập nhầm điểm điều tra xã hội học" },
        { unitCode: "b", criterionCode: "1.2", notApplicable: true, reason: "Xã B không ban hành văn bản QPPL" },
      ],
    });
    expect(result).toMatchObject({ version: 2, corrections: 2 });

    const [v1, v2] = await publications();
    expect(totals(v1!)).toEqual({ a: "55.5", b: "50.5" });
    expect(v1!.reason).toBeNull();
    expect(v2).toMatchObject({ version: 2, reason: "Đính chính theo Quyết định số 301/QĐ-UBND: sai sót khi nhập điểm điều tra", decisionNumber: "214/QĐ-UBND" });
    expect(totals(v2!)).toEqual({ a: "58.75", b: "50.5" });
    const period = await getPrisma().period.findUniqueOrThrow({ where: { code: PERIOD } });
    expect(period).toMatchObject({ status: "published", currentPublicationId: result.publicationId });

    expect(await scoreOf("a", "2.1")).toMatchObject({ appraisalReason: "Nhập nhầm điểm điều tra xã hội học", reviewState: "adjusted" });
    expect((await scoreOf("b", "1.2"))!.notApplicable).toBe(true);

    const audit = await getPrisma().auditLog.findMany({ where: { action: "score.erratum" }, orderBy: { id: "asc" }, select: { actorId: true, before: true, after: true } });
    expect(audit).toEqual([
      {
        actorId: cast.admin.userId,
        before: { criterion: "2.1", appraisedPoints: "35", notApplicable: false },
        after: { criterion: "2.1", appraisedPoints: "38.25", notApplicable: false, reason: "Nhập nhầm điểm điều tra xã hội học", erratumReason: expect.stringContaining("301/QĐ-UBND") },
      },
      {
        actorId: cast.admin.userId,
        before: { criterion: "1.2", appraisedPoints: null, notApplicable: true },
        after: { criterion: "1.2", appraisedPoints: null, notApplicable: true, reason: "Xã B không ban hành văn bản QPPL", erratumReason: expect.stringContaining("301/QĐ-UBND") },
      },
    ]);
    expect(await getPrisma().auditLog.findFirstOrThrow({ where: { action: "period.erratum" } })).toMatchObject({
      after: { publicationVersion: 2, reason: expect.stringContaining("301/QĐ-UBND") },
    });
  });

  it("an erratum without a reason, or with a bad value, changes nothing", async () => {
    const reasonless = await refusal(
      publishErratum(cast.admin, { periodCode: PERIOD, reason: " ", corrections: [{ unitCode: "a", criterionCode: "2.1", points: "38", reason: "x" }] }),
    );
    expect(reasonless.code).toBe("reason_required");
    const bad = await refusal<{ problems: { criterionCode: string; code: string }[] }>(
      publishErratum(cast.admin, {
        periodCode: PERIOD,
        reason: "Đính chính",
        corrections: [
          { unitCode: "a", criterionCode: "2.1", points: "38", reason: "x" },
          { unitCode: "b", criterionCode: "1.1", points: "31", reason: "x" },
          { unitCode: "c", criterionCode: "1.1", points: "1", reason: "x" },
        ],
      }),
    );
    expect(bad.code).toBe("invalid");
    expect(bad.problems.map((problem) => [problem.criterionCode, problem.code])).toEqual([
      ["1.1", "above_max"],
      ["1.1", "not_found"],
    ]);
    expect((await publications()).map((publication) => publication.version)).toEqual([1]);
    expect((await scoreOf("a", "2.1"))!.appraisedPoints!.toString()).toBe("35");
    expect(await getPrisma().auditLog.count({ where: { action: { in: ["score.erratum", "period.erratum"] } } })).toBe(0);
    expect((await refusal(publishErratum(cast.council1, { periodCode: PERIOD, reason: "x", corrections: [{ unitCode: "a", criterionCode: "2.1", points: "1", reason: "x" }] }))).code).toBe("forbidden");
  });
});

describe("before publication", () => {
  it("there is no erratum: the council adjusts the item instead", async () => {
    cast = await setUpPeriod();
    await runYear(cast);
    const error = await refusal(
      publishErratum(cast.admin, { periodCode: PERIOD, reason: "Đính chính", corrections: [{ unitCode: "a", criterionCode: "2.1", points: "38", reason: "x" }] }),
    );
    expect(error.code).toBe("wrong_state");
    expect(await publications()).toEqual([]);
  });
});
