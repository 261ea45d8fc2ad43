import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { importResultsPackage } from "@/lib/services/import-results-package";
import { COMMAND_LINE } from "@/lib/auth/actor";
import { getPrisma } from "@/lib/data/prisma";
import { buildPackage } from "@/tests/support/results-package-factory";
import { withTestDatabase } from "@/tests/support/test-database";
import * as sipasRoute from "@/app/api/v1/periods/[period]/sipas/route";
import * as sipasCsvRoute from "@/app/api/v1/periods/[period]/sipas.csv/route";
import * as sipasXlsxRoute from "@/app/api/v1/periods/[period]/sipas.xlsx/route";
import * as historyRoute from "@/app/api/v1/units/[unit]/history/route";
import * as historyCsvRoute from "@/app/api/v1/units/[unit]/history.csv/route";
import * as historyXlsxRoute from "@/app/api/v1/units/[unit]/history.xlsx/route";
import * as compareRoute from "@/app/api/v1/periods/[period]/compare/route";
import * as compareCsvRoute from "@/app/api/v1/periods/[period]/compare.csv/route";
import * as compareXlsxRoute from "@/app/api/v1/periods/[period]/compare.xlsx/route";

// The tables of the SIPAS, unit and compare pages as downloads, over one data set built once:
// two published years with a merge between them, a period of two groups, and a draft that must
// show nowhere.
withTestDatabase({ reset: "once" });

const year2022 = {
  ...buildPackage({
    code: "bang-2022",
    year: 2022,
    units: [
      { code: "a", name: "UBND xã Tiên Châu", points: [30, 28.5, 35] }, // 93.5
      { code: "b", name: "UBND xã Tiên Hà", points: [30, 28, 35.5] }, // 93.5, second on appraisal points
      { code: "d", name: "UBND xã Tiên Lộc, huyện Tiên Phước", points: [25, 25, 30] }, // 80
      { code: "e", name: "UBND xã Tiên Sơn", points: [20, null, "30.0003"] }, // 50.0003 of 70 = 71.42900…
    ],
  }),
  sipas: [
    { unit: "a", index: "91.3456", responses: 120, elements: [{ code: "access", index: 92.1 }, { code: "procedures", index: "90.6" }] },
    // Fewer responses than the survey's threshold: flagged.
    { unit: "b", index: 97.5, responses: 25, elements: [{ code: "access", index: 97.5 }] },
    { unit: "d", index: 80, responses: 40 },
  ],
};

const year2023 = buildPackage({
  code: "bang-2023",
  year: 2023,
  previous: "bang-2022",
  units: [
    { code: "a", name: "UBND xã Tiên Châu", points: [20, 20, 30] }, // 70: 1st → 3rd
    { code: "b", name: "UBND xã Tiên Hà", points: [30, 30, 36] }, // 96: 2nd → 1st
    { code: "f", name: "UBND xã Tiên Phong", predecessors: ["d", "e"], points: [28, 27, 31] }, // 86, merged
  ],
});

const twoGroups = buildPackage({
  code: "hai-khoi-2023",
  year: 2023,
  units: [
    { code: "x1", name: "UBND xã Một", points: [10, 10, 10] },
    { code: "p1", name: "UBND phường Một", points: [20, 20, 20] },
  ],
});
twoGroups.groups.push({ code: "phuong", name: "Khối phường" });
for (const unit of twoGroups.units) if (unit.code.startsWith("p")) unit.group = "phuong";

const draft2024 = {
  ...buildPackage({
    code: "bang-2024",
    year: 2024,
    previous: "bang-2023",
    units: [
      { code: "a", name: "UBND xã Tiên Châu (tên chưa công bố)", points: [30, 30, 40] },
      { code: "bf", name: "UBND xã Tiên Hà Phong", predecessors: ["b", "f"], points: [30, 30, 40] },
    ],
  }),
  sipas: [{ unit: "a", index: 99, responses: 300 }],
};

async function importJson(json: unknown, publish: boolean) {
  const parsed = parseResultsPackage(JSON.stringify(json));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return importResultsPackage({ pkg: parsed.package, replace: false, publish, actor: COMMAND_LINE });
}

