import { describe, expect, it } from "vitest";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { importResultsPackage } from "@/lib/services/import-results-package";
import { publishPeriod } from "@/lib/services/publish-period";
import { computeRankings } from "@/lib/services/compute-rankings";
import { getPrisma } from "@/lib/data/prisma";
import { buildPackage } from "@/tests/support/results-package-factory";
import { withTestDatabase } from "@/tests/support/test-database";
import { COMMAND_LINE } from "@/lib/auth/actor";
import pg from "pg";

const database = withTestDatabase();

// The field totals the triggers keep, next to the same sums computed from scratch from the leaves.
const KEPT = `select "assessmentId", "fieldId", "appraisalPoints"::text, "surveyPoints"::text, "applicableMax"::text, "rowsMax"::text,
                    "leafRows", "unappraisedLeaves", "selfPoints"::text, "selfAnsweredLeaves"
               from "AssessmentFieldTotal" order by 1, 2`;
const FROM_SCRATCH = `
  with recursive node as (
    select c.id, c.id as field, c."criteriaSetId", c."maxPoints", c.method from "Criterion" c where c."parentId" is null
    union all
    select c.id, node.field, c."criteriaSetId", c."maxPoints", c.method from "Criterion" c join node on c."parentId" = node.id),
  leaf as (select * from node where not exists (select 1 from "Criterion" child where child."parentId" = node.id))
  select s."assessmentId", leaf.field as "fieldId",
         coalesce(sum(s."appraisedPoints") filter (where not s."notApplicable" and leaf.method = 'appraisal'), 0)::numeric(12,4)::text as "appraisalPoints",
         coalesce(sum(s."appraisedPoints") filter (where not s."notApplicable" and leaf.method = 'survey'), 0)::numeric(12,4)::text as "surveyPoints",
         coalesce(sum(leaf."maxPoints") filter (where not s."notApplicable"), 0)::numeric(12,4)::text as "applicableMax",
         sum(leaf."maxPoints")::numeric(12,4)::text as "rowsMax",
         count(*)::int as "leafRows",
         (count(*) filter (where not s."notApplicable" and s."appraisedPoints" is null))::int as "unappraisedLeaves",
         coalesce(sum(s."selfPoints") filter (where not s."selfNotApplicable"), 0)::numeric(12,4)::text as "selfPoints",
         (count(*) filter (where s."selfNotApplicable" or s."selfPoints" is not null))::int as "selfAnsweredLeaves"
    from "CriterionScore" s join "Assessment" a on a.id = s."assessmentId" join "Period" p on p.id = a."periodId"
    join leaf on leaf.id = s."criterionId" and leaf."criteriaSetId" = p."criteriaSetId"
   group by 1, 2 order by 1, 2`;

async function expectTotalsInStep() {
  const prisma = getPrisma();
  const kept = await prisma.$queryRawUnsafe<unknown[]>(KEPT);
  const fresh = await prisma.$queryRawUnsafe<unknown[]>(FROM_SCRATCH);
  expect(kept.length).toBeGreaterThan(0);
  expect(kept).toEqual(fresh);
}

async function importJson(json: unknown) {
  const parsed = parseResultsPackage(JSON.stringify(json));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return importResultsPackage({ pkg: parsed.package, replace: false, publish: false, actor: COMMAND_LINE });
}

const pkg = buildPackage({
  code: "tong-linh-vuc-2024",
  year: 2024,
  units: [
    { code: "a", name: "UBND xã A", points: [30, 28.5, 35] },
    { code: "b", name: "UBND xã B", points: [12.25, null, 39.5] },
    { code: "c", name: "UBND xã C", points: [25, 25, 30] },
  ],
});

async function scoreId(unit: string, criterion: string): Promise<string> {
  const score = await getPrisma().criterionScore.findFirstOrThrow({
    where: { assessment: { unit: { code: unit } }, criterion: { code: criterion } },
    select: { id: true },
  });
  return score.id;
}

