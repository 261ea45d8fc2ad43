import { getPrisma } from "./prisma";

export type DatabaseHealth = { up: true; latencyMs: number; migrations: number } | { up: false; reason: "timeout" | "error" };

/**
 * One round trip to PostgreSQL, bounded in time so a hung server does not hang the probe. The
 * cause stays in the server log: the public answer must not reveal hosts or credentials.
 */
export async function checkDatabaseHealth(timeoutMs = 3000): Promise<DatabaseHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const probe = getPrisma().$queryRaw<{ count: bigint }[]>`select count(*)::bigint as count from "_prisma_migrations" where finished_at is not null`;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), timeoutMs);
    });
    const rows = await Promise.race([probe, timeout]);
    if (rows === "timeout") return { up: false, reason: "timeout" };
    return { up: true, latencyMs: Math.round(performance.now() - started), migrations: Number(rows[0]?.count ?? 0) };
  } catch (error) {
    console.error("health: database check failed:", error instanceof Error ? error.message : error);
    return { up: false, reason: "error" };
  } finally {
    clearTimeout(timer);
  }
}
