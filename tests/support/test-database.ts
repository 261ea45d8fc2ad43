import pg from "pg";
import { afterAll, beforeAll, beforeEach, inject } from "vitest";
import { disconnectPrisma } from "@/lib/data/prisma";

async function truncateAll(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `select quote_ident(tablename) as name from pg_tables where schemaname = 'public' and tablename <> '_prisma_migrations'`,
    );
    if (tables.rowCount) await client.query(`truncate ${tables.rows.map((row) => row.name).join(", ")} restart identity cascade`);
  } finally {
    await client.end();
  }
}

/**
 * Points the data layer at this run's fresh, migrated database and empties it before each
 * test (or once before the file's tests, for read-only tests over one expensive data set), so
 * every test states the data it relies on.
 */
export function withTestDatabase(options: { reset: "each" | "once" } = { reset: "each" }): { url: () => string } {
  const url = inject("databaseUrl");
  beforeAll(async () => {
    process.env.DATABASE_URL = url;
    if (options.reset === "once") await truncateAll(url);
  });
  if (options.reset === "each") {
    beforeEach(async () => {
      await truncateAll(url);
    });
  }
  afterAll(async () => {
    await disconnectPrisma();
  });
  return { url: () => url };
}
