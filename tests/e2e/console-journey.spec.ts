import { expect, test, type Browser, type Page } from "@playwright/test";
import ExcelJS from "exceljs";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { signIn } from "./support/sign-in";

// The whole year in the console, one role per browser context: home affairs opens a period, the
// officer self-scores (spreadsheet, one leaf by hand, an evidence file) and submits, the council
// adjusts one item and returns another, the officer explains and resubmits, the council approves,
// home affairs publishes, and the public league table shows the appraised total.

const PERIOD = "e2e-2026";
const UNIT = "so-noi-vu";

type Leaf = { code: string; max: string; survey: boolean };

async function asRole(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  await signIn(page, email);
  return page;
}

function vietnamLocal(offsetMs: number): string {
  const date = new Date(Date.now() + offsetMs + 7 * 3600_000);
  return date.toISOString().slice(0, 16);
}

/** Fills every appraisal leaf of the downloaded sheet with its max points; returns the leaves. */
async function fillSheet(file: string): Promise<Leaf[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet("tu-danh-gia")!;
  const header = sheet.getRow(5);
  const column: Record<string, number> = {};
  header.eachCell((cell, number) => (column[String(cell.value)] = number));
  const rows: { row: ExcelJS.Row; code: string; max: string; method: string }[] = [];
  sheet.eachRow((row, number) => {
    if (number < 6) return;
    const code = String(row.getCell(column.code!).value ?? "").trim();
    if (code) rows.push({ row, code, max: String(row.getCell(column.maxPoints!).value), method: String(row.getCell(column.method!).value ?? "") });
  });
  const leaves: Leaf[] = [];
  rows.forEach((entry, index) => {
    const next = rows[index + 1];
    if (next && next.code.startsWith(`${entry.code}.`)) return;
    const survey = !entry.method.includes("thẩm định");
    leaves.push({ code: entry.code, max: entry.max.replace(",", "."), survey });
    if (!survey) entry.row.getCell(column.selfPoints!).value = entry.max.replace(".", ",");
  });
  await workbook.xlsx.writeFile(file);
  return leaves;
}

