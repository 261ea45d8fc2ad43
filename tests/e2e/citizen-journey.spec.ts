import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";

// The demo data (scripts/demo-data): the departments of tỉnh Sơn La, published 2022–2024, and
// son-la-so-2025 still in self-assessment (open, never published).
const PERIOD = "son-la-so-2024";
const DRAFT_PERIOD = "son-la-so-2025";
const CSV_HEADER =
  "period,group,rank,rankChange,unit,unitName,total,applicableMax,index,band," +
  Array.from({ length: 7 }, (_, position) => `field_${position + 1}_points,field_${position + 1}_maxPoints`).join(",");

test("a citizen finds a department, compares it, downloads the table and reads it in English", async ({ page, request }) => {
  await page.goto("/");
  await page.getByRole("region", { name: "Các kỳ đánh giá đã công bố" }).getByRole("link", { name: /2024 các sở, ban, ngành/ }).click();
  await expect(page).toHaveURL(new RegExp(`/${PERIOD}$`));
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Chỉ số CCHC năm 2024 các sở, ban, ngành");

  // Typed as on a phone keyboard: no diacritics.
  await page.getByRole("searchbox", { name: "Tìm đơn vị" }).fill("noi vu");
  const table = page.getByRole("region", { name: /Bảng xếp hạng Khối sở, ban, ngành/ });
  await expect(table.locator("tbody tr")).toHaveCount(1);
  await table.getByRole("link", { name: "Sở Nội vụ" }).click();

  await expect(page).toHaveURL(new RegExp(`/units/so-noi-vu\\?period=${PERIOD}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sở Nội vụ");
  const standing = await page
    .getByRole("region", { name: /Kết quả: Chỉ số CCHC năm 2024/ })
    .getByText(/^hạng \d+\/18 trong Khối sở, ban, ngành$/)
    .innerText();
  const rank = Number(/hạng (\d+)\//.exec(standing)![1]);

  await page.getByRole("link", { name: "So sánh với đơn vị khác" }).click();
  await expect(page).toHaveURL(new RegExp(`/compare\\?period=${PERIOD}&units=so-noi-vu$`));
  await page.getByLabel("Đơn vị 2").selectOption({ label: "Sở Tư pháp" });
  await page.getByRole("button", { name: "So sánh" }).click();
  await expect(page).toHaveURL(new RegExp(`/compare\\?period=${PERIOD}&units=so-noi-vu,so-tu-phap$`));
  const comparison = page.getByRole("table", { name: /So sánh đơn vị/ });
  await expect(comparison.getByRole("columnheader")).toHaveText(["Sở Nội vụ", "Sở Tư pháp"]);
  await expect(comparison.getByRole("row", { name: /^Xếp hạng/ }).getByRole("cell").first()).toHaveText(new RegExp(`^${rank}/18`));
  const shownIndex = Number((await comparison.getByRole("row", { name: /^Chỉ số/ }).getByRole("cell").first().innerText()).replace(",", "."));

  // Back to the league table through the unit, as the pages link them.
  await comparison.getByRole("link", { name: "Sở Nội vụ" }).click();
  await page.getByRole("link", { name: "Bảng xếp hạng của kỳ" }).click();
  await expect(page).toHaveURL(new RegExp(`/${PERIOD}$`));

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: /Tải CSV/ }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`par-index-${PERIOD}-so.csv`);
  const bytes = await readFile((await download.path())!);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = bytes.subarray(3).toString("utf8").split("\r\n");
  expect(lines[0]).toBe(CSV_HEADER);
  expect(lines.at(-1)).toBe("");
  expect(lines.slice(1, -1)).toHaveLength(18);
  const row = lines.find((line) => line.includes(",so-noi-vu,"))!.split(",");
  expect(row.slice(0, 3)).toEqual([PERIOD, "so", String(rank)]);
  expect(row[5]).toBe("Sở Nội vụ");
  // The file has 4 decimals, the page 2 rounded once from the exact value: at most 0.01 apart.
  expect(Math.abs(Number(row[8]) - shownIndex)).toBeLessThanOrEqual(0.01);

  // The workbook sits beside it and is a real spreadsheet, not an error page.
  const xlsxHref = await page.getByRole("link", { name: /Tải Excel \(XLSX\)/ }).getAttribute("href");
  expect(xlsxHref).toBe(`/api/v1/periods/${PERIOD}/rankings.xlsx?group=so`);
  const xlsx = await request.get(xlsxHref!);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()["content-type"]).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  expect((await xlsx.body()).subarray(0, 2).toString("latin1")).toBe("PK");

  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page).toHaveURL(new RegExp(`/${PERIOD}$`));
  await expect(page.getByRole("heading", { level: 2, name: "Download the data" })).toBeVisible();
  await expect(page.getByRole("link", { name: /Download CSV/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Download Excel \(XLSX\)/ })).toBeVisible();
  await expect(page.getByRole("searchbox", { name: "Find a unit" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Tiếng Việt" })).toBeVisible();
});

test("a period still being assessed is not there for the public", async ({ page, request }) => {
  const response = await page.goto(`/${DRAFT_PERIOD}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1, name: "Không tìm thấy trang" })).toBeVisible();
  await expect(page.getByText("Chỉ số CCHC năm 2025")).toHaveCount(0);

  expect((await page.goto(`/${DRAFT_PERIOD}/so`))?.status()).toBe(404);
  const csv = await request.get(`/api/v1/periods/${DRAFT_PERIOD}/rankings.csv?group=so`);
  expect(csv.status()).toBe(404);
  expect((await csv.json()).error.code).toBe("period_not_found");
});
