import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Locale } from "@/lib/i18n/locale";
import {
  exampleComparison,
  exampleComparisonCsv,
  exampleRankings,
  exampleSipas,
  exampleSipasCsv,
  exampleUnit,
  exampleUnitHistory,
  exampleUnitHistoryCsv,
  readableJson,
} from "@/app/[locale]/(public)/open-data/open-data-examples";

// As in open-data-page.test.ts: the page's language, host and periods are given here.
const state = vi.hoisted(() => ({ locale: "vi" as Locale }));
vi.mock("@/lib/i18n/get-locale", () => ({ getLocale: async () => state.locale }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "chiso.example.vn", "x-forwarded-proto": "https" }) }));
vi.mock("@/lib/data/public-api-periods", () => ({ listPublicApiPeriods: async () => [] }));

async function render(locale: Locale): Promise<string> {
  state.locale = locale;
  const { default: OpenDataPage } = await import("@/app/[locale]/(public)/open-data/page");
  const html = renderToStaticMarkup(await OpenDataPage());
  return html.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

describe("the /open-data page's table downloads", () => {
  beforeEach(() => vi.resetModules());

  it("documents the SIPAS, history and comparison addresses in the contents, the overview and their own sections", async () => {
    const html = await render("vi");
    for (const [anchor, heading] of [
      ["sipas", "Chỉ số hài lòng SIPAS của một khối"],
      ["history", "Diễn biến của một đơn vị qua các kỳ"],
      ["compare", "So sánh các đơn vị trong một kỳ"],
    ]) {
      expect(html).toContain(`<a href="#${anchor}" class="`);
      expect(html).toMatch(new RegExp(`<h2 id="${anchor}-heading"[^>]*>${heading}</h2>`));
    }
    expect(html).toContain("GET /api/v1/periods/{period}/sipas[.csv|.xlsx]?group={group}");
    expect(html).toContain("/api/v1/units/{unit}/history.xlsx");
    expect(html).toContain("/api/v1/periods/{period}/compare.csv?units={a},{b}");
    expect(html).toContain('curl -s "https://chiso.example.vn/api/v1/periods/tien-phuoc-2022/sipas?group=xa"');
    expect(html).toContain('curl -sOJ "https://chiso.example.vn/api/v1/units/tien-son/history.xlsx"');
    expect(html).toContain('curl -s "https://chiso.example.vn/api/v1/periods/tien-phuoc-2022/compare?units=tien-chau,tien-son"');
    expect(html).toContain("par-index-sipas-<mã kỳ>-<mã khối>.csv");
    expect(html).toContain("units</code> (so sánh) thiếu hay có quá 4 mã");
  });

  it("shows examples that are the API's own JSON and CSV, and that agree with the other examples", async () => {
    const html = await render("en");
    expect(html).toContain("SIPAS satisfaction figures of a group");
    for (const example of [exampleSipas, exampleUnitHistory, exampleComparison]) {
      const text = readableJson(example);
      expect(html).toContain(text);
      expect(JSON.parse(text)).toEqual(example);
    }
    for (const csv of [exampleSipasCsv, exampleUnitHistoryCsv, exampleComparisonCsv]) {
      expect(csv.startsWith("\uFEFF")).toBe(false);
      expect(html).toContain(csv.split("\r\n")[1]!);
    }
    // The unit's own row of its history is its result in /api/v1/units/{unit}, and a compared
    // unit's row is its row of the league table.
    const own = exampleUnitHistory.rows.find((row) => row.relation === "self")!;
    const result = exampleUnit.results[0]!;
    expect([own.total, own.applicableMax, own.index, own.rank, own.band]).toEqual([result.total, result.applicableMax, result.index, result.rank, result.band]);
    expect(exampleUnitHistory.rows.map((row) => row.notComparableWithPrevious)).toEqual([[], [], ["lineage"]]);
    for (const row of exampleComparison.rows) {
      const ranked = exampleRankings.rows.find((candidate) => candidate.unit.code === row.unit.code)!;
      expect([row.rank, row.total, row.index, row.fields.map((field) => field.points)]).toEqual([ranked.rank, ranked.total, ranked.index, ranked.fields.map((field) => field.points)]);
    }
  });
});
