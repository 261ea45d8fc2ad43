import { describe, expect, it } from "vitest";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { importResultsPackage } from "@/lib/services/import-results-package";
import { publishPeriod, PublishPeriodError } from "@/lib/services/publish-period";
import { computeRankings } from "@/lib/services/compute-rankings";
import { getPublishedLeagueTables } from "@/lib/data/league-tables";
import { listPublishedPeriods } from "@/lib/data/published-periods";
import { ResultsPackageConflictError } from "@/lib/data/store-results-package";
import { loadResultsPackage } from "@/lib/data/load-results-package";
import { toResultsPackageJson } from "@/lib/results-package/write-results-package";
import { getPrisma } from "@/lib/data/prisma";
import { buildPackage } from "@/tests/support/results-package-factory";
import { withTestDatabase } from "@/tests/support/test-database";
import { COMMAND_LINE } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/review/permissions";

withTestDatabase();

const year2022 = buildPackage({
  code: "thu-nghiem-2022",
  year: 2022,
  units: [
    { code: "a", name: "UBND xã A", points: [30, 28.5, 35] }, // 93.5, appraisal 58.5
    { code: "b", name: "UBND xã B", points: [30, 28, 35.5] }, // 93.5, appraisal 58: loses the tie-break
    { code: "c", name: "UBND xã C", points: [25, 25, 30] }, // 80, fully tied with D
    { code: "d", name: "UBND xã D", points: [25, 25, 30] },
    { code: "e", name: "UBND xã E", points: [20, null, 30] }, // 50 of 70 applicable = 71.428571…
  ],
});

const year2023 = buildPackage({
  code: "thu-nghiem-2023",
  year: 2023,
  previous: "thu-nghiem-2022",
  units: [
    { code: "a", name: "UBND xã A", points: [20, 20, 30] }, // 70
    { code: "b", name: "UBND xã B", points: [30, 30, 36] }, // 96
    { code: "c", name: "UBND xã C", points: [26, 25, 30] }, // 81
    { code: "f", name: "UBND xã F", predecessors: ["d", "e"], points: [28, 27, 31] }, // 86
  ],
});

async function importJson(json: unknown, options: { publish?: boolean; replace?: boolean } = {}) {
  const parsed = parseResultsPackage(JSON.stringify(json));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return importResultsPackage({ pkg: parsed.package, replace: options.replace ?? false, publish: options.publish ?? true, actor: COMMAND_LINE });
}