beforeAll(async () => {
  await importJson(year2022, true);
  await importJson(year2023, true);
  await importJson(twoGroups, true);
  await importJson(draft2024, false);
  // The survey names the elements and sets the small-sample threshold.
  const prisma = getPrisma();
  const period = await prisma.period.findUniqueOrThrow({ where: { code: "bang-2022" }, select: { id: true } });
  const survey = await prisma.sipasSurvey.create({
    data: { periodId: period.id, code: "sipas-2022", name: "Phiếu SIPAS 2022", scaleLabels: [], smallSampleThreshold: 30 },
  });
  await prisma.sipasElement.createMany({
    data: [
      { surveyId: survey.id, code: "access", name: "Tiếp cận dịch vụ", nameEn: "Access", order: 1 },
      { surveyId: survey.id, code: "procedures", name: "Thủ tục hành chính", nameEn: "Procedures", order: 2 },
    ],
  });
});

type Headers = Record<string, string>;
type Handler<P> = (request: Request, context: { params: Promise<P> }) => Promise<Response>;

function call<P>(handler: Handler<P>, path: string, params: P, headers: Headers = {}) {
  return handler(new Request(new URL(path, "http://portal.test"), { headers }), { params: Promise.resolve(params) });
}

const sipas = (period: string, query = "", headers: Headers = {}) => call(sipasRoute.GET, `/api/v1/periods/${period}/sipas${query}`, { period }, headers);
const sipasCsv = (period: string, query = "", headers: Headers = {}) => call(sipasCsvRoute.GET, `/api/v1/periods/${period}/sipas.csv${query}`, { period }, headers);
const sipasXlsx = (period: string, query = "", headers: Headers = {}) => call(sipasXlsxRoute.GET, `/api/v1/periods/${period}/sipas.xlsx${query}`, { period }, headers);
const history = (unit: string, headers: Headers = {}) => call(historyRoute.GET, `/api/v1/units/${encodeURIComponent(unit)}/history`, { unit }, headers);
const historyCsv = (unit: string, headers: Headers = {}) => call(historyCsvRoute.GET, `/api/v1/units/${encodeURIComponent(unit)}/history.csv`, { unit }, headers);
const historyXlsx = (unit: string, headers: Headers = {}) => call(historyXlsxRoute.GET, `/api/v1/units/${encodeURIComponent(unit)}/history.xlsx`, { unit }, headers);
const compare = (period: string, query = "", headers: Headers = {}) => call(compareRoute.GET, `/api/v1/periods/${period}/compare${query}`, { period }, headers);
const compareCsv = (period: string, query = "", headers: Headers = {}) => call(compareCsvRoute.GET, `/api/v1/periods/${period}/compare.csv${query}`, { period }, headers);
const compareXlsx = (period: string, query = "", headers: Headers = {}) => call(compareXlsxRoute.GET, `/api/v1/periods/${period}/compare.xlsx${query}`, { period }, headers);

async function errorOf(response: Response) {
  expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("access-control-allow-origin")).toBe("*");
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

/** The file's lines after checking that it is UTF-8 CSV starting with a BOM. */
async function csvLines(response: Response, filename: string): Promise<string[]> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
  expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${filename}"; filename*=UTF-8''${filename}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes).slice(1).split("\r\n");
}

/** The workbook's only sheet, row by row, as a spreadsheet program reads it. */
async function sheetRows(response: Response, filename: string): Promise<{ name: string; rows: unknown[][] }> {
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  expect(response.headers.get("content-disposition")).toContain(`filename="${filename}"`);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  expect(workbook.worksheets).toHaveLength(1);
  const sheet = workbook.worksheets[0]!;
  const rows = Array.from({ length: sheet.rowCount }, (_, row) =>
    Array.from({ length: sheet.columnCount }, (_, column) => sheet.getRow(row + 1).getCell(column + 1).value ?? null),
  );
  return { name: sheet.name, rows };
}

