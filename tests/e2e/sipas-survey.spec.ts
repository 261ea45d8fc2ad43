import { devices, expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signIn } from "./support/sign-in";

/** The demo's open 2025 period of departments has an open SIPAS survey (scripts/seed/seed-demo.ts). */
const PERIOD = "son-la-so-2025";
const UNIT = "so-tu-phap";
const FORM = `/survey/${PERIOD}/${UNIT}`;
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

// A phone, as after scanning the QR code at the desk (Chromium is the only browser here).
// (defaultBrowserType cannot be set per file.)
const pixel7 = Object.fromEntries(Object.entries(devices["Pixel 7"]).filter(([key]) => key !== "defaultBrowserType"));
test.use(pixel7);

async function expectNoViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations.map((violation) => `${label}: ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** Chooses "4 — Hài lòng" for every question of the step on screen. */
async function answerVisibleStep(page: Page) {
  const questions = page.locator("section:not([hidden]) fieldset fieldset");
  const count = await questions.count();
  for (let index = 0; index < count; index++) await questions.nth(index).getByRole("radio", { name: "4 — Hài lòng" }).check();
  return count;
}

test.describe("the public SIPAS survey on a phone", () => {
  test("a citizen answers every step and reaches the thank-you page; no accessibility violations on the way", async ({ page }) => {
    // An axe scan at each of the seven steps and on the thank-you page: more than the default 30 s on 2 cores.
    test.setTimeout(120_000);
    await page.goto(FORM);
    await expect(page.locator("html")).toHaveAttribute("lang", "vi");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Khảo sát mức độ hài lòng");
    await expect(page.getByText("Sở Tư pháp", { exact: true })).toBeVisible();
    const progress = page.getByText(/^Bước \d+\/\d+$/);
    await expect(progress).toHaveText(/^Bước 1\/\d+$/);
    const total = Number((await progress.textContent())!.split("/")[1]);
    expect(total).toBeGreaterThanOrEqual(6);
    await expectNoViolations(page, "step 1");

    // Next without answering: the step says what is missing, at each question.
    await page.getByRole("button", { name: "Tiếp theo" }).click();
    await expect(page.locator("#survey-errors")).toContainText(/Còn \d+ câu chưa trả lời ở bước này\./);
    const firstQuestion = page.locator("section:not([hidden]) fieldset fieldset").first();
    await expect(firstQuestion).toHaveAccessibleDescription("Hãy chọn một câu trả lời cho câu này.");
    await expect(progress).toHaveText(`Bước 1/${total}`);
    await expectNoViolations(page, "step 1 with errors");

    for (let step = 1; step < total; step++) {
      await expect(progress).toHaveText(`Bước ${step}/${total}`);
      expect(await answerVisibleStep(page)).toBeGreaterThan(0);
      await page.getByRole("button", { name: "Tiếp theo" }).click();
      await expect(progress).toHaveText(`Bước ${step + 1}/${total}`);
      await expectNoViolations(page, `step ${step + 1}`);
    }

    // Back and forth keeps the answers.
    await page.getByRole("button", { name: "Quay lại" }).click();
    await expect(page.locator("section:not([hidden]) fieldset fieldset").first().getByRole("radio", { name: "4 — Hài lòng" })).toBeChecked();
    await page.getByRole("button", { name: "Tiếp theo" }).click();

    await expect(page.getByRole("heading", { name: "Thông tin được lưu" })).toBeVisible();
    await expect(page.getByText(/không bao giờ lưu chính địa chỉ IP/)).toBeVisible();
    await page.getByLabel("Mã hồ sơ (không bắt buộc)").fill("000.00.12.H56-251124-0007");
    await page.getByLabel("Góp ý khác (không bắt buộc)").fill('Rất tốt <script>alert("x")</script>');
    await expect(page.getByText("35/2.000 ký tự")).toBeVisible();
    await expectNoViolations(page, "last step");
    await page.getByRole("button", { name: "Gửi ý kiến" }).click();

    await expect(page).toHaveURL(new RegExp(`${FORM}/thanks$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cảm ơn bạn đã góp ý!");
    await expect(page.getByText("Ý kiến của bạn về Sở Tư pháp đã được ghi nhận.")).toBeVisible();
    await expectNoViolations(page, "thank-you page");

    // The same phone again today: refused in place, with the reason.
    await page.goto(FORM);
    for (let step = 1; step < total; step++) {
      // The step counter appears once the form has hydrated; before that every section shows.
      await expect(progress).toHaveText(`Bước ${step}/${total}`);
      await answerVisibleStep(page);
      await page.getByRole("button", { name: "Tiếp theo" }).click();
    }
    await page.getByRole("button", { name: "Gửi ý kiến" }).click();
    await expect(page.locator("#survey-errors")).toContainText("Bạn đã góp ý cho đơn vị này hôm nay.");
    await expect(page).toHaveURL(new RegExp(`${FORM}$`));
  });

  test("without JavaScript the form is one page that still sends", async ({ browser }) => {
    const context = await browser.newContext({ ...pixel7, javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`/survey/${PERIOD}/so-y-te`);
    await expect(page.getByText(/^Bước/)).toHaveCount(0);
    const questions = page.locator("fieldset fieldset");
    const count = await questions.count();
    for (let index = 0; index < count; index++) await questions.nth(index).getByRole("radio", { name: "5 — Rất hài lòng" }).check();
    await expect(page.getByRole("button", { name: "Gửi ý kiến" })).toBeVisible();
    await page.getByRole("button", { name: "Gửi ý kiến" }).click();
    await expect(page).toHaveURL(new RegExp(`/survey/${PERIOD}/so-y-te/thanks$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cảm ơn bạn đã góp ý!");
    await context.close();
  });

  test("in English through the language button", async ({ page }) => {
    await page.goto(`/survey/${PERIOD}/so-tai-chinh`);
    await page.getByRole("button", { name: "English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Satisfaction survey");
    await expect(page.getByText(/^Step 1 of \d+$/)).toBeVisible();
    await expectNoViolations(page, "English form");
  });

  test("a period without an open survey says so, without a form; an unknown unit is 404", async ({ page }) => {
    await page.goto(`/survey/son-la-so-2024/${UNIT}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Khảo sát chưa mở");
    await expect(page.getByRole("button", { name: "Gửi ý kiến" })).toHaveCount(0);
    await expectNoViolations(page, "not open page");
    const missing = await page.goto(`/survey/${PERIOD}/khong-co-don-vi-nay`);
    expect(missing?.status()).toBe(404);
  });
  test("home affairs sees the unit's count rise once a citizen has answered", async ({ browser, page }) => {
    test.setTimeout(90_000);
    const admin = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    await signIn(admin, "admin@demo.parindex.vn");
    await admin.goto(`/console/sipas/${PERIOD}`);
    const accepted = admin.getByTestId("sipas-unit-so-xay-dung").getByTestId("accepted");
    const before = Number(await accepted.textContent());

    // A citizen at the desk of the construction department scans its code and answers.
    await page.goto(`/survey/${PERIOD}/so-xay-dung`);
    const progress = page.getByText(/^Bước \d+\/\d+$/);
    const total = Number((await progress.textContent())!.split("/")[1]);
    for (let step = 1; step < total; step++) {
      await answerVisibleStep(page);
      await page.getByRole("button", { name: "Tiếp theo" }).click();
      await expect(progress).toHaveText(`Bước ${step + 1}/${total}`);
    }
    // Not a robot: people take longer than the minimum fill time.
    await page.waitForTimeout(3_000);
    await page.getByRole("button", { name: "Gửi ý kiến" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Cảm ơn bạn đã góp ý!");

    await admin.reload();
    await expect(admin.getByTestId("sipas-unit-so-xay-dung").getByTestId("accepted")).toHaveText(String(before + 1));
  });
});
