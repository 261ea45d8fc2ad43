import { beforeEach, describe, expect, it } from "vitest";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { importResultsPackage } from "@/lib/services/import-results-package";
import { openPeriod } from "@/lib/services/open-period";
import { createUser } from "@/lib/services/create-user";
import { updateUser } from "@/lib/services/update-user";
import { verifySignIn } from "@/lib/services/verify-sign-in";
import { exportAuditLogCsv } from "@/lib/services/export-audit-log-csv";
import { queryAuditLog } from "@/lib/data/audit-log-query";
import { findUserActor } from "@/lib/data/database-state";
import { getPrisma } from "@/lib/data/prisma";
import { AuditLogFilterError } from "@/lib/domain/audit-log-filter";
import { ForbiddenError } from "@/lib/review/permissions";
import { COMMAND_LINE, type UserActor } from "@/lib/auth/actor";
import { buildPackage } from "@/tests/support/results-package-factory";
import { withTestDatabase } from "@/tests/support/test-database";

withTestDatabase();

const PASSWORD = "mat-khau-dai";
const FORMULA_NAME = '=HYPERLINK("http://x.example","Bấm vào")';
const AT_FORMULA_NAME = "@SUM(1+1)*cmd";
const CRAFTED_ADDRESS = "=cmd|' /C calc'!A0";
let admin: UserActor;
let officer: UserActor;

beforeEach(async () => {
  const parsed = parseResultsPackage(
    JSON.stringify(
      buildPackage({
        code: "thu-nghiem-2022",
        year: 2022,
        units: [
          { code: "a", name: "UBND xã Chiềng Mung", points: [30, 28, 35] },
          { code: "b", name: "UBND xã Mường Bằng", points: [25, 25, 30] },
        ],
      }),
    ),
  );
  if (!parsed.ok) throw new Error("fixture");
  await importResultsPackage({ pkg: parsed.package, replace: false, publish: false, actor: COMMAND_LINE });
  await openPeriod(
    {
      code: "thu-nghiem-2023",
      year: 2023,
      name: "Chỉ số CCHC năm 2023 — thử nghiệm",
      authorityName: "UBND huyện Thử Nghiệm",
      criteriaSetCode: "test-set",
      units: [{ unitCode: "a", groupCode: "xa" }],
    },
    COMMAND_LINE,
  );
  await createUser({ email: "admin@example.vn", name: "Trần Quản Trị", role: "admin", password: PASSWORD, mustChangePassword: false }, COMMAND_LINE);
  await createUser({ email: "Can.Bo@example.vn", name: FORMULA_NAME, role: "unit_officer", unitCode: "a", password: PASSWORD }, COMMAND_LINE);
  await createUser({ email: "hd@example.vn", name: AT_FORMULA_NAME, role: "council", password: PASSWORD }, COMMAND_LINE);
  admin = (await findUserActor("admin@example.vn"))!;
  officer = (await findUserActor("can.bo@example.vn"))!;
  await verifySignIn({ email: "can.bo@example.vn", password: PASSWORD, ip: "203.0.113.5" });
  await verifySignIn({ email: "hd@example.vn", password: PASSWORD, ip: "203.0.113.6" });
  await verifySignIn({ email: "ai-do@example.vn", password: "doan", ip: CRAFTED_ADDRESS });
  await updateUser(admin, { userId: officer.userId, name: 'Lò Văn "Út", xã A', role: "unit_officer", unitCode: "a" });
});

// In the order they were written.
const ALL_ACTIONS = [
  "results_package.import",
  "period.open",
  "user.create",
  "user.create",
  "user.create",
  "auth.sign_in",
  "auth.sign_in",
  "auth.sign_in_failed",
  "user.update",
];

