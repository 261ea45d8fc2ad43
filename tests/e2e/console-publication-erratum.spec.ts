import { expect, test, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signIn } from "./support/sign-in";

// Runs after console-journey.spec.ts (files run in name order), which published "e2e-2026" with
// the single unit Sở Nội vụ at 99,50: every leaf at its max but one. Home affairs corrects one
// full-marks leaf by 0,25 through an erratum; bad lines are refused next to the line first.

const PERIOD = "e2e-2026";
const UNIT = "so-noi-vu";
/** A leaf of the departments' set the journey accepted at its max, 1,5. */
const LEAF = "1.3";
const ERRATUM_REASON = "Đính chính theo Quyết định số 45/QĐ-UBND: sai sót khi tổng hợp biên bản kiểm tra";

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations).toEqual([]);
}

function line(section: Locator, position: number): Locator {
  return section.getByRole("group", { name: `Dòng đính chính ${position}` });
}

test("home affairs corrects a published leaf through an erratum: refused lines marked, then version 2 public", async ({ page, browser }) => {
  test.setTimeout(120_000);
  page.on("dialog", (dialog) => void dialog.accept());
  await signIn(page, "admin@demo.parindex.vn");
  await page.goto(`/console/periods/${PERIOD}`);
  await expect(page.getByTestId("period-status")).toHaveText("Đã công bố");

  const section = page.getByRole("region", { name: "Đính chính kết quả" });
  const history = page.getByRole("region", { name: "Lịch sử công bố" });
  await expect(history.getByRole("listitem")).toHaveCount(1);

  // Line 1 over the leaf's max, line 2 without its reason.
  await section.getByLabel("Lý do đính chính (bắt buộc)").fill(ERRATUM_REASON);
  const first = line(section, 1);
  await first.getByLabel("Đơn vị", { exact: true }).selectOption(UNIT);
  await first.getByLabel("Tiêu chí thành phần", { exact: true }).selectOption(LEAF);
  await expect(first.getByText("Điểm đang công bố: 1,5 / tối đa 1,5")).toBeVisible();
  await first.getByLabel("Điểm mới", { exact: true }).fill("1,75");
  await first.getByLabel("Lý do sửa tiêu chí này (bắt buộc)").fill("Biên bản kiểm tra thiếu chữ ký");
  await section.getByRole("button", { name: "Thêm dòng đính chính" }).click();
  const second = line(section, 2);
  await second.getByLabel("Đơn vị", { exact: true }).selectOption(UNIT);
  await second.getByLabel("Tiêu chí thành phần", { exact: true }).selectOption("1.2");
  await second.getByLabel("Điểm mới", { exact: true }).fill("1");

  await section.getByRole("button", { name: "Công bố bản đính chính" }).click();
  await expect(section.getByRole("alert")).toContainText("Đính chính chưa hợp lệ, xem các dòng được đánh dấu. Chưa có gì thay đổi.");
  await expect(second.getByTestId("erratum-line-error")).toHaveText("Cần nêu lý do.");
  await expect(first.getByTestId("erratum-line-error")).toHaveCount(0);
  await expectNoAxeViolations(page);

  // Without line 2, the service refuses line 1's points above the max, next to line 1.
  await second.getByRole("button", { name: "Bỏ dòng 2" }).click();
  await expect(second).toHaveCount(0);
  await section.getByRole("button", { name: "Công bố bản đính chính" }).click();
  await expect(first.getByTestId("erratum-line-error")).toContainText("vượt quá điểm tối đa 1.5");
  await expect(section.getByRole("alert")).toContainText("Chưa có gì thay đổi.");
  await page.reload();
  await expect(history.getByRole("listitem")).toHaveCount(1);

  // The typed reason and line are gone with the reload: the corrected erratum, confirmed.
  await section.getByLabel("Lý do đính chính (bắt buộc)").fill(ERRATUM_REASON);
  await first.getByLabel("Đơn vị", { exact: true }).selectOption(UNIT);
  await first.getByLabel("Tiêu chí thành phần", { exact: true }).selectOption(LEAF);
  await first.getByLabel("Điểm mới", { exact: true }).fill("1,25");
  await first.getByLabel("Lý do sửa tiêu chí này (bắt buộc)").fill("Biên bản kiểm tra thiếu chữ ký");
  await section.getByRole("button", { name: "Công bố bản đính chính" }).click();
  await expect(section.getByRole("status")).toHaveText("Đã công bố bản đính chính số 2. Cổng công khai đã cập nhật.");
  await expect(history.getByRole("listitem")).toHaveCount(2);
  await expect(history.getByRole("listitem").first()).toContainText("Bản 2");
  await expect(history.getByRole("listitem").first()).toContainText(`Đính chính: ${ERRATUM_REASON}`);
  // The form now starts from the corrected points.
  await first.getByLabel("Đơn vị", { exact: true }).selectOption(UNIT);
  await first.getByLabel("Tiêu chí thành phần", { exact: true }).selectOption(LEAF);
  await expect(first.getByText("Điểm đang công bố: 1,25 / tối đa 1,5")).toBeVisible();
  await expectNoAxeViolations(page);

  // The public league table shows the corrected total, the methodology page the erratum.
  const citizen = await browser.newPage();
  await citizen.goto(`/${PERIOD}`);
  await expect(citizen.getByRole("row", { name: /Sở Nội vụ/ })).toContainText("99,25");
  await citizen.goto(`/methodology/${PERIOD}`);
  const versions = citizen.getByRole("list", { name: "Các bản công bố, mới nhất trước" });
  const erratum = versions.getByRole("listitem").filter({ hasText: "Lần 2: đính chính" });
  await expect(erratum).toContainText("Bản hiện hành");
  await expect(erratum).toContainText(ERRATUM_REASON);
  await expect(versions.getByRole("listitem").filter({ hasText: "Lần 1: công bố lần đầu" })).toContainText("Đã được thay thế");
  await citizen.close();
});