describe("field totals kept by the database", () => {
  it("follow every kind of score write, whoever writes it", async () => {
    await importJson(pkg);
    await expectTotalsInStep();
    const prisma = getPrisma();

    await prisma.criterionScore.update({ where: { id: await scoreId("a", "1.2") }, data: { appraisedPoints: "17.125" } });
    await expectTotalsInStep();
    await prisma.criterionScore.update({ where: { id: await scoreId("c", "1.1") }, data: { notApplicable: true } });
    await expectTotalsInStep();
    await prisma.criterionScore.update({ where: { id: await scoreId("b", "1.2") }, data: { notApplicable: false, appraisedPoints: null } });
    await expectTotalsInStep();
    await prisma.criterionScore.updateMany({ where: { criterion: { code: "2.1" } }, data: { selfPoints: "38", selfNotApplicable: false } });
    await expectTotalsInStep();
    await prisma.criterionScore.delete({ where: { id: await scoreId("c", "2.1") } });
    await expectTotalsInStep();
    await prisma.assessment.deleteMany({ where: { unit: { code: "b" } } });
    await expectTotalsInStep();
  });

  it("follow a leaf's new max, method or place in the tree", async () => {
    await importJson(pkg);
    const prisma = getPrisma();
    await prisma.criterion.updateMany({ where: { code: "1.1" }, data: { maxPoints: "31" } });
    await expectTotalsInStep();
    await prisma.criterion.updateMany({ where: { code: "1.2" }, data: { method: "survey" } });
    await expectTotalsInStep();
    const fieldTwo = await prisma.criterion.findFirstOrThrow({ where: { code: "2" }, select: { id: true } });
    await prisma.criterion.updateMany({ where: { code: "1.2" }, data: { parentId: fieldTwo.id } });
    await expectTotalsInStep();
  });

  it("give the ranking of the leaves: a corrected score moves the unit in the next publication", async () => {
    await importJson(pkg);
    const prisma = getPrisma();
    // B: 12.25 + 39.5 = 51.75 of 70 applicable = 73.9285…; C: 80. A correction lifts B above C.
    const before = await computeRankings(pkg.period.code, "xa");
    expect(before.rows.map((row) => [row.unit.code, row.rank, row.index])).toEqual([
      ["a", 1, 93.5],
      ["c", 2, 80],
      ["b", 3, 73.9286],
    ]);
    await prisma.criterionScore.update({ where: { id: await scoreId("b", "1.1") }, data: { appraisedPoints: "29.5" } });
    const after = await computeRankings(pkg.period.code, "xa");
    expect(after.rows.map((row) => [row.unit.code, row.rank, row.total, row.applicableMax, row.index])).toEqual([
      ["b", 1, 69, 70, 98.5714],
      ["a", 2, 93.5, 100, 93.5],
      ["c", 3, 80, 100, 80],
    ]);
    await prisma.period.update({ where: { code: pkg.period.code }, data: { status: "approved" } });
    await publishPeriod({ periodCode: pkg.period.code, actor: COMMAND_LINE });
    const published = await prisma.publishedResult.findMany({
      where: { publication: { period: { code: pkg.period.code } } },
      orderBy: { rank: "asc" },
      select: { unitCode: true, rank: true, total: true, fields: true },
    });
    expect(published.map((row) => [row.unitCode, row.rank, row.total.toString()])).toEqual([
      ["b", 1, "69"],
      ["a", 2, "93.5"],
      ["c", 3, "80"],
    ]);
    // The publication lists its fields once; each row its points and applicable max per field.
    const publication = await prisma.publication.findFirstOrThrow({ where: { period: { code: pkg.period.code } }, select: { fields: true } });
    expect(publication.fields).toEqual([
      { code: "1", name: "Công tác chỉ đạo, điều hành", maxPoints: "60" },
      { code: "2", name: "Tác động của CCHC", maxPoints: "40" },
    ]);
    expect(published.map((row) => row.fields)).toEqual([
      [["29.5", "30"], ["39.5", "40"]],
      [["58.5", "60"], ["35", "40"]],
      [["50", "60"], ["30", "40"]],
    ]);
  });

  it("count leaves without a score row as applicable and unscored, a whole field without rows included", async () => {
    await importJson(pkg);
    const prisma = getPrisma();
    // C loses its only survey row (field 2 has no row left); A loses one of two rows of field 1.
    await prisma.criterionScore.delete({ where: { id: await scoreId("c", "2.1") } });
    await prisma.criterionScore.delete({ where: { id: await scoreId("a", "1.2") } });
    const rankings = await computeRankings(pkg.period.code, "xa");
    // B 51.75 of 70 = 73.93; A 65 of 100 (1.2 counts as applicable, 0 points); C 50 of 100.
    expect(rankings.rows.map((row) => [row.unit.code, row.rank, row.total, row.applicableMax, row.fields.map((field) => field.points)])).toEqual([
      ["b", 1, 51.75, 70, [12.25, 39.5]],
      ["a", 2, 65, 100, [30, 35]],
      ["c", 3, 50, 100, [50, 0]],
    ]);
    await prisma.period.update({ where: { code: pkg.period.code }, data: { status: "approved" } });
    await expect(publishPeriod({ periodCode: pkg.period.code, actor: COMMAND_LINE })).rejects.toMatchObject({ code: "unscored" });
  });

  it("follow a leaf that is given children (it is no longer scored) and loses them again", async () => {
    await importJson(pkg);
    const prisma = getPrisma();
    const leaf = await prisma.criterion.findFirstOrThrow({ where: { code: "1.1" }, select: { id: true, criteriaSetId: true } });
    const child = await prisma.criterion.create({
      data: { criteriaSetId: leaf.criteriaSetId, parentId: leaf.id, code: "1.1.1", name: "Tiêu chí con", maxPoints: "30", depth: 2, order: 1 },
    });
    await expectTotalsInStep();
    await prisma.criterion.delete({ where: { id: child.id } });
    await expectTotalsInStep();
  });

  it("go with the scores when the scores are truncated", async () => {
    await importJson(pkg);
    await getPrisma().$executeRawUnsafe(`truncate "CriterionScore" cascade`);
    expect(await getPrisma().assessmentFieldTotal.count()).toBe(0);
    await expect(computeRankings(pkg.period.code, "xa")).resolves.toMatchObject({ rows: expect.any(Array) });
    await getPrisma().period.update({ where: { code: pkg.period.code }, data: { status: "approved" } });
    await expect(publishPeriod({ periodCode: pkg.period.code, actor: COMMAND_LINE })).rejects.toMatchObject({ code: "unscored" });
  });

  it("stay whole when two writers change different leaves of one unit at the same time", async () => {
    await importJson(pkg);
    const [first, second] = [new pg.Client({ connectionString: database.url() }), new pg.Client({ connectionString: database.url() })];
    await Promise.all([first.connect(), second.connect()]);
    try {
      const [leaf11, leaf21] = await Promise.all([scoreId("a", "1.1"), scoreId("a", "2.1")]);
      await first.query("begin");
      await second.query("begin");
      await first.query(`update "CriterionScore" set "appraisedPoints" = 29 where id = $1`, [leaf11]);
      // The second writer waits for the first instead of colliding with its rows.
      const waiting = second.query(`update "CriterionScore" set "appraisedPoints" = 36 where id = $1`, [leaf21]);
      await first.query("commit");
      await waiting;
      await second.query("commit");
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
    await expectTotalsInStep();
    const rankings = await computeRankings(pkg.period.code, "xa");
    expect(rankings.rows.find((row) => row.unit.code === "a")).toMatchObject({ total: 93.5 + (29 - 30) + (36 - 35) });
  });
});
