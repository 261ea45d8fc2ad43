import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

test.describe("home page", () => {
  test("lists the published periods and shows the latest league tables from the database", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Kết quả Chỉ số cải cách hành chính" })).toBeVisible();
    await expect(page.getByText("Dữ liệu minh họa", { exact: false }).first()).toBeVisible();

    const periods = page.getByRole("region", { name: "Các kỳ đánh giá đã công bố" });
    await expect(periods.getByRole("link")).toHaveCount(9);
    await expect(periods.getByRole("link", { name: /2024 các sở, ban, ngành/ })).toBeVisible();

    const table = page.getByRole("table", { name: /Khối sở, ban, ngành/ }).first();
    await expect(table.getByRole("row")).toHaveCount(19); // header + 18 departments
    // Vietnamese decimal comma, two decimals.
    await expect(table.getByRole("cell").filter({ hasText: /^\d{2},\d{2}$/ }).first()).toBeVisible();
  });

  test("a period page shows one league table per group, ranked, with shared ranks where tied", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: /2024 các xã/ }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("2024");
    const ranks = await page.locator("tbody tr td:first-child").allInnerTexts();
    expect(ranks.length).toBe(14); // 15 communes, two merged in 2024
    const numbers = ranks.map(Number);
    expect(numbers[0]).toBe(1);
    expect([...numbers].sort((a, b) => a - b)).toEqual(numbers);
  });

  test("switches to English and back, keeping the page", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Public Administration Reform Index results" })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await page.getByRole("button", { name: "Tiếng Việt" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  });

  test("has no WCAG A/AA violations", async ({ page }) => {
    await page.goto("/");
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.help}`)).toEqual([]);
  });

  test("an unknown period answers 404", async ({ page }) => {
    const response = await page.goto("/khong-ton-tai-2099");
    expect(response?.status()).toBe(404);
  });
});

test("health reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { status: "up" } });
});
