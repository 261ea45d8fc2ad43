import { spawnSync } from "node:child_process";
import path from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { importResultsPackage } from "@/lib/services/import-results-package";
import { publishPeriod } from "@/lib/services/publish-period";
import { COMMAND_LINE } from "@/lib/auth/actor";
import { disconnectPrisma } from "@/lib/data/prisma";
import { logger } from "@/lib/observability/logger";
import { buildPackage } from "@/tests/support/results-package-factory";
import { withTestDatabase } from "@/tests/support/test-database";
import { GET as getPeriods, OPTIONS as optionsPeriods } from "@/app/api/v1/periods/route";
import { GET as getRankings } from "@/app/api/v1/periods/[period]/rankings/route";
import { GET as getRankingsCsv } from "@/app/api/v1/periods/[period]/rankings.csv/route";
import { GET as getRankingsXlsx, OPTIONS as optionsRankingsXlsx } from "@/app/api/v1/periods/[period]/rankings.xlsx/route";
import { GET as getUnit } from "@/app/api/v1/units/[unit]/route";
import { GET as getUnknownRoute } from "@/app/api/v1/[...path]/route";

// Read-only tests over one data set, built once; the only test that publishes again uses a
// period no other test reads.
const database = withTestDatabase({ reset: "once" });
const root = path.resolve(import.meta.dirname, "..", "..");

const year2022 = buildPackage({
  code: "api-2022",
  year: 2022,
  units: [
    { code: "a", name: "UBND xã Tiên Châu", points: [30, 28.5, 35] }, // 93.5; wins the tie-break on appraisal points
    { code: "b", name: "UBND xã Tiên Hà", points: [30, 28, 35.5] }, // 93.5
    { code: "c", name: "UBND xã Tiên Cảnh, huyện Tiên Phước", points: [25, 25, 30] }, // 80, fully tied with d
    { code: "d", name: "UBND xã Tiên Lộc", points: [25, 25, 30] },
    { code: "e", name: "UBND xã Tiên Sơn", points: [20, null, 30] }, // 50 of 70 = 71.428571…
  ],
});

const year2023 = buildPackage({
  code: "api-2023",
  year: 2023,
  previous: "api-2022",
  units: [
    { code: "a", name: "UBND xã Tiên Châu", points: [20, 20, 30] }, // 70: 1st → 4th
    { code: "b", name: "UBND xã Tiên Hà", points: [30, 30, 36] }, // 96: 2nd → 1st
    { code: "c", name: "UBND xã Tiên Cảnh, huyện Tiên Phước", points: [26, 25, 30] }, // 81: 3rd → 3rd
    { code: "f", name: "UBND xã Tiên Phong", predecessors: ["d", "e"], points: [28, 27, 31] }, // 86, merged
  ],
});

// Two groups, listed xa first: the configured order, not the alphabetical one.
const twoGroups = buildPackage({
  code: "hai-khoi-2023",
  year: 2023,
  units: [
    { code: "x1", name: "UBND xã Một", points: [10, 10, 10] },
    { code: "p1", name: "UBND phường Một", points: [20, 20, 20] },
    { code: "p2", name: "UBND phường Hai", points: [30, 30, 30] },
  ],
});
twoGroups.groups.push({ code: "phuong", name: "Khối phường" });
for (const unit of twoGroups.units) if (unit.code.startsWith("p")) unit.group = "phuong";

// 68.0002 of 80 = 85.00025 exactly: half-up gives 85.0003, while binary floating point
// (85.00024999…) or half-even would give 85.0002.
const rounding = buildPackage({
  code: "lam-tron-2022",
  year: 2022,
  leafMax: [40, 20, 40],
  units: [{ code: "r", name: "UBND xã Rạng Đông", points: [40, null, "28.0002"] }],
});
rounding.criteriaSet.code = "test-set-lam-tron";

