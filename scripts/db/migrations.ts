/**
 * Prisma migrations driven through Prisma's own WASM schema engine: the native engine cannot
 * be downloaded here, and Prisma 7's CLI has no switch to the WASM one. The engine itself
 * writes `_prisma_migrations`, so the history stays compatible with `prisma migrate deploy`.
 */
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync, copyFileSync } from "node:fs";
import path from "node:path";
import { createRequire } from "node:module";
import { createHash } from "node:crypto";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PROJECT_ROOT } from "./project-root";

export const SCHEMA_PATH = path.join(PROJECT_ROOT, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, "prisma", "migrations");
const SNAPSHOT_NAME = "schema.prisma";
const LOCKFILE = "migration_lock.toml";
const FILTERS = { externalTables: [] as string[], externalEnums: [] as string[] };

type Engine = {
  diff: (params: unknown) => Promise<{ exitCode: number; stdout: string | null }>;
  applyMigrations: (input: unknown) => Promise<{ appliedMigrationNames: string[] }>;
  free: () => void;
};

let wasmReady: Promise<typeof import("@prisma/schema-engine-wasm/schema_engine_bg")> | null = null;

function loadWasm() {
  // Node 20 cannot import .wasm modules, so the bindings are instantiated by hand.
  wasmReady ??= (async () => {
    const bg = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const require = createRequire(import.meta.url);
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(readFileSync(wasmPath), {
      "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as unknown as { __wbindgen_start: () => void };
    (bg as unknown as { __wbg_set_wasm: (e: unknown) => void }).__wbg_set_wasm(instance.exports);
    exports.__wbindgen_start();
    return bg;
  })();
  return wasmReady;
}

type ScriptAdapter = {
  executeScript: (script: string) => Promise<void>;
  underlyingDriver: () => { query: (text: string) => Promise<unknown> };
  onError: (error: unknown) => never;
};

/**
 * The pg adapter runs a migration script by splitting it at every ";", which breaks function
 * bodies (the field-totals triggers). Prisma's native engine sends the script whole; so does this:
 * one simple-protocol query, which PostgreSQL also runs as one implicit transaction.
 */
function wholeScripts<T extends object>(adapter: T): T {
  const target = adapter as unknown as ScriptAdapter;
  target.executeScript = async (script: string) => {
    try {
      await target.underlyingDriver().query(script);
    } catch (error) {
      target.onError(error);
    }
  };
  return adapter;
}

class WholeScriptPrismaPg extends PrismaPg {
  override async connect() {
    return wholeScripts(await super.connect());
  }
  override async connectToShadowDb() {
    return wholeScripts(await super.connectToShadowDb());
  }
}

async function withEngine<T>(connectionString: string, run: (engine: Engine) => Promise<T>): Promise<T> {
  const bg = await loadWasm();
  const schema = readFileSync(SCHEMA_PATH, "utf8");
  const adapter = bindMigrationAwareSqlAdapterFactory(new WholeScriptPrismaPg({ connectionString }));
  const engine = (await bg.SchemaEngine.new(
    { datamodels: [[SCHEMA_PATH, schema]] },
    () => {},
    adapter,
  )) as unknown as Engine;
  try {
    return await run(engine);
  } finally {
    engine.free();
  }
}

export function migrationDirectories(): string[] {
  if (!existsSync(MIGRATIONS_DIR)) return [];
  return readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(MIGRATIONS_DIR, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort();
}

function migrationsList(only?: readonly string[]) {
  const lockPath = path.join(MIGRATIONS_DIR, LOCKFILE);
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: LOCKFILE, content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: migrationDirectories()
      .filter((name) => !only || only.includes(name))
      .map((name) => ({
        path: name,
        migrationFile: {
          path: "migration.sql",
          content: { tag: "ok", value: readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8") },
        },
      })),
  };
}

/**
 * Applies pending migrations; returns the names applied (empty when up to date). `only` stops at
 * an older version (a restore rebuilds the schema its backup was taken from).
 */
export async function applyMigrations(connectionString: string, options: { only?: readonly string[] } = {}): Promise<string[]> {
  return withEngine(connectionString, async (engine) => {
    const output = await engine.applyMigrations({ migrationsList: migrationsList(options.only), filters: FILTERS });
    return output.appliedMigrationNames;
  });
}

function schemaTarget(content: string, filePath: string) {
  return { tag: "schemaDatamodel", files: [{ path: filePath, content }] };
}

export type MigrationState = {
  /** In prisma/migrations but not finished in the database. */
  pending: string[];
  /** Started but neither finished nor rolled back: the database needs an operator. */
  failed: string[];
  /** Applied, but migration.sql changed since: the folder no longer describes the database. */
  modified: string[];
};

/** Prisma's checksum of a migration: the SHA-256 of its migration.sql, as `_prisma_migrations` stores it. */
export function migrationChecksum(name: string): string {
  return createHash("sha256").update(readFileSync(path.join(MIGRATIONS_DIR, name, "migration.sql"))).digest("hex");
}

/** How the database's migration history compares with prisma/migrations (read only). */
export async function migrationState(connectionString: string): Promise<MigrationState> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const exists = await client.query(`select to_regclass('public._prisma_migrations') is not null as present`);
    const rows = exists.rows[0]?.present
      ? (
          await client.query<{ name: string; checksum: string; finished: boolean; rolledBack: boolean }>(
            `select migration_name as name, checksum, finished_at is not null as finished, rolled_back_at is not null as "rolledBack"
               from _prisma_migrations`,
          )
        ).rows
      : [];
    const local = migrationDirectories();
    const finished = new Map(rows.filter((row) => row.finished).map((row) => [row.name, row.checksum]));
    return {
      pending: local.filter((name) => !finished.has(name)),
      failed: rows.filter((row) => !row.finished && !row.rolledBack).map((row) => row.name),
      modified: local.filter((name) => {
        const checksum = finished.get(name);
        return checksum !== undefined && migrationChecksum(name) !== checksum;
      }),
    };
  } finally {
    await client.end();
  }
}

/** SQL that takes an empty database to the current schema.prisma. */
export async function diffFromEmpty(connectionString: string, schemaPath = SCHEMA_PATH): Promise<string> {
  const schema = readFileSync(schemaPath, "utf8");
  return withEngine(connectionString, async (engine) => {
    const result = await engine.diff({
      from: { tag: "empty" },
      to: schemaTarget(schema, schemaPath),
      script: true,
      exitCode: null,
      filters: FILTERS,
    });
    return result.stdout ?? "";
  });
}

/**
 * Writes a new migration folder with the SQL from the newest migration's schema snapshot to
 * the current schema. Returns null when nothing changed.
 */
export async function createMigration(name: string, connectionString: string): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) {
    throw new Error(`Migration name "${name}" must use only a-z, 0-9 and _`);
  }
  const schema = readFileSync(SCHEMA_PATH, "utf8");
  const newest = migrationDirectories().at(-1);
  const snapshotPath = newest ? path.join(MIGRATIONS_DIR, newest, SNAPSHOT_NAME) : null;
  if (snapshotPath && !existsSync(snapshotPath)) {
    throw new Error(`The newest migration ${newest} has no ${SNAPSHOT_NAME} snapshot to diff from.`);
  }
  const sql = await withEngine(connectionString, async (engine) => {
    const result = await engine.diff({
      from: snapshotPath ? schemaTarget(readFileSync(snapshotPath, "utf8"), snapshotPath) : { tag: "empty" },
      to: schemaTarget(schema, SCHEMA_PATH),
      script: true,
      exitCode: null,
      filters: FILTERS,
    });
    return result.stdout ?? "";
  });
  if (!/\b(CREATE|ALTER|DROP|COMMENT)\b/i.test(sql)) return null;

  const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
  const folder = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(path.join(folder, "migration.sql"), sql);
  copyFileSync(SCHEMA_PATH, path.join(folder, SNAPSHOT_NAME));
  const lockPath = path.join(MIGRATIONS_DIR, LOCKFILE);
  if (!existsSync(lockPath)) {
    writeFileSync(
      lockPath,
      '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n',
    );
  }
  return folder;
}

