import { beforeEach, describe, expect, it } from "vitest";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { importResultsPackage } from "@/lib/services/import-results-package";
import { createUser } from "@/lib/services/create-user";
import { verifySignIn } from "@/lib/services/verify-sign-in";
import { changeOwnPassword, ChangeOwnPasswordError } from "@/lib/services/change-own-password";
import { updateUser, UpdateUserError } from "@/lib/services/update-user";
import { disableUser, DisableUserError } from "@/lib/services/disable-user";
import { enableUser } from "@/lib/services/enable-user";
import { resetUserPassword } from "@/lib/services/reset-user-password";
import { listUsers } from "@/lib/data/users";
import { findSessionUser } from "@/lib/data/session-user";
import { findUserActor } from "@/lib/data/database-state";
import { getPrisma } from "@/lib/data/prisma";
import { ForbiddenError } from "@/lib/review/permissions";
import { COMMAND_LINE, type UserActor } from "@/lib/auth/actor";
import { buildPackage } from "@/tests/support/results-package-factory";
import { withTestDatabase } from "@/tests/support/test-database";

withTestDatabase();

const NOW = new Date("2026-01-20T03:01:00Z");
const PASSWORD = "mat-khau-cu-1";
let admin: UserActor;
let council: UserActor;
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
  const user = { password: PASSWORD, mustChangePassword: false };
  await createUser({ email: "admin@example.vn", name: "Trần Quản Trị", role: "admin", ...user }, COMMAND_LINE);
  await createUser({ email: "hd@example.vn", name: "Nguyễn Thị Hội Đồng", role: "council", ...user }, COMMAND_LINE);
  await createUser({ email: "a@example.vn", name: "Lò Văn Cán Bộ", role: "unit_officer", unitCode: "a", ...user }, COMMAND_LINE);
  admin = (await findUserActor("admin@example.vn"))!;
  council = (await findUserActor("hd@example.vn"))!;
  officer = (await findUserActor("a@example.vn"))!;
});

async function refusal(promise: Promise<unknown>): Promise<{ code: string; vi: string; en: string }> {
  try {
    await promise;
  } catch (error) {
    const { code, vi, en } = error as { code: string; vi: string; en: string };
    return { code, vi, en };
  }
  throw new Error("expected a refusal");
}

const signIn = (email: string, password: string, now = NOW) => verifySignIn({ email, password, ip: "203.0.113.5" }, now);
const versionOf = async (userId: string) => (await getPrisma().user.findUniqueOrThrow({ where: { id: userId } })).sessionVersion;

