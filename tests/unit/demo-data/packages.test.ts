import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { buildDemoPackages } from "@/scripts/demo-data/build-demo-packages";
import type { ResultsPackageJson } from "@/scripts/demo-data/results-package-json";
import { D, displayedIndex, leavesOf, meanIndex, rank, unitResults } from "./exact-results";

const packages = buildDemoPackages();
const byCode = new Map(packages.map((p) => [p.period.code, p]));

function pkg(code: string): ResultsPackageJson {
  const found = byCode.get(code);
  if (!found) throw new Error(`no package ${code}`);
  return found;
}

const groupOf = (p: ResultsPackageJson) => p.groups[0]?.code;

describe("demo packages: shape", () => {
  it("are nine periods, chronological; departments, districts, communes within a year", () => {
    expect(packages.map((p) => p.period.code)).toEqual([
      "son-la-so-2022", "son-la-huyen-2022", "mai-son-xa-2022",
      "son-la-so-2023", "son-la-huyen-2023", "mai-son-xa-2023",
      "son-la-so-2024", "son-la-huyen-2024", "mai-son-xa-2024",
    ]);
    expect(packages.map((p) => p.period.year)).toEqual([2022, 2022, 2022, 2023, 2023, 2023, 2024, 2024, 2024]);
  });

  it.each(packages.map((p) => [p.period.code, p] as const))("%s: period header, groups, bands, tie-breakers", (code, p) => {
    expect(p.format).toBe("par-index.results/1");
    expect(p.period.name.endsWith(" (dữ liệu minh họa)")).toBe(true);
    expect(p.period.name).toContain(String(p.period.year));
    expect(p.period.authority).toBe(code.startsWith("mai-son") ? "UBND huyện Mai Sơn" : "UBND tỉnh Sơn La");
    const prefix = code.replace(/-\d{4}$/, "");
    if (p.period.year === 2022) expect(p.period.previous).toBeUndefined();
    else expect(p.period.previous).toBe(`${prefix}-${p.period.year - 1}`);
    const decision = p.period.decision;
    expect(decision?.number).toMatch(/^\d+\/QĐ-UBND$/);
    expect(decision?.date).toMatch(new RegExp(`^${p.period.year + 1}-0[1-3]-(0[1-9]|[12]\\d|3[01])$`));
    expect(p.groups).toHaveLength(1);
    expect(p.bands).toEqual([
      { label: "Xuất sắc", minIndex: 90 },
      { label: "Tốt", minIndex: 80 },
      { label: "Khá", minIndex: 70 },
      { label: "Trung bình", minIndex: 50 },
      { label: "Yếu", minIndex: 0 },
    ]);
    expect(p.tieBreakers).toEqual(["appraisalPoints", "surveyPoints"]);
    expect(p.units.every((u) => u.group === groupOf(p))).toBe(true);
    expect(new Set(p.units.map((u) => u.code)).size).toBe(p.units.length);
  });

  it("has the expected groups and unit counts", () => {
    for (const year of [2022, 2023, 2024]) {
      expect(pkg(`son-la-so-${year}`).groups).toEqual([{ code: "so", name: "Khối sở, ban, ngành" }]);
      expect(pkg(`son-la-huyen-${year}`).groups).toEqual([{ code: "huyen", name: "Khối huyện, thành phố" }]);
      expect(pkg(`mai-son-xa-${year}`).groups).toEqual([{ code: "xa", name: "Khối xã, thị trấn" }]);
      expect(pkg(`son-la-so-${year}`).units).toHaveLength(18);
      expect(pkg(`son-la-huyen-${year}`).units).toHaveLength(12);
      expect(pkg(`mai-son-xa-${year}`).units).toHaveLength(year === 2024 ? 14 : 15);
    }
    expect(pkg("son-la-so-2022").units.map((u) => u.name)).toContain("Sở Nội vụ");
    expect(pkg("son-la-huyen-2022").units.map((u) => u.name)).toContain("UBND thành phố Sơn La");
    expect(pkg("mai-son-xa-2022").units.map((u) => u.name)).toContain("UBND thị trấn Hát Lót");
  });

  it("keeps one name per unit code across all packages, and unit codes unique across groups", () => {
    const names = new Map<string, string>();
    const groups = new Map<string, string>();
    for (const p of packages) {
      for (const u of p.units) {
        expect(names.get(u.code) ?? u.name).toBe(u.name);
        expect(groups.get(u.code) ?? u.group).toBe(u.group);
        names.set(u.code, u.name);
        groups.set(u.code, u.group);
      }
    }
  });
});

