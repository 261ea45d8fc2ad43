import { describe, expect, it } from "vitest";
import { buildDemoPackages, DEMO_DELIBERATE_CASES } from "@/scripts/demo-data/build-demo-packages";
import type { ResultsPackageJson } from "@/scripts/demo-data/results-package-json";
import { compareIndex, displayedIndex, rank, unitResults, type RankedRow } from "./exact-results";

const packages = buildDemoPackages();

function pkg(code: string): ResultsPackageJson {
  const found = packages.find((p) => p.period.code === code);
  if (!found) throw new Error(`no package ${code}`);
  return found;
}

function rowOf(rows: RankedRow[], unit: string): RankedRow {
  const row = rows.find((r) => r.unit === unit);
  if (!row) throw new Error(`no unit ${unit}`);
  return row;
}

describe("deliberate demo cases", () => {
  it("(a) an exact index tie at full precision, resolved by appraisal points", () => {
    const { period, units } = DEMO_DELIBERATE_CASES.exactTieBrokenByAppraisal;
    const rows = rank(unitResults(pkg(period)));
    const [higher, lower] = units.map((u) => rowOf(rows, u));
    if (!higher || !lower) throw new Error("missing units");
    expect(compareIndex(higher, lower)).toBe(0);
    expect(higher.total.equals(lower.total)).toBe(true);
    expect(higher.appraisal.greaterThan(lower.appraisal)).toBe(true);
    expect(higher.survey.lessThan(lower.survey)).toBe(true);
    expect(lower.rank).toBe(higher.rank + 1);
    // Nobody else shares that index.
    expect(rows.filter((r) => compareIndex(r, higher) === 0)).toHaveLength(2);
  });

  it("(b) two indices that display alike at 2 decimals but differ beyond, ranked consecutively", () => {
    const { period, units } = DEMO_DELIBERATE_CASES.sameAtTwoDecimals;
    const rows = rank(unitResults(pkg(period)));
    const [higher, lower] = units.map((u) => rowOf(rows, u));
    if (!higher || !lower) throw new Error("missing units");
    expect(displayedIndex(higher)).toBe("85.86");
    expect(displayedIndex(lower)).toBe("85.86");
    expect(compareIndex(higher, lower)).toBe(1);
    expect(lower.rank).toBe(higher.rank + 1);
    expect(rows.filter((r) => displayedIndex(r) === "85.86").map((r) => r.unit).sort()).toEqual([...units].sort());
  });

  it("(c) a full tie (index, appraisal and survey points) sharing rank 4, the next unit 6th", () => {
    const { period, units, rank: sharedRank } = DEMO_DELIBERATE_CASES.sharedRank;
    const rows = rank(unitResults(pkg(period)));
    const [a, b] = units.map((u) => rowOf(rows, u));
    if (!a || !b) throw new Error("missing units");
    expect(compareIndex(a, b)).toBe(0);
    expect(a.appraisal.equals(b.appraisal)).toBe(true);
    expect(a.survey.equals(b.survey)).toBe(true);
    expect(a.rank).toBe(sharedRank);
    expect(b.rank).toBe(sharedRank);
    expect(rows.map((r) => r.rank).slice(0, 6)).toEqual([1, 2, 3, 4, 4, 6]);
    // The two communes reached the same sums through different leaf scores.
    const leafPoints = (unit: string) =>
      pkg(period).scores.filter((s) => s.unit === unit).map((s) => s.points);
    expect(leafPoints(a.unit)).not.toEqual(leafPoints(b.unit));
  });

  it("(d) not-applicable leaves: no points, a reason, and an index different from the total", () => {
    const { periods, units } = DEMO_DELIBERATE_CASES.notApplicable;
    let seen = 0;
    for (const period of periods) {
      const p = pkg(period);
      for (const result of unitResults(p)) {
        const naRows = p.scores.filter((s) => s.unit === result.unit && s.notApplicable === true);
        if (naRows.length === 0) {
          expect(result.applicableMax.toFixed()).toBe("100");
          continue;
        }
        seen++;
        expect(units).toContain(result.unit);
        for (const row of naRows) {
          expect(row.points).toBeUndefined();
          expect(row.reason).toMatch(/^Không /);
        }
        expect(result.applicableMax.lessThan(100)).toBe(true);
        // index = total / applicableMax × 100 ≠ total, and not a 2-decimal number.
        expect(result.total.times(100).equals(result.total.times(result.applicableMax))).toBe(false);
        expect(result.total.times(100).dividedBy(result.applicableMax).decimalPlaces()).toBeGreaterThan(2);
      }
    }
    expect(seen).toBeGreaterThanOrEqual(7);
    expect(pkg("son-la-so-2023").scores.some((s) => s.unit === "ban-dan-toc" && s.criterion === "2.1.1" && s.notApplicable)).toBe(true);
  });

  it("(e) the 2024 commune merge: a new unit listing its two predecessors, which are gone", () => {
    const { period, unit, predecessors } = DEMO_DELIBERATE_CASES.merge;
    const p = pkg(period);
    const merged = p.units.find((u) => u.code === unit);
    expect(merged?.predecessors).toEqual(predecessors);
    expect(merged?.name).toMatch(/^UBND xã /);
    for (const old of predecessors) {
      expect(p.units.some((u) => u.code === old)).toBe(false);
      expect(pkg("mai-son-xa-2023").units.some((u) => u.code === old)).toBe(true);
    }
    expect(pkg("mai-son-xa-2023").units.some((u) => u.code === unit)).toBe(false);
    expect(p.units).toHaveLength(14);
    expect(p.units.filter((u) => u.predecessors !== undefined)).toHaveLength(1);
  });
});