describe("GET /api/v1/periods/{period}/sipas", () => {
  it("gives one group's published figures, highest index first, with the survey's elements and small samples flagged", async () => {
    const response = await sipas("bang-2022");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await response.json()).toEqual({
      period: "bang-2022",
      group: "xa",
      smallSampleThreshold: 30,
      elements: [
        { code: "access", name: "Tiếp cận dịch vụ", nameEn: "Access" },
        { code: "procedures", name: "Thủ tục hành chính", nameEn: "Procedures" },
      ],
      rows: [
        { unit: { code: "b", name: "UBND xã Tiên Hà" }, index: 97.5, responses: 25, smallSample: true, ciLow: null, ciHigh: null, elements: [{ code: "access", index: 97.5 }] },
        {
          unit: { code: "a", name: "UBND xã Tiên Châu" },
          index: 91.3456,
          responses: 120,
          smallSample: false,
          ciLow: null,
          ciHigh: null,
          elements: [
            { code: "access", index: 92.1 },
            { code: "procedures", index: 90.6 },
          ],
        },
        { unit: { code: "d", name: "UBND xã Tiên Lộc, huyện Tiên Phước" }, index: 80, responses: 40, smallSample: false, ciLow: null, ciHigh: null, elements: [] },
      ],
    });
  });

  it("gives the same table as CSV and as a workbook", async () => {
    expect(await csvLines(await sipasCsv("bang-2022", "?group=xa"), "par-index-sipas-bang-2022-xa.csv")).toEqual([
      "period,group,unit,unitName,index,responses,smallSample,ciLow,ciHigh,element_access_index,element_procedures_index",
      "bang-2022,xa,b,UBND xã Tiên Hà,97.5,25,true,,,97.5,",
      "bang-2022,xa,a,UBND xã Tiên Châu,91.3456,120,false,,,92.1,90.6",
      'bang-2022,xa,d,"UBND xã Tiên Lộc, huyện Tiên Phước",80,40,false,,,,',
      "",
    ]);
    const workbook = await sheetRows(await sipasXlsx("bang-2022"), "par-index-sipas-bang-2022-xa.xlsx");
    expect(workbook.name).toBe("Khối xã");
    expect(workbook.rows[2]).toEqual(["bang-2022", "xa", "a", "UBND xã Tiên Châu", 91.3456, 120, false, null, null, 92.1, 90.6]);
    expect(workbook.rows).toHaveLength(4);
  });

  it("is an empty table for a published period without SIPAS figures, and follows the rankings' group rules", async () => {
    expect(await (await sipas("bang-2023")).json()).toEqual({ period: "bang-2023", group: "xa", smallSampleThreshold: 30, elements: [], rows: [] });
    expect(await csvLines(await sipasCsv("bang-2023"), "par-index-sipas-bang-2023-xa.csv")).toEqual([
      "period,group,unit,unitName,index,responses,smallSample,ciLow,ciHigh",
      "",
    ]);

    const several = await sipas("hai-khoi-2023");
    expect(several.status).toBe(400);
    const required = await errorOf(several);
    expect(required.code).toBe("group_required");
    expect(required.message).toContain("xa, phuong");
    expect((await sipasCsv("hai-khoi-2023", "?group=phuong")).status).toBe(200);

    const unknownGroup = await sipasXlsx("hai-khoi-2023", "?group=huyen");
    expect(unknownGroup.status).toBe(404);
    expect((await errorOf(unknownGroup)).code).toBe("group_not_found");
    const repeated = await sipasCsv("hai-khoi-2023", "?group=xa&group=phuong");
    expect(repeated.status).toBe(400);
    expect(await errorOf(repeated)).toEqual({ code: "invalid_parameter", message: 'Tham số "group" chỉ được nêu một lần.' });
  });

  it("answers 404 for a draft period in every format, as for one that does not exist", async () => {
    for (const get of [sipas, sipasCsv, sipasXlsx]) {
      const draft = await get("bang-2024");
      expect(draft.status).toBe(404);
      expect(await errorOf(draft)).toEqual({ code: "period_not_found", message: 'Không có kỳ đánh giá đã công bố với mã "bang-2024".' });
    }
    const english = await sipas("khong-co", "?lang=en");
    expect(await errorOf(english)).toEqual({ code: "period_not_found", message: 'No published period has the code "khong-co".' });
  });
});

