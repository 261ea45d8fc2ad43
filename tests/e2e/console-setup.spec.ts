import { expect, test, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signIn } from "./support/sign-in";

// Home affairs' set-up pages: the criteria set editor (a locked published set, a new version
// edited node by node, its fields mapped to the previous version) and units and groups (create,
// rename, a merge refused while a period is under way, a merge recorded with its lineage).

const ADMIN = "admin@demo.parindex.vn";
const COUNCIL = "council@demo.parindex.vn";
/** The departments' set the demo's 2022–2024 periods were published on (and 2025 is open on). */
const PUBLISHED_SET = "so-2022";

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations).toEqual([]);
}

async function asAdmin(page: Page): Promise<void> {
  page.on("dialog", (dialog) => void dialog.accept());
  await signIn(page, ADMIN);
}

/** A node's row in the editor's tree, its actions opened. */
async function openNode(page: Page, code: string): Promise<Locator> {
  const row = page.locator(`tr[id="node-${code}"]`);
  const summary = row.locator("summary").filter({ hasText: "Thao tác" });
  if (!(await row.locator("details").first().evaluate((details) => (details as HTMLDetailsElement).open))) await summary.click();
  return row;
}

async function nodeOrder(page: Page, prefix: string): Promise<string[]> {
  return page.locator(`tr[id^="node-${prefix}"]`).evaluateAll((rows) => rows.map((row) => row.id.slice("node-".length)));
}

