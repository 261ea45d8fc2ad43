import { readFile } from "node:fs/promises";
import { expect, test, type Browser, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { PDFDocument } from "pdf-lib";
import { signIn } from "./support/sign-in";

// Home affairs runs the demo's open 2025 SIPAS survey from the console: the list of periods, the
// questionnaire page with every unit's counts and QR posters, a wording fix, closing and reopening
// (it is left open, as the demo has it), and the flagged responses page; the council reads only.

const PERIOD = "son-la-so-2025";

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations).toEqual([]);
}

test("home affairs runs the survey: counts per unit, QR posters as PNG and PDF, a wording fix, close and reopen", async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, "admin@demo.parindex.vn");
  await page.goto("/console/sipas");
  const row = page.getByTestId(`sipas-period-${PERIOD}`);
  await expect(row).toContainText("Đang mở");
  await expect(page.getByTestId("sipas-period-son-la-so-2024")).toContainText("Chưa có bảng hỏi");
  await expectNoAxeViolations(page);

  await row.getByRole("link", { name: "Bảng hỏi" }).click();
  await expect(page.getByTestId("sipas-survey-status")).toHaveText("Đang mở");
  const unit = page.getByTestId("sipas-unit-so-noi-vu");
  await expect(unit.getByRole("link", { name: `/survey/${PERIOD}/so-noi-vu` })).toBeVisible();
  await expect(page.getByTestId("sipas-element-civil-servants")).toContainText("Công chức giải quyết công việc");
  await expectNoAxeViolations(page);

  // The posters: the code alone as a PNG, the A4 poster as a PDF naming the form's address.
  const [png] = await Promise.all([page.waitForEvent("download"), unit.getByRole("link", { name: "Tải áp phích PNG của Sở Nội vụ" }).click()]);
  expect(png.suggestedFilename()).toBe(`sipas-qr-${PERIOD}-so-noi-vu.png`);
  expect((await readFile((await png.path())!)).subarray(1, 4).toString("latin1")).toBe("PNG");
  const [pdf] = await Promise.all([page.waitForEvent("download"), unit.getByRole("link", { name: "Tải áp phích PDF của Sở Nội vụ" }).click()]);
  const poster = await PDFDocument.load(await readFile((await pdf.path())!));
  expect(poster.getPageCount()).toBe(1);
  expect(poster.getSubject()).toMatch(new RegExp(`^http://localhost:\\d+/survey/${PERIOD}/so-noi-vu$`));

  // A wording fix to one question, kept after a reload.
  const element = page.getByTestId("sipas-element-access");
  const editor = element.locator("details").filter({ has: page.locator("summary").getByText("Sửa access-2", { exact: true }) });
  await editor.locator("summary").click();
  await editor.getByLabel("Câu hỏi", { exact: true }).fill("Nơi ngồi chờ đủ chỗ ngồi, sạch sẽ, thoáng mát");
  await editor.getByRole("button", { name: "Lưu" }).click();
  await expect(editor.getByRole("status")).toHaveText("Đã lưu.");
  await page.reload();
  await expect(page.getByTestId("sipas-element-access")).toContainText("Nơi ngồi chờ đủ chỗ ngồi, sạch sẽ, thoáng mát");

  // Closed, then opened again: each asks first.
  page.on("dialog", (dialog) => void dialog.accept());
  await page.getByRole("button", { name: "Đóng khảo sát" }).click();
  await expect(page.getByTestId("sipas-survey-status")).toHaveText("Đã đóng");
  await page.getByRole("button", { name: "Mở lại khảo sát" }).click();
  await expect(page.getByTestId("sipas-survey-status")).toHaveText("Đang mở");

  await page.getByRole("link", { name: /^Xem xét phiếu bị gắn cờ/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Phiếu cần xem xét");
  await expectNoAxeViolations(page);
});

/** Questions of the demo's default questionnaire that need an answer. */
const REQUIRED = { access: 4, procedures: 4, "civil-servants": 5, results: 3, feedback: 3 };

/**
 * A robot's response to a unit's form, straight after loading it and with the hidden honeypot
 * filled in: stored as flagged, not counted. Its comment carries a script, to be shown as text.
 */
async function robotResponse(browser: Browser, unitCode: string, comment: string): Promise<void> {
  const context = await browser.newContext();
  const citizen = await context.newPage();
  await citizen.goto(`/survey/${PERIOD}/${unitCode}`);
  const token = await citizen.locator('input[name="token"]').first().inputValue();
  const answers = Object.fromEntries(Object.entries(REQUIRED).flatMap(([element, count]) => Array.from({ length: count }, (_, index) => [`q.${element}-${index + 1}`, "5"])));
  const response = await citizen.request.post(`/api/survey/${PERIOD}/${unitCode}`, { form: { token, ...answers, comment, email: "robot@example.com" }, maxRedirects: 0 });
  expect(response.status()).toBe(303);
  await context.close();
}

test("a flagged response is shown with its comment as text, and once accepted counts for its unit", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const script = "<script>alert('xss')</script> Rất tốt";
  await robotResponse(browser, "so-tu-phap", script);
  await signIn(page, "admin@demo.parindex.vn");
  await page.goto(`/console/sipas/${PERIOD}`);
  const accepted = page.getByTestId("sipas-unit-so-tu-phap").getByTestId("accepted");
  const before = Number(await accepted.textContent());
  await page.getByRole("link", { name: /^Xem xét phiếu bị gắn cờ \((\d+)\)$/ }).click();
  const row = page.getByTestId("flagged-response").filter({ hasText: "Sở Tư pháp" }).last();
  await expect(row).toContainText(script);
  await expect(row).toContainText("Trường ẩn chống máy gửi có dữ liệu");
  await expectNoAxeViolations(page);
  page.on("dialog", (dialog) => void dialog.accept());
  await row.getByRole("button", { name: "Chấp nhận", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: "Đã xem xét 1 phiếu." })).toBeVisible();
  await page.goto(`/console/sipas/${PERIOD}`);
  await expect(page.getByTestId("sipas-unit-so-tu-phap").getByTestId("accepted")).toHaveText(String(before + 1));
});

test("the council reads the questionnaire and counts, with no editing and no posters", async ({ page }) => {
  await signIn(page, "council@demo.parindex.vn");
  await page.goto(`/console/sipas/${PERIOD}`);
  await expect(page.getByTestId("sipas-survey-status")).toHaveText("Đang mở");
  await expect(page.getByText("Bạn xem bảng hỏi và số phiếu; chỉ Sở Nội vụ thay đổi được khảo sát.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Đóng khảo sát" })).toHaveCount(0);
  await expect(page.getByRole("link", { name: /Tải áp phích/ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});
