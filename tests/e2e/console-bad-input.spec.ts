import { expect, test, type Locator, type Page } from "@playwright/test";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { signIn } from "./support/sign-in";

// Bad input on the officer's screen: each refusal is said next to the leaf in Vietnamese, and what
// was saved before stays saved.

const PAGE = "/console/assessments/son-la-so-2025/so-tai-chinh";

/** Fields the unit has finished are folded: unfold the one holding this leaf, as a person would. */
async function leafOf(page: Page, code: string): Promise<Locator> {
  const leaf = page.locator(`[id="leaf-${code}"]`);
  const field = page.locator("details").filter({ has: leaf });
  if ((await field.getAttribute("open")) === null) await field.locator("summary").click();
  return leaf;
}

test("wrong points are refused with a clear message and the saved points stay", async ({ page }) => {
  await signIn(page, "taichinh@demo.parindex.vn");
  await page.goto(PAGE);
  const leaf = await leafOf(page, "1.1.1");
  const points = leaf.getByLabel("Điểm tự chấm");
  const saved = await points.inputValue();
  expect(saved).not.toBe("");

  for (const [typed, message] of [
    ["mười", /không phải là số thập phân/],
    ["-1", /không được âm/],
    ["0,12345", /chỉ được tối đa 4/],
    ["7", /vượt quá điểm tối đa/],
  ] as const) {
    await points.fill(typed);
    await points.blur();
    await expect(leaf.getByRole("alert")).toContainText(message);
  }

  await page.reload();
  await expect((await leafOf(page, "1.1.1")).getByLabel("Điểm tự chấm")).toHaveValue(saved);
});

test("not applicable needs a reason before it is saved", async ({ page }) => {
  await signIn(page, "taichinh@demo.parindex.vn");
  await page.goto(PAGE);
  const leaf = await leafOf(page, "1.1.2");
  const saved = await leaf.getByLabel("Điểm tự chấm").inputValue();
  await leaf.getByLabel("Không đánh giá (không phát sinh)").check();
  await leaf.getByLabel("Lý do không đánh giá").fill("");
  await leaf.getByLabel("Lý do không đánh giá").blur();
  await expect(leaf.getByRole("alert")).toContainText("Cần nêu lý do không đánh giá.");
  await page.reload();
  await expect((await leafOf(page, "1.1.2")).getByLabel("Điểm tự chấm")).toHaveValue(saved);
});

test("an evidence file of a forbidden type, empty, or too big is refused and nothing is attached", async ({ page }) => {
  await signIn(page, "taichinh@demo.parindex.vn");
  await page.goto(PAGE);
  const leaf = await leafOf(page, "1.1.1");
  const input = leaf.getByLabel(/Thêm tệp/);
  const dir = os.tmpdir();

  const disguised = path.join(dir, "bao-cao.pdf");
  await writeFile(disguised, "<html><script>alert(1)</script></html>");
  await input.setInputFiles(disguised);
  await expect(leaf.getByRole("alert")).toContainText("Chỉ nhận");

  const empty = path.join(dir, "trong.pdf");
  await writeFile(empty, "");
  await input.setInputFiles(empty);
  await expect(leaf.getByRole("alert")).toContainText("Tệp rỗng");

  const big = path.join(dir, "qua-lon.pdf");
  await writeFile(big, Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(21 * 1024 * 1024, 32)]));
  await input.setInputFiles(big);
  await expect(leaf.getByRole("alert")).toContainText("lớn hơn giới hạn");

  await page.reload();
  await expect((await leafOf(page, "1.1.1")).getByText("Chưa có tệp nào.")).toBeVisible();
});
