import { readFile } from "node:fs/promises";
import { expect, test, type Locator, type Page } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { signIn } from "./support/sign-in";

const ADMIN = "admin@demo.parindex.vn";

async function expectNoAxeViolations(page: Page): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  expect(results.violations).toEqual([]);
}

/** A fresh address each run: the e2e database lives for the whole run, shared by every spec. */
function newEmail(kind: string): string {
  return `${kind}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@demo.parindex.vn`;
}

/** Creates an account through the page's form and answers the temporary password it shows. */
async function createAccount(page: Page, account: { email: string; name: string; role: string; unit?: string }): Promise<string> {
  await page.goto("/console/users");
  await page.locator("summary", { hasText: "Tạo tài khoản" }).click();
  const form = page.getByRole("form", { name: "Tạo tài khoản" });
  await form.getByLabel("Email").fill(account.email);
  await form.getByLabel("Họ tên").fill(account.name);
  await form.getByLabel("Vai trò").selectOption({ label: account.role });
  if (account.unit) {
    await form.getByLabel("Đơn vị (bắt buộc với cán bộ đầu mối)").selectOption({ label: account.unit });
  } else {
    await expect(form.getByLabel(/Đơn vị/)).toHaveCount(0);
  }
  await form.getByRole("button", { name: "Tạo tài khoản" }).click();
  const shown = page.getByTestId("temporary-password");
  await expect(shown).toBeVisible();
  await expect(page.getByText(`Đã tạo tài khoản ${account.email}.`)).toBeVisible();
  await expect(page.getByText(/chỉ hiện một lần/)).toBeVisible();
  const password = (await shown.textContent())?.trim() ?? "";
  // Generated: three groups of four letters and digits that cannot be misread.
  expect(password).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
  return password;
}

/** The account's row in the list (disabled ones included), its "manage" panel opened. */
async function manageRow(page: Page, email: string): Promise<Locator> {
  await page.goto(`/console/users?q=${encodeURIComponent(email)}&disabled=1`);
  const row = page.locator("tbody tr").filter({ hasText: email });
  await expect(row).toHaveCount(1);
  await row.locator("summary").click();
  return row;
}

test.describe("home affairs' accounts", () => {
  test("an officer account is created with a temporary password, must change it, and is shut out once disabled", async ({ browser }) => {
    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, ADMIN);
    const email = newEmail("officer");
    const temporaryPassword = await createAccount(admin, { email, name: "Cán bộ Thử nghiệm", role: "Cán bộ đầu mối", unit: "Sở Tư pháp" });

    const listed = admin.locator("tbody tr").filter({ hasText: email });
    await expect(listed).toContainText("Cán bộ đầu mối");
    await expect(listed).toContainText("Sở Tư pháp");
    await expect(listed).toContainText("Đang hoạt động");
    await expect(listed).toContainText("Chưa đăng nhập");

    const officer = await (await browser.newContext()).newPage();
    await signIn(officer, email, temporaryPassword);
    await expect(officer).toHaveURL(/\/console\/account\?required=1$/);
    await expect(officer.getByText("Bạn đang dùng mật khẩu tạm thời")).toBeVisible();

    const row = await manageRow(admin, email);
    admin.once("dialog", (dialog) => void dialog.accept());
    await row.getByRole("button", { name: "Khóa tài khoản" }).click();
    await expect(row).toContainText("Đã khóa từ");
    await expect(row.getByRole("button", { name: "Mở khóa tài khoản" })).toBeAttached();

    await officer.reload();
    await expect(officer).toHaveURL(/\/console\/sign-in\?next=/);
  });

  test("refusals are explained: one's own account, a colleague's edit in between; a reset shows the new password once", async ({ browser }) => {
    const context = await browser.newContext();
    const first = await context.newPage();
    await signIn(first, ADMIN);

    const own = await manageRow(first, ADMIN);
    first.once("dialog", (dialog) => void dialog.accept());
    await own.getByRole("button", { name: "Khóa tài khoản" }).click();
    await expect(own.getByRole("alert")).toContainText("Bạn không thể tự khóa tài khoản của mình.");

    const email = newEmail("council");
    await createAccount(first, { email, name: "Thư ký Thử nghiệm", role: "Hội đồng thẩm định" });

    const second = await context.newPage();
    const firstRow = await manageRow(first, email);
    const secondRow = await manageRow(second, email);
    await firstRow.getByLabel("Họ tên").fill("Thư ký Thử nghiệm (sửa lần 1)");
    await firstRow.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect(firstRow.getByRole("status")).toContainText("Đã lưu.");
    await secondRow.getByLabel("Họ tên").fill("Thư ký Thử nghiệm (sửa lần 2)");
    await secondRow.getByRole("button", { name: "Lưu thay đổi" }).click();
    await expect(secondRow.getByRole("alert")).toContainText("vừa được người khác sửa");
    // The refused form keeps what was typed.
    await expect(secondRow.getByLabel("Họ tên")).toHaveValue("Thư ký Thử nghiệm (sửa lần 2)");

    first.once("dialog", (dialog) => void dialog.accept());
    await firstRow.getByRole("button", { name: "Đặt lại mật khẩu" }).click();
    await expect(firstRow.getByTestId("temporary-password")).toHaveText(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    await expect(firstRow.getByText(/chỉ hiện một lần/)).toBeVisible();
  });

  test("the accounts page is for home affairs only and passes axe", async ({ browser }) => {
    const council = await (await browser.newContext()).newPage();
    await signIn(council, "council@demo.parindex.vn");
    expect((await council.goto("/console/users"))?.status()).toBe(404);
    expect((await council.goto("/console/audit"))?.status()).toBe(404);

    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, ADMIN);
    await admin.goto("/console/users");
    await expect(admin.getByRole("heading", { level: 1, name: "Tài khoản" })).toBeVisible();
    await admin.locator("summary", { hasText: "Tạo tài khoản" }).click();
    await admin.locator("tbody tr").first().locator("summary").click();
    await expectNoAxeViolations(admin);
  });
});

