import { expect, test, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signIn } from "./support/sign-in";

// Home affairs ties a survey leaf of a new criteria set version to SIPAS in the editor: the
// element code is checked, an appraised leaf is refused, and the rule column says where the
// points come from and how they are computed.

const ADMIN = "admin@demo.parindex.vn";
const PUBLISHED_SET = "so-2022";

async function openNode(page: Page, code: string): Promise<Locator> {
  const row = page.locator(`tr[id="node-${code}"]`);
  const summary = row.locator("summary").filter({ hasText: "Thao tác" });
  if (!(await row.locator("details").first().evaluate((details) => (details as HTMLDetailsElement).open))) await summary.click();
  return row;
}

test("a survey leaf takes its points from a SIPAS element; an appraised leaf cannot", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page, ADMIN);
  await page.goto(`/console/criteria-sets/${PUBLISHED_SET}`);
  const newCode = `so-sipas-${Date.now()}`;
  await page.locator("summary").filter({ hasText: "Tạo phiên bản mới" }).click();
  await page.getByLabel("Mã bộ tiêu chí mới").fill(newCode);
  await page.locator("form").getByRole("button", { name: "Tạo phiên bản mới" }).click();
  await expect(page).toHaveURL(new RegExp(`/console/criteria-sets/${newCode}$`));

  // 1.5 is a survey leaf (3 points): tie it to the "procedures" element.
  const survey = await openNode(page, "1.5");
  const form = survey.getByRole("form", { name: "Sửa mục 1.5" });
  await form.getByLabel("Lấy điểm từ SIPAS").selectOption("element");
  await form.getByLabel("Mã yếu tố SIPAS").fill("Thủ tục");
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(form.getByLabel("Mã yếu tố SIPAS")).toHaveAttribute("aria-invalid", "true");
  await expect(form).toContainText("chữ thường không dấu");
  await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .include('tr[id="node-1.5"]')
    .analyze()
    .then((results) => expect(results.violations).toEqual([]));

  await form.getByLabel("Mã yếu tố SIPAS").fill("procedures");
  await form.getByRole("button", { name: "Lưu" }).click();
  await expect(form.getByRole("status")).toContainText("Đã lưu.");
  const ruleCell = survey.locator("td").nth(4);
  await expect(ruleCell).toContainText("Điểm theo chỉ số SIPAS (yếu tố procedures)");
  await expect(ruleCell).toContainText("Điểm tỷ lệ thuận với tỷ lệ phần trăm: 3 × tỷ lệ (%) / 100");
  await expect(page.getByTestId("criteria-set-problems")).toContainText("Không có lỗi");

  // After a reload the form shows what is stored.
  await page.reload();
  const reloaded = (await openNode(page, "1.5")).getByRole("form", { name: "Sửa mục 1.5" });
  await expect(reloaded.getByLabel("Lấy điểm từ SIPAS")).toHaveValue("element");
  await expect(reloaded.getByLabel("Mã yếu tố SIPAS")).toHaveValue("procedures");

  // 1.1.1 is appraised by the council: no SIPAS source for it.
  const appraised = (await openNode(page, "1.1.1")).getByRole("form", { name: "Sửa mục 1.1.1" });
  await appraised.getByLabel("Lấy điểm từ SIPAS").selectOption("index");
  await appraised.getByRole("button", { name: "Lưu" }).click();
  await expect(appraised.getByRole("alert")).toContainText("Chỉ tiêu chí chấm bằng điều tra xã hội học mới lấy điểm từ SIPAS");
  await expect(appraised.getByLabel("Lấy điểm từ SIPAS")).toHaveAttribute("aria-invalid", "true");
});
