import { readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { logger } from "@/lib/observability/logger";
import { isDatabaseKnownDown } from "./database-availability";
import { getPrisma } from "./prisma";

export type DatabaseHealth =
  | { up: true; latencyMs: number; migrations: MigrationReadiness }
  | { up: false; reason: "unreachable" | "timeout" | "error" };

/**
 * The database's migration history against the migrations this build was made with: the app is
 * ready only when none is pending (a new version started before `npm run db:migrate`) and none
 * failed part-way. `expected: null` when the build has no prisma/migrations folder to compare with.
 */
export type MigrationReadiness = { applied: number; expected: number | null; pending: string[]; failed: string[] };

let expectedMigrations: string[] | null | undefined;

/**
 * The migration folders shipped with the app, read once: they change only with a new build. The
 * app runs from the project root (npm start, the demo, the tests' servers), like the evidence
 * directory's default.
 */
function shippedMigrations(): string[] | null {
  if (expectedMigrations !== undefined) return expectedMigrations;
  const folder = path.join(process.cwd(), "prisma", "migrations");
  expectedMigrations = existsSync(folder)
    ? readdirSync(folder, { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && existsSync(path.join(folder, entry.name, "migration.sql")))
        .map((entry) => entry.name)
        .sort()
    : null;
  return expectedMigrations;
}

/**
 * One round trip to PostgreSQL, bounded in time so a hung server does not hang the probe, that
 * also reads the migration history. The cause of a failure stays in the server log: the public
 * answer must not reveal hosts or credentials.
 */
export async function checkDatabaseHealth(timeoutMs = 3000): Promise<DatabaseHealth> {
  if (isDatabaseKnownDown()) return { up: false, reason: "unreachable" };
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const probe = getPrisma().$queryRaw<{ name: string; finished: boolean; rolledBack: boolean }[]>`
      select migration_name as name, finished_at is not null as finished, rolled_back_at is not null as "rolledBack"
        from "_prisma_migrations"`;
    const timeout = new Promise<"timeout">((resolve) => {
      timer = setTimeout(() => resolve("timeout"), timeoutMs);
    });
    const rows = await Promise.race([probe, timeout]);
    if (rows === "timeout") return { up: false, reason: "timeout" };
    const applied = new Set(rows.filter((row) => row.finished).map((row) => row.name));
    const expected = shippedMigrations();
    return {
      up: true,
      latencyMs: Math.round(performance.now() - started),
      migrations: {
        applied: applied.size,
        expected: expected?.length ?? null,
        pending: (expected ?? []).filter((name) => !applied.has(name)),
        failed: rows.filter((row) => !row.finished && !row.rolledBack).map((row) => row.name),
      },
    };
  } catch (error) {
    logger.error({ event: "health.database_check_failed", err: error }, "health: database check failed");
    return { up: false, reason: isDatabaseKnownDown() ? "unreachable" : "error" };
  } finally {
    clearTimeout(timer);
  }
}
