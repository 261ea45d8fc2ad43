import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import pg from "pg";
import tar from "tar-stream";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { seedDemo } from "@/scripts/seed/seed-demo";
import { uploadEvidence } from "@/lib/services/upload-evidence";
import { publishErratum } from "@/lib/services/publish-erratum";
import { findUserActor } from "@/lib/data/database-state";
import { createEvidenceStorage } from "@/lib/storage/evidence-store";
import { withTestDatabase } from "@/tests/support/test-database";
import { createDatabase, dropDatabase, type TestDatabaseServer } from "@/tests/support/test-database-server";
import { jpeg, pdf, png } from "@/tests/unit/evidence/evidence-fixtures";
import type { BackupManifest } from "@/scripts/backup/backup-manifest";

const source = withTestDatabase({ reset: "once" });
const root = path.resolve(import.meta.dirname, "..", "..");
const work = mkdtempSync(path.join(os.tmpdir(), "par-backup-it-"));
const sourceEvidence = path.join(work, "evidence-source");
const server: TestDatabaseServer = {
  adminUrl: inject("adminDatabaseUrl"),
  databaseUrl: (name) => {
    const url = new URL(inject("adminDatabaseUrl"));
    url.pathname = `/${name}`;
    return url.toString();
  },
  stop: async () => {},
};
const createdDatabases: string[] = [];
/** Each command starts a process (tsx) and the machine may be shared: seconds each, minutes together. */
const CLI_TEST_MS = 240_000;

async function freshDatabase(): Promise<string> {
  const name = await createDatabase(server, "par_restore");
  createdDatabases.push(name);
  return server.databaseUrl(name);
}

function cli(args: string[], env: { DATABASE_URL: string; EVIDENCE_DIR: string }, input?: Buffer) {
  const result = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/cli.ts", ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    input,
    timeout: 180_000,
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString("utf8") };
}

function cliInBackground(args: string[], env: { DATABASE_URL: string; EVIDENCE_DIR: string }) {
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/cli.ts", ...args], { cwd: root, env: { ...process.env, ...env } });
  let stderr = "";
  let finished = false;
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const result = new Promise<{ status: number | null; stderr: string }>((resolve) =>
    child.on("close", (status) => {
      finished = true;
      resolve({ status, stderr });
    }),
  );
  return { result, done: () => finished };
}

async function query<T extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** The portal's data tables (the migration history and the deployment's own cache and limits aside). */
async function dataTables(url: string): Promise<string[]> {
  const rows = await query<{ name: string }>(
    url,
    `select tablename as name from pg_tables where schemaname = 'public'
       and tablename not in ('_prisma_migrations', 'PageCacheRevalidation', 'RateLimitBucket') order by 1`,
  );
  return rows.map((row) => row.name);
}

/**
 * Every row of every table as PostgreSQL prints it (all columns: timestamps to the millisecond,
 * decimals with their scale, json as stored), sorted: two databases with the same content give
 * the same lists.
 */
async function contentOf(url: string): Promise<Record<string, string[]>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("set timezone = 'UTC'; set datestyle = 'ISO, YMD'");
    const content: Record<string, string[]> = {};
    for (const table of await dataTables(url)) {
      const rows = await client.query<{ row: string }>(`select t::text as row from ${client.escapeIdentifier(table)} t order by t::text collate "C"`);
      content[table] = rows.rows.map((row) => row.row);
    }
    return content;
  } finally {
    await client.end();
  }
}

/** The audit rows a restore adds to say so (the newest row of the restored log). */
function restoreRecords(content: Record<string, string[]>): string[] {
  return content.AuditLog!.filter((row) => row.includes(",database.restore,Database,"));
}

function restoredBesidesItsRecord(content: Record<string, string[]>): Record<string, string[]> {
  const records = new Set(restoreRecords(content));
  expect(records.size).toBe(1);
  return { ...content, AuditLog: content.AuditLog!.filter((row) => !records.has(row)) };
}

async function manifestOf(file: string): Promise<BackupManifest> {
  return JSON.parse((await entriesOf(file))[0]!.content.toString("utf8")) as BackupManifest;
}