// Imported but never published: none of it may show, not even through units it touches.
const draft2024 = buildPackage({
  code: "api-2024",
  year: 2024,
  previous: "api-2023",
  units: [
    { code: "bc", name: "UBND xã Tiên Hà Cảnh", predecessors: ["b", "c"], points: [30, 30, 40] },
    { code: "a", name: "UBND xã Tiên Châu", points: [30, 30, 40] },
    { code: "p1", name: "UBND phường Một Mới", points: [30, 30, 40] },
  ],
});
draft2024.groups[0]!.name = "Khối xã (tên chưa công bố)";

async function importJson(json: unknown, publish: boolean) {
  const parsed = parseResultsPackage(JSON.stringify(json));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return importResultsPackage({ pkg: parsed.package, replace: false, publish, actor: COMMAND_LINE });
}

beforeAll(async () => {
  await importJson(year2022, true);
  await importJson(year2023, true);
  await importJson(twoGroups, true);
  await importJson(rounding, true);
  await importJson(draft2024, false);
});

function request(url: string, headers: Record<string, string> = {}) {
  return new Request(new URL(url, "http://portal.test"), { headers });
}

function rankings(period: string, query = "", headers: Record<string, string> = {}) {
  return getRankings(request(`/api/v1/periods/${encodeURIComponent(period)}/rankings${query}`, headers), {
    params: Promise.resolve({ period }),
  });
}

function rankingsCsv(period: string, query = "", headers: Record<string, string> = {}) {
  return getRankingsCsv(request(`/api/v1/periods/${encodeURIComponent(period)}/rankings.csv${query}`, headers), {
    params: Promise.resolve({ period }),
  });
}

function rankingsXlsx(period: string, query = "", headers: Record<string, string> = {}) {
  return getRankingsXlsx(request(`/api/v1/periods/${encodeURIComponent(period)}/rankings.xlsx${query}`, headers), {
    params: Promise.resolve({ period }),
  });
}

/** The workbook's only sheet, as a spreadsheet program would read it. */
async function sheetOf(response: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0]!;
}

function rowValues(sheet: ExcelJS.Worksheet, row: number): unknown[] {
  const values = sheet.getRow(row).values as unknown[];
  // exceljs counts columns from 1 and leaves empty cells as holes; the CSV leaves them empty.
  return Array.from({ length: sheet.columnCount }, (_, position) => values[position + 1] ?? null);
}

function unit(code: string, headers: Record<string, string> = {}) {
  return getUnit(request(`/api/v1/units/${encodeURIComponent(code)}`, headers), { params: Promise.resolve({ unit: code }) });
}

type RankingsBody = {
  period: string;
  group: string;
  rows: {
    rank: number;
    rankChange: number | null;
    unit: { code: string; name: string };
    total: number;
    applicableMax: number;
    index: number;
    band: string | null;
    fields: { code: string; name: string; points: number; maxPoints: number }[];
  }[];
};

