import { readdir, rm } from "node:fs/promises";
import path from "node:path";
import pg from "pg";

// Whole-database snapshots for the authorization matrix: every cell starts from the same data
// (a few states of one period), restored in a few milliseconds instead of rebuilt through the
// services, and a denied cell is checked against the exact content of every table.

const AUDIT_TABLE = "AuditLog";

export type DatabaseSnapshots = {
  /** Copies every table (and the evidence directory's listing) under this name. */
  save(name: string): Promise<void>;
  /** Puts the database and the evidence directory back as they were saved under this name. */
  restore(name: string): Promise<void>;
  /** Every table but the audit log, one digest per table, and the evidence files on disk. */
  fingerprint(): Promise<Record<string, string>>;
  /** The audit rows written after `afterId` (null: every row). */
  auditRowsAfter(afterId: bigint | null): Promise<{ id: bigint; action: string; actorId: string | null; unitId: string | null; after: unknown }[]>;
  lastAuditId(): Promise<bigint | null>;
  /** Drops the copies and disconnects. */
  close(): Promise<void>;
};

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function filesUnder(directory: string): Promise<string[]> {
  try {
    const entries = await readdir(directory, { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(directory, path.join(entry.parentPath, entry.name)))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
}

export async function openDatabaseSnapshots(url: string, evidenceDirectory: string): Promise<DatabaseSnapshots> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const tables = (
    await client.query<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'public' and tablename <> '_prisma_migrations' order by tablename`)
  ).rows.map((row) => row.name);
  const files = new Map<string, string[]>();
  const sequences = new Map<string, { name: string; value: string | null; called: boolean }[]>();

  const schemaOf = (name: string) => quote(`authz_${name}`);

  return {
    async save(name) {
      const schema = schemaOf(name);
      await client.query(`drop schema if exists ${schema} cascade; create schema ${schema}`);
      for (const table of tables) await client.query(`create table ${schema}.${quote(table)} as table public.${quote(table)}`);
      const state = await client.query<{ name: string; value: string | null }>(
        `select sequencename as name, last_value::text as value from pg_sequences where schemaname = 'public'`,
      );
      sequences.set(
        name,
        state.rows.map((row) => ({ name: row.name, value: row.value, called: row.value !== null })),
      );
      files.set(name, await filesUnder(evidenceDirectory));
    },

    async restore(name) {
      const schema = schemaOf(name);
      const saved = sequences.get(name);
      if (!saved) throw new Error(`No snapshot "${name}"`);
      await client.query("begin");
      try {
        // Triggers (the field totals, the truncate guard) stay quiet: the copies hold their results already.
        await client.query("set local session_replication_role = replica");
        await client.query(`truncate ${tables.map((table) => `public.${quote(table)}`).join(", ")}`);
        for (const table of tables) await client.query(`insert into public.${quote(table)} select * from ${schema}.${quote(table)}`);
        for (const sequence of saved) {
          await client.query(`select setval($1, $2, $3)`, [`public.${quote(sequence.name)}`, sequence.value ?? "1", sequence.called]);
        }
        await client.query("commit");
      } catch (error) {
        await client.query("rollback");
        throw error;
      }
      // Content-addressed files: what an allowed upload added goes; nothing saved is ever removed by a cell.
      const keep = new Set(files.get(name));
      for (const file of await filesUnder(evidenceDirectory)) {
        if (!keep.has(file)) await rm(path.join(evidenceDirectory, file), { force: true });
      }
    },

    async fingerprint() {
      const digests = await client.query<{ name: string; digest: string }>(
        tables
          .filter((table) => table !== AUDIT_TABLE)
          .map((table) => `select '${table}' as name, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from public.${quote(table)} t`)
          .join(" union all "),
      );
      return {
        ...Object.fromEntries(digests.rows.map((row) => [row.name, row.digest])),
        "evidence files": (await filesUnder(evidenceDirectory)).join(","),
      };
    },

    async auditRowsAfter(afterId) {
      const rows = await client.query<{ id: string; action: string; actorId: string | null; unitId: string | null; after: unknown }>(
        `select id::text, action, "actorId", "unitId", "after" from public.${quote(AUDIT_TABLE)} where $1::bigint is null or id > $1::bigint order by id`,
        [afterId?.toString() ?? null],
      );
      return rows.rows.map((row) => ({ ...row, id: BigInt(row.id) }));
    },

    async lastAuditId() {
      const row = await client.query<{ id: string | null }>(`select max(id)::text as id from public.${quote(AUDIT_TABLE)}`);
      return row.rows[0]?.id ? BigInt(row.rows[0].id) : null;
    },

    async close() {
      for (const name of sequences.keys()) await client.query(`drop schema if exists ${schemaOf(name)} cascade`);
      await client.end();
    },
  };
}