async function catalogSnapshot(connectionString: string): Promise<string[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    const queries = [
      `select 'column ' || table_name || '.' || column_name || ' ' || data_type || ' ' || coalesce(udt_name,'') ||
         ' null=' || is_nullable || ' default=' || coalesce(column_default,'') ||
         ' len=' || coalesce(character_maximum_length::text,'') || ' num=' || coalesce(numeric_precision::text,'') || ',' || coalesce(numeric_scale::text,'') as line
         from information_schema.columns where table_schema = 'public' and table_name <> '_prisma_migrations'`,
      `select 'index ' || indexdef as line from pg_indexes where schemaname = 'public' and tablename <> '_prisma_migrations'`,
      `select 'constraint ' || rel.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid) as line
         from pg_constraint con join pg_class rel on rel.oid = con.conrelid join pg_namespace n on n.oid = rel.relnamespace
         where n.nspname = 'public' and rel.relname <> '_prisma_migrations'`,
      `select 'enum ' || t.typname || ' ' || e.enumlabel || ' ' || e.enumsortorder as line
         from pg_enum e join pg_type t on t.oid = e.enumtypid join pg_namespace n on n.oid = t.typnamespace where n.nspname = 'public'`,
    ];
    const lines: string[] = [];
    for (const query of queries) {
      const result = await client.query<{ line: string }>(query);
      lines.push(...result.rows.map((row) => row.line));
    }
    return lines.sort();
  } finally {
    await client.end();
  }
}

function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/**
 * Compares the database the migrations build with the one schema.prisma describes, in two
 * scratch databases on the given server. Returns the differing catalog lines (empty = in sync).
 */
export async function checkDrift(serverUrl: string, schemaPath = SCHEMA_PATH): Promise<string[]> {
  const suffix = `${process.pid}_${Date.now()}`;
  const fromMigrations = `drift_migrations_${suffix}`;
  const fromSchema = `drift_schema_${suffix}`;
  const admin = new pg.Client({ connectionString: databaseUrl(serverUrl, "postgres") });
  await admin.connect();
  try {
    await admin.query(`create database ${fromMigrations}`);
    await admin.query(`create database ${fromSchema}`);
    const migrationsUrl = databaseUrl(serverUrl, fromMigrations);
    const schemaUrl = databaseUrl(serverUrl, fromSchema);
    await applyMigrations(migrationsUrl);
    const sql = await diffFromEmpty(schemaUrl, schemaPath);
    const client = new pg.Client({ connectionString: schemaUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
    const [a, b] = await Promise.all([catalogSnapshot(migrationsUrl), catalogSnapshot(schemaUrl)]);
    const inA = new Set(a);
    const inB = new Set(b);
    return [
      ...a.filter((line) => !inB.has(line)).map((line) => `only in migrations: ${line}`),
      ...b.filter((line) => !inA.has(line)).map((line) => `only in schema.prisma: ${line}`),
    ];
  } finally {
    await admin.query(`drop database if exists ${fromMigrations} with (force)`);
    await admin.query(`drop database if exists ${fromSchema} with (force)`);
    await admin.end();
  }
}