async function errorOf(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

describe("GET /api/v1/periods", () => {
  it("lists only published periods, newest first, with their groups in configured order and published names", async () => {
    const response = await getPeriods(request("/api/v1/periods"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { code: string; year: number; name: string; authority: string; publishedAt: string; groups: { code: string; name: string }[] }[];
    expect(body.map((period) => period.code)).toEqual(["api-2023", "hai-khoi-2023", "api-2022", "lam-tron-2022"]);
    expect(body[0]).toEqual({
      code: "api-2023",
      year: 2023,
      name: "Chỉ số CCHC năm 2023 — thử nghiệm",
      authority: "UBND huyện Thử Nghiệm",
      publishedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      // The draft renamed the group; the publication keeps the name it was published under.
      groups: [{ code: "xa", name: "Khối xã" }],
    });
    expect(body[1]!.groups).toEqual([
      { code: "xa", name: "Khối xã" },
      { code: "phuong", name: "Khối phường" },
    ]);
  });
});

describe("GET /api/v1/periods/{period}/rankings", () => {
  it("gives rows in rank order with shared ranks, exact 4-decimal numbers, bands and fields", async () => {
    const response = await rankings("api-2022", "?group=xa");
    expect(response.status).toBe(200);
    const body = (await response.json()) as RankingsBody;
    expect(body.period).toBe("api-2022");
    expect(body.group).toBe("xa");
    expect(body.rows.map((row) => [row.unit.code, row.rank])).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 3],
      ["d", 3],
      ["e", 5],
    ]);
    expect(body.rows[4]).toEqual({
      rank: 5,
      rankChange: null,
      unit: { code: "e", name: "UBND xã Tiên Sơn" },
      total: 50,
      applicableMax: 70,
      index: 71.4286,
      band: "Khá",
      fields: [
        { code: "1", name: "Công tác chỉ đạo, điều hành", points: 20, maxPoints: 60 },
        { code: "2", name: "Tác động của CCHC", points: 30, maxPoints: 40 },
      ],
    });
    expect(body.rows[0]).toMatchObject({ total: 93.5, index: 93.5, band: "Xuất sắc" });
  });

  it("rounds the index half-up from the exact value", async () => {
    const body = (await (await rankings("lam-tron-2022")).json()) as RankingsBody;
    expect(body.rows[0]).toMatchObject({ total: 68.0002, applicableMax: 80, index: 85.0003, band: "Tốt" });
  });

  it("gives rank change against the previous period and none across a merge", async () => {
    const body = (await (await rankings("api-2023", "?group=xa")).json()) as RankingsBody;
    expect(body.rows.map((row) => [row.unit.code, row.rank, row.rankChange])).toEqual([
      ["b", 1, 1],
      ["f", 2, null],
      ["c", 3, 0],
      ["a", 4, -3],
    ]);
  });

  it("takes the only group when the group is left out, and asks for one when there are several", async () => {
    const only = await rankings("api-2022");
    expect(only.status).toBe(200);
    expect(((await only.json()) as RankingsBody).group).toBe("xa");

    const several = await rankings("hai-khoi-2023");
    expect(several.status).toBe(400);
    const error = await errorOf(several);
    expect(error.code).toBe("group_required");
    expect(error.message).toContain("xa, phuong");

    const phuong = (await (await rankings("hai-khoi-2023", "?group=phuong")).json()) as RankingsBody;
    expect(phuong.rows.map((row) => [row.unit.code, row.rank])).toEqual([
      ["p2", 1],
      ["p1", 2],
    ]);
  });

  it("answers 404 alike for a draft period and a period that does not exist", async () => {
    const draft = await rankings("api-2024", "?group=xa");
    const missing = await rankings("khong-co-2024", "?group=xa");
    expect(draft.status).toBe(404);
    expect(missing.status).toBe(404);
    const draftError = await errorOf(draft);
    const missingError = await errorOf(missing);
    expect(draftError.code).toBe("period_not_found");
    expect(missingError.code).toBe("period_not_found");
    expect(draftError.message.replace("api-2024", "…")).toBe(missingError.message.replace("khong-co-2024", "…"));
    expect(draft.headers.get("cache-control")).toBe("no-store");
    expect(draft.headers.get("access-control-allow-origin")).toBe("*");

    const draftCsv = await rankingsCsv("api-2024", "?group=xa");
    expect(draftCsv.status).toBe(404);
    expect((await errorOf(draftCsv)).code).toBe("period_not_found");
  });

  it("answers 404 for a group the period does not have, naming the groups it has", async () => {
    const response = await rankings("hai-khoi-2023", "?group=huyen");
    expect(response.status).toBe(404);
    const error = await errorOf(response);
    expect(error.code).toBe("group_not_found");
    expect(error.message).toContain("huyen");
    expect(error.message).toContain("xa, phuong");
  });

  it("answers 400 for malformed parameters", async () => {
    for (const query of ["?group=x%01a", "?group=", "?group=xa&group=phuong", `?group=${"x".repeat(201)}`, "?group=%20xa"]) {
      const response = await rankings("hai-khoi-2023", query);
      expect(response.status, query).toBe(400);
      const error = await errorOf(response);
      expect(error.code).toBe("invalid_parameter");
      expect(error.message).toContain('"group"');
    }
    const badPeriod = await rankings("api\u00002022");
    expect(badPeriod.status).toBe(400);
    expect((await errorOf(badPeriod)).message).toContain('"period"');
  });

  it("speaks Vietnamese by default and English when the client prefers it or asks with ?lang=en", async () => {
    expect((await errorOf(await rankings("khong-co"))).message).toBe('Không có kỳ đánh giá đã công bố với mã "khong-co".');
    expect((await errorOf(await rankings("khong-co", "", { "accept-language": "en-GB,en;q=0.9,vi;q=0.5" }))).message).toBe(
      'No published period has the code "khong-co".',
    );
    expect((await errorOf(await rankings("khong-co", "", { "accept-language": "vi-VN,vi;q=0.9,en;q=0.8" }))).message).toMatch(/^Không có/);
    const asked = await rankings("khong-co", "?lang=en", { "accept-language": "vi" });
    expect(asked.headers.get("content-language")).toBe("en");
    expect((await errorOf(asked)).message).toMatch(/^No published period/);
  });

  it("equals what the CLI's rankings command prints for the same published period", async () => {
    const cli = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/cli.ts", "rankings", "api-2023"], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: database.url() },
      timeout: 120_000,
    });
    expect(cli.status, cli.stderr.toString("utf8")).toBe(0);
    const api = await (await rankings("api-2023")).json();
    expect(api).toEqual(JSON.parse(cli.stdout.toString("utf8")));
  });
});