test.describe("home affairs' criteria sets", () => {
  test("a published set is read only; its new version is edited, checked against its children's sums, and mapped to it", async ({ page }) => {
    test.setTimeout(120_000);
    await asAdmin(page);
    await page.goto("/console/criteria-sets");
    await expect(page.getByRole("heading", { level: 1, name: "Bộ tiêu chí" })).toBeVisible();
    const listed = page.getByTestId(`criteria-set-${PUBLISHED_SET}`);
    await expect(listed).toContainText("Đã khóa");
    await expect(listed).toContainText("dùng cho kỳ đã công bố: son-la-so-2022, son-la-so-2023, son-la-so-2024");
    await expect(listed).toContainText("son-la-so-2025");
    await expectNoAxeViolations(page);

    await listed.getByRole("link").first().click();
    await expect(page).toHaveURL(new RegExp(`/console/criteria-sets/${PUBLISHED_SET}$`));
    await expect(page.getByTestId("criteria-set-state")).toHaveText("Đã khóa");
    await expect(page.getByTestId("criteria-set-lock")).toContainText("đã được dùng cho kỳ đánh giá đã công bố");
    await expect(page.getByTestId("criteria-set-lock")).toContainText("son-la-so-2024");
    // Read only: the tree has no actions, and no field can be added.
    await expect(page.locator('tr[id="node-1.1.1"]')).toBeVisible();
    await expect(page.locator("summary").filter({ hasText: "Thao tác" })).toHaveCount(0);
    await expect(page.locator("summary").filter({ hasText: "Thêm lĩnh vực" })).toHaveCount(0);

    const newCode = `so-e2e-${Date.now()}`;
    await page.locator("summary").filter({ hasText: "Tạo phiên bản mới" }).click();
    await page.getByLabel("Mã bộ tiêu chí mới").fill(newCode);
    await page.locator("form").getByRole("button", { name: "Tạo phiên bản mới" }).click();
    await expect(page).toHaveURL(new RegExp(`/console/criteria-sets/${newCode}$`));
    await expect(page.getByTestId("criteria-set-state")).toHaveText("Sửa được");
    const problems = page.getByTestId("criteria-set-problems");
    await expect(problems).toContainText("Không có lỗi");

    // A leaf's max changed: its parent's max no longer equals its children's sum, shown at the top and on the parent.
    const leaf = await openNode(page, "1.1.1");
    const leafForm = leaf.getByRole("form", { name: "Sửa mục 1.1.1" });
    await expect(leafForm.getByLabel("Điểm tối đa", { exact: true })).toHaveValue("1");
    await leafForm.getByLabel("Điểm tối đa", { exact: true }).fill("1,5");
    await leafForm.getByRole("button", { name: "Lưu" }).click();
    await expect(leafForm.getByRole("status")).toContainText("Đã lưu.");
    await expect(problems).toContainText("Tiêu chí 1.1 có điểm tối đa 3 nhưng tổng điểm tối đa của các tiêu chí con là 3,5.");
    const parentSum = page.locator('tr[id="node-1.1"]').getByTestId("children-sum");
    await expect(parentSum).toContainText("3,5");
    await expect(parentSum).toContainText("khác điểm tối đa");
    await expectNoAxeViolations(page);

    // A bad value is refused with its reason next to the field, and what was typed stays.
    await leafForm.getByLabel("Điểm tối đa", { exact: true }).fill("1,23456");
    await leafForm.getByRole("button", { name: "Lưu" }).click();
    await expect(leafForm.getByRole("alert")).toContainText("Điểm tối đa");
    await expect(leafForm.getByLabel("Điểm tối đa", { exact: true })).toHaveAttribute("aria-invalid", "true");
    await expect(leafForm.getByLabel("Điểm tối đa", { exact: true })).toHaveValue("1,23456");

    await leafForm.getByLabel("Điểm tối đa", { exact: true }).fill("1");
    await leafForm.getByRole("button", { name: "Lưu" }).click();
    await expect(problems).toContainText("Không có lỗi");
    await expect(parentSum).not.toContainText("khác điểm tối đa");

    // A scoring rule: JSON that does not parse, then a rule giving more than the max, are refused; a good one is described; then removed.
    const rule = leafForm.getByLabel("Quy tắc chấm điểm (JSON)");
    await rule.fill("{type: yes_no}");
    await leafForm.getByRole("button", { name: "Lưu" }).click();
    await expect(leafForm.getByRole("alert")).toContainText("không phải JSON hợp lệ");
    await rule.fill('{"type":"yes_no","no":{"kind":"points","value":"2"}}');
    await leafForm.getByRole("button", { name: "Lưu" }).click();
    await expect(leafForm.getByRole("alert")).toContainText("cho nhiều hơn điểm tối đa 1");
    await rule.fill('{"type":"yes_no","no":{"kind":"fraction","value":"0.5"}}');
    await leafForm.getByRole("button", { name: "Lưu" }).click();
    await expect(leafForm.getByRole("status")).toContainText("Đã lưu.");
    await expect(leaf.locator("td").nth(4)).toContainText("Chấm theo câu trả lời có hoặc không");
    await expect(leaf.locator("td").nth(4)).toContainText("50% điểm tối đa (0,5 điểm)");
    await rule.fill("");
    await leafForm.getByRole("button", { name: "Lưu" }).click();
    await expect(leaf.locator("td").nth(4)).toHaveText("Không có");

    // A node added under 1.1, moved up one place, then deleted.
    const parent = await openNode(page, "1.1");
    await parent.locator("summary").filter({ hasText: "Thêm mục con vào 1.1" }).click();
    const addForm = parent.getByRole("form", { name: "Thêm mục con vào 1.1" });
    await addForm.getByLabel("Mã mục").fill("1.1.3");
    await addForm.getByLabel("Tên (tiếng Việt)").fill("Tiêu chí kiểm thử");
    await addForm.getByLabel("Điểm tối đa", { exact: true }).fill("0,5");
    await addForm.getByRole("button", { name: "Thêm" }).click();
    await expect(addForm.getByRole("status")).toContainText("Đã thêm.");
    await expect(page.locator('tr[id="node-1.1.3"]')).toContainText("Tiêu chí kiểm thử");
    await expect(problems).toContainText("Tiêu chí 1.1 có điểm tối đa 3 nhưng tổng điểm tối đa của các tiêu chí con là 3,5.");
    expect(await nodeOrder(page, "1.1.")).toEqual(["1.1.1", "1.1.2", "1.1.3"]);

    const added = await openNode(page, "1.1.3");
    await added.getByRole("button", { name: "Chuyển mục 1.1.3 lên trên" }).click();
    await expect.poll(() => nodeOrder(page, "1.1.")).toEqual(["1.1.1", "1.1.3", "1.1.2"]);

    await added.getByRole("button", { name: "Xóa mục 1.1.3" }).click();
    await expect(page.locator('tr[id="node-1.1.3"]')).toHaveCount(0);
    expect(await nodeOrder(page, "1.1.")).toEqual(["1.1.1", "1.1.2"]);
    await expect(problems).toContainText("Không có lỗi");

    // The copy starts mapped field by field; field 7's counterpart is withdrawn, then given back.
    const mapping = page.getByRole("form", { name: "Tương ứng với phiên bản trước" });
    const unmapped = page.getByTestId("unmapped-previous-fields");
    await expect(unmapped).toContainText("Mọi lĩnh vực của phiên bản trước đều có lĩnh vực tương ứng.");
    await expect(mapping.getByLabel("Lĩnh vực tương ứng với 7", { exact: true })).toHaveValue("7");
    await mapping.getByLabel("Lĩnh vực tương ứng với 7", { exact: true }).selectOption("");
    await mapping.getByRole("button", { name: "Lưu ánh xạ" }).click();
    await expect(mapping.getByRole("status")).toHaveText("Đã lưu ánh xạ.");
    await expect(unmapped).toContainText("Lĩnh vực của phiên bản trước chưa có lĩnh vực tương ứng:");
    await expect(unmapped).toContainText("Xây dựng và phát triển chính quyền điện tử, chính quyền số");

    await page.reload();
    await expect(mapping.getByLabel("Lĩnh vực tương ứng với 7", { exact: true })).toHaveValue("");
    await mapping.getByLabel("Lĩnh vực tương ứng với 7", { exact: true }).selectOption("7");
    await mapping.getByRole("button", { name: "Lưu ánh xạ" }).click();
    await expect(mapping.getByRole("status")).toHaveText("Đã lưu ánh xạ.");
    await expect(unmapped).toContainText("Mọi lĩnh vực của phiên bản trước đều có lĩnh vực tương ứng.");
    await expect(page.locator('tr[id="node-7"]')).toContainText("Tương ứng ở phiên bản trước: 7");
  });
});