describe("changing one's own password", () => {
  it("needs the current password, ends other sessions and returns the new generation for this one", async () => {
    expect(await refusal(changeOwnPassword(council, { currentPassword: "doan-sai", newPassword: "mat-khau-moi-2" }, { now: NOW }))).toMatchObject({
      code: "wrong_password",
      vi: "Mật khẩu hiện tại không đúng.",
    });
    expect(await findSessionUser(council.userId, 0)).not.toBeNull();

    const { sessionVersion } = await changeOwnPassword(council, { currentPassword: PASSWORD, newPassword: "mat-khau-moi-2" }, { now: NOW, ip: "203.0.113.5" });
    expect(sessionVersion).toBe(1);
    expect(await findSessionUser(council.userId, 0)).toBeNull();
    expect(await findSessionUser(council.userId, 1)).toMatchObject({ userId: council.userId, role: "council", mustChangePassword: false });
    expect((await signIn("hd@example.vn", PASSWORD)).ok).toBe(false);
    expect((await signIn("hd@example.vn", "mat-khau-moi-2")).ok).toBe(true);

    const rows = await getPrisma().auditLog.findMany({ where: { action: { startsWith: "user.password_change" } }, orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.action, row.actorId, row.after])).toEqual([
      ["user.password_change_failed", council.userId, { reason: "wrong_password" }],
      ["user.password_change", council.userId, { mustChangePassword: false, sessionVersion: 1 }],
    ]);
    expect(JSON.stringify(rows.map((row) => [row.before, row.after]))).not.toMatch(/mat-khau|doan-sai/);
  });

  it("clears a temporary password's must-change flag", async () => {
    const { temporaryPassword } = await resetUserPassword(admin, { userId: officer.userId });
    const { sessionVersion } = await changeOwnPassword(officer, { currentPassword: temporaryPassword, newPassword: "cua-toi-tu-dat" }, { now: NOW });
    expect(await findSessionUser(officer.userId, sessionVersion)).toMatchObject({ mustChangePassword: false });
  });

  it("refuses a short new password or the same one, in both languages", async () => {
    expect(await refusal(changeOwnPassword(council, { currentPassword: PASSWORD, newPassword: "ngan" }))).toEqual({
      code: "invalid",
      vi: "Mật khẩu cần ít nhất 8 ký tự",
      en: "Password needs at least 8 characters",
    });
    expect(await refusal(changeOwnPassword(council, { currentPassword: PASSWORD, newPassword: PASSWORD }))).toMatchObject({ code: "invalid" });
  });

  it("counts guesses at the current password like failed sign-ins", async () => {
    for (let attempt = 0; attempt < 4; attempt++) {
      await refusal(changeOwnPassword(council, { currentPassword: `doan-${attempt}`, newPassword: "mat-khau-moi-2" }, { now: NOW }));
    }
    const fifth = await refusal(changeOwnPassword(council, { currentPassword: "doan-5", newPassword: "mat-khau-moi-2" }, { now: NOW }));
    expect(fifth.vi).toContain("thử lại sau 14 phút");
    const error = await changeOwnPassword(council, { currentPassword: PASSWORD, newPassword: "mat-khau-moi-2" }, { now: NOW }).catch((caught) => caught);
    expect(error).toBeInstanceOf(ChangeOwnPasswordError);
    expect(error).toMatchObject({ code: "rate_limited", retryAfterSeconds: 14 * 60 });
    expect(await signIn("hd@example.vn", PASSWORD)).toMatchObject({ code: "rate_limited" });
    expect(await versionOf(council.userId)).toBe(0);
  });
});