describe("GET /api/v1/units/{unit}/history", () => {
  it("gives a merged unit's history: its predecessors' results, then its own, with the merge marked", async () => {
    const response = await history("f");
    expect(response.status).toBe(200);
    const body = (await response.json()) as { unit: unknown; rows: Record<string, unknown>[] };
    expect(body.unit).toEqual({ code: "f", name: "UBND xã Tiên Phong" });
    expect(body.rows).toEqual([
      {
        period: { code: "bang-2022", year: 2022, name: "Chỉ số CCHC năm 2022 — thử nghiệm" },
        group: { code: "xa", name: "Khối xã" },
        groupSize: 4,
        unit: { code: "d", name: "UBND xã Tiên Lộc, huyện Tiên Phước" },
        relation: "predecessor",
        rank: 3,
        rankChange: null,
        total: 80,
        applicableMax: 100,
        index: 80,
        band: "Tốt",
        notComparableWithPrevious: [],
      },
      {
        period: { code: "bang-2022", year: 2022, name: "Chỉ số CCHC năm 2022 — thử nghiệm" },
        group: { code: "xa", name: "Khối xã" },
        groupSize: 4,
        unit: { code: "e", name: "UBND xã Tiên Sơn" },
        relation: "predecessor",
        rank: 4,
        rankChange: null,
        total: 50.0003,
        applicableMax: 70,
        index: 71.429,
        band: "Khá",
        notComparableWithPrevious: [],
      },
      {
        period: { code: "bang-2023", year: 2023, name: "Chỉ số CCHC năm 2023 — thử nghiệm" },
        group: { code: "xa", name: "Khối xã" },
        groupSize: 3,
        unit: { code: "f", name: "UBND xã Tiên Phong" },
        relation: "self",
        rank: 2,
        rankChange: null,
        total: 86,
        applicableMax: 100,
        index: 86,
        band: "Tốt",
        notComparableWithPrevious: ["lineage"],
      },
    ]);
  });

  it("gives the same table as CSV and as a workbook named after the unit", async () => {
    expect(await csvLines(await historyCsv("e"), "par-index-history-e.csv")).toEqual([
      "period,year,periodName,group,groupName,groupSize,rank,rankChange,unit,unitName,relation,total,applicableMax,index,band,notComparableWithPrevious",
      "bang-2022,2022,Chỉ số CCHC năm 2022 — thử nghiệm,xa,Khối xã,4,4,,e,UBND xã Tiên Sơn,self,50.0003,70,71.429,Khá,",
      "bang-2023,2023,Chỉ số CCHC năm 2023 — thử nghiệm,xa,Khối xã,3,2,,f,UBND xã Tiên Phong,successor,86,100,86,Tốt,lineage",
      "",
    ]);
    const workbook = await sheetRows(await historyXlsx("a"), "par-index-history-a.xlsx");
    expect(workbook.name).toBe("UBND xã Tiên Châu");
    expect(workbook.rows.slice(1)).toEqual([
      ["bang-2022", 2022, "Chỉ số CCHC năm 2022 — thử nghiệm", "xa", "Khối xã", 4, 1, null, "a", "UBND xã Tiên Châu", "self", 93.5, 100, 93.5, "Xuất sắc", null],
      ["bang-2023", 2023, "Chỉ số CCHC năm 2023 — thử nghiệm", "xa", "Khối xã", 3, 3, -2, "a", "UBND xã Tiên Châu", "self", 70, 100, 70, "Khá", null],
    ]);
  });

  it("shows nothing of a draft period: neither its results, its names nor its merges", async () => {
    const b = (await (await history("b")).json()) as { rows: { period: { code: string }; unit: { code: string } }[] };
    expect(b.rows.map((row) => [row.period.code, row.unit.code])).toEqual([
      ["bang-2022", "b"],
      ["bang-2023", "b"],
    ]);
    for (const get of [history, historyCsv, historyXlsx]) {
      const draftOnly = await get("bf");
      expect(draftOnly.status).toBe(404);
      expect(await errorOf(draftOnly)).toEqual({ code: "unit_not_found", message: 'Không có đơn vị mã "bf" có kết quả đã công bố.' });
    }
    const malformed = await historyCsv("a\nb", { "accept-language": "en" });
    expect(malformed.status).toBe(400);
    expect(await errorOf(malformed)).toEqual({ code: "invalid_parameter", message: 'Parameter "unit" contains control characters.' });
  });
});

