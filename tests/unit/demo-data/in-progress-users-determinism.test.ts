import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { buildDemoInProgressPeriod, buildDemoPackages } from "@/scripts/demo-data/build-demo-packages";
import { DEMO_PASSWORD, demoUsers } from "@/scripts/demo-data/demo-users";
import { hashSeed, mulberry32 } from "@/scripts/demo-data/prng";
import { leavesOf } from "./exact-results";

describe("demo data determinism", () => {
  it("builds deep-equal packages and in-progress period on every call", () => {
    expect(buildDemoPackages()).toEqual(buildDemoPackages());
    expect(JSON.stringify(buildDemoPackages())).toBe(JSON.stringify(buildDemoPackages()));
    expect(buildDemoInProgressPeriod()).toEqual(buildDemoInProgressPeriod());
  });

  it("uses a seeded mulberry32 generator", () => {
    const a = mulberry32(hashSeed("x"));
    const b = mulberry32(hashSeed("x"));
    const seqA = [a(), a(), a()];
    expect(seqA).toEqual([b(), b(), b()]);
    expect(seqA.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(mulberry32(1)()).not.toBe(mulberry32(2)());
  });
});

describe("in-progress 2025 departments period", () => {
  const period = buildDemoInProgressPeriod();
  const packages = buildDemoPackages();
  const p2024 = packages.find((p) => p.period.code === "son-la-so-2024");
  if (!p2024) throw new Error("no 2024 package");
  const leaves = new Map(leavesOf(p2024.criteriaSet.criteria).map((l) => [l.code, l]));

  it("has the header, calendar and units of the 2025 period", () => {
    expect(period).toMatchObject({
      code: "son-la-so-2025",
      year: 2025,
      name: "Chỉ số CCHC năm 2025 các sở, ban, ngành tỉnh Sơn La (dữ liệu minh họa)",
      authority: "UBND tỉnh Sơn La",
      criteriaSetCode: "so-2022",
      previous: "son-la-so-2024",
      groups: [{ code: "so", name: "Khối sở, ban, ngành" }],
      selfAssessmentOpensAt: "2026-01-05",
      selfAssessmentDeadline: "2026-02-20",
      appraisalDeadline: "2026-04-15",
    });
    expect(period.units.map((u) => u.code)).toEqual(p2024.units.map((u) => u.code));
    expect(period.units.every((u) => u.group === "so")).toBe(true);
    expect(period.bands).toEqual(p2024.bands);
    expect(period.tieBreakers).toEqual(["appraisalPoints", "surveyPoints"]);
  });

  it("has partial self-assessments of 3–4 units, on appraisal leaves only, within bounds", () => {
    const units = new Set(period.selfScores.map((s) => s.unit));
    expect(units.size).toBeGreaterThanOrEqual(3);
    expect(units.size).toBeLessThanOrEqual(4);
    const appraisalLeafCount = [...leaves.values()].filter((l) => l.method === "appraisal").length;
    const seen = new Set<string>();
    for (const row of period.selfScores) {
      const leaf = leaves.get(row.criterion);
      expect(leaf?.method, row.criterion).toBe("appraisal");
      expect(seen.has(`${row.unit}|${row.criterion}`)).toBe(false);
      seen.add(`${row.unit}|${row.criterion}`);
      if (row.notApplicable) {
        expect(row.points).toBeUndefined();
        continue;
      }
      expect(typeof row.points).toBe("string");
      const points = new Decimal(row.points ?? "NaN");
      expect(points.toFixed()).toBe(row.points);
      expect(points.greaterThanOrEqualTo(0) && leaf !== undefined && points.lessThanOrEqualTo(leaf.max)).toBe(true);
    }
    for (const unit of units) {
      const count = period.selfScores.filter((s) => s.unit === unit).length;
      expect(count).toBeGreaterThan(0);
      expect(count).toBeLessThan(appraisalLeafCount); // partially filled
    }
    expect(period.selfScores.some((s) => s.notApplicable === true)).toBe(true);
    expect(period.selfScores.some((s) => s.note !== undefined)).toBe(true);
  });
});

describe("demo users", () => {
  it("has an admin, a council member and four officers of existing 2025 departments", () => {
    expect(DEMO_PASSWORD).toBe("demo-2025");
    const period = buildDemoInProgressPeriod();
    const p2024 = buildDemoPackages().find((p) => p.period.code === "son-la-so-2024");
    expect(demoUsers.find((u) => u.email === "admin@demo.parindex.vn")).toMatchObject({ role: "admin" });
    expect(demoUsers.find((u) => u.email === "admin@demo.parindex.vn")?.unitCode).toBeUndefined();
    expect(demoUsers.find((u) => u.email === "council@demo.parindex.vn")?.role).toBe("council");
    const officers = demoUsers.filter((u) => u.role === "unit_officer");
    expect(officers).toHaveLength(5);
    // Every unit with demo self-scores has an officer who entered them.
    for (const unit of new Set(period.selfScores.map((score) => score.unit))) {
      expect(officers.some((officer) => officer.unitCode === unit)).toBe(true);
    }
    expect(officers.map((o) => o.email)).toContain("noivu@demo.parindex.vn");
    for (const officer of officers) {
      expect(period.units.some((u) => u.code === officer.unitCode)).toBe(true);
      expect(p2024?.units.find((u) => u.code === officer.unitCode)?.name).toBe(officer.unitName);
    }
    expect(new Set(demoUsers.map((u) => u.email)).size).toBe(demoUsers.length);
  });
});
