import { beforeEach, describe, expect, it } from "vitest";
import { createUser } from "@/lib/services/create-user";
import { DUMMY_PASSWORD_HASH, verifySignIn } from "@/lib/services/verify-sign-in";
import { disableUser } from "@/lib/services/disable-user";
import { hashPassword } from "@/lib/auth/password";
import { deleteExpiredRateLimitBuckets, hitRateLimit, peekRateLimit } from "@/lib/data/rate-limit";
import { findUserActor } from "@/lib/data/database-state";
import { getPrisma } from "@/lib/data/prisma";
import { COMMAND_LINE } from "@/lib/auth/actor";
import { withTestDatabase } from "@/tests/support/test-database";

withTestDatabase();

// 03:01 UTC: the 15-minute window runs 03:00–03:15, so a refusal now waits 14 minutes.
const NOW = new Date("2026-01-20T03:01:00Z");
const PASSWORD = "mat-khau-dung";
const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000);

beforeEach(async () => {
  await createUser({ email: "hd@example.vn", name: "Nguyễn Thị Hội Đồng", role: "council", password: PASSWORD, mustChangePassword: false }, COMMAND_LINE);
  await createUser({ email: "admin@example.vn", name: "Quản trị", role: "admin", password: PASSWORD }, COMMAND_LINE);
});

const signIn = (email: string, password: string, ip: string, now = NOW) => verifySignIn({ email, password, ip, userAgent: "vitest" }, now);

async function failedRows() {
  return getPrisma().auditLog.findMany({ where: { action: "auth.sign_in_failed" }, orderBy: { id: "asc" } });
}

describe("signing in", () => {
  it("accepts the right password whatever the email's case and spaces, records it and the time", async () => {
    const result = await signIn("  HD@Example.VN ", PASSWORD, "203.0.113.5");
    expect(result).toEqual({
      ok: true,
      user: expect.objectContaining({ email: "hd@example.vn", name: "Nguyễn Thị Hội Đồng", role: "council", unitId: null, sessionVersion: 0, mustChangePassword: false }),
    });
    const user = await getPrisma().user.findUniqueOrThrow({ where: { email: "hd@example.vn" } });
    expect(user.lastSignInAt).toEqual(NOW);
    const rows = await getPrisma().auditLog.findMany({ where: { action: "auth.sign_in" } });
    expect(rows).toEqual([expect.objectContaining({ actorId: user.id, entityId: user.id, ip: "203.0.113.5" })]);
    expect(JSON.stringify(rows.map((row) => [row.before, row.after]))).not.toContain(PASSWORD);
  });

  it("says a temporary password must be changed", async () => {
    const result = await signIn("admin@example.vn", PASSWORD, "203.0.113.5");
    expect(result.ok && result.user.mustChangePassword).toBe(true);
  });

  it("refuses a wrong password or an unknown email with the same message, and records both", async () => {
    const wrong = await signIn("hd@example.vn", "sai-mat-khau", "203.0.113.5");
    const unknown = await signIn("ai-do@example.vn", PASSWORD, "203.0.113.5");
    expect(wrong).toMatchObject({ ok: false, code: "invalid_credentials", vi: "Email hoặc mật khẩu không đúng." });
    expect(unknown).toEqual(wrong);
    const council = await findUserActor("hd@example.vn");
    const rows = await failedRows();
    expect(rows.map((row) => ({ actorId: row.actorId, ip: row.ip, after: row.after }))).toEqual([
      { actorId: council!.userId, ip: "203.0.113.5", after: { email: "hd@example.vn", reason: "wrong_password", userAgent: "vitest" } },
      { actorId: null, ip: "203.0.113.5", after: { email: "ai-do@example.vn", reason: "unknown_email", userAgent: "vitest" } },
    ]);
    expect(JSON.stringify(rows.map((row) => [row.before, row.after]))).not.toContain("sai-mat-khau");
    expect(await getPrisma().auditLog.count({ where: { action: "auth.sign_in" } })).toBe(0);
  });

  it("checks an unknown email against a hash as costly as a real one", async () => {
    const real = await hashPassword("anything at all");
    // Same algorithm, memory, passes and lanes: the same time to say no.
    expect(DUMMY_PASSWORD_HASH.split("$").slice(0, 4)).toEqual(real.split("$").slice(0, 4));
    const time = async (email: string) => {
      const started = performance.now();
      for (let attempt = 0; attempt < 3; attempt++) await signIn(email, "sai-mat-khau", `198.51.100.${attempt}`);
      return performance.now() - started;
    };
    const known = await time("hd@example.vn");
    const unknown = await time("khong-co@example.vn");
    expect(unknown).toBeGreaterThan(known * 0.5);
  });
});