describe("reading the audit log", () => {
  it("lists rows newest first with who, period and unit, page by page without gaps or repeats", async () => {
    const first = await queryAuditLog(admin, { limit: 3 });
    expect(first.rows.map((row) => row.action)).toEqual(["user.update", "auth.sign_in_failed", "auth.sign_in"]);
    expect(first.rows[2]!.actor!.name).toBe(AT_FORMULA_NAME);
    expect(first.rows[0]).toMatchObject({
      actor: { id: admin.userId, name: "Trần Quản Trị", email: "admin@example.vn" },
      entityType: "User",
      entityId: officer.userId,
      unit: { code: "a", name: "UBND xã Chiềng Mung" },
      before: { name: FORMULA_NAME },
      after: { name: 'Lò Văn "Út", xã A' },
    });
    const seen = [...first.rows];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await queryAuditLog(admin, { limit: 3, cursor });
      seen.push(...page.rows);
      cursor = page.nextCursor;
    }
    expect(seen.map((row) => row.action)).toEqual([...ALL_ACTIONS].reverse());
    const opened = seen.find((row) => row.action === "period.open")!;
    expect(opened).toMatchObject({ actor: null, period: { code: "thu-nghiem-2023", name: "Chỉ số CCHC năm 2023 — thử nghiệm" } });
  });

  it("filters by period, actor, action (exact or a prefix), entity and unit", async () => {
    const actions = async (filter: Parameters<typeof queryAuditLog>[1]) => (await queryAuditLog(admin, filter)).rows.map((row) => row.action);
    expect(await actions({ periodCode: "thu-nghiem-2023" })).toEqual(["period.open"]);
    expect(await actions({ actorEmail: "ADMIN@" })).toEqual(["user.update"]);
    expect(await actions({ action: "auth.*" })).toEqual(["auth.sign_in_failed", "auth.sign_in", "auth.sign_in"]);
    expect(await actions({ action: "auth.sign_in", actorEmail: "can.bo" })).toEqual(["auth.sign_in"]);
    expect(await actions({ entityType: "Period" })).toEqual(["period.open", "results_package.import"]);
    expect(await actions({ unitCode: "a" })).toEqual(["user.update", "auth.sign_in", "user.create"]);
    expect(await actions({ unitCode: "khong-co" })).toEqual([]);
    expect(await actions({ periodCode: "khong-co", action: "" })).toEqual([]);
  });

  it("reads dates as whole days in Vietnam (dd/mm/yyyy or ISO), or as instants", async () => {
    const prisma = getPrisma();
    // 00:30 on 20/01 and on 21/01 in Vietnam.
    await prisma.auditLog.updateMany({ where: { action: "period.open" }, data: { at: new Date("2026-01-19T17:30:00Z") } });
    await prisma.auditLog.updateMany({ where: { action: "user.update" }, data: { at: new Date("2026-01-20T17:30:00Z") } });
    const actions = async (filter: Parameters<typeof queryAuditLog>[1]) => (await queryAuditLog(admin, filter)).rows.map((row) => row.action);
    expect(await actions({ from: "20/01/2026", to: "20/01/2026" })).toEqual(["period.open"]);
    expect(await actions({ from: "2026-01-20", to: "21/01/2026" })).toEqual(["user.update", "period.open"]);
    expect(await actions({ from: "2026-01-20T00:30:00+07:00", to: "2026-01-20T17:30:00Z" })).toEqual(["user.update", "period.open"]);
    expect(await actions({ from: "2026-01-20T00:31", to: "2026-01-21T00:30" })).toEqual(["user.update"]);
  });

  it("refuses a date that does not exist or a range that ends before it starts, in both languages", async () => {
    const error = await queryAuditLog(admin, { from: "31/02/2026" }).catch((caught) => caught);
    expect(error).toBeInstanceOf(AuditLogFilterError);
    expect(error.vi).toBe('Ngày "31/02/2026" không hợp lệ (dd/mm/yyyy)');
    expect(error.en).toBe('Date "31/02/2026" is not valid (dd/mm/yyyy or ISO 8601)');
    await expect(queryAuditLog(admin, { from: "21/01/2026", to: "20/01/2026" })).rejects.toMatchObject({
      code: "invalid",
      en: "The start date must be before the end date",
    });
  });

  it("is for admins only", async () => {
    await expect(queryAuditLog(officer, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(exportAuditLogCsv(officer, {})).rejects.toBeInstanceOf(ForbiddenError);
  });
});

/** RFC 4180, enough for the test: quoted fields with doubled quotes, CRLF between records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      record.push(field);
      field = "";
    } else if (char === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += char;
  }
  return records;
}

describe("exporting the audit log as CSV", () => {
  it("writes UTF-8 with a BOM, quotes by RFC 4180, defuses formulas, keeps Vietnamese text, across batches", async () => {
    const exported = await exportAuditLogCsv(admin, { action: "" }, { batchSize: 2, now: new Date("2026-01-20T03:00:00Z") });
    expect(exported).toMatchObject({ fileName: "nhat-ky-2026-01-20.csv", contentType: "text/csv; charset=utf-8" });
    const bytes = new Uint8Array(await new Response(exported.body).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes);
    expect(text.startsWith("\uFEFFThời điểm UTC (ISO 8601),Giờ Việt Nam,Người thực hiện,")).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);

    const [header, ...records] = parseCsv(text.slice(1));
    expect(header).toHaveLength(10);
    // The export's own row comes first: it was written before the file was read.
    expect(records.map((record) => record[3])).toEqual(["audit.export", ...[...ALL_ACTIONS].reverse()]);

    const update = records.find((record) => record[3] === "user.update")!;
    expect(update[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(update[1]).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    expect(update[2]).toBe("Trần Quản Trị <admin@example.vn>");
    expect(update[4]).toBe(`User ${officer.userId}`);
    expect(update[6]).toBe("a — UBND xã Chiềng Mung");
    expect(JSON.parse(update[7]!)).toMatchObject({ name: FORMULA_NAME });
    expect(JSON.parse(update[8]!)).toMatchObject({ name: 'Lò Văn "Út", xã A' });
    // Quotes in JSON are doubled inside a quoted field.
    expect(text).toContain('""name"":""Lò Văn \\""Út\\"", xã A""');

    const [councilSignIn, officerSignIn] = records.filter((record) => record[3] === "auth.sign_in");
    expect(councilSignIn![2]).toBe(`'${AT_FORMULA_NAME} <hd@example.vn>`);
    expect(officerSignIn![2]).toBe('Lò Văn "Út", xã A <can.bo@example.vn>');
    expect(officerSignIn![9]).toBe("203.0.113.5");
    const failed = records.find((record) => record[3] === "auth.sign_in_failed")!;
    expect(failed[9]).toBe(`'${CRAFTED_ADDRESS}`);
    expect(records.find((record) => record[3] === "period.open")![5]).toBe("thu-nghiem-2023");
  });

  it("puts Vietnam's local time next to UTC", async () => {
    await getPrisma().auditLog.updateMany({ where: { action: "period.open" }, data: { at: new Date("2026-01-19T17:30:05Z") } });
    const exported = await exportAuditLogCsv(admin, { action: "period.open" }, { locale: "en" });
    const [header, row] = parseCsv((await new Response(exported.body).text()).replace(/^\uFEFF/, ""));
    expect(header![0]).toBe("Time UTC (ISO 8601)");
    expect(row!.slice(0, 2)).toEqual(["2026-01-19T17:30:05.000Z", "20/01/2026 00:30:05"]);
  });

  it("records who exported what", async () => {
    await exportAuditLogCsv(admin, { unitCode: "a", from: "01/01/2026" }, { ip: "203.0.113.7" });
    const row = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "audit.export" } });
    expect(row).toMatchObject({ actorId: admin.userId, ip: "203.0.113.7", after: { unitCode: "a", from: "2025-12-31T17:00:00.000Z" } });
  });
});
