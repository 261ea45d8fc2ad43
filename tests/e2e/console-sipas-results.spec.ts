import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signIn } from "./support/sign-in";

// The council reviews the SIPAS figures of the demo's open 2025 period: paper forms for Sở Nội vụ
// are imported by home affairs, the council recomputes, sees the unit's figures and is told it
// cannot approve while the survey still takes responses.

const PERIOD = "son-la-so-2025";
const RESULTS = `/console/sipas/${PERIOD}/results`;

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations).toEqual([]);
}

async function importPaperForms(page: Page, unitCode: string, count: number): Promise<void> {
  const template = await page.request.get(`/api/console/sipas/${PERIOD}/responses?format=csv`);
  expect(template.status()).toBe(200);
  const header = (await template.text()).replace(/^\uFEFF/, "").split(/\r?\n/)[0]!.split(",");
  const stamp = Date.now().toString(36);
  const row = (number: number) =>
    header
      .map((column) =>
        column === "Mã đơn vị" ? unitCode : column === "Số phiếu" ? `KQ-${stamp}-${number}` : column === "Ngày" ? "15/10/2025" : column === "Mã hồ sơ" || column === "Ý kiến" ? "" : String(3 + (number % 3)),
      )
      .join(",");
  const csv = `\uFEFF${[header.join(","), ...Array.from({ length: count }, (_, number) => row(number))].join("\r\n")}\r\n`;
  await page.goto(`/console/sipas/${PERIOD}/import`);
  await page.getByLabel("Phiếu giấy").check();
  await page.getByLabel("Tệp phiếu khảo sát (CSV hoặc XLSX)").setInputFiles({ name: "phieu.csv", mimeType: "text/csv", buffer: Buffer.from(csv, "utf8") });
  await page.getByRole("button", { name: "Kiểm tra và nhập" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã nhập" })).toContainText(`Đã nhập ${count} phiếu`);
}

test("the council recomputes a unit's SIPAS figures and cannot approve them while the survey is open", async ({ browser }) => {
  // Each person in their own browser context (axe-core needs one per page, and sessions stay apart).
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  await signIn(admin, "admin@demo.parindex.vn");
  await importPaperForms(admin, "so-noi-vu", 6);
  await adminContext.close();

  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, "council@demo.parindex.vn");
  await page.goto(RESULTS);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Kết quả SIPAS");
  await expect(page.getByTestId("sipas-survey-status")).toHaveText("đang mở, vẫn nhận phiếu");

  page.once("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Tính lại" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã tính lại" })).toBeVisible();

  const row = page.getByTestId("sipas-row-so-noi-vu");
  await expect(row.getByTestId("sipas-state")).toContainText("Đã tính, chờ phê duyệt");
  // Responses as a whole number, the index with a decimal comma and two decimals.
  await expect(row.getByTestId("sipas-responses")).toHaveText(/^\d+$/);
  await expect(row.getByTestId("sipas-index")).toHaveText(/^\d{1,3},\d{2}$/);
  await expectNoAxeViolations(page);

  page.once("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Phê duyệt số liệu SIPAS của Sở Nội vụ" }).click();
  await expect(row.getByRole("alert")).toContainText("Chưa thể phê duyệt: khảo sát đang mở.");
  await expect(row.getByTestId("sipas-state")).toContainText("Đã tính, chờ phê duyệt");

  await row.getByRole("link", { name: "Sở Nội vụ" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Kết quả SIPAS — Sở Nội vụ");
  await expect(page.getByRole("table", { name: "Chỉ số theo câu hỏi" })).toBeVisible();
  await expectNoAxeViolations(page);
  await context.close();
});
