import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { getPrisma } from "@/lib/data/prisma";
import { buildPackage } from "@/tests/support/results-package-factory";
import { withTestDatabase } from "@/tests/support/test-database";

const database = withTestDatabase({ reset: "once" });
const root = path.resolve(import.meta.dirname, "..", "..");
const dir = mkdtempSync(path.join(os.tmpdir(), "par-cli-"));

function cliRaw(args: string[]) {
  return spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/cli.ts", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: database.url() },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
}

function cli(...args: string[]) {
  const result = cliRaw(args);
  return { status: result.status, stdout: result.stdout.toString("utf8"), stderr: result.stderr.toString("utf8") };
}

function file(name: string, content: unknown): string {
  const target = path.join(dir, name);
  writeFileSync(target, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return target;
}

const years = [
  buildPackage({
    code: "cli-2022",
    year: 2022,
    units: [
      { code: "a", name: "UBND xã A", points: [30, 28.5, 35] },
      { code: "b", name: "UBND xã B", points: [30, 28, 35.5] },
      { code: "c", name: "UBND xã C", points: [25, 25, 30] },
      { code: "d", name: "UBND xã D", points: [25, 25, 30] },
    ],
  }),
  buildPackage({
    code: "cli-2023",
    year: 2023,
    previous: "cli-2022",
    units: [
      { code: "a", name: "UBND xã A", points: [20, 20, 30] },
      { code: "b", name: "UBND xã B", points: [30, 30, 36] },
      { code: "c", name: "UBND xã C", points: [26, "25,5", 30] },
      { code: "d", name: "UBND xã D", points: [10, 10, 10] },
    ],
  }),
  buildPackage({
    code: "cli-2024",
    year: 2024,
    previous: "cli-2023",
    units: [
      { code: "b", name: "UBND xã B", points: [30, 30, 36] },
      { code: "c", name: "UBND xã C", points: [26, 25.5, 30] },
      { code: "ad", name: "UBND xã A-D", predecessors: ["a", "d"], points: [29, 29, 39] },
    ],
  }),
];

describe("npm run cli -- import / rankings / export", () => {
  it("imports three years in order and gives ranks, ties, bands and rank change", () => {
    for (const [position, pkg] of years.entries()) {
      const result = cli("import", file(`year-${position}.json`, pkg), "--publish");
      expect(result.stderr).toContain(`${pkg.period.code}`);
      expect(result.status).toBe(0);
    }

    const y2022 = JSON.parse(cli("rankings", "cli-2022").stdout);
    expect(y2022.rows.map((row: { unit: { code: string }; rank: number }) => [row.unit.code, row.rank])).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 3],
      ["d", 3],
    ]);
    expect(y2022.rows[0]).toMatchObject({ total: 93.5, index: 93.5, band: "Xuất sắc", rankChange: null });

    const y2023 = JSON.parse(cli("rankings", "cli-2023", "--group", "xa").stdout);
    expect(y2023.rows.map((row: { unit: { code: string }; rank: number; rankChange: number | null; band: string }) => [row.unit.code, row.rank, row.rankChange, row.band])).toEqual([
      ["b", 1, 1, "Xuất sắc"],
      ["c", 2, 1, "Tốt"],
      ["a", 3, -2, "Khá"],
      ["d", 4, -1, "Yếu"],
    ]);
    expect(y2023.rows[1].total).toBe(81.5);

    const y2024 = JSON.parse(cli("rankings", "cli-2024").stdout);
    const merged = y2024.rows.find((row: { unit: { code: string } }) => row.unit.code === "ad");
    expect(merged).toMatchObject({ rank: 1, rankChange: null, total: 97 });
    expect(y2024.rows.find((row: { unit: { code: string } }) => row.unit.code === "b")).toMatchObject({ rank: 2, rankChange: -1 });
  });

  it("exports a package that imports back to the same data", () => {
    const exported = cli("export", "cli-2024");
    expect(exported.status).toBe(0);
    const json = JSON.parse(exported.stdout);
    expect(json.format).toBe("par-index.results/1");
    expect(json.period).toMatchObject({ code: "cli-2024", previous: "cli-2023" });
    expect(json.units.find((unit: { code: string }) => unit.code === "ad").predecessors).toEqual(["a", "d"]);
    expect(json.scores.find((score: { unit: string; criterion: string }) => score.unit === "c" && score.criterion === "1.2").points).toBe(25.5);
    const again = cli("import", file("reimport.json", exported.stdout), "--replace", "--publish");
    expect(again.status).toBe(0);
    expect(JSON.parse(cli("export", "cli-2024").stdout)).toEqual(json);
  });

  it("rejects a bad file with every problem named, in Vietnamese and English, and changes nothing", async () => {
    const before = await getPrisma().criterionScore.count();
    const bad = structuredClone(years[0]!);
    bad.period.code = "cli-bad-2022";
    bad.scores[0]!.points = 31; // above the leaf's 30
    bad.scores[1]!.points = "1.234,5";
    bad.scores.push({ unit: "zz", criterion: "1.1", points: 1 });
    const result = cli("import", file("bad.json", bad));
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/scores\[0\]\.points \(dòng\/row 1\): Điểm 31 vượt quá điểm tối đa 30/);
    expect(result.stderr).toMatch(/Points 31 exceed the maximum 30/);
    expect(result.stderr).toMatch(/scores\[1\]\.points \(dòng\/row 2\).*1\.234,5/);
    expect(result.stderr).toContain("zz");
    expect(result.stderr).toMatch(/không có gì được nhập|Nothing was imported|nothing imported/i);
    expect(await getPrisma().criterionScore.count()).toBe(before);
    expect(await getPrisma().period.count({ where: { code: "cli-bad-2022" } })).toBe(0);

    const truncated = cli("import", file("truncated.json", JSON.stringify(years[0]).slice(0, 500)));
    expect(truncated.status).not.toBe(0);
    expect(await getPrisma().period.count({ where: { code: "cli-bad-2022" } })).toBe(0);

    const again = cli("import", file("again.json", years[0]));
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain("--replace");
  });

  it("imports the documented XLSX sample and moves a period through XLSX and CSV", () => {
    const sample = cli("import", path.join(root, "docs", "results-package", "sample.xlsx"), "--publish");
    expect(sample.stderr).toMatch(/Đã nhập|Imported/);
    expect(sample.status).toBe(0);

    const xlsx = cliRaw(["export", "cli-2023", "--format", "xlsx"]);
    expect(xlsx.status).toBe(0);
    expect(xlsx.stdout.subarray(0, 2).toString("latin1")).toBe("PK");
    const before = cli("export", "cli-2023").stdout;
    writeFileSync(path.join(dir, "cli-2023.xlsx"), xlsx.stdout);
    expect(cli("import", path.join(dir, "cli-2023.xlsx"), "--replace", "--publish").status).toBe(0);
    expect(JSON.parse(cli("export", "cli-2023").stdout)).toEqual(JSON.parse(before));

    const csv = cli("export", "cli-2023", "--format", "csv");
    expect(csv.status).toBe(0);
    expect(csv.stdout.startsWith("\uFEFF")).toBe(true);
    expect(csv.stdout).toContain("UBND xã C");
    expect(csv.stdout.split("\r\n").filter(Boolean)).toHaveLength(1 + 4 * 3);
  });

  it("names an unknown period", () => {
    const unknown = cli("rankings", "khong-co");
    expect(unknown.status).not.toBe(0);
    expect(unknown.stderr).toContain("khong-co");
  });
});