describe("GET /api/v1/periods/{period}/compare", () => {
  it("gives the asked units' results in the order asked, with every field", async () => {
    const response = await compare("bang-2022", "?units=e,a");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      period: "bang-2022",
      rows: [
        {
          unit: { code: "e", name: "UBND xã Tiên Sơn" },
          group: { code: "xa", name: "Khối xã" },
          groupSize: 4,
          rank: 4,
          rankChange: null,
          total: 50.0003,
          applicableMax: 70,
          index: 71.429,
          band: "Khá",
          fields: [
            { code: "1", name: "Công tác chỉ đạo, điều hành", points: 20, maxPoints: 60, applicableMax: 30 },
            { code: "2", name: "Tác động của CCHC", points: 30.0003, maxPoints: 40, applicableMax: 40 },
          ],
        },
        {
          unit: { code: "a", name: "UBND xã Tiên Châu" },
          group: { code: "xa", name: "Khối xã" },
          groupSize: 4,
          rank: 1,
          rankChange: null,
          total: 93.5,
          applicableMax: 100,
          index: 93.5,
          band: "Xuất sắc",
          fields: [
            { code: "1", name: "Công tác chỉ đạo, điều hành", points: 58.5, maxPoints: 60, applicableMax: 60 },
            { code: "2", name: "Tác động của CCHC", points: 35, maxPoints: 40, applicableMax: 40 },
          ],
        },
      ],
    });
  });

  it("gives the same table as CSV and as a workbook, units of several groups side by side", async () => {
    expect(await csvLines(await compareCsv("bang-2022", "?units=d&units=a"), "par-index-compare-bang-2022-d-a.csv")).toEqual([
      "period,group,groupName,groupSize,rank,rankChange,unit,unitName,total,applicableMax,index,band," +
        "field_1_points,field_1_maxPoints,field_1_applicableMax,field_2_points,field_2_maxPoints,field_2_applicableMax",
      'bang-2022,xa,Khối xã,4,3,,d,"UBND xã Tiên Lộc, huyện Tiên Phước",80,100,80,Tốt,50,60,60,30,40,40',
      "bang-2022,xa,Khối xã,4,1,,a,UBND xã Tiên Châu,93.5,100,93.5,Xuất sắc,58.5,60,60,35,40,40",
      "",
    ]);
    const workbook = await sheetRows(await compareXlsx("hai-khoi-2023", "?units=p1,x1"), "par-index-compare-hai-khoi-2023-p1-x1.xlsx");
    expect(workbook.name).toBe("Chỉ số CCHC năm 2023 — thử");
    expect(workbook.rows.slice(1).map((row) => row.slice(0, 12))).toEqual([
      ["hai-khoi-2023", "phuong", "Khối phường", 1, 1, null, "p1", "UBND phường Một", 60, 100, 60, "Trung bình"],
      ["hai-khoi-2023", "xa", "Khối xã", 1, 1, null, "x1", "UBND xã Một", 30, 100, 30, "Yếu"],
    ]);
  });

  it("answers 404 naming the units the period has no published result for, and for a draft period", async () => {
    const missing = await compareCsv("bang-2023", "?units=a,e,zzz");
    expect(missing.status).toBe(404);
    expect(await errorOf(missing)).toEqual({
      code: "unit_not_found",
      message: 'Kỳ "bang-2023" không có kết quả đã công bố của các đơn vị "e", "zzz".',
    });
    const english = await compare("bang-2023", "?units=e", { "accept-language": "en" });
    expect((await errorOf(english)).message).toBe('Period "bang-2023" has no published result for the unit "e".');
    for (const get of [compare, compareCsv, compareXlsx]) {
      const draft = await get("bang-2024", "?units=a");
      expect(draft.status).toBe(404);
      expect((await errorOf(draft)).code).toBe("period_not_found");
    }
  });

  it("answers 400 without units, with more than four, or with a malformed code", async () => {
    for (const [query, message] of [
      ["", 'Tham số "units" không được để trống.'],
      ["?units=,", 'Tham số "units" không được để trống.'],
      ["?units=a,b,d,e,f", 'Tham số "units" nêu quá nhiều mã (tối đa 4).'],
      ["?units=a,%20b", 'Tham số "units" không được có khoảng trắng ở đầu hoặc cuối.'],
    ] as const) {
      const response = await compareXlsx("bang-2022", query);
      expect(response.status, query).toBe(400);
      expect(await errorOf(response)).toEqual({ code: "invalid_parameter", message });
    }
    // Repeats are one unit, as on the page.
    const repeated = (await (await compare("bang-2022", "?units=a,a&units=a")).json()) as { rows: unknown[] };
    expect(repeated.rows).toHaveLength(1);
  });
});

