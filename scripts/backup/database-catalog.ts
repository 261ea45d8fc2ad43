/**
 * What a backup and a restore need to know about the portal's database, read from PostgreSQL's
 * own catalog rather than from schema.prisma, so that every table the migrations made is covered,
 * including those no Prisma model names.
 */
import type pg from "pg";

/** Prisma's own bookkeeping: rebuilt by the migrations a restore applies, never copied. */
export const MIGRATIONS_TABLE = "_prisma_migrations";

/**
 * State of the running deployment rather than data of record: which cached pages are stale, how
 * many sign-ins an address tried this quarter hour. Not backed up; a restore leaves the target's
 * own rows in place (restored revisions could be older than those the app instances have seen).
 */
export const OPERATIONAL_TABLES: readonly string[] = ["PageCacheRevalidation", "RateLimitBucket"];

export type CatalogTable = { name: string; columns: string[] };

/**
 * The text COPY writes and reads must not depend on the server's or the session's settings:
 * dates as ISO in UTC, floats with every digit, bytea in hex. A national table takes longer to
 * copy than a timeout meant for the portal's queries (set on its database user) allows.
 */
export async function prepareCopySession(client: pg.Client): Promise<void> {
  await client.query(
    `set datestyle = 'ISO, YMD'; set intervalstyle = 'postgres'; set timezone = 'UTC';
     set extra_float_digits = 3; set bytea_output = 'hex'; set client_encoding = 'UTF8';
     set statement_timeout = 0; set idle_in_transaction_session_timeout = 0`,
  );
}

/** The tables holding the portal's data, with their columns: what a backup holds. */
export async function listTables(client: pg.Client): Promise<CatalogTable[]> {
  const result = await client.query<{ name: string; columns: string[] }>(
    `select c.relname as name,
            array_agg(a.attname::text order by a.attnum) as columns
       from pg_class c
       join pg_namespace n on n.oid = c.relnamespace
       join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
      where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> all($1::text[])
      group by c.relname
      order by c.relname`,
    [[MIGRATIONS_TABLE, ...OPERATIONAL_TABLES]],
  );
  return result.rows;
}

/** Applied migrations, oldest first; null when the database has no migration history at all. */
export async function appliedMigrations(client: pg.Client): Promise<{ name: string; checksum: string }[] | null> {
  const exists = await client.query<{ present: boolean }>(`select to_regclass('public.${MIGRATIONS_TABLE}') is not null as present`);
  if (!exists.rows[0]?.present) return null;
  const result = await client.query<{ name: string; checksum: string }>(
    `select migration_name as name, checksum from ${MIGRATIONS_TABLE}
      where finished_at is not null and rolled_back_at is null
      order by migration_name`,
  );
  return result.rows;
}

export async function unfinishedMigrations(client: pg.Client): Promise<string[]> {
  const exists = await client.query<{ present: boolean }>(`select to_regclass('public.${MIGRATIONS_TABLE}') is not null as present`);
  if (!exists.rows[0]?.present) return [];
  const result = await client.query<{ name: string }>(
    `select migration_name as name from ${MIGRATIONS_TABLE} where finished_at is null and rolled_back_at is null order by 1`,
  );
  return result.rows.map((row) => row.name);
}

/**
 * Each sequence of the schema with the value it hands out next, raised to above the largest value
 * already in the column it feeds (a row inserted with an explicit id does not move a sequence).
 */
export async function sequenceNextValues(client: pg.Client): Promise<{ name: string; nextValue: string }[]> {
  const sequences = await client.query<{ name: string; owner_table: string | null; owner_column: string | null }>(
    `select s.relname as name, t.relname as owner_table, a.attname as owner_column
       from pg_class s
       join pg_namespace n on n.oid = s.relnamespace
       left join pg_depend d on d.objid = s.oid and d.classid = 'pg_class'::regclass and d.deptype in ('a', 'i')
       left join pg_class t on t.oid = d.refobjid
       left join pg_attribute a on a.attrelid = t.oid and a.attnum = d.refobjsubid
      where n.nspname = 'public' and s.relkind = 'S'
      order by s.relname`,
  );
  const values: { name: string; nextValue: string }[] = [];
  for (const sequence of sequences.rows) {
    const name = client.escapeIdentifier(sequence.name);
    const own = sequence.owner_table && sequence.owner_column
      ? `(select max(${client.escapeIdentifier(sequence.owner_column)}) + 1 from ${client.escapeIdentifier(sequence.owner_table)})`
      : "null";
    const result = await client.query<{ next: string }>(
      `select greatest(case when is_called then last_value + 1 else last_value end, ${own})::text as next from ${name}`,
    );
    values.push({ name: sequence.name, nextValue: result.rows[0]!.next });
  }
  return values;
}

export type ForeignKey = { table: string; name: string; definition: string };

export async function foreignKeys(client: pg.Client): Promise<ForeignKey[]> {
  const result = await client.query<ForeignKey>(
    `select rel.relname as table, con.conname as name, pg_get_constraintdef(con.oid) as definition
       from pg_constraint con
       join pg_class rel on rel.oid = con.conrelid
       join pg_namespace n on n.oid = rel.relnamespace
      where n.nspname = 'public' and con.contype = 'f'
      order by rel.relname, con.conname`,
  );
  return result.rows;
}

/** Tables with triggers of the schema's own (not the ones PostgreSQL keeps for foreign keys). */
export async function tablesWithTriggers(client: pg.Client): Promise<string[]> {
  const result = await client.query<{ table: string }>(
    `select distinct rel.relname as table
       from pg_trigger t
       join pg_class rel on rel.oid = t.tgrelid
       join pg_namespace n on n.oid = rel.relnamespace
      where n.nspname = 'public' and not t.tgisinternal
      order by 1`,
  );
  return result.rows.map((row) => row.table);
}

/** The tables (of those given) holding at least one row. */
export async function nonEmptyTables(client: pg.Client, tables: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const table of tables) {
    const result = await client.query(`select 1 from ${client.escapeIdentifier(table)} limit 1`);
    if (result.rowCount) found.push(table);
  }
  return found;
}
