import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { DEMO_PASSWORD, signIn } from "./support/sign-in";

test.describe("console sign-in", () => {
  test("a console page asks for sign-in and comes back to it afterwards", async ({ page }) => {
    await page.goto("/console/assessments");
    await expect(page).toHaveURL(/\/console\/sign-in\?next=%2Fconsole%2Fassessments/);
    await expect(page.getByRole("heading", { level: 1, name: "Đăng nhập bàn làm việc" })).toBeVisible();
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
    expect(results.violations).toEqual([]);
    await page.getByLabel("Email", { exact: true }).fill("noivu@demo.parindex.vn");
    await page.getByLabel("Mật khẩu", { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page).toHaveURL(/\/console\/assessments$/);
    await expect(page.getByRole("heading", { level: 1, name: "Tự đánh giá" })).toBeVisible();
    await expect(page.getByText("Nguyễn Thị Thu Trang")).toBeVisible();
  });

  test("a wrong password is refused with a clear message, and the form keeps the email", async ({ page }) => {
    await page.goto("/console/sign-in");
    await page.getByLabel("Email", { exact: true }).fill("council@demo.parindex.vn");
    await page.getByLabel("Mật khẩu", { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: "Đăng nhập" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Email hoặc mật khẩu không đúng." })).toBeVisible();
    await expect(page.getByLabel("Email", { exact: true })).toHaveValue("council@demo.parindex.vn");
  });

  test("an officer reaches only their own unit: another unit's address answers 404", async ({ page }) => {
    await signIn(page, "noivu@demo.parindex.vn");
    await page.goto("/console/assessments");
    await page.getByRole("link", { name: /2025/ }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Sở Nội vụ");
    const other = await page.goto(page.url().replace("so-noi-vu", "so-tu-phap"));
    expect(other?.status()).toBe(404);
    const council = await page.goto("/console/appraisal");
    expect(council?.status()).toBe(404);
  });

  test("sign-out ends the session", async ({ page }) => {
    await signIn(page, "admin@demo.parindex.vn");
    await page.getByRole("button", { name: "Đăng xuất" }).click();
    await expect(page).toHaveURL(/\/console\/sign-in/);
    await page.goto("/console/periods");
    await expect(page).toHaveURL(/\/console\/sign-in/);
  });
});
