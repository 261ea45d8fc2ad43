import { currentClient } from "./transaction";

/**
 * Fixed-window counters kept in PostgreSQL, so every app instance sees the same count. Keys are
 * opaque ("sign-in:account:…", "sign-in:address:…"); callers hash what they would rather not store.
 */
export type RateLimitState = {
  count: number;
  windowStart: Date;
  /** When the current window ends and the count starts again from zero. */
  resetsAt: Date;
};

const DAY_MS = 24 * 60 * 60 * 1000;
// Old windows are deleted at most this often per instance: often enough to keep the table small,
// rarely enough that a burst of sign-ins does not become a burst of deletes.
const CLEANUP_EVERY_MS = 10 * 60 * 1000;
let lastCleanupAt = Number.NEGATIVE_INFINITY;

function windowOf(windowMs: number, now: Date): { windowStart: Date; resetsAt: Date } {
  if (!Number.isInteger(windowMs) || windowMs <= 0 || windowMs > DAY_MS) {
    // Windows longer than a day would be deleted by the cleanup while still counting.
    throw new RangeError(`Rate-limit window must be 1 ms to 1 day, got ${windowMs}`);
  }
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  return { windowStart: new Date(start), resetsAt: new Date(start + windowMs) };
}

/** Counts one event in the key's current window and returns the count including it. */
export async function hitRateLimit(key: string, windowMs: number, now: Date = new Date()): Promise<RateLimitState> {
  const { windowStart, resetsAt } = windowOf(windowMs, now);
  // One statement: two instances counting the same key at once both land, neither overwrites.
  const rows = await currentClient().$queryRaw<{ count: number }[]>`
    insert into "RateLimitBucket" (key, "windowStart", count) values (${key}, ${windowStart}, 1)
    on conflict (key, "windowStart") do update set count = "RateLimitBucket".count + 1
    returning count`;
  await cleanUpOpportunistically(now);
  return { count: Number(rows[0]!.count), windowStart, resetsAt };
}

/**
 * Takes back one event counted in the key's current window (an attempt counted before it was
 * known to succeed), never below zero.
 */
export async function releaseRateLimit(key: string, windowMs: number, now: Date = new Date()): Promise<void> {
  const { windowStart } = windowOf(windowMs, now);
  await currentClient().$executeRaw`
    update "RateLimitBucket" set count = greatest(count - 1, 0) where key = ${key} and "windowStart" = ${windowStart}`;
}

/** The key's count in the current window, without counting. */
export async function peekRateLimit(key: string, windowMs: number, now: Date = new Date()): Promise<RateLimitState> {
  const { windowStart, resetsAt } = windowOf(windowMs, now);
  const bucket = await currentClient().rateLimitBucket.findUnique({
    where: { key_windowStart: { key, windowStart } },
    select: { count: true },
  });
  return { count: bucket?.count ?? 0, windowStart, resetsAt };
}

/** Forgets every window of the key (a successful sign-in, an admin's password reset). */
export async function resetRateLimit(key: string): Promise<void> {
  await currentClient().rateLimitBucket.deleteMany({ where: { key } });
}

/** Deletes windows that started more than a day before `now`; returns how many. */
export async function deleteExpiredRateLimitBuckets(now: Date = new Date()): Promise<number> {
  const deleted = await currentClient().rateLimitBucket.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - DAY_MS) } },
  });
  return deleted.count;
}

async function cleanUpOpportunistically(now: Date): Promise<void> {
  if (Math.abs(now.getTime() - lastCleanupAt) < CLEANUP_EVERY_MS) return;
  lastCleanupAt = now.getTime();
  await deleteExpiredRateLimitBuckets(now);
}