describe("failed sign-ins are limited", () => {
  it("per account: after 5 failures the right password is refused, from any address, until the window ends", async () => {
    for (let attempt = 0; attempt < 5; attempt++) await signIn("hd@example.vn", `sai-${attempt}`, `198.51.100.${attempt}`);
    const refused = await signIn("hd@example.vn", PASSWORD, "192.0.2.77");
    expect(refused).toMatchObject({ ok: false, code: "rate_limited", retryAfterSeconds: 14 * 60 });
    expect(refused.ok || refused.vi).toContain("14 phút");
    expect(refused.ok || refused.en).toContain("14 minutes");

    // Someone else, from elsewhere, is not affected.
    expect((await signIn("admin@example.vn", PASSWORD, "192.0.2.200")).ok).toBe(true);
    // The next window starts from zero.
    expect((await signIn("hd@example.vn", PASSWORD, "192.0.2.77", later(15))).ok).toBe(true);
  });

  it("a burst of parallel guesses gets no more password checks than the allowance", async () => {
    const guesses = await Promise.all(Array.from({ length: 20 }, (_, attempt) => signIn("hd@example.vn", `sai-${attempt}`, `198.51.100.${attempt}`)));
    expect(guesses.filter((result) => !result.ok && result.code === "invalid_credentials").length).toBe(5);
    expect(guesses.filter((result) => !result.ok && result.code === "rate_limited").length).toBe(15);
    expect((await signIn("hd@example.vn", PASSWORD, "192.0.2.1")).ok).toBe(false);
  });

  it("tells the attempt that uses up the allowance how long to wait", async () => {
    for (let attempt = 0; attempt < 4; attempt++) await signIn("hd@example.vn", "sai", "198.51.100.1");
    const fifth = await signIn("hd@example.vn", "sai", "198.51.100.1", later(2));
    expect(fifth).toMatchObject({ ok: false, code: "invalid_credentials", retryAfterSeconds: 12 * 60 });
    expect(fifth.ok || fifth.vi).toContain("thử lại sau 12 phút");
  });

  it("records the first refusal of a window, not every one", async () => {
    for (let attempt = 0; attempt < 5; attempt++) await signIn("hd@example.vn", "sai", "198.51.100.1");
    await signIn("hd@example.vn", PASSWORD, "198.51.100.1");
    await signIn("hd@example.vn", PASSWORD, "198.51.100.1");
    const rows = await failedRows();
    expect(rows.map((row) => (row.after as { reason: string }).reason)).toEqual([...Array(5).fill("wrong_password"), "rate_limited"]);
    expect(rows.at(-1)!.after).toMatchObject({ limits: ["account"] });
  });

  it("per address: after 20 failures on any accounts, that address is refused even for a right password", async () => {
    for (let attempt = 0; attempt < 20; attempt++) await signIn(`doan-${attempt}@example.vn`, "sai", "203.0.113.9");
    const refused = await signIn("hd@example.vn", PASSWORD, "203.0.113.9", later(4));
    expect(refused).toMatchObject({ ok: false, code: "rate_limited", retryAfterSeconds: 10 * 60 });
    expect((await signIn("hd@example.vn", PASSWORD, "203.0.113.10", later(4))).ok).toBe(true);
  });

  it("a successful sign-in clears the account's count, not the address's", async () => {
    for (let attempt = 0; attempt < 4; attempt++) await signIn("hd@example.vn", "sai", "198.51.100.1");
    expect((await signIn("hd@example.vn", PASSWORD, "198.51.100.1")).ok).toBe(true);
    for (let attempt = 0; attempt < 4; attempt++) await signIn("hd@example.vn", "sai", "198.51.100.1");
    expect((await signIn("hd@example.vn", PASSWORD, "198.51.100.1")).ok).toBe(true);
    expect((await peekRateLimit("sign-in:address:198.51.100.1", 15 * 60_000, NOW)).count).toBe(8);
  });

  it("refuses a disabled account only once the password is right, so it does not reveal the email", async () => {
    const council = await findUserActor("hd@example.vn");
    await disableUser(COMMAND_LINE, { userId: council!.userId });
    expect(await signIn("hd@example.vn", "sai", "198.51.100.1")).toMatchObject({ code: "invalid_credentials" });
    const refused = await signIn("hd@example.vn", PASSWORD, "198.51.100.1");
    expect(refused).toMatchObject({ ok: false, code: "disabled" });
    expect(refused.ok || refused.vi).toContain("đã bị khóa");
    expect((await failedRows()).map((row) => (row.after as { reason: string }).reason)).toEqual(["wrong_password", "disabled"]);
  });
});

describe("rate-limit buckets", () => {
  it("count concurrent hits from many callers exactly", async () => {
    const counts = await Promise.all(Array.from({ length: 25 }, () => hitRateLimit("survey:device:x", 60_000, NOW)));
    expect(counts.map((state) => state.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
    expect((await peekRateLimit("survey:device:x", 60_000, NOW)).count).toBe(25);
  });

  it("are cleaned up once older than a day", async () => {
    await getPrisma().rateLimitBucket.createMany({
      data: [
        { key: "old", windowStart: new Date("2026-01-18T00:00:00Z"), count: 3 },
        { key: "recent", windowStart: later(-60), count: 1 },
      ],
    });
    expect(await deleteExpiredRateLimitBuckets(NOW)).toBe(1);
    expect(await getPrisma().rateLimitBucket.findMany({ select: { key: true } })).toEqual([{ key: "recent" }]);
  });
});
