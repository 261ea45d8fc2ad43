import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  asDatabaseOutage,
  DatabaseUnavailableError,
  isDatabaseConnectionFailure,
  isDatabaseKnownDown,
  noteDatabaseFailure,
  noteDatabaseReachable,
  registerDatabaseProbe,
} from "@/lib/data/database-availability";
import { actionFailure } from "@/lib/domain/action-result";
import { answer } from "@/lib/auth/console-route-answers";
import { DATABASE_UNAVAILABLE_DIGEST, isDatabaseOutage } from "@/lib/domain/database-outage";
import { UseCaseError } from "@/lib/domain/use-case-error";

// The shapes below are what Prisma 7 with @prisma/adapter-pg and pg actually throw (recorded
// against a PostgreSQL stopped with `pg_ctl stop -m fast` and against an unreachable host).
const prismaError = (code: string, cause: Record<string, unknown>, message = "Invalid `prisma.user.count()` invocation") =>
  Object.assign(new Error(message), { name: "PrismaClientKnownRequestError", code, meta: { driverAdapterError: Object.assign(new Error(String(cause.kind)), { cause }) } });

const refused = () => prismaError("P1001", { kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5432 });
const shutDown = () => prismaError("P2010", { kind: "postgres", code: "57P01", originalCode: "57P01", message: "terminating connection due to administrator command" });
const startingUp = () => Object.assign(new Error("the database system is starting up"), { code: "57P03", severity: "FATAL" });
const cut = () => new Error("Connection terminated unexpectedly");
const connectTimeout = () => new Error("Connection terminated due to connection timeout");
/** pg-pool's answer when all its connections stayed busy for connectionTimeoutMillis. */
const poolBusy = () => new Error("timeout exceeded when trying to connect");
const socket = () => Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED", errno: -111 });

beforeEach(() => noteDatabaseReachable());
afterEach(() => {
  vi.useRealTimers();
  noteDatabaseReachable();
});

describe("telling a database outage from a failing query", () => {
  it.each([
    ["a refused connection (Prisma P1001)", refused],
    ["a server shut down under an open connection (57P01)", shutDown],
    ["a server still starting up (57P03)", startingUp],
    ["a connection cut by pg", cut],
    ["a connection attempt that timed out (an unreachable host)", connectTimeout],
    ["a socket error", socket],
    ["a query refused while the database is known down", () => new DatabaseUnavailableError()],
  ])("counts %s as an outage", (_what, make) => {
    expect(isDatabaseConnectionFailure(make())).toBe(true);
  });

  it.each([
    ["a unique constraint (P2002)", () => prismaError("P2002", { kind: "UniqueConstraintViolation" })],
    ["a missing table (42P01)", () => prismaError("P2010", { kind: "postgres", code: "42P01", originalCode: "42P01" })],
    ["a refused use case", () => new UseCaseError("closed", "Đã đóng.", "Closed.")],
    ["a bug", () => new TypeError("Cannot read properties of undefined")],
    ["every pooled connection busy for the wait (a loaded database, not a down one)", poolBusy],
    ["a thrown string", () => "Connection terminated"],
  ])("does not count %s as one", (_what, make) => {
    expect(isDatabaseConnectionFailure(make())).toBe(false);
  });
});

describe("the process-wide availability", () => {
  it("goes down on an outage, stamps the error for pages and answers, and not on an ordinary failure", () => {
    expect(noteDatabaseFailure(new TypeError("bug"))).toBe(false);
    expect(isDatabaseKnownDown()).toBe(false);
    const error = asDatabaseOutage(refused());
    expect(isDatabaseKnownDown()).toBe(true);
    expect((error as { digest?: string }).digest).toBe(DATABASE_UNAVAILABLE_DIGEST);
    expect(error.name).toBe("PrismaClientKnownRequestError");
    const bug = asDatabaseOutage(new TypeError("bug"));
    expect(isDatabaseOutage(bug)).toBe(false);
  });

  it("recovers by itself once the probe reaches the database again", async () => {
    vi.useFakeTimers();
    let reachable = false;
    const probe = vi.fn(async () => {
      if (!reachable) throw refused();
      return [{ "?column?": 1 }];
    });
    registerDatabaseProbe(probe);
    noteDatabaseFailure(refused());
    await vi.advanceTimersByTimeAsync(0);
    expect(probe).toHaveBeenCalledTimes(1);
    expect(isDatabaseKnownDown()).toBe(true);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(probe.mock.calls.length).toBeGreaterThan(2);
    expect(isDatabaseKnownDown()).toBe(true);
    reachable = true;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(isDatabaseKnownDown()).toBe(false);
    const calls = probe.mock.calls.length;
    await vi.advanceTimersByTimeAsync(30_000);
    // Nothing left polling once the database is back.
    expect(probe.mock.calls.length).toBe(calls);
  });

  it("keeps the state on globalThis, so the web server and Next's bundle share it", () => {
    noteDatabaseFailure(socket());
    const shared = (globalThis as Record<symbol, { down?: boolean }>)[Symbol.for("par-index.database-availability")];
    expect(shared?.down).toBe(true);
  });
});

describe("what a form, a console route and the public API say during an outage", () => {
  it("a form gets the bilingual outage message instead of the generic one", () => {
    const result = actionFailure(asDatabaseOutage(shutDown()));
    expect(result).toMatchObject({ ok: false, code: "database_unavailable" });
    if (result.ok) throw new Error("unreachable");
    expect(result.vi).toContain("Cơ sở dữ liệu tạm thời không truy cập được");
    expect(result.en).toContain("database cannot be reached");
    expect(result.vi).not.toMatch(/57P01|administrator|127\.0\.0\.1/);
  });

  it("a console route answers 503 with Retry-After", async () => {
    const response = answer(actionFailure(new DatabaseUnavailableError()));
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await response.json()).toMatchObject({ ok: false, code: "database_unavailable" });
  });

  it("an unexpected failure stays a generic message", () => {
    expect(actionFailure(new TypeError("x is undefined"))).toMatchObject({ ok: false, code: "unexpected" });
  });
});
