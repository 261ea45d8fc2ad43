import { checkDatabaseHealth } from "@/lib/data/database-health";
import { DATABASE_RETRY_AFTER_SECONDS } from "@/lib/domain/database-outage";

/**
 * Ready to serve: the database answers and holds every migration this build expects, none
 * failed. 503 otherwise, so a load balancer sends no traffic to an instance that would fail it
 * (the reason is in the body; hosts and credentials never are).
 */
export async function readinessResponse(): Promise<Response> {
  const database = await checkDatabaseHealth();
  const headers = { "cache-control": "no-store" };
  if (!database.up) {
    return Response.json(
      { status: "unavailable", database: { status: "down", reason: database.reason } },
      { status: 503, headers: { ...headers, "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) } },
    );
  }
  const { migrations } = database;
  const ready = migrations.pending.length === 0 && migrations.failed.length === 0;
  return Response.json(
    {
      status: ready ? "ok" : "unavailable",
      // migrationsApplied: kept for what polled the earlier answer (scripts, monitors).
      database: { status: "up", latencyMs: database.latencyMs, migrationsApplied: migrations.applied },
      migrations: {
        applied: migrations.applied,
        expected: migrations.expected,
        pending: migrations.pending,
        ...(migrations.failed.length ? { failed: migrations.failed } : {}),
      },
    },
    { status: ready ? 200 : 503, headers },
  );
}
