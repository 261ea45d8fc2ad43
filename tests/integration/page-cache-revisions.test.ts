import pg from "pg";
import { describe, expect, it } from "vitest";
import { withTestDatabase } from "@/tests/support/test-database";
import { revalidateEveryPage } from "@/lib/data/page-cache-revalidation";
import { EVERY_PAGE_TAG, READ_REVISIONS_SQL, recordRevalidation, revisionsFromRows } from "@/lib/data/page-cache-revisions.mjs";

// The revisions every instance compares its cached pages with: they must only rise, in the order
// they were committed, or an instance would keep serving a page from before a publication.
describe("page cache revisions in PostgreSQL", () => {
  const database = withTestDatabase();

  async function withClients<T>(count: number, work: (clients: pg.Client[]) => Promise<T>): Promise<T> {
    const clients = Array.from({ length: count }, () => new pg.Client({ connectionString: database.url() }));
    await Promise.all(clients.map((client) => client.connect()));
    try {
      return await work(clients);
    } finally {
      await Promise.all(clients.map((client) => client.end()));
    }
  }

  it("gives each publication a higher revision than the last, and every instance reads it", async () => {
    const first = await revalidateEveryPage();
    const second = await revalidateEveryPage();
    expect(second).toBeGreaterThan(first);
    await withClients(1, async ([client]) => {
      const revisions = revisionsFromRows((await client!.query(READ_REVISIONS_SQL)).rows);
      expect(revisions.byTag.get(EVERY_PAGE_TAG)).toBe(second);
      expect(revisions.newest).toBe(second);
    });
  });

  it("orders revalidations committed at the same moment by several instances: distinct revisions, the last one kept", async () => {
    const given = await withClients(8, (clients) => Promise.all(clients.map((client, n) => recordRevalidation(client, [EVERY_PAGE_TAG, `_N_T_/instance-${n % 2}`]))));
    expect(new Set(given).size).toBe(given.length);
    await withClients(1, async ([client]) => {
      const revisions = revisionsFromRows((await client!.query(READ_REVISIONS_SQL)).rows);
      expect(revisions.byTag.get(EVERY_PAGE_TAG)).toBe(Math.max(...given));
    });
  });

  it("keeps rising after the database is restored from a backup taken before later publications", async () => {
    const beforeBackup = await revalidateEveryPage();
    const latest = await revalidateEveryPage();
    // What a restore of the earlier backup puts back.
    await withClients(1, (clients) => clients[0]!.query(`update "PageCacheRevalidation" set revision = $1`, [beforeBackup]));
    expect(await revalidateEveryPage()).toBeGreaterThan(latest);
  });
});
