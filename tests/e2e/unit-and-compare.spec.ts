import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

// The demo data (scripts/demo-data): Sở Nội vụ is in the departments periods 2022–2024 (7 fields);
// two communes merged into xa-chieng-dong-kheo in 2024; son-la-so-2025 is open, not published.
const UNIT = "/units/so-noi-vu";
const MERGED = "/units/xa-chieng-dong-kheo";
const COMPARED = "/compare?period=mai-son-xa-2024&units=xa-chieng-dong-kheo,xa-na-bo,xa-chieng-mung";
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/**
 * Scrolls through the page so that the charts, loaded when near the screen, are drawn. A pass made
 * before the page has hydrated (a busy machine) passes the charts unseen, so it scrolls again until
 * they are there.
 */
async function revealCharts(page: Page, charts: number) {
  await expect(async () => {
    for (let y = 0; y < (await page.evaluate(() => document.body.scrollHeight)); y += 400) {
      await page.evaluate((top) => window.scrollTo(0, top), y);
      await page.waitForTimeout(50);
    }
    await expect(page.locator("svg.recharts-surface")).toHaveCount(charts, { timeout: 2_000 });
  }).toPass({ timeout: 25_000 });
}

async function expectNoViolations(page: Page) {
  for (const summary of await page.locator("details > summary:visible").all()) await summary.click();
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`)).toEqual([]);
}

test.describe("unit page", () => {
  test("shows the result, the field and criterion breakdown, the points lost and the history", async ({ page }) => {
    await page.goto(UNIT);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sở Nội vụ");
    await expect(page).toHaveTitle(/Sở Nội vụ — Chỉ số CCHC năm 2024/);
    expect(await page.locator('meta[name="description"]').getAttribute("content")).toMatch(/chỉ số \d{2},\d{2}%, hạng \d+\/18 trong Khối sở, ban, ngành/);
    expect(await page.locator('meta[property="og:title"]').getAttribute("content")).toContain("Sở Nội vụ");

    const summary = page.getByRole("region", { name: /Kết quả: Chỉ số CCHC năm 2024/ });
    await expect(summary.getByText(/^hạng \d+\/18 trong Khối sở, ban, ngành$/)).toBeVisible();
    await expect(summary.getByText(/Trung bình của khối \(Khối sở, ban, ngành\): \d{2},\d{2}/)).toBeVisible();
    await expect(summary.getByText(/^(Xuất sắc|Tốt|Khá|Trung bình|Yếu)$/)).toBeVisible();

    const fields = page.getByRole("table", { name: /Điểm theo lĩnh vực của Sở Nội vụ/ });
    await expect(fields.locator("tbody tr")).toHaveCount(7);
    await expect(fields.locator("tfoot")).toContainText(/\d{2},\d{2} \/ 100/);
    await expect(page.getByRole("img", { name: /Biểu đồ thanh: tỷ lệ điểm đạt/ })).toBeVisible();

    const lost = page.getByRole("table", { name: /tiêu chí mất nhiều điểm nhất|Tiêu chí bị mất điểm của Sở Nội vụ/ }).first();
    const losses = (await lost.locator("tbody td:nth-child(2)").allInnerTexts()).map((text) => Number(text.replace(",", ".")));
    expect(losses.length).toBeGreaterThan(0);
    expect(losses).toEqual([...losses].sort((a, b) => b - a));

    // Criteria open with the keyboard alone.
    const firstField = page.getByRole("region", { name: "Điểm chi tiết theo tiêu chí" }).locator("summary").first();
    await firstField.focus();
    await page.keyboard.press("Enter");
    await expect(page.getByRole("table", { name: /Điểm chi tiết lĩnh vực 1\./ })).toBeVisible();

    const history = page.getByRole("table", { name: "Kết quả của Sở Nội vụ qua các kỳ" });
    await expect(history.locator("tbody tr")).toHaveCount(3);
    await expect(history.getByRole("rowheader")).toContainText(["2022", "2023", "2024"]);

    await expect(page.getByRole("heading", { name: /SIPAS/ })).toBeVisible();
    await expect(page.getByText(/\d+ phiếu khảo sát hợp lệ/)).toBeVisible();
  });

  test("draws the history as charts that the keyboard can step through", async ({ page }) => {
    await page.goto(UNIT);
    await revealCharts(page, 2);
    const chart = page.getByRole("application", { name: /Chỉ số qua các kỳ/ });
    await chart.focus();
    await page.keyboard.press("ArrowRight");
    await expect(page.locator(".recharts-tooltip-wrapper").first()).toContainText(/Sở Nội vụ: Chỉ số \d{2},\d{2}%/);
  });

  test("switches between the unit's periods", async ({ page }) => {
    await page.goto(UNIT);
    const periods = page.getByRole("navigation", { name: "Các kỳ đánh giá của đơn vị" });
    await expect(periods.getByRole("link", { name: /^2024/ })).toHaveAttribute("aria-current", "page");
    await periods.getByRole("link", { name: /^2023/ }).click();
    await expect(page).toHaveURL(/\/units\/so-noi-vu\?period=son-la-so-2023$/);
    await expect(page.getByRole("heading", { level: 2, name: /Kết quả: Chỉ số CCHC năm 2023/ })).toBeVisible();
    await expect(periods.getByRole("link", { name: /^2023/ })).toHaveAttribute("aria-current", "page");
  });

  test("shows a merged unit's predecessors and marks the merge as not directly comparable", async ({ page }) => {
    await page.goto(MERGED);
    const lineage = page.getByRole("heading", { name: "Hợp nhất, chia tách" }).locator("..");
    await expect(lineage.getByRole("link", { name: "UBND xã Chiềng Kheo" })).toHaveAttribute("href", "/units/xa-chieng-kheo");
    await expect(
      page.getByRole("listitem").filter({ hasText: "Đơn vị hình thành từ hợp nhất: không so sánh trực tiếp được thứ hạng với kỳ trước." }),
    ).toBeVisible();
    await expect(page.getByText(/Thứ hạng kỳ trước của các đơn vị tiền thân: UBND xã Chiềng Dong: hạng \d+; UBND xã Chiềng Kheo: hạng \d+/)).toBeVisible();
    const history = page.getByRole("table", { name: /qua các kỳ/ });
    await expect(history.getByText("(đơn vị tiền thân)")).toHaveCount(4);
    await expect(page.getByText("Từ 2023 sang 2024: không so sánh trực tiếp được (đơn vị hợp nhất hoặc chia tách).").last()).toBeVisible();

    await page.getByRole("link", { name: "UBND xã Chiềng Kheo" }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("UBND xã Chiềng Kheo");
    await expect(page.getByText("Đã hợp nhất vào:")).toBeVisible();
  });

  test("looks right on a phone: nothing wider than the screen", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(MERGED);
    await revealCharts(page, 2);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: testInfo.outputPath("unit-page-390x844.png"), fullPage: false });
  });

  test("answers 404 for an unknown unit and for a period that is not published", async ({ page }) => {
    const unknown = await page.goto("/units/khong-ton-tai");
    expect(unknown?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Không tìm thấy trang" })).toBeVisible();
    await expect(page.getByRole("link", { name: /Về trang chủ/ })).toBeVisible();
    expect((await page.goto(`${UNIT}?period=son-la-so-2025`))?.status()).toBe(404);
  });
});

test.describe("compare page", () => {
  test("compares two units chosen with the form, at an address that can be shared", async ({ page, context }) => {
    await page.goto("/compare");
    await page.getByLabel("Kỳ đánh giá").selectOption({ label: "Chỉ số CCHC năm 2024 các sở, ban, ngành tỉnh Sơn La (dữ liệu minh họa)" });
    await page.getByRole("button", { name: "Chọn kỳ này" }).click();
    await expect(page).toHaveURL(/\/compare\?period=son-la-so-2024$/);

    await page.getByLabel("Đơn vị 1").selectOption({ label: "Sở Nội vụ" });
    await page.getByLabel("Đơn vị 2").selectOption({ label: "Sở Tư pháp" });
    await page.getByRole("button", { name: "So sánh" }).click();
    await expect(page).toHaveURL(/\/compare\?period=son-la-so-2024&units=so-noi-vu,so-tu-phap$/);

    const table = page.getByRole("table", { name: /So sánh đơn vị — Chỉ số CCHC năm 2024 các sở/ });
    await expect(table.getByRole("columnheader")).toHaveText(["Sở Nội vụ", "Sở Tư pháp"]);
    await expect(table.getByRole("rowheader")).toHaveCount(5 + 7); // group, total, index, rank, band + 7 fields
    await expect(page.getByRole("link", { name: /compare\?period=son-la-so-2024&units=so-noi-vu,so-tu-phap/ })).toBeVisible();
    await revealCharts(page, 1);

    const shared = await context.newPage();
    await shared.goto(page.url());
    await expect(shared.getByRole("table", { name: /So sánh đơn vị/ }).getByRole("columnheader")).toHaveText(["Sở Nội vụ", "Sở Tư pháp"]);
    await expect(shared.getByLabel("Đơn vị 2")).toHaveValue("so-tu-phap");
  });

  test("says what is wrong with a malformed address, and which units the period lacks", async ({ page }) => {
    const response = await page.goto("/compare?period=son-la-so-2024&units=a,b,c,d,e");
    expect(response?.status()).toBe(200);
    // Filtered: Next.js's route announcer is an alert too.
    await expect(page.getByRole("alert").filter({ hasText: 'Tham số "units" chỉ được chọn tối đa 4 đơn vị.' })).toBeVisible();
    await expect(page.getByLabel("Kỳ đánh giá")).toHaveValue("son-la-so-2024");

    await page.goto("/compare?period=son-la-so-2024&units=so-noi-vu,xa-na-bo");
    await expect(page.getByRole("alert").filter({ hasText: "Kỳ này không có kết quả của đơn vị có mã: xa-na-bo." })).toBeVisible();
    await expect(page.getByRole("table", { name: /So sánh đơn vị/ }).getByRole("columnheader")).toHaveText(["Sở Nội vụ"]);
  });

  test("answers 404 for an unknown or unpublished period", async ({ page }) => {
    expect((await page.goto("/compare?period=son-la-so-2025&units=so-noi-vu"))?.status()).toBe(404);
    expect((await page.goto("/compare?period=khong-ton-tai"))?.status()).toBe(404);
  });

  test("fits a phone", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(COMPARED);
    await revealCharts(page, 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});

for (const locale of ["vi", "en"] as const) {
  test.describe(`accessibility (${locale})`, () => {
    test.beforeEach(async ({ page }) => {
      if (locale === "en") {
        await page.goto("/");
        await page.getByRole("button", { name: "English" }).click();
        await expect(page.locator("html")).toHaveAttribute("lang", "en");
      }
    });

    test("the unit page has no WCAG A/AA violations", async ({ page }) => {
      await page.goto(MERGED);
      if (locale === "en") await expect(page.getByRole("heading", { name: "Points by field" })).toBeVisible();
      await revealCharts(page, 2);
      await expectNoViolations(page);
    });

    test("the compare page has no WCAG A/AA violations", async ({ page }) => {
      await page.goto(COMPARED);
      if (locale === "en") await expect(page.getByRole("heading", { level: 1, name: "Compare units" })).toBeVisible();
      await revealCharts(page, 1);
      await expectNoViolations(page);
    });

    test("the 404 page has no WCAG A/AA violations", async ({ page }) => {
      await page.goto("/units/khong-ton-tai");
      await expectNoViolations(page);
    });
  });
}