async function catalogOf(url: string) {
  const constraints = await query<{ line: string }>(
    url,
    `select rel.relname || ' ' || con.conname || ' ' || pg_get_constraintdef(con.oid) as line
       from pg_constraint con join pg_class rel on rel.oid = con.conrelid join pg_namespace n on n.oid = rel.relnamespace
      where n.nspname = 'public' order by 1`,
  );
  const triggers = await query<{ line: string }>(
    url,
    `select tgrelid::regclass::text || ' ' || tgname || ' ' || tgenabled::text as line from pg_trigger where not tgisinternal order by 1`,
  );
  const nextAuditId = await query<{ next: string }>(
    url,
    `select (case when is_called then last_value + 1 else last_value end)::text as next from "AuditLog_id_seq"`,
  );
  return { constraints: constraints.map((row) => row.line), triggers: triggers.map((row) => row.line), nextAuditId: nextAuditId[0]!.next };
}

/** Every file under an evidence directory with its bytes, by path relative to it. */
function filesOf(directory: string): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const full = path.join(folder, name);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(directory, full)] = readFileSync(full);
    }
  };
  try {
    walk(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  return files;
}

/** The archive's entries, in order, to inspect or to rewrite. */
async function entriesOf(file: string): Promise<{ name: string; content: Buffer }[]> {
  const extract = tar.extract();
  const entries: { name: string; content: Buffer }[] = [];
  const iterator = extract[Symbol.asyncIterator]();
  Readable.from(readFileSync(file)).pipe(extract);
  for await (const entry of { [Symbol.asyncIterator]: () => iterator }) entries.push({ name: entry.header.name, content: await buffer(entry) });
  return entries;
}

async function writeArchive(file: string, entries: { name: string; content: Buffer }[]): Promise<void> {
  const pack = tar.pack();
  for (const entry of entries) pack.entry({ name: entry.name, size: entry.content.length }, entry.content);
  pack.finalize();
  writeFileSync(file, await buffer(pack));
}

/** Flips one byte in the middle of an entry's data, leaving tar's own headers intact. */
function damageEntry(file: string, target: string, entryName: string): void {
  const archive = readFileSync(file);
  const header = archive.indexOf(Buffer.from(`${entryName}\0`, "latin1"));
  expect(header).toBeGreaterThanOrEqual(0);
  const size = parseInt(archive.subarray(header + 124, header + 136).toString("latin1").replace(/\0.*$/, "").trim(), 8);
  const at = header + 512 + Math.floor(size / 2);
  archive[at] = archive[at]! ^ 0xff;
  writeFileSync(target, archive);
}

const backupFile = path.join(work, "backup.tar");
let sourceContent: Record<string, string[]>;
let sourceCatalog: Awaited<ReturnType<typeof catalogOf>>;
let sourceFiles: Record<string, Buffer>;
let restoredUrl: string;
let restoredEvidence: string;

beforeAll(async () => {
  const url = source.url();
  await seedDemo(() => {});
  const storage = createEvidenceStorage({ directory: sourceEvidence });
  const officer = (await findUserActor("tuphap@demo.parindex.vn"))!;
  const now = new Date();
  // Two rows naming the same bytes (one file on disk), a withdrawn file kept for the audit trail.
  for (const [criterionCode, file, fileName] of [
    ["1.2", pdf(), "Báo cáo tự đánh giá.pdf"],
    ["1.3", png(), "Ảnh chụp bảng niêm yết.png"],
    ["1.4", pdf(), "Ba\u0301o ca\u0301o (NFD).pdf"],
    ["1.1.1", jpeg(), "Biên bản.jpg"],
  ] as const) {
    await uploadEvidence(officer, { periodCode: "son-la-so-2025", unitCode: "so-tu-phap", criterionCode, file, fileName }, { now, storage });
  }
  const admin = (await findUserActor("admin@demo.parindex.vn"))!;
  await publishErratum(admin, {
    periodCode: "son-la-so-2024",
    reason: "Đính chính theo Quyết định số 12/QĐ-UBND",
    corrections: [{ unitCode: "so-tu-phap", criterionCode: "1.2", points: "0,75", reason: "Nhập nhầm điểm" }],
  });
  // What no demo flow writes yet, and values that trip naive text formats: tabs, newlines, a
  // backslash, the COPY null marker as text, an empty string beside a null, decomposed Vietnamese.
  await query(
    url,
    `update "EvidenceFile" set "deletedAt" = now() where id = (select id from "EvidenceFile" order by "uploadedAt" limit 1)`,
  );
  await query(
    url,
    `insert into "ReviewComment" (id, "criterionScoreId", "authorId", kind, body, "createdAt")
     select 'rc-backup-1', s.id, null, 'return', E'Dòng 1\\n\\tdòng 2 \\\\N \\\\ C:\\\\tài liệu', '2025-03-01 02:03:04.567'
       from "CriterionScore" s order by s.id limit 1`,
  );
  await query(
    url,
    `insert into "UnitNameChange" (id, "unitId", "oldName", "newName", "changedAt")
     select 'unc-backup-1', id, '', 'So\u031b\u0309 Tu\u031b pha\u0301p', '2024-12-31 23:59:59.999' from "Unit" order by code limit 1`,
  );
  await query(
    url,
    `insert into "CriterionMapping" ("fromCriterionId", "toCriterionId")
     select a.id, b.id from "Criterion" a, "Criterion" b where a."criteriaSetId" <> b."criteriaSetId" and a.code = b.code order by a.id, b.id limit 1`,
  );
  await query(
    url,
    `insert into "AuditLog" (action, "entityType", "entityId", before, after, ip)
     values ('test.values', 'Test', null, $1::jsonb, $2::jsonb, '')`,
    [JSON.stringify({ text: "\\N", tab: "a\tb", nested: { list: [1, "2", null, true], emoji: "🇻🇳" } }), JSON.stringify("a string")],
  );

  sourceContent = await contentOf(url);
  sourceCatalog = await catalogOf(url);
  sourceFiles = filesOf(sourceEvidence);
}, 240_000);

afterAll(async () => {
  for (const name of createdDatabases) await dropDatabase(server, name);
  rmSync(work, { recursive: true, force: true });
});

describe("npm run cli -- backup / restore", () => {
  it("holds every kind of data: no table of the portal is left empty by the source", () => {
    const empty = Object.entries(sourceContent).filter(([, rows]) => rows.length === 0).map(([table]) => table);
    expect(empty).toEqual([]);
    expect(Object.keys(sourceFiles)).toHaveLength(3);
  });

  it("backs up into one file whose manifest lists migrations, counts per table and every evidence file", async () => {
    const result = cli(["backup", backupFile], { DATABASE_URL: source.url(), EVIDENCE_DIR: sourceEvidence });
    expect(result.stderr).toContain("Backed up");
    expect(result.stderr).toMatch(/\d+\.\d MB, \d+\.\d s/);
    expect(result.status).toBe(0);

    const entries = await entriesOf(backupFile);
    const manifest = JSON.parse(entries[0]!.content.toString("utf8")) as BackupManifest;
    expect(entries[0]!.name).toBe("manifest.json");
    const applied = await query<{ name: string; checksum: string }>(
      source.url(),
      `select migration_name as name, checksum from _prisma_migrations order by 1`,
    );
    expect(manifest.migrations).toEqual(applied);
    expect(Object.fromEntries(manifest.tables.map((table) => [table.name, table.rows]))).toEqual(
      Object.fromEntries(Object.entries(sourceContent).map(([table, rows]) => [table, rows.length])),
    );
    const shas = Object.keys(sourceFiles).map((file) => path.basename(file)).sort();
    expect(entries[1]!.content.toString("utf8")).toBe(shas.map((sha) => `${sha}\t${sourceFiles[`${sha.slice(0, 2)}/${sha}`]!.length}\n`).join(""));
    expect(manifest.evidence).toMatchObject({ files: 3, missing: [] });
    expect(entries.filter((entry) => entry.name.startsWith("evidence/")).map((entry) => entry.name)).toEqual(
      shas.map((sha) => `evidence/${sha.slice(0, 2)}/${sha}`),
    );
  }, CLI_TEST_MS);

  it("restores into a fresh database and evidence folder: every row, sequence, constraint, trigger and file as it was", async () => {
    restoredUrl = await freshDatabase();
    restoredEvidence = path.join(work, "evidence-restored");
    const result = cli(["restore", backupFile], { DATABASE_URL: restoredUrl, EVIDENCE_DIR: restoredEvidence });
    expect(result.stderr).toContain("Restored");
    expect(result.status).toBe(0);

    const restored = await contentOf(restoredUrl);
    expect(restoredBesidesItsRecord(restored)).toEqual(sourceContent);
    const records = await query<{ after: Record<string, unknown> }>(restoredUrl, `select after from "AuditLog" where action = 'database.restore'`);
    expect(records.map((record) => record.after)).toEqual([
      expect.objectContaining({ backupCreatedAt: (await manifestOf(backupFile)).createdAt, file: "backup.tar", replaced: false }),
    ]);
    // The record took the next audit id after the restored rows'.
    expect(await catalogOf(restoredUrl)).toEqual({ ...sourceCatalog, nextAuditId: String(Number(sourceCatalog.nextAuditId) + 1) });
    expect(filesOf(restoredEvidence)).toEqual(sourceFiles);
    const migrations = await query<{ name: string; checksum: string }>(restoredUrl, `select migration_name as name, checksum from _prisma_migrations order by 1`);
    expect(migrations).toEqual(await query(source.url(), `select migration_name as name, checksum from _prisma_migrations order by 1`));
  }, CLI_TEST_MS);

  it("refuses a database that already holds data, unless --replace; a reader meanwhile sees the old data or the new, never a mix", async () => {
    await query(restoredUrl, `insert into "AuditLog" (action, "entityType") values ('test.marker', 'Test')`);
    await query(restoredUrl, `delete from "ReviewComment"`);
    const before = await contentOf(restoredUrl);

    const refused = cli(["restore", backupFile], { DATABASE_URL: restoredUrl, EVIDENCE_DIR: restoredEvidence });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("--replace");
    expect(refused.stderr).toContain("đã có dữ liệu");
    expect(await contentOf(restoredUrl)).toEqual(before);

    // A portal reading while the restore runs: AuditLog is loaded before ReviewComment, so a
    // restore committing table by table would show the restored log beside the old comments.
    const old = { audit: before.AuditLog!.length, comments: 0 };
    const restored = { audit: sourceContent.AuditLog!.length + 1, comments: sourceContent.ReviewComment!.length };
    const running = cliInBackground(["restore", backupFile, "--replace"], { DATABASE_URL: restoredUrl, EVIDENCE_DIR: restoredEvidence });
    const reader = new pg.Client({ connectionString: restoredUrl });
    await reader.connect();
    const seen = new Set<string>();
    try {
      while (!running.done()) {
        const counts = await reader.query<{ audit: number; comments: number }>(
          `select (select count(*) from "AuditLog")::int as audit, (select count(*) from "ReviewComment")::int as comments`,
        );
        seen.add(JSON.stringify(counts.rows[0]));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    } finally {
      await reader.end();
    }
    const replaced = await running.result;
    expect(replaced.stderr).toContain("Replaced with the backup");
    expect(replaced.status).toBe(0);
    expect([...seen].filter((counts) => counts !== JSON.stringify(old) && counts !== JSON.stringify(restored))).toEqual([]);
    expect(restoredBesidesItsRecord(await contentOf(restoredUrl))).toEqual(sourceContent);
  }, CLI_TEST_MS);

  it("refuses a backup with a damaged table, a damaged file or a missing end, and leaves data and files untouched", async () => {
    await query(restoredUrl, `insert into "AuditLog" (action, "entityType") values ('test.marker', 'Test')`);
    const before = await contentOf(restoredUrl);
    const filesBefore = filesOf(restoredEvidence);
    const manifest = JSON.parse((await entriesOf(backupFile))[0]!.content.toString("utf8")) as BackupManifest;
    const largest = [...manifest.tables].sort((a, b) => b.bytes - a.bytes)[0]!;
    const oneFile = Object.keys(sourceFiles)[0]!;

    const damagedTable = path.join(work, "damaged-table.tar");
    damageEntry(backupFile, damagedTable, largest.entry);
    const damagedFile = path.join(work, "damaged-file.tar");
    damageEntry(backupFile, damagedFile, `evidence/${oneFile}`);
    const truncated = path.join(work, "truncated.tar");
    const whole = readFileSync(backupFile);
    writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.7)));

    // Into an empty evidence folder no file may appear (the good ones were staged before the damage
    // was found); in the one in use, the files stay as they were.
    for (const [file, evidence, expectedFiles] of [
      [damagedTable, mkdtempSync(path.join(work, "evidence-untouched-")), {}],
      [damagedFile, mkdtempSync(path.join(work, "evidence-untouched-")), {}],
      [truncated, restoredEvidence, filesBefore],
    ] as const) {
      const result = cli(["restore", file, "--replace"], { DATABASE_URL: restoredUrl, EVIDENCE_DIR: evidence });
      expect(result.status, `${path.basename(file)}: ${result.stderr}`).toBe(1);
      expect(result.stderr).toContain("The backup file is damaged or incomplete");
      expect(await contentOf(restoredUrl)).toEqual(before);
      expect(filesOf(evidence)).toEqual(expectedFiles);
    }
  }, CLI_TEST_MS);

  it("refuses a backup from migrations this code does not know, and one from another schema version than the target's", async () => {
    const entries = await entriesOf(backupFile);
    const manifest = JSON.parse(entries[0]!.content.toString("utf8")) as BackupManifest;
    const rewritten = (change: (manifest: BackupManifest) => BackupManifest) => [
      { name: "manifest.json", content: Buffer.from(JSON.stringify(change(structuredClone(manifest)))) },
      ...entries.slice(1),
    ];

    const newer = path.join(work, "newer.tar");
    await writeArchive(newer, rewritten((m) => ({ ...m, migrations: [...m.migrations, { name: "29991231000000_from_the_future", checksum: "0".repeat(64) }] })));
    const target = await freshDatabase();
    const emptyEvidence = path.join(work, "evidence-newer");
    const refused = cli(["restore", newer], { DATABASE_URL: target, EVIDENCE_DIR: emptyEvidence });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("newer version of the portal");
    expect(refused.stderr).toContain("29991231000000_from_the_future");
    expect(await dataTables(target)).toEqual([]);
    expect(filesOf(emptyEvidence)).toEqual({});

    const older = path.join(work, "older.tar");
    await writeArchive(older, rewritten((m) => ({ ...m, migrations: m.migrations.slice(0, -1) })));
    const before = await contentOf(restoredUrl);
    const otherVersion = cli(["restore", older, "--replace"], { DATABASE_URL: restoredUrl, EVIDENCE_DIR: restoredEvidence });
    expect(otherVersion.status).toBe(1);
    expect(otherVersion.stderr).toContain("another schema version");
    expect(await contentOf(restoredUrl)).toEqual(before);
  }, CLI_TEST_MS);

  it("streams through a pipe: backup to stdout, restore from stdin", async () => {
    const backup = cli(["backup", "-"], { DATABASE_URL: source.url(), EVIDENCE_DIR: sourceEvidence });
    expect(backup.status, backup.stderr).toBe(0);
    const target = await freshDatabase();
    const evidence = path.join(work, "evidence-piped");
    const restore = cli(["restore", "-"], { DATABASE_URL: target, EVIDENCE_DIR: evidence }, backup.stdout);
    expect(restore.status, restore.stderr).toBe(0);
    expect(restoredBesidesItsRecord(await contentOf(target))).toEqual(sourceContent);
    expect(filesOf(evidence)).toEqual(sourceFiles);
  }, CLI_TEST_MS);

  it("refuses to back up when an evidence file the database names is gone, unless --allow-missing-evidence", async () => {
    const partial = path.join(work, "evidence-partial");
    const [first, ...rest] = Object.entries(sourceFiles);
    for (const [file, content] of rest) {
      const target = path.join(partial, file);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, content);
    }
    const missingSha = path.basename(first![0]);
    const refused = cli(["backup", path.join(work, "partial.tar")], { DATABASE_URL: source.url(), EVIDENCE_DIR: partial });
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(missingSha);
    expect(readdirSync(work).filter((name) => name.startsWith("partial.tar") || name.startsWith(".par-backup-"))).toEqual([]);

    const allowed = cli(["backup", path.join(work, "partial.tar"), "--allow-missing-evidence"], { DATABASE_URL: source.url(), EVIDENCE_DIR: partial });
    expect(allowed.status, allowed.stderr).toBe(0);
    const target = await freshDatabase();
    const restored = cli(["restore", path.join(work, "partial.tar")], { DATABASE_URL: target, EVIDENCE_DIR: path.join(work, "evidence-partial-restored") });
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stderr).toContain(missingSha);
    expect(restoredBesidesItsRecord(await contentOf(target))).toEqual(sourceContent);
  }, CLI_TEST_MS);
});