test.describe("home affairs' audit log", () => {
  test("sign-ins are listed, the filter narrows by action, and the CSV follows the filter", async ({ page }) => {
    await signIn(page, ADMIN);
    await page.goto("/console/audit");
    await expect(page.getByRole("heading", { level: 1, name: "Nhật ký thao tác" })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.getByLabel("Thao tác", { exact: true }).fill("auth.sign_in");
    await page.getByRole("button", { name: "Lọc", exact: true }).click();
    await expect(page).toHaveURL(/[?&]action=auth\.sign_in(&|$)/);
    const rows = page.getByRole("table", { name: "Các dòng nhật ký, mới nhất trước" }).locator("tbody tr");
    // Newest first: this test's own sign-in heads the list.
    await expect(rows.first()).toContainText("Đăng nhập");
    await expect(rows.first()).toContainText(ADMIN);
    for (const code of await rows.locator("code").allTextContents()) expect(code).toBe("auth.sign_in");

    const downloading = page.waitForEvent("download");
    await page.getByRole("link", { name: "Tải CSV theo bộ lọc" }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^nhat-ky-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString("utf8").slice(1).split("\r\n");
    expect(lines[0]).toBe("Thời điểm UTC (ISO 8601),Giờ Việt Nam,Người thực hiện,Thao tác,Đối tượng,Kỳ đánh giá,Đơn vị,Trước (JSON),Sau (JSON),Địa chỉ IP");
    expect(lines[1]).toContain(",auth.sign_in,");
    expect(lines[1]).toContain(ADMIN);

    await page.goto("/console/audit?action=auth.*");
    for (const code of await rows.locator("code").allTextContents()) expect(code).toMatch(/^auth\./);

    await page.goto("/console/audit?action=audit.export");
    await expect(rows.first()).toContainText("Tải nhật ký (CSV)");

    await page.getByLabel("Từ ngày (dd/mm/yyyy)").fill("31/02/2026");
    await page.getByRole("button", { name: "Lọc", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "31/02/2026" })).toContainText("không hợp lệ");
    await expect(page.getByLabel("Từ ngày (dd/mm/yyyy)")).toHaveValue("31/02/2026");
  });

  test("the CSV route answers 401 signed out, 404 to another role, 400 to a bad filter", async ({ browser, request }) => {
    expect((await request.get("/api/console/audit.csv")).status()).toBe(401);

    const council = await (await browser.newContext()).newPage();
    await signIn(council, "council@demo.parindex.vn");
    expect((await council.request.get("/api/console/audit.csv")).status()).toBe(404);

    const admin = await (await browser.newContext()).newPage();
    await signIn(admin, ADMIN);
    const refused = await admin.request.get("/api/console/audit.csv?from=31/02/2026");
    expect(refused.status()).toBe(400);
    expect((await refused.json()).vi).toContain("không hợp lệ");
    const english = await admin.request.get("/api/console/audit.csv?action=auth.*&lang=en");
    expect(english.status()).toBe(200);
    expect(english.headers()["content-disposition"]).toMatch(/^attachment; filename="nhat-ky-/);
    expect((await english.text()).replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(
      "Time UTC (ISO 8601),Vietnam time,Actor,Action,Entity,Period,Unit,Before (JSON),After (JSON),IP address",
    );
  });
});