describe("importing and publishing results packages", () => {
  it("ranks by exact index, breaks ties by appraisal points, shares full ties as 1, 1, 3 and assigns bands", async () => {
    await importJson(year2022);
    const period = await getPublishedLeagueTables("thu-nghiem-2022");
    expect(period).not.toBeNull();
    const rows = period!.tables[0]!.rows;
    expect(rows.map((row) => [row.unitCode, row.rank])).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 3],
      ["d", 3],
      ["e", 5],
    ]);
    const e = rows.find((row) => row.unitCode === "e")!;
    expect(e.total).toBe("50");
    expect(e.applicableMax).toBe("70");
    expect(e.index).toBe("71.4286");
    expect(e.band).toBe("Khá");
    expect(rows.find((row) => row.unitCode === "a")!.band).toBe("Xuất sắc");
    expect(period!.tables[0]!.meanDisplay).toBe("83.69"); // (93.5 + 93.5 + 80 + 80 + 71.428571…) / 5
    expect(rows.every((row) => row.rankChange === null)).toBe(true);
  });

  it("gives rank change against the previous period and withholds it across a merge", async () => {
    await importJson(year2022);
    await importJson(year2023);
    const rows = (await getPublishedLeagueTables("thu-nghiem-2023"))!.tables[0]!.rows;
    const byCode = new Map(rows.map((row) => [row.unitCode, row]));
    expect(byCode.get("b")).toMatchObject({ rank: 1, previousRank: 2, rankChange: 1 });
    expect(byCode.get("f")).toMatchObject({ rank: 2, rankChange: null });
    expect(byCode.get("c")).toMatchObject({ rank: 3, previousRank: 3, rankChange: 0 });
    expect(byCode.get("a")).toMatchObject({ rank: 4, previousRank: 1, rankChange: -3 });

    const f = await getPrisma().publishedResult.findFirstOrThrow({ where: { unitCode: "f" } });
    expect(f.rankComparability).toBe("merged");
    expect(f.predecessorRanks).toEqual([
      { unitCode: "d", groupCode: "xa", rank: 3 },
      { unitCode: "e", groupCode: "xa", rank: 5 },
    ]);
    const stat = await getPrisma().publishedGroupStat.findFirstOrThrow({
      where: { publication: { period: { code: "thu-nghiem-2023" } } },
    });
    expect(stat.mean.toString()).toBe("83.25");
    expect(stat.meanChange?.toString()).toBe("-0.4357");
  });

  it("shows the index rounded once from the exact value, never from its 4-decimal rounding", async () => {
    // 30.0137 / 73.5 × 100 = 40.834965…: 4 decimals give 40.8350, which would then show as 40,84.
    const pkg = buildPackage({
      code: "lam-tron-2022",
      year: 2022,
      leafMax: [26.5, 30, 43.5],
      units: [{ code: "r", name: "UBND xã R", points: [null, "20.0137", 10] }],
    });
    pkg.criteriaSet.code = "test-set-lam-tron";
    await importJson(pkg);
    const row = (await getPublishedLeagueTables("lam-tron-2022"))!.tables[0]!.rows[0]!;
    expect(row.index).toBe("40.835");
    expect(row.indexDisplay).toBe("40.83");
  });

  it("refuses to import a period twice unless asked to replace it, and keeps the first import intact", async () => {
    await importJson(year2022);
    await expect(importJson(year2022)).rejects.toBeInstanceOf(ResultsPackageConflictError);
    expect(await getPrisma().period.count()).toBe(1);
    expect(await getPrisma().criterionScore.count()).toBe(15);

    const corrected = structuredClone(year2022);
    corrected.scores[0]!.points = 29;
    await importJson(corrected, { replace: true });
    const a = (await getPublishedLeagueTables("thu-nghiem-2022"))!.tables[0]!.rows.find((row) => row.unitCode === "a")!;
    expect(a.total).toBe("92.5");
    expect(await getPrisma().criterionScore.count()).toBe(15);
  });

  it("links a period to its previous one when the previous arrives later, and forgets lineage a replaced package drops", async () => {
    const outOfOrder = await importJson(year2023, { publish: false });
    expect(outOfOrder.warnings.map((warning) => warning.code)).toContain("unknown_previous_period");
    expect((await loadResultsPackage("thu-nghiem-2023"))!.period.previous).toBe("thu-nghiem-2022");
    await importJson(year2022);
    await publishPeriod({ periodCode: "thu-nghiem-2023", actor: COMMAND_LINE });
    const b = (await getPublishedLeagueTables("thu-nghiem-2023"))!.tables[0]!.rows.find((row) => row.unitCode === "b")!;
    expect(b.rankChange).toBe(1);

    const withoutMerge = structuredClone(year2023);
    withoutMerge.units.find((unit) => unit.code === "f")!.predecessors = ["d"];
    await importJson(withoutMerge, { replace: true });
    const lineage = await getPrisma().unitLineage.findMany({ select: { predecessor: { select: { code: true } }, successor: { select: { code: true } } } });
    expect(lineage).toEqual([{ predecessor: { code: "d" }, successor: { code: "f" } }]);
  });

  it("refuses a different criteria tree under an existing set code and imports nothing", async () => {
    await importJson(year2022);
    const other = buildPackage({ code: "khac-2022", year: 2022, units: [{ code: "z", name: "UBND xã Z", points: [1, 1, 1] }] });
    other.criteriaSet.criteria[0]!.children![0]!.name = "Tên khác";
    await expect(importJson(other)).rejects.toThrow(/different criteria tree/);
    expect(await getPrisma().period.count()).toBe(1);
    expect(await getPrisma().unit.count({ where: { code: "z" } })).toBe(0);
  });

  it("keeps earlier publications as errata history and needs a reason to correct", async () => {
    await importJson(year2022);
    await expect(publishPeriod({ periodCode: "thu-nghiem-2022", actor: COMMAND_LINE })).rejects.toBeInstanceOf(PublishPeriodError);
    const erratum = await publishPeriod({ periodCode: "thu-nghiem-2022", actor: COMMAND_LINE, reason: "Đính chính điểm xã A" });
    expect(erratum.version).toBe(2);
    const publications = await getPrisma().publication.findMany({ orderBy: { version: "asc" }, select: { version: true, reason: true } });
    expect(publications).toEqual([
      { version: 1, reason: null },
      { version: 2, reason: "Đính chính điểm xã A" },
    ]);
    expect(await getPrisma().auditLog.count({ where: { action: "period.erratum" } })).toBe(1);
  });

  it("lets only home affairs (or the command line) import and publish", async () => {
    const council = { userId: "hd", role: "council" as const, unitId: null };
    const parsed = parseResultsPackage(JSON.stringify(year2022));
    if (!parsed.ok) throw new Error("fixture");
    await expect(importResultsPackage({ pkg: parsed.package, replace: false, publish: true, actor: council })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await getPrisma().period.count()).toBe(0);
    await importJson(year2022, { publish: false });
    await expect(publishPeriod({ periodCode: "thu-nghiem-2022", actor: council })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await listPublishedPeriods()).toEqual([]);
  });

  it("computes rankings of an unpublished period in the API's shape", async () => {
    await importJson(year2022, { publish: false });
    expect(await listPublishedPeriods()).toEqual([]);
    expect(await getPublishedLeagueTables("thu-nghiem-2022")).toBeNull();
    const rankings = await computeRankings("thu-nghiem-2022", null);
    expect(rankings.period).toBe("thu-nghiem-2022");
    expect(rankings.group).toBe("xa");
    expect(rankings.rows[4]).toEqual({
      rank: 5,
      rankChange: null,
      unit: { code: "e", name: "UBND xã E" },
      total: 50,
      applicableMax: 70,
      index: 71.4286,
      band: "Khá",
      fields: [
        { code: "1", name: "Công tác chỉ đạo, điều hành", points: 20, maxPoints: 60 },
        { code: "2", name: "Tác động của CCHC", points: 30, maxPoints: 40 },
      ],
    });
  });

  it("exports the same package it imported", async () => {
    await importJson(year2022);
    const exported = toResultsPackageJson((await loadResultsPackage("thu-nghiem-2022"))!);
    const reparsed = parseResultsPackage(JSON.stringify(exported));
    const original = parseResultsPackage(JSON.stringify(year2022));
    expect(reparsed.ok && original.ok).toBe(true);
    if (reparsed.ok && original.ok) expect(reparsed.package).toEqual(original.package);
  });
});