describe("GET /api/v1/periods/{period}/rankings.csv", () => {
  it("gives the same table as CSV with a BOM, a header row, quoting and Vietnamese names intact", async () => {
    const response = await rankingsCsv("api-2022", "?group=xa");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="par-index-api-2022-xa.csv"; filename*=UTF-8''par-index-api-2022-xa.csv`,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1).split("\r\n");
    expect(lines[0]).toBe(
      "period,group,rank,rankChange,unit,unitName,total,applicableMax,index,band,field_1_points,field_1_maxPoints,field_2_points,field_2_maxPoints",
    );
    expect(lines[1]).toBe("api-2022,xa,1,,a,UBND xã Tiên Châu,93.5,100,93.5,Xuất sắc,58.5,60,35,40");
    expect(lines[3]).toBe('api-2022,xa,3,,c,"UBND xã Tiên Cảnh, huyện Tiên Phước",80,100,80,Tốt,50,60,30,40');
    expect(lines[5]).toBe("api-2022,xa,5,,e,UBND xã Tiên Sơn,50,70,71.4286,Khá,20,60,30,40");
    expect(lines.slice(6)).toEqual([""]);
  });

  it("writes negative rank changes and half-up numbers as the JSON has them", async () => {
    const lines = (await (await rankingsCsv("api-2023")).text()).split("\r\n");
    expect(lines.find((line) => line.includes(",a,"))).toBe("api-2023,xa,4,-3,a,UBND xã Tiên Châu,70,100,70,Khá,40,60,30,40");
    const rounded = (await (await rankingsCsv("lam-tron-2022")).text()).split("\r\n")[1];
    expect(rounded).toBe("lam-tron-2022,xa,1,,r,UBND xã Rạng Đông,68.0002,80,85.0003,Tốt,40,60,28.0002,40");
  });
});

describe("GET /api/v1/periods/{period}/rankings.xlsx", () => {
  it("gives the CSV's table as a workbook: header, Vietnamese names, numbers stored as numbers", async () => {
    const response = await rankingsXlsx("api-2022", "?group=xa");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="par-index-api-2022-xa.xlsx"; filename*=UTF-8''par-index-api-2022-xa.xlsx`,
    );
    const sheet = await sheetOf(response);
    expect(sheet.name).toBe("Khối xã");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    // text() drops the BOM, as a spreadsheet does.
    const csvLines = (await (await rankingsCsv("api-2022", "?group=xa")).text()).split("\r\n");
    expect(rowValues(sheet, 1)).toEqual(csvLines[0]!.split(","));
    expect(rowValues(sheet, 1)).toEqual([
      "period", "group", "rank", "rankChange", "unit", "unitName", "total", "applicableMax", "index", "band",
      "field_1_points", "field_1_maxPoints", "field_2_points", "field_2_maxPoints",
    ]);
    expect(sheet.getCell("K1").note).toBe("1. Công tác chỉ đạo, điều hành");

    expect(rowValues(sheet, 2)).toEqual(["api-2022", "xa", 1, null, "a", "UBND xã Tiên Châu", 93.5, 100, 93.5, "Xuất sắc", 58.5, 60, 35, 40]);
    expect(rowValues(sheet, 4)).toEqual(["api-2022", "xa", 3, null, "c", "UBND xã Tiên Cảnh, huyện Tiên Phước", 80, 100, 80, "Tốt", 50, 60, 30, 40]);
    expect(rowValues(sheet, 6)).toEqual(["api-2022", "xa", 5, null, "e", "UBND xã Tiên Sơn", 50, 70, 71.4286, "Khá", 20, 60, 30, 40]);
    expect(sheet.rowCount).toBe(6);
    expect(sheet.getCell("I6").numFmt).toBe("0.00##");
    expect(sheet.getCell("C6").numFmt).toBe("0");
    // Wide enough for the longest name, and no column is a sliver.
    expect(sheet.getColumn(6).width).toBeGreaterThanOrEqual("UBND xã Tiên Cảnh, huyện Tiên Phước".length);
    for (let column = 1; column <= sheet.columnCount; column++) expect(sheet.getColumn(column).width).toBeGreaterThanOrEqual(8);
  });

  it("writes negative rank changes and half-up numbers as the JSON has them, and names the sheet after the group", async () => {
    const sheet = await sheetOf(await rankingsXlsx("api-2023"));
    const a = Array.from({ length: sheet.rowCount - 1 }, (_, position) => rowValues(sheet, position + 2)).find((row) => row[4] === "a");
    expect(a).toEqual(["api-2023", "xa", 4, -3, "a", "UBND xã Tiên Châu", 70, 100, 70, "Khá", 40, 60, 30, 40]);
    expect(sheet.getCell("D2").numFmt).toBe("+0;-0;0");
    const rounded = await sheetOf(await rankingsXlsx("lam-tron-2022"));
    expect(rowValues(rounded, 2)).toEqual(["lam-tron-2022", "xa", 1, null, "r", "UBND xã Rạng Đông", 68.0002, 80, 85.0003, "Tốt", 40, 60, 28.0002, 40]);
    expect((await sheetOf(await rankingsXlsx("hai-khoi-2023", "?group=phuong"))).name).toBe("Khối phường");
  });

  it("answers the JSON errors of the other rankings: 404 for a draft or unknown period or group, 400 for bad parameters", async () => {
    for (const [period, query, status, code] of [
      ["api-2024", "?group=xa", 404, "period_not_found"],
      ["khong-co-2024", "?group=xa", 404, "period_not_found"],
      ["hai-khoi-2023", "?group=huyen", 404, "group_not_found"],
      ["hai-khoi-2023", "", 400, "group_required"],
      ["hai-khoi-2023", "?group=xa&group=phuong", 400, "invalid_parameter"],
      ["hai-khoi-2023", "?group=%20xa", 400, "invalid_parameter"],
    ] as const) {
      const response = await rankingsXlsx(period, query);
      expect(response.status, `${period}${query}`).toBe(status);
      expect((await errorOf(response)).code).toBe(code);
      expect(response.headers.get("cache-control")).toBe("no-store");
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
    }
    const english = await rankingsXlsx("khong-co", "?lang=en");
    expect((await errorOf(english)).message).toBe('No published period has the code "khong-co".');
  });

  it("is cached and revalidated like the CSV, with a weak validator of its own", async () => {
    const first = await rankingsXlsx("api-2022", "?group=xa");
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    expect(first.headers.get("access-control-expose-headers")).toContain("Content-Disposition");
    expect(first.headers.get("cache-control")).toBe("public, max-age=60, s-maxage=300, stale-while-revalidate=600");
    // Two writes of one publication differ in the zip's timestamps, not in the data.
    const etag = first.headers.get("etag")!;
    expect(etag).toMatch(/^W\/"[A-Za-z0-9_-]+"$/);
    expect(etag).not.toBe(`W/${(await rankingsCsv("api-2022", "?group=xa")).headers.get("etag")}`);
    expect((await rankingsXlsx("api-2022", "?group=phuong")).status).toBe(404);
    expect((await rankingsXlsx("api-2022", "?group=xa")).headers.get("etag")).toBe(etag);

    for (const validator of [etag, etag.slice(2), `"other", ${etag}`]) {
      const again = await rankingsXlsx("api-2022", "?group=xa", { "if-none-match": validator });
      expect(again.status, validator).toBe(304);
      expect(again.headers.get("etag")).toBe(etag);
      expect(again.headers.get("cache-control")).toContain("public");
      expect(again.headers.get("access-control-allow-origin")).toBe("*");
      expect((await again.arrayBuffer()).byteLength).toBe(0);
    }
    expect((await rankingsXlsx("api-2022", "?group=xa", { "if-none-match": '"other"' })).status).toBe(200);

    const preflight = optionsRankingsXlsx();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
  });
});

