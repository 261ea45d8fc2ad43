import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

/** The demo's departments of 2024 (scripts/demo-data): 18 units, 7 fields, one unit with a criterion not applicable. */
const PERIOD = "/son-la-so-2024";
const UNITS = 18;

function explorer(page: Page) {
  return page.getByRole("region", { name: /Bảng xếp hạng Khối sở, ban, ngành/ });
}

async function indexColumn(page: Page): Promise<string[]> {
  // The index is the fifth column: rank, rank change, unit (a row header), total, index.
  return explorer(page).locator("tbody tr > :nth-child(5)").allInnerTexts();
}

test.describe("period page", () => {
  test("shows the period header, the group header and the download links", async ({ page, request }) => {
    await page.goto(PERIOD);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Chỉ số CCHC năm 2024 các sở, ban, ngành");
    await expect(page.getByText("UBND tỉnh Sơn La", { exact: true })).toBeVisible();
    await expect(page.getByText(/^Quyết định số .+ ngày \d{2}\/\d{2}\/\d{4}$/)).toBeVisible();
    await expect(page.getByText(/^Công bố ngày \d{2}\/\d{2}\/\d{4}$/)).toBeVisible();
    await expect(page.getByRole("link", { name: /Tải CSV/ })).toHaveAttribute("href", "/api/v1/periods/son-la-so-2024/rankings.csv?group=so");
    await expect(page.getByRole("link", { name: /Tải JSON/ })).toHaveAttribute("href", "/api/v1/periods/son-la-so-2024/rankings?group=so");
    const csv = await request.get((await page.getByRole("link", { name: /Tải CSV/ }).getAttribute("href"))!);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");

    const group = page.getByRole("region", { name: "Khối sở, ban, ngành" });
    await expect(group.getByText(`${UNITS} đơn vị`, { exact: true })).toBeVisible();
    await expect(group.getByText(/Điểm trung bình của khối: \d{2},\d{2} \([+−]\d+,\d{2} điểm so với kỳ trước\)/)).toBeVisible();
    await expect(page).toHaveTitle(/Chỉ số CCHC năm 2024 các sở, ban, ngành/);
    expect(await page.locator('meta[name="description"]').getAttribute("content")).toContain("UBND tỉnh Sơn La");
  });

  test("lists every unit with rank change, band as text and field points with a decimal comma", async ({ page }) => {
    await page.goto(PERIOD);
    const table = explorer(page);
    await expect(table.locator("tbody tr")).toHaveCount(UNITS);
    await expect(table.getByRole("columnheader", { name: /Chỉ số \(%\)/ })).toBeVisible();
    await expect(table.getByRole("columnheader", { name: /1\. Công tác chỉ đạo, điều hành CCHC/ })).toBeVisible();
    await expect(table.locator("tbody").getByText(/tăng \d+ bậc|giảm \d+ bậc|không đổi/).first()).toBeAttached();
    const bands = await table.locator("tbody tr > :nth-child(6)").allInnerTexts();
    expect(bands.every((band) => ["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"].includes(band.trim()))).toBe(true);
    const firstField = await table.locator("tbody tr").first().locator("td").nth(5).innerText();
    expect(firstField).toMatch(/^\d{1,2},\d{2}$/);
  });

  test("finds a unit typed without diacritics, with đ as d, and announces the count", async ({ page }) => {
    await page.goto(PERIOD);
    const filter = page.getByRole("searchbox", { name: "Tìm đơn vị" });
    await filter.fill("ke hoach dau tu");
    const table = explorer(page);
    await expect(table.locator("tbody tr")).toHaveCount(1);
    await expect(table.getByRole("rowheader")).toHaveText("Sở Kế hoạch và Đầu tư");
    await expect(page.getByRole("status")).toHaveText(`1 trên ${UNITS} đơn vị khớp với từ khóa`);

    await filter.fill("xyz không có");
    await expect(table.locator("tbody tr")).toHaveCount(0);
    await expect(table.getByText("Không có đơn vị nào khớp với từ khóa.")).toBeVisible();
    await filter.fill("");
    await expect(page.getByRole("status")).toHaveText(`Hiển thị tất cả ${UNITS} đơn vị`);
  });

  test("sorts by index with the keyboard, best first and then reversed", async ({ page }) => {
    await page.goto(PERIOD);
    const published = await indexColumn(page);
    const header = explorer(page).getByRole("columnheader", { name: /Chỉ số \(%\)/ });
    const button = header.getByRole("button");

    await button.focus();
    await page.keyboard.press("Enter");
    await expect(header).toHaveAttribute("aria-sort", "descending");
    expect(await indexColumn(page)).toEqual(published);

    await page.keyboard.press("Space");
    await expect(header).toHaveAttribute("aria-sort", "ascending");
    expect(await indexColumn(page)).toEqual([...published].reverse());
    await expect(explorer(page).getByRole("columnheader", { name: "Xếp hạng" })).not.toHaveAttribute("aria-sort", /.+/);
  });

  test("hides and shows a field column", async ({ page }) => {
    await page.goto(PERIOD);
    const table = explorer(page);
    const columns = await table.getByRole("columnheader").count();
    await page.locator("summary", { hasText: "Cột lĩnh vực (đang hiện 7/7)" }).click();
    await page.getByRole("checkbox", { name: "3. Cải cách thủ tục hành chính" }).uncheck();
    await expect(table.getByRole("columnheader", { name: /3\. Cải cách thủ tục hành chính/ })).toHaveCount(0);
    await expect(table.getByRole("columnheader")).toHaveCount(columns - 1);
    await expect(table.locator("tbody tr").first().locator("td")).toHaveCount(columns - 2); // the unit is a row header
    await page.getByRole("button", { name: "Hiện tất cả" }).click();
    await expect(table.getByRole("columnheader")).toHaveCount(columns);
  });

  test("shows cards instead of a wide table on a phone", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(PERIOD);
    await expect(explorer(page)).toBeHidden();
    const cards = page.getByRole("list", { name: /Bảng xếp hạng Khối sở, ban, ngành/ }).getByRole("listitem");
    await expect(cards).toHaveCount(UNITS);
    await expect(cards.first().getByRole("heading", { level: 3 })).toBeVisible();
    await expect(cards.first().getByText(/^\d{2},\d{2}$/).first()).toBeVisible();
    // Nothing is wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    await page.getByRole("combobox", { name: "Sắp xếp theo" }).selectOption("unit");
    const names = await cards.getByRole("heading", { level: 3 }).allInnerTexts();
    expect(names).toEqual([...names].sort(new Intl.Collator("vi").compare));

    await page.getByRole("searchbox", { name: "Tìm đơn vị" }).fill("y te");
    await expect(cards).toHaveCount(1);
    await expect(cards.getByRole("heading", { level: 3 })).toHaveText("Sở Y tế");
    await page.getByRole("searchbox", { name: "Tìm đơn vị" }).fill("");
    await page.screenshot({ path: testInfo.outputPath("period-page-390x844.png"), fullPage: false });
  });

  test("has a distribution chart with its figures as a table", async ({ page }) => {
    await page.goto(PERIOD);
    const figure = page.getByRole("figure", { name: /Phân bố chỉ số/ }).first();
    // The chart is drawn once the reader scrolls near it.
    await figure.scrollIntoViewIfNeeded();
    const chart = figure.getByRole("application", { name: /Biểu đồ cột: số đơn vị/ });
    await expect(chart).toBeVisible();
    await expect(figure.locator(".recharts-bar-rectangle").first()).toBeVisible();
    const drawn = await new AxeBuilder({ page }).include("figure").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(drawn.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
    await figure.getByText("Xem số liệu của biểu đồ dạng bảng").click();
    const counts = await figure.locator("tbody td").allInnerTexts();
    expect(counts.map(Number).reduce((sum, count) => sum + count, 0)).toBe(UNITS);
  });

  for (const locale of ["vi", "en"] as const) {
    test(`has no WCAG A/AA violations (${locale})`, async ({ page }) => {
      await page.goto(PERIOD);
      if (locale === "en") {
        await page.getByRole("button", { name: "English" }).click();
        await expect(page.locator("html")).toHaveAttribute("lang", "en");
        await expect(page.getByRole("searchbox", { name: "Find a unit" })).toBeVisible();
      }
      // Open every disclosure, so the field toggles and the chart's table are checked too.
      for (const summary of await page.locator("details > summary:visible").all()) await summary.click();
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
    });
  }

  test("has no WCAG A/AA violations as cards on a phone", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(PERIOD);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
  });
});

test.describe("group page", () => {
  for (const locale of ["vi", "en"] as const) {
    test(`shows one group's table and has no WCAG A/AA violations (${locale})`, async ({ page, context }) => {
      // Cookies are not tied to a port: this is the language button's cookie for the test server.
      if (locale === "en") await context.addCookies([{ name: "locale", value: "en", url: "http://localhost" }]);
      await page.goto("/son-la-so-2024/so");
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(/sở, ban, ngành|departments/i);
      await expect(page.locator("html")).toHaveAttribute("lang", locale);
      await expect(page.getByRole("table").first().locator("tbody tr")).toHaveCount(18);
      const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.length})`)).toEqual([]);
    });
  }
});
