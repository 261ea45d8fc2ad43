import { expect, test, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";

/** The demo's departments of 2024 (scripts/demo-data): 18 units, 7 fields, SIPAS for every unit, published once. */
const PERIOD = "son-la-so-2024";
const UNITS = 18;
const WCAG = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function switchToEnglish(page: Page) {
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
}

async function expectNoViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
  expect(results.violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** Opens every closed disclosure a reader can see, so that axe checks what they hold too. */
async function openEveryDisclosure(page: Page) {
  const closed = page.locator("details:not([open]) > summary:visible");
  while ((await closed.count()) > 0) await closed.first().click();
}

test.describe("methodology page", () => {
  test("shows the criteria tree, bands, tie rule, decision and publication history", async ({ page }) => {
    await page.goto(`/methodology/${PERIOD}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Phương pháp đánh giá");
    await expect(page.getByText(/^Chỉ số CCHC năm 2024 các sở, ban, ngành/).first()).toBeVisible();
    await expect(page).toHaveTitle(/Phương pháp đánh giá — Chỉ số CCHC năm 2024 các sở, ban, ngành/);
    expect(await page.locator('meta[name="description"]').getAttribute("content")).toContain("UBND tỉnh Sơn La");

    const criteria = page.getByRole("region", { name: "Bộ tiêu chí đánh giá" });
    await expect(criteria.getByText(/^Gồm 7 lĩnh vực, \d+ tiêu chí, \d+ tiêu chí thành phần\.$/)).toBeVisible();
    await expect(criteria.getByText(/^Tổng điểm tối đa 100 điểm: [\d,]+ điểm thẩm định và [\d,]+ điểm điều tra xã hội học\.$/)).toBeVisible();
    const fields = criteria.getByRole("list", { name: /Cây tiêu chí/ }).locator("> li");
    await expect(fields).toHaveCount(7);
    const first = fields.first();
    await expect(first.getByText(/^1\. /).first()).toBeVisible();
    await expect(first.locator("details")).not.toHaveAttribute("open", "");
    await first.locator("summary").focus();
    await page.keyboard.press("Enter");
    await expect(first.locator("details")).toHaveAttribute("open", "");
    await expect(first.getByText(/^1\.1\. /).first()).toBeVisible();
    await expect(first.getByText(/tối đa [\d,]+ điểm/).first()).toBeVisible();
    await expect(first.getByText(/^(Thẩm định|Điều tra xã hội học)$/).first()).toBeVisible();

    const bands = page.getByRole("table", { name: "Các mức xếp loại, từ cao đến thấp" });
    await expect(bands.getByRole("row")).toHaveCount(6);
    await expect(bands.getByRole("row", { name: /Xuất sắc/ })).toContainText("Từ 90 trở lên");
    await expect(bands.getByRole("row", { name: /Tốt/ })).toContainText("Từ 80 đến dưới 90");

    const ties = page.getByRole("region", { name: "Xếp hạng và quy tắc khi bằng điểm" });
    const steps = ties.getByRole("listitem");
    await expect(steps).toHaveCount(4);
    await expect(steps.nth(0)).toContainText("chỉ số cao hơn xếp trên");
    await expect(steps.nth(1)).toContainText("Nếu chỉ số bằng nhau, đơn vị có tổng điểm thẩm định cao hơn xếp trên.");
    await expect(steps.nth(2)).toContainText("Nếu vẫn bằng nhau, đơn vị có tổng điểm điều tra xã hội học cao hơn xếp trên.");
    await expect(steps.nth(3)).toContainText("(1, 1, 3)");

    await expect(page.getByText("Kết quả được phê duyệt theo Quyết định số 318/QĐ-UBND ngày 21/02/2025.", { exact: false })).toBeVisible();
    const errata = page.getByRole("list", { name: "Các bản công bố, mới nhất trước" }).getByRole("listitem");
    await expect(errata).toHaveCount(1);
    await expect(errata.first().getByRole("heading")).toContainText("Lần 1: công bố lần đầu");
    await expect(errata.first()).toContainText("Bản hiện hành");
    await expect(page.getByText("Kết quả chưa được đính chính lần nào kể từ khi công bố.")).toBeVisible();

    await page.getByRole("navigation", { name: "Các trang khác của kỳ này" }).getByRole("link", { name: "Chỉ số hài lòng (SIPAS)" }).click();
    await expect(page).toHaveURL(new RegExp(`/sipas/${PERIOD}$`));
  });

  test("fits a phone screen", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/methodology/${PERIOD}`);
    await openEveryDisclosure(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectNoViolations(page);
  });

  for (const locale of ["vi", "en"] as const) {
    test(`has no WCAG A/AA violations (${locale})`, async ({ page }) => {
      await page.goto(`/methodology/${PERIOD}`);
      if (locale === "en") {
        await switchToEnglish(page);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText("Methodology");
        await expect(page.getByText("The results were approved by Decision No. 318/QĐ-UBND of 21 Feb 2025.", { exact: false })).toBeVisible();
      }
      await openEveryDisclosure(page);
      await expectNoViolations(page);
    });
  }
});

test.describe("SIPAS page", () => {
  function table(page: Page) {
    return page.getByRole("table", { name: /Chỉ số hài lòng theo đơn vị — Khối sở, ban, ngành/ });
  }

  test("lists every unit's overall and element satisfaction with response counts", async ({ page }) => {
    await page.goto(`/sipas/${PERIOD}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)");
    await expect(page).toHaveTitle(/Chỉ số hài lòng SIPAS — Chỉ số CCHC năm 2024 các sở, ban, ngành/);
    expect(await page.locator('meta[name="description"]').getAttribute("content")).toContain(`${UNITS} đơn vị`);
    await expect(page.getByText(/Đơn vị có dưới 30 phiếu được đánh dấu: mẫu nhỏ, kết quả chỉ mang tính tham khảo\./)).toBeVisible();

    const rows = table(page).locator("tbody tr");
    await expect(rows).toHaveCount(UNITS);
    await expect(table(page).getByRole("columnheader", { name: "Chỉ số hài lòng (%)" })).toHaveAttribute("aria-sort", "descending");
    await expect(table(page).getByRole("columnheader", { name: "Thủ tục hành chính" })).toBeVisible();
    await expect(table(page).getByRole("columnheader")).toHaveCount(3 + 5);
    const indices = await rows.locator("td:nth-of-type(1)").allInnerTexts();
    expect(indices.every((value) => /^\d{2},\d{2}$/.test(value.trim()))).toBe(true);
    const numbers = indices.map((value) => Number(value.replace(",", ".")));
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
    const responses = await rows.locator("td:nth-of-type(2)").allInnerTexts();
    expect(responses.every((value) => /^\d+/.test(value.trim()))).toBe(true);

    const chart = page.getByRole("figure", { name: /Chỉ số hài lòng chung theo đơn vị/ });
    await expect(chart.getByRole("img")).toBeVisible();
    await chart.getByText("Xem số liệu của biểu đồ dạng bảng").click();
    await expect(chart.locator("tbody tr")).toHaveCount(UNITS);
  });

  test("sorts by name and back by index with the keyboard", async ({ page }) => {
    await page.goto(`/sipas/${PERIOD}`);
    const sorting = page.getByRole("navigation", { name: "Sắp xếp kết quả" });
    await sorting.getByRole("link", { name: "Tên đơn vị (A–Z)" }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\?sort=name/);
    await expect(sorting.getByRole("link", { name: "Tên đơn vị (A–Z)" })).toHaveAttribute("aria-current", "true");
    await expect(table(page).getByRole("columnheader", { name: "Đơn vị" })).toHaveAttribute("aria-sort", "ascending");
    const names = await table(page).getByRole("rowheader").allInnerTexts();
    expect(names).toEqual([...names].sort(new Intl.Collator("vi").compare));

    await sorting.getByRole("link", { name: "Chỉ số từ thấp đến cao" }).click();
    await expect(table(page).getByRole("columnheader", { name: "Chỉ số hài lòng (%)" })).toHaveAttribute("aria-sort", "ascending");
    const indices = (await table(page).locator("tbody tr td:nth-of-type(1)").allInnerTexts()).map((value) => Number(value.replace(",", ".")));
    expect(indices).toEqual([...indices].sort((a, b) => a - b));
  });

  test("shows one card per unit on a phone, nothing wider than the screen", async ({ page }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/sipas/${PERIOD}`);
    await expect(table(page)).toBeHidden();
    const cards = page.getByRole("list", { name: /Chỉ số hài lòng theo đơn vị — Khối sở, ban, ngành/ }).locator("> li");
    await expect(cards).toHaveCount(UNITS);
    await expect(cards.first().getByRole("heading", { level: 3 })).toBeVisible();
    await expect(cards.first().getByText(/^\d{2},\d{2}$/).first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: testInfo.outputPath("sipas-390x844.png"), fullPage: false });
    await cards.first().getByText("Chỉ số từng yếu tố (%)").click();
    await expect(cards.first().getByRole("definition")).toHaveCount(2 + 5);
    await openEveryDisclosure(page);
    await expectNoViolations(page);
  });

  for (const locale of ["vi", "en"] as const) {
    test(`has no WCAG A/AA violations (${locale})`, async ({ page }) => {
      await page.goto(`/sipas/${PERIOD}`);
      if (locale === "en") {
        await switchToEnglish(page);
        await expect(page.getByRole("columnheader", { name: "Satisfaction index (%)" })).toBeVisible();
        await expect(page.getByRole("columnheader", { name: "Administrative procedures" })).toBeVisible();
      }
      await openEveryDisclosure(page);
      await expectNoViolations(page);
    });
  }
});

test.describe("unknown and unpublished periods", () => {
  for (const path of ["/methodology/khong-ton-tai-2099", "/sipas/khong-ton-tai-2099", "/methodology/son-la-so-2025", "/sipas/son-la-so-2025"]) {
    test(`${path} answers 404`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
    });
  }
});
