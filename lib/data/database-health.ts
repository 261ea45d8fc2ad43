import { getPrisma } from "./prisma";

export type DatabaseHealth = { up: true; latencyMs: number; migrations: number } | { up: false; error: string };

/** One round trip to PostgreSQL, bounded in time so a hung server does not hang the probe. */
export async function checkDatabaseHealth(timeoutMs = 3000): Promise<DatabaseHealth> {
  const started = performance.now();
  try {
    const probe = getPrisma().$queryRaw<{ count: bigint }[]>`select count(*)::bigint as count from "_prisma_migrations" where finished_at is not null`;
    const rows = await Promise.race([
      probe,
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)),
    ]);
    return { up: true, latencyMs: Math.round(performance.now() - started), migrations: Number(rows[0]?.count ?? 0) };
  } catch (error) {
    return { up: false, error: error instanceof Error ? error.message.split("\n")[0] ?? "error" : String(error) };
  }
}
