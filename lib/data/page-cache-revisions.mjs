/**
 * The page cache's revisions in PostgreSQL: which cache tags were revalidated, and at which revision.
 * Every app instance writes here when a page is revalidated (revalidatePath, revalidateTag) and
 * reads here before it serves a cached page, so a publication through one instance is seen by all.
 *
 * Plain JavaScript because Next.js loads the cache handler (page-cache-handler.mjs) with Node's own
 * import, uncompiled; the command line reaches the same statements through
 * page-cache-revalidation.ts, so both write revisions the same way.
 */

/**
 * The tag `revalidatePath("/[locale]", "layout")` revalidates: every page of the portal, since
 * every page lives under app/[locale]/. A publication, an erratum or a merge changes what any
 * public page may show.
 */
export const EVERY_PAGE_TAG = "_N_T_/[locale]/layout";

/**
 * Writers take turns (SHARE ROW EXCLUSIVE conflicts with itself, not with readers), so revisions
 * are committed in the order they are given: an instance that has read revision N never later
 * finds a revision of N or less appear. A sequence would not do: its numbers are handed out in
 * the order transactions start, not the order they commit.
 */
export const LOCK_REVISIONS_SQL = `lock table "PageCacheRevalidation" in share row exclusive mode`;

/**
 * $1: distinct tags. Run after LOCK_REVISIONS_SQL in the same transaction; returns the new revision:
 * the database clock in milliseconds, or one more than the last revision if that is higher. So
 * revisions also keep rising after this database is restored from an older backup (whose last
 * revision is lower than pages rendered since), and one clock orders them, not the instances'.
 */
export const RECORD_REVALIDATION_SQL = `
  with next_revision as (
    select greatest(
      (select coalesce(max(revision), 0) + 1 from "PageCacheRevalidation"),
      (extract(epoch from clock_timestamp()) * 1000)::bigint
    ) as revision
  )
  insert into "PageCacheRevalidation" (tag, revision, "revalidatedAt")
  select tag, next_revision.revision, now() at time zone 'UTC'
  from unnest($1::text[]) as tag, next_revision
  on conflict (tag) do update set revision = excluded.revision, "revalidatedAt" = excluded."revalidatedAt"
  returning revision::text as revision`;

/** A handful of rows (one per tag ever revalidated), read whole: one index-free scan of a tiny table. */
export const READ_REVISIONS_SQL = `select tag, revision::text as revision from "PageCacheRevalidation"`;

/**
 * @param {{ query: (text: string, values?: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }> }} client
 *   a `pg` client that is not inside a transaction (the statements need their own)
 * @param {string[]} tags
 * @returns {Promise<number>} the revision given to these tags
 */
export async function recordRevalidation(client, tags) {
  const distinct = [...new Set(tags)];
  await client.query("begin");
  try {
    await client.query(LOCK_REVISIONS_SQL);
    const result = await client.query(RECORD_REVALIDATION_SQL, [distinct]);
    await client.query("commit");
    return Number(result.rows[0]?.revision ?? 0);
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  }
}

/**
 * recordRevalidation on a connection of `pool`. A checked-out connection is no longer watched by
 * the pool: cut half-way (PostgreSQL restarting), its 'error' event would end the process. Here
 * the failed query reports it, and the connection is given back as broken, so the pool discards it.
 * @param {import("pg").Pool} pool
 * @param {string[]} tags
 * @returns {Promise<number>}
 */
export async function recordRevalidationOnPool(pool, tags) {
  const client = await pool.connect();
  const reportedByTheQuery = () => {};
  client.on("error", reportedByTheQuery);
  let failure;
  try {
    return await recordRevalidation(client, tags);
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.removeListener("error", reportedByTheQuery);
    client.release(failure);
  }
}

/**
 * @typedef {{ newest: number, byTag: Map<string, number> }} PageCacheRevisions
 *   `newest`: the highest revision given so far, 0 when none; `byTag`: each tag's last revision
 */

/**
 * @param {Array<{ tag: unknown, revision: unknown }>} rows rows of READ_REVISIONS_SQL
 * @returns {PageCacheRevisions}
 */
export function revisionsFromRows(rows) {
  /** @type {Map<string, number>} */
  const byTag = new Map();
  let newest = 0;
  for (const row of rows) {
    const revision = Number(row.revision);
    byTag.set(String(row.tag), revision);
    if (revision > newest) newest = revision;
  }
  return { newest, byTag };
}

/**
 * Whether a page cached at `renderedAt` (the newest revision when its render began; 0 when
 * unknown) may still be served: none of its tags revalidated since, and the database not one that
 * has never reached that revision (another database, or this one restored from an older backup).
 *
 * @param {PageCacheRevisions} revisions
 * @param {string[]} tags the cached page's tags
 * @param {number} renderedAt
 */
export function isStillCurrent(revisions, tags, renderedAt) {
  if (renderedAt > revisions.newest) return false;
  return tags.every((tag) => (revisions.byTag.get(tag) ?? 0) <= renderedAt);
}
