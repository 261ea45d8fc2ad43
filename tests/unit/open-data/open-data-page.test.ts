import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Locale } from "@/lib/i18n/locale";
import { exampleRankings, exampleRankingsCsv, readableJson } from "@/app/[locale]/(public)/open-data/open-data-examples";

// The page reads the visitor's language, the request's host and the published periods; here they
// are given, so that what it renders can be checked without a server or a database.
const state = vi.hoisted(() => ({ locale: "vi" as Locale }));
vi.mock("@/lib/i18n/get-locale", () => ({ getLocale: async () => state.locale }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ host: "chiso.example.vn", "x-forwarded-proto": "https" }) }));
vi.mock("@/lib/data/public-api-periods", () => ({
  listPublicApiPeriods: async () => [
    {
      code: "son-la-2024",
      year: 2024,
      name: "Chỉ số CCHC năm 2024 — tỉnh Sơn La",
      authority: "UBND tỉnh Sơn La",
      publishedAt: "2025-02-01T00:00:00.000Z",
      groups: [
        { code: "so", name: "Khối sở, ban, ngành" },
        { code: "huyen", name: "Khối huyện" },
      ],
    },
  ],
}));

async function render(locale: Locale): Promise<string> {
  state.locale = locale;
  const { default: OpenDataPage } = await import("@/app/[locale]/(public)/open-data/page");
  return renderToStaticMarkup(await OpenDataPage());
}

function decode(html: string): string {
  return html.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

describe("the /open-data page", () => {
  beforeEach(() => vi.resetModules());

  it("has one h1, no skipped heading levels, and a label on every code block", async () => {
    const html = await render("vi");
    const levels = [...html.matchAll(/<h([1-6])\b/g)].map((match) => Number(match[1]));
    expect(levels.filter((level) => level === 1)).toHaveLength(1);
    for (const [position, level] of levels.entries()) if (position > 0) expect(level - levels[position - 1]!).toBeLessThanOrEqual(1);
    const blocks = [...html.matchAll(/<pre tabindex="0" aria-labelledby="([^"]+)"/g)].map((match) => match[1]);
    expect(blocks.length).toBeGreaterThanOrEqual(10);
    for (const id of blocks) expect(html).toContain(`<figcaption id="${id}"`);
  });

  it("shows examples that are what the API sends, with this site's address", async () => {
    const html = decode(await render("vi"));
    expect(html).toContain('curl -s "https://chiso.example.vn/api/v1/periods"');
    expect(html).toContain('curl -sOJ "https://chiso.example.vn/api/v1/periods/tien-phuoc-2022/rankings.xlsx?group=xa"');
    expect(html).toContain('<a href="#xlsx"');
    const rankings = readableJson(exampleRankings);
    expect(html).toContain(rankings);
    expect(JSON.parse(rankings)).toEqual(exampleRankings);
    expect(exampleRankings.rows.map((row) => [row.unit.code, row.rank, row.index])).toEqual([
      ["tien-chau", 1, 91.82],
      ["tien-ha", 2, 87.5052],
      ["tien-son", 2, 87.5052],
    ]);
    expect(html).toContain(exampleRankingsCsv.split("\r\n")[0]!);
    expect(html).toContain("public, max-age=60, s-maxage=300, stale-while-revalidate=600");
  });

  it("links each published group's JSON, CSV and XLSX, with names a screen reader can tell apart", async () => {
    const html = decode(await render("en"));
    expect(html).toContain('<h1 class="text-2xl font-bold text-slate-900 sm:text-3xl">Open data — public API</h1>');
    expect(html).toContain('href="/api/v1/periods/son-la-2024/rankings.csv?group=huyen" aria-label="League table of Khối huyện, Chỉ số CCHC năm 2024 — tỉnh Sơn La, as CSV"');
    expect(html).toContain('href="/api/v1/periods/son-la-2024/rankings.xlsx?group=huyen" aria-label="League table of Khối huyện, Chỉ số CCHC năm 2024 — tỉnh Sơn La, as XLSX"');
    expect(html).toContain('href="/open-data/results-package/template.xlsx"');
  });
});