describe("demo packages: scores", () => {
  it.each(packages.map((p) => [p.period.code, p] as const))("%s: exactly one row per unit and leaf; points within bounds", (_code, p) => {
    const leaves = leavesOf(p.criteriaSet.criteria);
    const leafByCode = new Map(leaves.map((l) => [l.code, l]));
    const unitCodes = new Set(p.units.map((u) => u.code));
    expect(p.scores).toHaveLength(p.units.length * leaves.length);
    const seen = new Set<string>();
    for (const row of p.scores) {
      expect(unitCodes.has(row.unit)).toBe(true);
      const leaf = leafByCode.get(row.criterion);
      expect(leaf, row.criterion).toBeDefined();
      if (!leaf) continue;
      const key = `${row.unit}|${row.criterion}`;
      expect(seen.has(key), key).toBe(false);
      seen.add(key);
      if (row.notApplicable) {
        expect(row.points).toBeUndefined();
        expect(row.selfPoints).toBeUndefined();
        expect(row.reason?.length ?? 0).toBeGreaterThan(10);
        continue;
      }
      expect(typeof row.points).toBe("number");
      const points = D(row.points ?? Number.NaN);
      expect(points.toFixed(), key).toBe(String(row.points)); // the number round-trips exactly
      expect(points.decimalPlaces()).toBeLessThanOrEqual(4);
      expect(points.isNegative() && !points.isZero()).toBe(false);
      expect(points.lessThanOrEqualTo(leaf.max), key).toBe(true);
      if (leaf.method === "survey") {
        expect(row.selfPoints).toBeUndefined();
        continue;
      }
      expect(row.selfPoints, key).toBeDefined();
      const self = D(row.selfPoints ?? Number.NaN);
      expect(self.greaterThanOrEqualTo(0) && self.lessThanOrEqualTo(leaf.max)).toBe(true);
      expect(self.decimalPlaces()).toBeLessThanOrEqual(4);
      if (!self.equals(points)) expect(row.reason?.length ?? 0, key).toBeGreaterThan(10);
      else expect(row.reason).toBeUndefined();
    }
    expect(seen.size).toBe(p.units.length * leaves.length);
  });

  it("has self-assessed points mostly at or above the appraised ones, with real adjustments", () => {
    let appraisalRows = 0;
    let selfAtLeast = 0;
    let differing = 0;
    for (const p of packages) {
      for (const row of p.scores) {
        if (row.selfPoints === undefined || row.points === undefined) continue;
        appraisalRows++;
        if (D(row.selfPoints).greaterThanOrEqualTo(D(row.points))) selfAtLeast++;
        if (!D(row.selfPoints).equals(D(row.points))) differing++;
      }
    }
    expect(selfAtLeast / appraisalRows).toBeGreaterThan(0.95);
    expect(selfAtLeast).toBeLessThan(appraisalRows); // a few raised by the council
    expect(differing).toBeGreaterThan(100);
  });

  it("uses 3-decimal points somewhere in the districts", () => {
    const threeDecimals = pkg("son-la-huyen-2023").scores.filter((r) => r.points !== undefined && D(r.points).decimalPlaces() === 3);
    expect(threeDecimals.length).toBeGreaterThan(5);
  });
});

describe("demo packages: SIPAS", () => {
  it.each(packages.map((p) => [p.period.code, p] as const))("%s: one row per unit, index = mean of five elements", (_code, p) => {
    expect(p.sipas?.map((s) => s.unit)).toEqual(p.units.map((u) => u.code));
    for (const row of p.sipas ?? []) {
      const index = D(row.index);
      expect(index.greaterThanOrEqualTo(80) && index.lessThanOrEqualTo(99.5), row.unit).toBe(true);
      expect(index.decimalPlaces()).toBeLessThanOrEqual(2);
      expect(Number.isInteger(row.responses) && row.responses >= 40 && row.responses <= 400).toBe(true);
      expect(row.elements.map((e) => e.code)).toEqual(["access", "procedures", "civil_servants", "results", "feedback"]);
      const sum = row.elements.reduce((s, e) => s.plus(D(e.index)), new Decimal(0));
      expect(sum.dividedBy(5).equals(index)).toBe(true);
      for (const e of row.elements) expect(D(e.index).greaterThanOrEqualTo(70) && D(e.index).lessThanOrEqualTo(100)).toBe(true);
    }
  });
});

describe("demo packages: believable spreads", () => {
  it("departments average 88–92, and 91,19 in 2022", () => {
    for (const year of [2022, 2023, 2024]) {
      const mean = meanIndex(unitResults(pkg(`son-la-so-${year}`)));
      expect(mean.greaterThanOrEqualTo(88) && mean.lessThanOrEqualTo(92)).toBe(true);
    }
    expect(meanIndex(unitResults(pkg("son-la-so-2022"))).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2)).toBe("91.19");
  });

  it("districts stay within 80–95", () => {
    for (const year of [2022, 2023, 2024]) {
      for (const r of unitResults(pkg(`son-la-huyen-${year}`))) {
        expect(r.total.greaterThanOrEqualTo(80) && r.total.lessThanOrEqualTo(95), r.unit).toBe(true);
      }
    }
  });

  it("communes stay within 60–92 with one or two weak ones (Trung bình) each year", () => {
    for (const year of [2022, 2023, 2024]) {
      const results = unitResults(pkg(`mai-son-xa-${year}`));
      for (const r of results) expect(r.total.greaterThanOrEqualTo(60) && r.total.lessThanOrEqualTo(92), r.unit).toBe(true);
      const weak = results.filter((r) => r.total.lessThan(70));
      expect(weak.length).toBeGreaterThanOrEqual(1);
      expect(weak.length).toBeLessThanOrEqual(2);
    }
  });

  it("ranks move moderately from year to year (positive but imperfect rank correlation)", () => {
    for (const prefix of ["son-la-so", "son-la-huyen", "mai-son-xa"]) {
      for (const year of [2023, 2024]) {
        const before = new Map(rank(unitResults(pkg(`${prefix}-${year - 1}`))).map((r) => [r.unit, r.rank]));
        const after = rank(unitResults(pkg(`${prefix}-${year}`))).filter((r) => before.has(r.unit));
        const n = after.length;
        const sumSq = after.reduce((s, r) => s + ((before.get(r.unit) ?? 0) - r.rank) ** 2, 0);
        const spearman = 1 - (6 * sumSq) / (n * (n * n - 1));
        expect(spearman, `${prefix}-${year}`).toBeGreaterThan(0.3);
        expect(spearman, `${prefix}-${year}`).toBeLessThan(0.99);
      }
    }
  });

  it("displays indices with 2 decimals in the expected bands", () => {
    const top = rank(unitResults(pkg("son-la-so-2022")))[0];
    expect(top && Number(displayedIndex(top))).toBeGreaterThanOrEqual(90);
  });
});
