import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`)).toEqual([]);
}

test.describe("open data page", () => {
  test("documents the XLSX download and links each published group's workbook", async ({ page, request }) => {
    await page.goto("/open-data");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dữ liệu mở — API công khai");
    const section = page.getByRole("region", { name: "Bảng xếp hạng dạng Excel (XLSX)" });
    await expect(section.getByText("/api/v1/periods/{period}/rankings.xlsx?group={group}")).toBeVisible();
    await expect(section.getByText(/Tên tệp tải về: par-index-<mã kỳ>-<mã khối>\.xlsx/)).toBeVisible();

    const link = page.getByRole("link", { name: /^Bảng xếp hạng Khối sở, ban, ngành, Chỉ số CCHC năm 2024 .*, dạng XLSX$/ });
    await expect(link).toHaveAttribute("href", "/api/v1/periods/son-la-so-2024/rankings.xlsx?group=so");
    const workbook = await request.get((await link.getAttribute("href"))!);
    expect(workbook.status()).toBe(200);
    expect(workbook.headers()["content-disposition"]).toContain('filename="par-index-son-la-so-2024-so.xlsx"');
  });

  for (const locale of ["vi", "en"] as const) {
    test(`has no WCAG A/AA violations (${locale})`, async ({ page }) => {
      await page.goto("/open-data");
      if (locale === "en") {
        await page.getByRole("button", { name: "English" }).click();
        await expect(page.locator("html")).toHaveAttribute("lang", "en");
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Open data — public API");
        await expect(page.getByRole("heading", { level: 2, name: "League table as Excel (XLSX)" })).toBeVisible();
      } else {
        await expect(page.locator("html")).toHaveAttribute("lang", "vi");
      }
      await expectNoViolations(page);
    });
  }
});
