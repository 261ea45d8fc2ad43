import { expect, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "demo-2025";

/** Signs in through the console's own form, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/console/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByLabel("Mật khẩu", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await expect(page.getByRole("navigation", { name: "Điều hướng bàn làm việc" })).toBeVisible();
}