describe("HTTP behaviour of the table downloads", () => {
  const endpoints: [string, (headers: Headers) => Promise<Response>][] = [
    ["sipas", (headers) => sipas("bang-2022", "", headers)],
    ["sipas.csv", (headers) => sipasCsv("bang-2022", "", headers)],
    ["sipas.xlsx", (headers) => sipasXlsx("bang-2022", "", headers)],
    ["history", (headers) => history("f", headers)],
    ["history.csv", (headers) => historyCsv("f", headers)],
    ["history.xlsx", (headers) => historyXlsx("f", headers)],
    ["compare", (headers) => compare("bang-2022", "?units=a,b", headers)],
    ["compare.csv", (headers) => compareCsv("bang-2022", "?units=a,b", headers)],
    ["compare.xlsx", (headers) => compareXlsx("bang-2022", "?units=a,b", headers)],
  ];

  it.each(endpoints)("%s is open to any origin, cacheable, and answers a matching If-None-Match with 304", async (name, get) => {
    const first = await get({ origin: "https://bao.example" });
    expect(first.status).toBe(200);
    expect(first.headers.get("access-control-allow-origin")).toBe("*");
    expect(first.headers.get("access-control-expose-headers")).toContain("ETag");
    expect(first.headers.get("cache-control")).toBe("public, max-age=60, s-maxage=300, stale-while-revalidate=600");
    const etag = first.headers.get("etag")!;
    // A workbook's bytes carry the time they were written: its validator is weak.
    expect(etag).toMatch(name.endsWith(".xlsx") ? /^W\/"[A-Za-z0-9_-]+"$/ : /^"[A-Za-z0-9_-]+"$/);
    expect((await get({})).headers.get("etag")).toBe(etag);

    for (const validator of [etag, `"other", ${etag}`]) {
      const again = await get({ "if-none-match": validator });
      expect(again.status, validator).toBe(304);
      expect(again.headers.get("etag")).toBe(etag);
      expect(again.headers.get("access-control-allow-origin")).toBe("*");
      expect(again.headers.get("cache-control")).toContain("public");
      expect((await again.arrayBuffer()).byteLength).toBe(0);
    }
    expect((await get({ "if-none-match": '"other"' })).status).toBe(200);
  });

  it("gives each format and each table its own validator, changed when the data changes", async () => {
    const tags = await Promise.all(endpoints.map(async ([, get]) => (await get({})).headers.get("etag")!.replace(/^W\//, "")));
    expect(new Set(tags).size).toBe(endpoints.length);
    const ab = (await compare("bang-2022", "?units=a,b")).headers.get("etag");
    expect((await compare("bang-2022", "?units=b,a")).headers.get("etag")).not.toBe(ab);
  });

  it("answers the CORS preflight of every table address", () => {
    for (const route of [sipasRoute, sipasCsvRoute, sipasXlsxRoute, historyRoute, historyCsvRoute, historyXlsxRoute, compareRoute, compareCsvRoute, compareXlsxRoute]) {
      const preflight = route.OPTIONS();
      expect(preflight.status).toBe(204);
      expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
      expect(preflight.headers.get("access-control-allow-methods")).toBe("GET, HEAD, OPTIONS");
    }
  });
});
