import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

test.describe("home page", () => {
  test("lists the published periods and shows the latest year at a glance from the database", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Kết quả Chỉ số cải cách hành chính" })).toBeVisible();
    await expect(page.getByText("Dữ liệu minh họa", { exact: false }).first()).toBeVisible();

    const periods = page.getByRole("region", { name: "Các kỳ đánh giá đã công bố" });
    await expect(periods.getByRole("link")).toHaveCount(9);
    await expect(periods.getByRole("link", { name: /2024 các sở, ban, ngành/ })).toBeVisible();

    const departments = page.getByRole("region", { name: "Khối sở, ban, ngành" }).first();
    await expect(departments.getByText(/18 đơn vị/)).toBeVisible();
    // The first list is the top of the group: its first unit ranks 1st.
    const top = departments.getByRole("list").first().getByRole("listitem");
    await expect(top.first()).toContainText("Hạng 1");
    // Vietnamese decimal comma, two decimals, rounded once from the exact index.
    await expect(top.first()).toContainText(/\d{2},\d{2}/);
    await departments.getByRole("link", { name: /Xem bảng xếp hạng đầy đủ/ }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Khối sở, ban, ngành" })).toBeVisible();
    await expect(page.getByRole("table").getByRole("row")).toHaveCount(19); // header + 18 departments
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

  test("an unknown group of a published period answers 404", async ({ page }) => {
    await page.goto("/");
    const groupLink = page.getByRole("link", { name: /Xem bảng xếp hạng đầy đủ/ }).first();
    const href = await groupLink.getAttribute("href");
    expect(href).toMatch(/^\/[^/]+\/[^/]+$/);
    const response = await page.goto(`${href!.split("/").slice(0, 2).join("/")}/khong-co-khoi-nay`);
    expect(response?.status()).toBe(404);
  });
});

test("health reports the database", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: "ok", database: { status: "up" } });
});
