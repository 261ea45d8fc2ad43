import { readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "@/tests/support/test-database";
import { GET as live } from "@/app/api/health/live/route";
import { GET as ready } from "@/app/api/health/ready/route";
import { GET as health } from "@/app/api/health/route";

const database = withTestDatabase({ reset: "once" });

const shipped = readdirSync(path.join(process.cwd(), "prisma", "migrations"), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

async function withMigrationUndone<T>(name: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: database.url() });
  await client.connect();
  try {
    // As if this build's newest migration had not been applied yet (rolled back: not failed).
    await client.query(`update _prisma_migrations set finished_at = null, rolled_back_at = now() where migration_name = $1`, [name]);
    return await work();
  } finally {
    await client.query(`update _prisma_migrations set finished_at = started_at, rolled_back_at = null where migration_name = $1`, [name]);
    await client.end();
  }
}

describe("health endpoints for load balancers and orchestrators", () => {
  it("live answers without asking the database", async () => {
    const response = live();
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("ready (and /api/health) answer 200 once every migration of this build is applied, without hosts or credentials", async () => {
    for (const respond of [ready, health]) {
      const response = await respond();
      expect(response.status).toBe(200);
      expect(response.headers.get("cache-control")).toBe("no-store");
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({
        status: "ok",
        database: { status: "up", migrationsApplied: shipped.length },
        migrations: { applied: shipped.length, expected: shipped.length, pending: [] },
      });
      expect(text).not.toMatch(/127\.0\.0\.1|localhost|postgres(ql)?:|password/i);
    }
  });

  it("ready answers 503 naming the migration still to apply, so no traffic reaches a build ahead of its database", async () => {
    const newest = shipped.at(-1)!;
    await withMigrationUndone(newest, async () => {
      const response = await ready();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "unavailable", database: { status: "up" }, migrations: { pending: [newest] } });
    });
    expect((await ready()).status).toBe(200);
  });
});