describe("GET /api/v1/units/{unit}", () => {
  it("gives a merged unit with its predecessors and its published results", async () => {
    const response = await unit("f");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      unit: { code: "f", name: "UBND xã Tiên Phong", kind: "commune" },
      lineage: {
        predecessors: [
          { code: "d", name: "UBND xã Tiên Lộc", kind: "merge", effectiveOn: "2023-01-01" },
          { code: "e", name: "UBND xã Tiên Sơn", kind: "merge", effectiveOn: "2023-01-01" },
        ],
        successors: [],
      },
      results: [
        {
          period: { code: "api-2023", year: 2023, name: "Chỉ số CCHC năm 2023 — thử nghiệm" },
          group: { code: "xa", name: "Khối xã" },
          unitName: "UBND xã Tiên Phong",
          rank: 2,
          rankChange: null,
          total: 86,
          applicableMax: 100,
          index: 86,
          band: "Tốt",
        },
      ],
    });
  });

  it("gives one row per published period, oldest first, and a dissolved unit's successor", async () => {
    const a = (await (await unit("a")).json()) as { results: { period: { code: string }; rank: number; rankChange: number | null }[] };
    expect(a.results.map((row) => [row.period.code, row.rank, row.rankChange])).toEqual([
      ["api-2022", 1, null],
      ["api-2023", 4, -3],
    ]);
    const d = (await (await unit("d")).json()) as { lineage: { successors: unknown[] }; results: unknown[] };
    expect(d.lineage.successors).toEqual([{ code: "f", name: "UBND xã Tiên Phong", kind: "merge", effectiveOn: "2023-01-01" }]);
    expect(d.results).toHaveLength(1);
  });

  it("shows nothing an unpublished period stated: its merges, its units or its new names", async () => {
    const b = (await (await unit("b")).json()) as { lineage: { successors: unknown[] }; results: unknown[] };
    expect(b.lineage.successors).toEqual([]);
    expect(b.results).toHaveLength(2);

    const p1 = (await (await unit("p1")).json()) as { unit: { name: string } };
    expect(p1.unit.name).toBe("UBND phường Một");

    const draftOnly = await unit("bc");
    expect(draftOnly.status).toBe(404);
    const missing = await unit("khong-co");
    expect(missing.status).toBe(404);
    const draftError = await errorOf(draftOnly);
    expect(draftError.code).toBe("unit_not_found");
    expect(draftError.message.replace("bc", "…")).toBe((await errorOf(missing)).message.replace("khong-co", "…"));
  });

  it("answers 400 for a malformed unit code", async () => {
    const response = await unit("a\nb");
    expect(response.status).toBe(400);
    expect((await errorOf(response)).code).toBe("invalid_parameter");
  });
});

