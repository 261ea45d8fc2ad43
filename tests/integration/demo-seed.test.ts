import { beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "@/scripts/seed/seed-demo";
import { getPublishedLeagueTables } from "@/lib/data/league-tables";
import { listPublishedPeriods } from "@/lib/data/published-periods";
import { isDatabaseEmpty } from "@/lib/data/database-state";
import { getPrisma } from "@/lib/data/prisma";
import { formatDecimal } from "@/lib/i18n/format-decimal";
import { verifyPassword } from "@/lib/auth/password";
import { DEMO_PASSWORD } from "@/scripts/demo-data/demo-users";
import { withTestDatabase } from "@/tests/support/test-database";
import { buildDemoPackages } from "@/scripts/demo-data/build-demo-packages";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { computePeriodResults, type PeriodResults } from "@/lib/ranking/compute-period-results";
import { buildTree } from "@/lib/scoring/criteria-tree";
import { indexValue } from "@/lib/scoring/compute-unit-score";
import type Decimal from "decimal.js";

withTestDatabase({ reset: "once" });

async function rows(periodCode: string) {
  const period = await getPublishedLeagueTables(periodCode);
  if (!period) throw new Error(`${periodCode} is not published`);
  return period.tables[0]!.rows;
}

describe("the demo data, loaded through the services", () => {
  beforeAll(async () => {
    expect(await isDatabaseEmpty()).toBe(true);
    await seedDemo(() => {});
  }, 120_000);

  it("publishes three years of departments, districts and communes, labelled illustrative", async () => {
    const periods = await listPublishedPeriods();
    expect(periods.map((period) => period.code).sort()).toEqual(
      ["2022", "2023", "2024"].flatMap((year) => [`mai-son-xa-${year}`, `son-la-huyen-${year}`, `son-la-so-${year}`]).sort(),
    );
    expect(periods.every((period) => period.illustrative && period.name.includes("dữ liệu minh họa"))).toBe(true);
    expect(await rows("son-la-so-2024")).toHaveLength(18);
    expect(await rows("son-la-huyen-2024")).toHaveLength(12);
    expect(await rows("mai-son-xa-2023")).toHaveLength(15);
    expect(formatDecimal(periods.find((period) => period.code === "son-la-so-2022")!.groups[0]!.meanDisplay, "vi")).toBe("91,19");
  });

  it("publishes exactly what the leaf-by-leaf engine computes from the packages", async () => {
    // The publication sums in PostgreSQL; the reference engine rolls up every leaf in memory.
    const computed = new Map<string, PeriodResults>();
    for (const json of buildDemoPackages()) {
      const parsed = parseResultsPackage(JSON.stringify(json));
      if (!parsed.ok) throw new Error("demo package");
      const pkg = parsed.package;
      const previous = pkg.period.previous ? computed.get(pkg.period.previous) : undefined;
      const results = computePeriodResults({
        criteria: buildTree(pkg.criteriaSet.criteria.map((criterion) => ({ ...criterion }))),
        tieBreakers: pkg.tieBreakers,
        bands: pkg.bands,
        units: pkg.units.map((unit) => ({
          unitCode: unit.code,
          unitName: unit.name,
          groupCode: unit.group,
          predecessors: unit.predecessors,
          scores: new Map(
            pkg.scores.filter((score) => score.unit === unit.code).map((score) => [score.criterion, { points: score.points, notApplicable: score.notApplicable }]),
          ),
        })),
        previous: previous && {
          ranks: previous.groups.flatMap((group) => group.rows.map((row) => ({ unitCode: row.unitCode, groupCode: group.groupCode, rank: row.rank }))),
          groupMeans: new Map<string, Decimal>(previous.groups.map((group) => [group.groupCode, group.stats.mean.rounded4])),
        },
      });
      computed.set(pkg.period.code, results);
      const published = await rows(pkg.period.code);
      const expected = results.groups[0]!.rows;
      expect(published.map((row) => [row.unitCode, row.rank, row.rankChange, row.total, row.applicableMax, row.index, row.band])).toEqual(
        expected.map((row) => [
          row.unitCode,
          row.rank,
          row.rankChange,
          row.total.toString(),
          row.applicableMax.toString(),
          row.indexRounded4.toString(),
          row.band,
        ]),
      );
      expect(published.map((row) => row.indexDisplay)).toEqual(expected.map((row) => indexValue(row.index, 2).toFixed(2)));
    }
  });

  it("ranks two districts shown as 85,86 apart by finer precision", async () => {
    const districts = await rows("son-la-huyen-2023");
    const maiSon = districts.find((row) => row.unitCode === "huyen-mai-son")!;
    const mocChau = districts.find((row) => row.unitCode === "huyen-moc-chau")!;
    expect(formatDecimal(maiSon.indexDisplay, "vi")).toBe("85,86");
    expect(formatDecimal(mocChau.indexDisplay, "vi")).toBe("85,86");
    expect(mocChau.rank).toBe(maiSon.rank + 1);
  });

  it("breaks an exact tie by appraisal points and shares a full tie", async () => {
    const departments = await rows("son-la-so-2023");
    const xayDung = departments.find((row) => row.unitCode === "so-xay-dung")!;
    const giaoThong = departments.find((row) => row.unitCode === "so-giao-thong-van-tai")!;
    expect(xayDung.index).toBe(giaoThong.index);
    expect(giaoThong.rank).toBe(xayDung.rank + 1);

    const communes = await rows("mai-son-xa-2023");
    const mung = communes.find((row) => row.unitCode === "xa-chieng-mung")!;
    const ban = communes.find((row) => row.unitCode === "xa-chieng-ban")!;
    expect(mung.rank).toBe(ban.rank);
    expect(communes.filter((row) => row.rank === mung.rank + 1)).toEqual([]);
  });

  it("withholds rank change for the merged commune and reports its predecessors' ranks", async () => {
    const merged = await getPrisma().publishedResult.findFirstOrThrow({
      where: { unitCode: "xa-chieng-dong-kheo", publication: { period: { code: "mai-son-xa-2024" } } },
    });
    expect(merged.rankChange).toBeNull();
    expect(merged.rankComparability).toBe("merged");
    expect((merged.predecessorRanks as { unitCode: string }[]).map((rank) => rank.unitCode).sort()).toEqual([
      "xa-chieng-dong",
      "xa-chieng-kheo",
    ]);
    const others = (await rows("mai-son-xa-2024")).filter((row) => row.unitCode !== "xa-chieng-dong-kheo");
    expect(others.every((row) => row.rankChange !== null)).toBe(true);
  });

  it("rescales the index of a unit with not-applicable criteria", async () => {
    const banDanToc = (await rows("son-la-so-2022")).find((row) => row.unitCode === "ban-dan-toc")!;
    expect(banDanToc.applicableMax).not.toBe("100");
    expect(banDanToc.index).not.toBe(banDanToc.total);
  });

  it("opens the 2025 period for self-assessment with officers' first points and hashed passwords", async () => {
    const period = await getPrisma().period.findUniqueOrThrow({
      where: { code: "son-la-so-2025" },
      select: { status: true, currentPublicationId: true, assessments: { select: { status: true, scores: { select: { selfPoints: true, appraisedPoints: true } } } } },
    });
    expect(period.status).toBe("self_assessment");
    expect(period.currentPublicationId).toBeNull();
    expect(period.assessments).toHaveLength(18);
    const started = period.assessments.filter((assessment) => assessment.status === "in_progress");
    expect(started.length).toBeGreaterThanOrEqual(4);
    expect(started.flatMap((assessment) => assessment.scores).every((score) => score.appraisedPoints === null)).toBe(true);

    const admin = await getPrisma().user.findUniqueOrThrow({ where: { email: "admin@demo.parindex.vn" } });
    expect(admin.passwordHash).not.toContain(DEMO_PASSWORD);
    expect(await verifyPassword(admin.passwordHash, DEMO_PASSWORD)).toBe(true);
    expect(await verifyPassword(admin.passwordHash, "wrong")).toBe(false);
  });
});
