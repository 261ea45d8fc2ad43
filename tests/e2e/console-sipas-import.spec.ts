import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signIn } from "./support/sign-in";

// Home affairs imports paper SIPAS forms for the demo's open 2025 period: the CSV template's header
// filled in with two forms is stored, the same file again is refused row by row.

const PERIOD = "son-la-so-2025";
const PAGE = `/console/sipas/${PERIOD}/import`;

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations).toEqual([]);
}

test("home affairs uploads a CSV of paper forms, sees them counted, and the same file again is refused", async ({ page }) => {
  await signIn(page, "admin@demo.parindex.vn");
  await page.goto(PAGE);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Nhập phiếu khảo sát SIPAS");
  await expectNoAxeViolations(page);

  const template = await page.request.get(`/api/console/sipas/${PERIOD}/responses?format=csv`);
  expect(template.status()).toBe(200);
  const header = (await template.text()).replace(/^\uFEFF/, "").split(/\r?\n/)[0]!.split(",");
  expect(header.slice(0, 3)).toEqual(["Mã đơn vị", "Số phiếu", "Ngày"]);
  // Semicolons, as Vietnamese Excel writes them; every question answered 5.
  const row = (unit: string, number: string) =>
    header.map((column) => (column === "Mã đơn vị" ? unit : column === "Số phiếu" ? number : column === "Ngày" ? "15/10/2025" : column === "Mã hồ sơ" || column === "Ý kiến" ? "" : "5")).join(";");
  const stamp = Date.now().toString(36);
  const csv = `\uFEFF${[header.join(";"), row("so-noi-vu", `E2E-${stamp}-1`), row("so-tu-phap", `E2E-${stamp}-2`)].join("\r\n")}\r\n`;
  const file = { name: "phieu-giay.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") };

  await page.getByLabel("Phiếu giấy").check();
  await page.getByLabel("Tệp phiếu khảo sát (CSV hoặc XLSX)").setInputFiles(file);
  await page.getByRole("button", { name: "Kiểm tra và nhập" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã nhập" })).toHaveText("Đã nhập 2 phiếu cho 2 đơn vị.");

  await page.reload();
  await expect(page.getByTestId("sipas-import-counts")).toContainText("Phiếu giấy");
  await page.getByLabel("Tệp phiếu khảo sát (CSV hoặc XLSX)").setInputFiles(file);
  await page.getByRole("button", { name: "Kiểm tra và nhập" }).click();
  const alert = page.getByRole("alert").filter({ hasText: "Không phiếu nào được nhập." });
  await expect(alert).toContainText("Không phiếu nào được nhập.");
  await expect(page.getByTestId("sipas-import-problems")).toContainText(`Dòng 2, cột Số phiếu: phiếu số "E2E-${stamp}-1" đã được nhập trước đây`);
  await expect(page.getByTestId("sipas-import-problems")).toContainText(`Dòng 3, cột Số phiếu: phiếu số "E2E-${stamp}-2" đã được nhập trước đây`);
  await expectNoAxeViolations(page);
});