describe("HTTP behaviour", () => {
  it("allows any origin to read, answers the CORS preflight and lets shared caches keep answers", async () => {
    const response = await getPeriods(request("/api/v1/periods", { origin: "https://bao.example" }));
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-expose-headers")).toContain("ETag");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60, s-maxage=300, stale-while-revalidate=600");
    expect((await rankingsCsv("api-2022")).headers.get("cache-control")).toBe("public, max-age=60, s-maxage=300, stale-while-revalidate=600");
    expect((await unit("a")).headers.get("access-control-allow-origin")).toBe("*");

    const preflight = optionsPeriods();
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("If-None-Match");
  });

  it("answers 304 to a matching If-None-Match, with the validator and no body, on every endpoint", async () => {
    const calls: ((headers: Record<string, string>) => Promise<Response>)[] = [
      (headers) => getPeriods(request("/api/v1/periods", headers)),
      (headers) => rankings("api-2022", "?group=xa", headers),
      (headers) => rankingsCsv("api-2022", "?group=xa", headers),
      (headers) => unit("f", headers),
    ];
    for (const call of calls) {
      const first = await call({});
      const etag = first.headers.get("etag");
      expect(etag).toMatch(/^"[A-Za-z0-9_-]+"$/);
      const again = await call({ "if-none-match": etag! });
      expect(again.status).toBe(304);
      expect(again.headers.get("etag")).toBe(etag);
      expect(again.headers.get("cache-control")).toContain("public");
      expect(again.headers.get("access-control-allow-origin")).toBe("*");
      expect(await again.text()).toBe("");
      expect((await call({ "if-none-match": `"other", W/${etag}` })).status).toBe(304);
      expect((await call({ "if-none-match": '"other"' })).status).toBe(200);
    }
    const json = (await rankings("api-2022", "?group=xa")).headers.get("etag");
    const csv = (await rankingsCsv("api-2022", "?group=xa")).headers.get("etag");
    expect(json).not.toBe(csv);
  });

  it("changes the validator when a period is corrected, so caches fetch the correction", async () => {
    const before = await rankings("lam-tron-2022");
    const etag = before.headers.get("etag")!;
    const listed = (await (await getPeriods(request("/api/v1/periods"))).json()) as { code: string; publishedAt: string }[];
    await publishPeriod({ periodCode: "lam-tron-2022", actor: COMMAND_LINE, reason: "Đính chính số liệu" });
    const after = await rankings("lam-tron-2022", "", { "if-none-match": etag });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    const relisted = (await (await getPeriods(request("/api/v1/periods"))).json()) as { code: string; publishedAt: string }[];
    const publishedAt = (list: typeof listed) => list.find((period) => period.code === "lam-tron-2022")!.publishedAt;
    expect(publishedAt(relisted) > publishedAt(listed)).toBe(true);
  });

  it("answers other addresses under /api/v1 with a JSON 404", async () => {
    const response = await getUnknownRoute(request("/api/v1/khong-co", { "accept-language": "en" }));
    expect(response.status).toBe(404);
    expect(await errorOf(response)).toEqual({ code: "not_found", message: "There is no such address in the API. See the documentation at /open-data." });
  });

  it("answers while the database is unreachable with a 503 JSON error and Retry-After, telling nothing of the server's insides", async () => {
    const warn = vi.spyOn(logger, "warn");
    await disconnectPrisma();
    // Nothing listens on port 9: the database is unreachable.
    process.env.DATABASE_URL = "postgresql://nobody:secret@127.0.0.1:9/nothing";
    try {
      const response = await rankings("api-2022", "?group=xa");
      expect(response.status).toBe(503);
      expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
      const text = await response.text();
      expect(JSON.parse(text)).toEqual({
        error: { code: "database_unavailable", message: "Cơ sở dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau ít phút." },
      });
      expect(text).not.toMatch(/127\.0\.0\.1|secret|ECONNREFUSED|at /);
      expect(response.headers.get("cache-control")).toBe("no-store");
      // The operator's log says when the outage began.
      expect(warn).toHaveBeenCalledWith(expect.objectContaining({ event: "database.unreachable" }), expect.any(String));
    } finally {
      await disconnectPrisma();
      process.env.DATABASE_URL = database.url();
      warn.mockRestore();
    }
    expect((await rankings("api-2022", "?group=xa")).status).toBe(200);
  });
});