describe("an admin editing a user", () => {
  it("ends the user's sessions when the role or unit changes, not for a new name", async () => {
    await updateUser(admin, { userId: officer.userId, name: "Lò Văn Cán Bộ (xã A)", role: "unit_officer", unitCode: "a" });
    expect(await findSessionUser(officer.userId, 0)).toMatchObject({ name: "Lò Văn Cán Bộ (xã A)" });

    const moved = await updateUser(admin, { userId: officer.userId, name: "Lò Văn Cán Bộ", role: "unit_officer", unitCode: "b" });
    expect(moved.sessionVersion).toBe(1);
    expect(await findSessionUser(officer.userId, 0)).toBeNull();
    const unitB = await getPrisma().unit.findUniqueOrThrow({ where: { code: "b" } });
    expect(await findSessionUser(officer.userId, 1)).toMatchObject({ unitId: unitB.id, role: "unit_officer" });

    const row = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "user.update" }, orderBy: { id: "desc" } });
    expect(row).toMatchObject({
      actorId: admin.userId,
      entityId: officer.userId,
      before: { name: "Lò Văn Cán Bộ (xã A)", role: "unit_officer", unitCode: "a", sessionVersion: 0 },
      after: { name: "Lò Văn Cán Bộ", role: "unit_officer", unitCode: "b", sessionVersion: 1 },
    });
  });

  it("binds an officer to exactly one unit and other roles to none", async () => {
    expect(await refusal(updateUser(admin, { userId: council.userId, name: "Hội đồng", role: "unit_officer" }))).toMatchObject({
      code: "invalid",
      vi: expect.stringContaining("Cán bộ đầu mối phải gắn với đúng một đơn vị"),
      en: expect.stringContaining("A unit officer is bound to exactly one unit"),
    });
    expect(await refusal(updateUser(admin, { userId: council.userId, name: "Hội đồng", role: "council", unitCode: "a" }))).toMatchObject({ code: "invalid" });
    expect(await refusal(updateUser(admin, { userId: council.userId, name: "Hội đồng", role: "unit_officer", unitCode: "zz" }))).toMatchObject({
      code: "unknown_unit",
    });
    const promoted = await updateUser(admin, { userId: officer.userId, name: "Lò Văn Cán Bộ", role: "council", unitCode: "" });
    expect(await findSessionUser(officer.userId, promoted.sessionVersion)).toMatchObject({ role: "council", unitId: null });
  });

  it("does not overwrite a colleague's edit made since the form was loaded", async () => {
    const [loaded] = (await listUsers(admin, { query: "hd@" })).users;
    await updateUser(admin, { userId: council.userId, name: "Tên mới", role: "council", expectedUpdatedAt: loaded!.updatedAt.toISOString() });
    const error = await updateUser(admin, { userId: council.userId, name: "Tên khác", role: "council", expectedUpdatedAt: loaded!.updatedAt.toISOString() }).catch(
      (caught) => caught,
    );
    expect(error).toBeInstanceOf(UpdateUserError);
    expect(error).toMatchObject({ code: "stale", changedAt: expect.any(Date) });
    expect((await findSessionUser(council.userId, 0))!.name).toBe("Tên mới");
  });

  it("is refused to anyone but an admin", async () => {
    await expect(updateUser(council, { userId: officer.userId, name: "x", role: "council" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(resetUserPassword(officer, { userId: officer.userId })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listUsers(council)).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("disabling and enabling", () => {
  it("ends every session at once and a re-enabled account starts a new generation", async () => {
    const disabled = await disableUser(admin, { userId: council.userId }, NOW);
    expect(disabled).toEqual({ userId: council.userId, disabledAt: NOW, sessionVersion: 1 });
    expect(await findSessionUser(council.userId, 0)).toBeNull();
    expect(await findSessionUser(council.userId, 1)).toBeNull();
    const enabled = await enableUser(admin, { userId: council.userId });
    expect(enabled.sessionVersion).toBe(2);
    expect(await findSessionUser(council.userId, 1)).toBeNull();
    expect(await findSessionUser(council.userId, 2)).not.toBeNull();
    const rows = await getPrisma().auditLog.findMany({ where: { action: { in: ["user.disable", "user.enable"] } }, orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.action, row.actorId, (row.before as { disabledAt: unknown }).disabledAt, (row.after as { disabledAt: unknown }).disabledAt])).toEqual([
      ["user.disable", admin.userId, null, NOW.toISOString()],
      ["user.enable", admin.userId, NOW.toISOString(), null],
    ]);
  });

  it("an admin cannot disable themselves, and the last enabled admin cannot be disabled or demoted", async () => {
    expect(await refusal(disableUser(admin, { userId: admin.userId }))).toMatchObject({ code: "own_account", vi: "Bạn không thể tự khóa tài khoản của mình." });
    expect(await refusal(disableUser(COMMAND_LINE, { userId: admin.userId }))).toMatchObject({ code: "last_admin" });
    expect(await refusal(updateUser(admin, { userId: admin.userId, name: "Trần Quản Trị", role: "council" }))).toMatchObject({
      code: "last_admin",
      en: "This is the last enabled admin account: its role cannot change.",
    });
    expect(await findSessionUser(admin.userId, 0)).toMatchObject({ role: "admin" });

    // With a second admin, either may be demoted.
    await createUser({ email: "admin2@example.vn", name: "Phó phòng", role: "admin", password: PASSWORD }, COMMAND_LINE);
    const second = (await findUserActor("admin2@example.vn"))!;
    await updateUser(second, { userId: admin.userId, name: "Trần Quản Trị", role: "council" });
    expect(await refusal(disableUser(COMMAND_LINE, { userId: second.userId }))).toMatchObject({ code: "last_admin" });
  });

  it("two admins disabling each other at the same moment leave one enabled", async () => {
    await createUser({ email: "admin2@example.vn", name: "Phó phòng", role: "admin", password: PASSWORD }, COMMAND_LINE);
    const second = (await findUserActor("admin2@example.vn"))!;
    const outcomes = await Promise.allSettled([disableUser(admin, { userId: second.userId }), disableUser(second, { userId: admin.userId })]);
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    const rejected = outcomes.find((outcome) => outcome.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(DisableUserError);
    expect(rejected.reason.code).toBe("last_admin");
    expect(await getPrisma().user.count({ where: { role: "admin", disabledAt: null } })).toBe(1);
  });
});

describe("resetting a password", () => {
  it("gives a readable temporary password that works once, must be changed, and ends old sessions", async () => {
    for (let attempt = 0; attempt < 5; attempt++) await signIn("a@example.vn", "doan-sai");
    const { temporaryPassword, sessionVersion } = await resetUserPassword(admin, { userId: officer.userId });
    expect(temporaryPassword).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    expect(temporaryPassword).not.toMatch(/[01ilo]/);
    expect(sessionVersion).toBe(1);
    expect(await findSessionUser(officer.userId, 0)).toBeNull();

    // The lockout from before the reset is lifted: the officer can sign in straight away.
    const result = await signIn("a@example.vn", temporaryPassword);
    expect(result).toMatchObject({ ok: true, user: { mustChangePassword: true, sessionVersion: 1 } });
    expect((await signIn("a@example.vn", PASSWORD)).ok).toBe(false);

    const row = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "user.password_reset" } });
    expect(row).toMatchObject({ actorId: admin.userId, entityId: officer.userId, after: { mustChangePassword: true, sessionVersion: 1, generated: true } });
    expect(JSON.stringify([row.before, row.after])).not.toContain(temporaryPassword);
  });

  it("uses the password the admin typed when there is one", async () => {
    const { temporaryPassword } = await resetUserPassword(admin, { userId: council.userId, newPassword: "do-admin-dat-1" });
    expect(temporaryPassword).toBe("do-admin-dat-1");
    expect(await signIn("hd@example.vn", "do-admin-dat-1")).toMatchObject({ ok: true, user: { mustChangePassword: true } });
    expect(await refusal(resetUserPassword(admin, { userId: council.userId, newPassword: "ngan" }))).toMatchObject({ code: "invalid" });
    expect(await refusal(resetUserPassword(admin, { userId: "khong-co" }))).toMatchObject({ code: "not_found" });
  });
});

describe("the admin's list of users", () => {
  it("filters by text (any case, with diacritics), role and unit, shows unit names, and hides disabled accounts unless asked", async () => {
    await disableUser(admin, { userId: council.userId });
    const everyone = await listUsers(admin, { includeDisabled: true });
    expect(everyone.users.map((user) => [user.email, user.role, user.unitCode, user.unitName, user.disabledAt !== null])).toEqual([
      ["admin@example.vn", "admin", null, null, false],
      ["hd@example.vn", "council", null, null, true],
      ["a@example.vn", "unit_officer", "a", "UBND xã Chiềng Mung", false],
    ]);
    expect(everyone.hasMore).toBe(false);
    expect((await listUsers(admin)).users.map((user) => user.email)).toEqual(["admin@example.vn", "a@example.vn"]);
    expect((await listUsers(admin, { query: "LÒ VĂN" })).users.map((user) => user.email)).toEqual(["a@example.vn"]);
    expect((await listUsers(admin, { query: "chiềng" })).users.map((user) => user.email)).toEqual(["a@example.vn"]);
    expect((await listUsers(admin, { role: "council", includeDisabled: true })).users.map((user) => user.email)).toEqual(["hd@example.vn"]);
    expect((await listUsers(admin, { unitCode: "b" })).users).toEqual([]);
    expect(await listUsers(admin, { limit: 1 })).toMatchObject({ hasMore: true, users: [{ email: "admin@example.vn" }] });
  });
});