test.describe("home affairs' set-up pages are theirs alone", () => {
  test("the council gets 404", async ({ page }) => {
    await signIn(page, COUNCIL);
    for (const path of ["/console/criteria-sets", `/console/criteria-sets/${PUBLISHED_SET}`, "/console/units"]) {
      expect((await page.goto(path))?.status(), path).toBe(404);
    }
  });
});

test.describe("home affairs' units and groups", () => {
  test("a unit is created and renamed, a stale edit is refused, and two communes are merged with their lineage shown", async ({ browser }) => {
    test.setTimeout(120_000);
    const page = await (await browser.newContext()).newPage();
    await asAdmin(page);
    await page.goto("/console/units");
    await expect(page.getByRole("heading", { level: 1, name: "Đơn vị và khối" })).toBeVisible();

    const code = `e2e-xa-thu-nghiem-${Date.now()}`;
    const create = page.getByRole("region", { name: "Thêm đơn vị" });
    await create.locator("summary").click();
    await create.getByLabel("Mã đơn vị").fill(code);
    await create.getByLabel("Tên đơn vị").fill("UBND xã Thử Nghiệm");
    await create.getByLabel("Loại").selectOption({ label: "Xã, phường, thị trấn" });
    await create.getByLabel("Đơn vị cấp trên").selectOption("huyen-mai-son");
    await create.locator("form").getByRole("button", { name: "Thêm đơn vị" }).click();
    await expect(create.getByRole("status")).toHaveText("Đã thêm đơn vị.");

    // Found without diacritics; two forms opened on the same version of the unit.
    await page.goto("/console/units?q=thu+nghiem");
    const row = page.getByTestId(`unit-${code}`);
    await expect(row).toContainText("UBND xã Thử Nghiệm");
    await expect(row).toContainText("Xã, phường, thị trấn");
    await expect(row).toContainText("UBND huyện Mai Sơn");
    const other = await page.context().newPage();
    await other.goto("/console/units?q=thu+nghiem");
    const otherRow = other.getByTestId(`unit-${code}`);

    await row.locator("summary").click();
    await row.getByLabel("Tên đơn vị").fill("UBND xã Thử Nghiệm Mới");
    await row.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect(row.getByRole("status")).toHaveText("Đã lưu.");
    await expect(row.getByRole("rowheader")).toContainText("UBND xã Thử Nghiệm Mới");

    await otherRow.locator("summary").click();
    await otherRow.getByLabel("Tên tiếng Anh (không bắt buộc)").fill("Thu Nghiem Commune");
    await otherRow.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect(otherRow.getByRole("alert")).toContainText("Đơn vị vừa được người khác thay đổi");
    await other.close();

    // A merge of two departments the open 2025 period evaluates is refused, with the service's reason.
    await page.goto("/console/units");
    await page.locator("summary").filter({ hasText: "Hợp nhất đơn vị" }).click();
    let merge = page.getByRole("form", { name: "Hợp nhất đơn vị" });
    await merge.getByLabel("Lọc danh sách theo tên hoặc mã").fill("so noi vu");
    await merge.getByRole("checkbox", { name: /^Sở Nội vụ/ }).check();
    await merge.getByLabel("Lọc danh sách theo tên hoặc mã").fill("tu phap");
    await merge.getByRole("checkbox", { name: /^Sở Tư pháp/ }).check();
    await merge.getByLabel("Mã đơn vị mới").fill("so-noi-vu-tu-phap");
    await merge.getByLabel("Tên đơn vị mới").fill("Sở Nội vụ và Tư pháp");
    await merge.getByLabel("Ngày hiệu lực (dd/mm/yyyy)").fill("01/01/2025");
    await merge.getByRole("button", { name: "Ghi nhận hợp nhất" }).click();
    await expect(merge.getByRole("alert")).toContainText("đang được đánh giá trong kỳ chưa công bố");
    await expect(merge.getByRole("alert")).toContainText("Sở Nội vụ (so-noi-vu)");

    // Two communes last evaluated in the published 2024 period merge into a new commune.
    await page.reload();
    await page.locator("summary").filter({ hasText: "Hợp nhất đơn vị" }).click();
    merge = page.getByRole("form", { name: "Hợp nhất đơn vị" });
    await merge.getByLabel("Lọc danh sách theo tên hoặc mã").fill("chieng luong");
    await merge.getByRole("checkbox", { name: /^UBND xã Chiềng Lương/ }).check();
    await merge.getByLabel("Lọc danh sách theo tên hoặc mã").fill("chieng sung");
    await merge.getByRole("checkbox", { name: /^UBND xã Chiềng Sung/ }).check();
    await expect(merge).toContainText("Đã chọn: UBND xã Chiềng Lương, UBND xã Chiềng Sung");
    await merge.getByLabel("Mã đơn vị mới").fill("xa-chieng-luong-sung");
    await merge.getByLabel("Tên đơn vị mới").fill("UBND xã Chiềng Lương Sung");
    await merge.getByLabel("Ngày hiệu lực (dd/mm/yyyy)").fill("2025-01-01");
    await merge.getByLabel(/Ghi chú/).fill("Nghị quyết kiểm thử");
    await merge.getByRole("button", { name: "Ghi nhận hợp nhất" }).click();
    await expect(merge.getByRole("status")).toContainText("Đã ghi nhận: UBND xã Chiềng Lương, UBND xã Chiềng Sung → UBND xã Chiềng Lương Sung, từ 01/01/2025.");

    const successor = page.getByTestId("unit-xa-chieng-luong-sung");
    await expect(successor).toContainText("Xã, phường, thị trấn");
    await expect(successor.getByTestId("unit-lineage")).toContainText("Hợp nhất từ");
    await expect(successor.getByTestId("unit-lineage")).toContainText("UBND xã Chiềng Lương, UBND xã Chiềng Sung");
    await expect(page.getByTestId("unit-xa-chieng-luong")).toHaveCount(0);

    await page.goto("/console/units?q=chieng+luong&dissolved=1");
    const predecessor = page.getByTestId("unit-xa-chieng-luong");
    await expect(predecessor).toContainText("Đã giải thể từ 01/01/2025");
    await expect(predecessor.getByTestId("unit-lineage")).toContainText("Hợp nhất vào");
    await expect(predecessor.getByTestId("unit-lineage")).toContainText("UBND xã Chiềng Lương Sung");
  });

  test("a group is added and edited; the page passes axe", async ({ page }) => {
    await asAdmin(page);
    await page.goto("/console/units");
    const groupCode = `e2e-khoi-${Date.now()}`;
    const create = page.locator("details").filter({ has: page.locator("summary", { hasText: "Thêm khối" }) });
    await create.locator("summary").click();
    await create.getByLabel("Mã khối").fill(groupCode);
    await create.getByLabel("Tên khối").fill("Khối kiểm thử");
    await create.getByRole("button", { name: "Thêm khối" }).click();
    await expect(create.getByRole("status")).toHaveText("Đã thêm khối.");

    const groups = page.getByRole("region", { name: "Các khối theo thứ tự hiển thị" });
    const row = groups.locator("tbody tr").filter({ hasText: groupCode });
    await expect(row.getByRole("rowheader")).toHaveText("Khối kiểm thử");
    // Placed after the demo's three groups.
    await expect(groups.locator("tbody tr").last()).toContainText(groupCode);
    await row.locator("summary").click();
    await row.getByLabel("Tên tiếng Anh (không bắt buộc)").fill("Test group");
    await row.getByLabel("Thứ tự").fill("-1");
    await row.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect(row.getByRole("alert")).toContainText("Thứ tự không được âm");
    await row.getByLabel("Thứ tự").fill("0");
    await row.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect(row.getByRole("status")).toHaveText("Đã lưu.");
    await expect(row.getByRole("rowheader")).toContainText("Test group");

    await page.locator("summary").filter({ hasText: "Hợp nhất đơn vị" }).click();
    await page.locator("summary").filter({ hasText: "Chia tách đơn vị" }).click();
    await page.getByRole("region", { name: "Thêm đơn vị" }).locator("summary").click();
    await expectNoAxeViolations(page);
  });
});