test("the yearly cycle runs in the console and ends on the public league table", async ({ browser }) => {
  test.setTimeout(300_000);

  // Home affairs opens the period: last year's copied, one unit kept, dates set, opened.
  const admin = await asRole(browser, "admin@demo.parindex.vn");
  await admin.goto("/console/periods/new");
  await admin.getByLabel("Mã", { exact: true }).fill(PERIOD);
  await admin.getByLabel("Năm").fill("2026");
  await admin.getByLabel("Tên kỳ").fill("Chỉ số CCHC năm 2026 — kiểm thử");
  await admin.getByRole("button", { name: "Tạo kỳ đánh giá" }).click();
  await expect(admin).toHaveURL(new RegExp(`/console/periods/${PERIOD}$`));
  await expect(admin.getByTestId("period-status")).toHaveText("Đang chuẩn bị");
  await admin.getByRole("button", { name: "Bỏ chọn cả khối" }).first().click();
  await admin.getByRole("checkbox", { name: "Sở Nội vụ" }).check();
  await admin.getByRole("button", { name: "Lưu danh sách đơn vị" }).click();
  await expect(admin.getByText("Đã lưu danh sách đơn vị.")).toBeVisible();
  await admin.getByLabel("Mở tự đánh giá").fill(vietnamLocal(-3600_000));
  await admin.getByLabel("Hạn tự đánh giá").fill(vietnamLocal(30 * 86400_000));
  await admin.getByLabel("Hạn thẩm định").fill(vietnamLocal(60 * 86400_000));
  await admin.getByRole("button", { name: "Lưu thiết lập" }).click();
  await expect(admin.getByText("Đã lưu thiết lập.")).toBeVisible();
  await admin.getByRole("button", { name: "Mở tự đánh giá" }).click();
  await expect(admin.getByTestId("period-status")).toHaveText("Đang tự đánh giá");

  // The officer fills the sheet, changes one leaf by hand with an evidence file, and submits.
  const officer = await asRole(browser, "noivu@demo.parindex.vn");
  await officer.goto(`/console/assessments/${PERIOD}/${UNIT}`);
  await expect(officer.getByRole("heading", { level: 1 })).toContainText("Sở Nội vụ");
  const download = officer.waitForEvent("download");
  await officer.getByRole("link", { name: "Tải bảng tự chấm (XLSX)" }).click();
  const sheetFile = path.join(os.tmpdir(), `self-assessment-${Date.now()}.xlsx`);
  await (await download).saveAs(sheetFile);
  const leaves = await fillSheet(sheetFile);
  const scored = leaves.filter((leaf) => !leaf.survey && Number(leaf.max) >= 1);
  const [adjusted, returned] = [scored[0]!, scored[1]!];
  await officer.getByLabel("Tải lên bảng đã điền").setInputFiles(sheetFile);
  await expect(officer.getByTestId("assessment-status")).toHaveText("Đang tự chấm", { timeout: 20_000 });

  const leafCard = officer.locator(`[id="leaf-${returned.code}"]`);
  // Fields already complete are folded: open the one holding the leaf.
  await officer.locator("details").filter({ has: leafCard }).locator("summary").click();
  const pdf = path.join(os.tmpdir(), "bien-ban-kiem-tra.pdf");
  await writeFile(pdf, "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");
  await leafCard.getByLabel(/Thêm tệp/).setInputFiles(pdf);
  await expect(leafCard.getByText("bien-ban-kiem-tra.pdf")).toBeVisible();
  await leafCard.getByLabel("Thuyết minh, tài liệu kiểm chứng").fill("Biên bản kiểm tra số 12/BB-SNV");
  await leafCard.getByLabel("Điểm tự chấm").click();
  await expect(leafCard.getByText(/Đã lưu lúc/)).toBeVisible();
  await officer.getByRole("button", { name: "Nộp bản tự đánh giá" }).click();
  await expect(officer.getByTestId("assessment-status")).toHaveText("Đã nộp, chờ thẩm định");

  // The council adjusts one item with a reason, returns another, enters the survey points.
  const council = await asRole(browser, "council@demo.parindex.vn");
  await council.goto(`/console/appraisal/${PERIOD}/${UNIT}`);
  const adjustCard = council.locator(`[id="leaf-${adjusted.code}"]`);
  await adjustCard.getByRole("button", { name: "Điều chỉnh" }).click();
  await adjustCard.getByLabel("Điểm thẩm định").fill(String(Number(adjusted.max) - 0.5).replace(".", ","));
  await adjustCard.getByLabel("Lý do điều chỉnh (bắt buộc)").fill("Thiếu báo cáo quý IV");
  await adjustCard.getByRole("button", { name: "Xác nhận" }).click();
  await expect(adjustCard.getByText("Thiếu báo cáo quý IV")).toBeVisible();

  const returnCard = council.locator(`[id="leaf-${returned.code}"]`);
  await expect(returnCard.getByText("bien-ban-kiem-tra.pdf")).toBeVisible();
  await returnCard.getByRole("button", { name: "Trả lại để giải trình" }).click();
  await returnCard.getByLabel("Nội dung yêu cầu giải trình (bắt buộc)").fill("Đề nghị bổ sung kế hoạch kiểm tra năm");
  await returnCard.getByRole("button", { name: "Trả lại để giải trình" }).click();
  await expect(returnCard.getByText("Yêu cầu giải trình", { exact: true })).toBeVisible();

  for (const leaf of leaves.filter((candidate) => candidate.survey)) {
    const card = council.locator(`[id="leaf-${leaf.code}"]`);
    await card.getByRole("button", { name: "Điểm điều tra xã hội học" }).click();
    await card.getByLabel("Điểm điều tra xã hội học").fill(leaf.max.replace(".", ","));
    await card.getByRole("button", { name: "Xác nhận" }).click();
    await expect(card.getByText("Điều chỉnh", { exact: true }).first()).toBeVisible();
  }
  await council.getByRole("button", { name: "Chấp nhận tất cả tiêu chí còn lại như đơn vị tự chấm" }).click();
  await expect(council.getByText(/^0 chờ thẩm định/)).toBeVisible();

  // The officer sees the returned item with the council's comment, explains, resubmits.
  await officer.reload();
  await expect(officer.getByTestId("assessment-status")).toHaveText("Được trả lại để giải trình");
  const explainCard = officer.locator(`[id="leaf-${returned.code}"]`);
  await expect(explainCard).toContainText("Đề nghị bổ sung kế hoạch kiểm tra năm");
  await explainCard.getByLabel("Giải trình của đơn vị").fill("Đã bổ sung Kế hoạch số 05/KH-SNV ngày 10/01/2026");
  await explainCard.getByRole("button", { name: "Gửi giải trình" }).click();
  await expect(explainCard.getByText("Đã giải trình")).toBeVisible();
  await officer.getByRole("button", { name: "Nộp lại sau khi giải trình" }).click();
  await expect(officer.getByTestId("assessment-status")).toHaveText("Đã nộp, chờ thẩm định");

  // The council accepts the explained item and approves the unit.
  await council.reload();
  const explainedCard = council.locator(`[id="leaf-${returned.code}"]`);
  await expect(explainedCard).toContainText("Đã bổ sung Kế hoạch số 05/KH-SNV");
  await explainedCard.getByRole("button", { name: "Chấp nhận" }).click();
  // Once accepted, the leaf offers no "accept" any more.
  await expect(explainedCard.getByRole("button", { name: "Chấp nhận", exact: true })).toHaveCount(0);
  await council.getByRole("button", { name: "Phê duyệt kết quả của đơn vị" }).click();
  await expect(council.getByTestId("assessment-status")).toHaveText("Đã phê duyệt");

  // Home affairs closes self-assessment, approves the period and publishes.
  await admin.reload();
  await admin.getByRole("button", { name: "Kết thúc tự đánh giá, chuyển sang thẩm định" }).click();
  await expect(admin.getByTestId("period-status")).toHaveText("Đang thẩm định");
  await admin.getByRole("button", { name: "Phê duyệt kết quả thẩm định của kỳ" }).click();
  await expect(admin.getByTestId("period-status")).toHaveText("Đã phê duyệt kết quả");
  await expect(admin.getByRole("table", { name: /Khối sở, ban, ngành/ })).toContainText("99,50");
  await admin.getByLabel("Số quyết định").fill("123/QĐ-UBND");
  await admin.getByLabel("Ngày quyết định (dd/mm/yyyy)").fill("15/01/2027");
  await admin.getByRole("button", { name: "Công bố" }).click();
  await expect(admin.getByTestId("period-status")).toHaveText("Đã công bố");

  // The public league table shows the unit with its appraised total and rank.
  const citizen = await browser.newPage();
  await citizen.goto(`/${PERIOD}`);
  const row = citizen.getByRole("row", { name: /Sở Nội vụ/ });
  await expect(row).toContainText("99,50");
  await expect(row.getByRole("cell").first()).toHaveText("1");

  // Nothing of the period can be changed any more.
  await officer.goto(`/console/assessments/${PERIOD}/${UNIT}`);
  await expect(officer.getByText("Kỳ đánh giá đã công bố: mọi điểm, ý kiến và tài liệu chỉ còn để xem.")).toBeVisible();
  await expect(officer.locator(`[id="leaf-${adjusted.code}"]`).getByLabel("Điểm tự chấm")).toBeDisabled();
  await expect(officer.getByRole("button", { name: /Nộp/ })).toHaveCount(0);
});
