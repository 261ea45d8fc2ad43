/**
 * Puts a backup (see backup-manifest.ts) back: the tables into the database, the evidence files
 * into the evidence directory, reading the archive once, in bounded memory.
 *
 * Nothing is changed until everything has been checked. The manifest is read first: a backup from
 * migrations this code does not know, a target at another schema version, or a target holding
 * data (without --replace) is refused before anything is touched. Evidence files are staged in a
 * private folder inside the evidence directory and each checked against its hash. The tables are
 * then loaded in one transaction (emptied first with --replace), their checksums and row counts
 * compared with the manifest, the foreign keys checked, and only then are the staged files renamed
 * into place and the transaction committed: a damaged or truncated backup leaves the old data and
 * files as they were. Readers of the database (a running portal) see the old data until the commit
 * and the restored data after it, never a mix; they wait while the tables are being loaded.
 */
import { spawn } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import fs from "node:fs/promises";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGunzip } from "node:zlib";
import pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import tar, { type Extract } from "tar-stream";
import { applyMigrations, migrationChecksum, migrationDirectories } from "../db/migrations";
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  EVIDENCE_INDEX_ENTRY,
  MANIFEST_ENTRY,
  MAX_MANIFEST_BYTES,
  backupManifestSchema,
  evidenceIndexLine,
  type BackupManifest,
} from "./backup-manifest";
import { BackupRefusal } from "./backup-refusal";
import {
  appliedMigrations,
  foreignKeys,
  listTables,
  nonEmptyTables,
  tablesWithTriggers,
  prepareCopySession,
  type ForeignKey,
} from "./database-catalog";
import { hashingPassThrough } from "./hashing-pass-through";
import { removeOnInterrupt } from "./remove-on-interrupt";

export type RestoreBackupOptions = {
  databaseUrl: string;
  evidenceDirectory: string;
  /** A file path, or a stream such as stdin. */
  input: string | Readable;
  /** Empty a database that holds data and load the backup instead (in the same transaction). */
  replace?: boolean;
  onProgress?: (line: string) => void;
};

export type RestoreSummary = {
  manifest: BackupManifest;
  archiveBytes: number;
  durationMs: number;
  /** Of which the tables' transaction: how long readers of the database waited. */
  databaseMs: number;
  /** Migrations this code has that the backup's schema predates: `npm run db:migrate` applies them. */
  newerMigrations: string[];
  /** Whether the target's data was replaced. */
  replaced: boolean;
};

/** A staging folder left by a restore that was killed; nothing legitimate is still writing after a day. */
const STAGING_PREFIX = ".restore-";
const ABANDONED_AFTER_MS = 24 * 60 * 60 * 1000;
const EVIDENCE_ENTRY = /^evidence\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

const damaged = (why: string[]) =>
  new BackupRefusal(
    "Tệp sao lưu bị hỏng hoặc không đầy đủ; không có gì được khôi phục, dữ liệu hiện có vẫn nguyên.",
    "The backup file is damaged or incomplete; nothing was restored and the existing data is unchanged.",
    why,
  );

export async function restoreBackup(options: RestoreBackupOptions): Promise<RestoreSummary> {
  const started = Date.now();
  const progress = options.onProgress ?? (() => {});
  const evidenceDirectory = path.resolve(options.evidenceDirectory);
  if (typeof options.input === "string") {
    const stat = await fs.stat(options.input).catch(() => null);
    if (!stat?.isFile()) {
      throw new BackupRefusal(`Không đọc được tệp ${options.input}.`, `Cannot read file ${options.input}.`);
    }
  }
  const source = typeof options.input === "string" ? createReadStream(options.input) : options.input;
  let archiveBytes = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      archiveBytes += chunk.length;
      callback(null, chunk);
    },
  });
  const extract = tar.extract();
  // Taken before a byte flows: tar-stream drops the entries it emits before its iterator exists.
  const iterator = extract[Symbol.asyncIterator]();
  const entries: AsyncIterable<TarEntry> = { [Symbol.asyncIterator]: () => iterator };
  const feeding = pipeline(source, counter, extract);
  // Its failure is the archive's failure, seen by the loop below as well; awaited once that is done.
  feeding.catch(() => undefined);

  const client = new pg.Client({ connectionString: options.databaseUrl });
  // A connection cut while idle (PostgreSQL restarting) would otherwise end the process before its
  // clean-up: its next query fails instead, and the usual refusal and clean-up follow.
  client.on("error", () => {});
  await client.connect();
  let staging: string | null = null;
  let inTransaction = false;
  // The database rolls the transaction back by itself when this process goes; the staged files are ours.
  const stopWatching = removeOnInterrupt(() => [staging]);
  try {
    await prepareCopySession(client);
    let manifest: BackupManifest | null = null;
    let target: TargetPlan | null = null;
    let foreignKeysDropped: ForeignKey[] = [];
    let triggersDisabled: string[] = [];
    let phase: "manifest" | "index" | "evidence" | "tables" = "manifest";
    const received = { files: 0, bytes: 0, index: createHash("sha256"), lastSha256: "" };
    let tablesLoaded = 0;
    let transactionStarted = 0;

    {
      for await (const entry of entries) {
        const name = entry.header.name;
        if (entry.header.type !== "file") throw damaged([`unexpected entry ${name} (${entry.header.type})`]);

        if (phase === "manifest") {
          if (name !== MANIFEST_ENTRY) throw notABackup(`first entry is ${name}`);
          manifest = parseManifest(await readSmall(entry));
          target = await planTarget(client, manifest, options.replace ?? false);
          progress(
            `backup of ${manifest.createdAt} (portal ${manifest.appVersion}): ${manifest.tables.length} tables, ` +
              `${manifest.tables.reduce((sum, table) => sum + table.rows, 0)} rows, ${manifest.evidence.files} evidence file(s)`,
          );
          await makeRoomForEvidence(evidenceDirectory, manifest.evidence.bytes);
          staging = path.join(evidenceDirectory, `${STAGING_PREFIX}${randomBytes(8).toString("hex")}`);
          await fs.mkdir(staging, { mode: 0o700 });
          phase = "index";
          continue;
        }
        if (!manifest || !target) throw notABackup("no manifest");

        if (phase === "index") {
          if (name !== EVIDENCE_INDEX_ENTRY) throw damaged([`expected ${EVIDENCE_INDEX_ENTRY}, found ${name}`]);
          const hashed = hashingPassThrough();
          await pipeline(entry, hashed.stream, devNull());
          if (hashed.digest() !== manifest.evidence.indexSha256) throw damaged([`${EVIDENCE_INDEX_ENTRY}: checksum differs from the manifest`]);
          phase = "evidence";
          if (manifest.evidence.files) progress(`evidence files: ${manifest.evidence.files}, ${(manifest.evidence.bytes / 1048576).toFixed(1)} MB`);
          continue;
        }

        if (phase === "evidence" && name.startsWith("evidence/")) {
          const sha256 = await stageEvidenceFile(entry, staging!, received.lastSha256);
          received.lastSha256 = sha256;
          received.files += 1;
          received.bytes += entry.header.size ?? 0;
          received.index.update(evidenceIndexLine(sha256, entry.header.size ?? 0));
          continue;
        }

        if (phase === "evidence") {
          // Every file listed, none other, all intact: the running index equals the manifest's.
          if (received.files !== manifest.evidence.files || received.index.digest("hex") !== manifest.evidence.indexSha256) {
            throw damaged([`evidence files: ${received.files} of ${manifest.evidence.files} found intact`]);
          }
          if (target.needsSchema) {
            const applied = await applyMigrations(options.databaseUrl, { only: manifest.migrations.map((migration) => migration.name) });
            progress(`schema created: ${applied.length} migration(s) applied`);
            await checkSameTables(client, manifest);
          }
          transactionStarted = Date.now();
          await beginWithEveryTableLocked(client, manifest, progress);
          inTransaction = true;
          ({ foreignKeysDropped, triggersDisabled } = await prepareTables(client, manifest, options.replace ?? false));
          phase = "tables";
        }

        const table = manifest.tables[tablesLoaded];
        if (!table || name !== table.entry) throw damaged([`unexpected entry ${name}${table ? `, expected ${table.entry}` : ""}`]);
        await loadTable(client, table, entry);
        tablesLoaded += 1;
        progress(`${table.name}: ${table.rows} row(s)`);
      }
      await feeding;
    }

    if (!manifest || !target) throw notABackup("empty file");
    if (phase !== "tables" || tablesLoaded !== manifest.tables.length) {
      throw damaged([`tables: ${tablesLoaded} of ${manifest.tables.length} found`]);
    }
    await finishTables(client, foreignKeysDropped, triggersDisabled);
    await checkEvidenceReferences(client, manifest, received.files);
    await setSequences(client, manifest);
    await recordRestore(client, manifest, { replaced: target.hadData, file: typeof options.input === "string" ? path.basename(options.input) : null });
    await moveStagedEvidence(staging!, evidenceDirectory);
    // From here an interruption can no longer say "nothing was written": the commit may land.
    stopWatching();
    await client.query("commit");
    inTransaction = false;
    const known = new Set(manifest.migrations.map((migration) => migration.name));
    return {
      manifest,
      archiveBytes,
      durationMs: Date.now() - started,
      databaseMs: Date.now() - transactionStarted,
      newerMigrations: migrationDirectories().filter((migration) => !known.has(migration)),
      replaced: target.hadData,
    };
  } catch (error) {
    throw asRefusal(error);
  } finally {
    stopWatching();
    if (inTransaction) await client.query("rollback").catch(() => undefined);
    await client.end().catch(() => undefined);
    extract.destroy();
    if (staging) await fs.rm(staging, { recursive: true, force: true });
    await removeAbandonedStaging(evidenceDirectory);
  }
}

type TarEntry = Extract extends AsyncIterable<infer Entry> ? Entry : never;

type TargetPlan = { needsSchema: boolean; hadData: boolean };

function notABackup(why: string): BackupRefusal {
  return new BackupRefusal(
    "Tệp này không phải bản sao lưu của Cổng Chỉ số CCHC (npm run cli -- backup).",
    "This file is not a PAR Index portal backup (npm run cli -- backup).",
    [why],
  );
}

function parseManifest(content: Buffer): BackupManifest {
  let json: unknown;
  try {
    json = JSON.parse(content.toString("utf8"));
  } catch {
    throw damaged([`${MANIFEST_ENTRY} is not JSON`]);
  }
  if (typeof json === "object" && json !== null && (json as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw notABackup(`format ${JSON.stringify((json as { format?: unknown }).format)}`);
  }
  const version = (json as { formatVersion?: unknown }).formatVersion;
  if (typeof version === "number" && version > BACKUP_FORMAT_VERSION) {
    throw new BackupRefusal(
      `Bản sao lưu được tạo bởi phiên bản mới hơn của cổng (định dạng ${version}); hãy cập nhật mã nguồn trước khi khôi phục.`,
      `The backup was made by a newer version of the portal (format ${version}); update the code before restoring it.`,
    );
  }
  const parsed = backupManifestSchema.safeParse(json);
  if (!parsed.success) throw damaged(parsed.error.issues.slice(0, 5).map((issue) => `${MANIFEST_ENTRY} ${issue.path.join(".")}: ${issue.message}`));
  return parsed.data;
}

/** Every check that needs only the manifest and the target, before anything is written. */
async function planTarget(client: pg.Client, manifest: BackupManifest, replace: boolean): Promise<TargetPlan> {
  const known = new Set(migrationDirectories());
  const unknown = manifest.migrations.filter((migration) => !known.has(migration.name));
  if (unknown.length) {
    throw new BackupRefusal(
      "Bản sao lưu được tạo từ phiên bản mới hơn của cổng: có migration mà mã nguồn này chưa có. Hãy cập nhật mã nguồn (cùng phiên bản hoặc mới hơn) rồi khôi phục lại.",
      "The backup comes from a newer version of the portal: it has migrations this code does not know. Update the code (to that version or later) and restore again.",
      unknown.map((migration) => `unknown migration: ${migration.name}`),
    );
  }
  const changed = manifest.migrations.filter((migration) => migrationChecksum(migration.name) !== migration.checksum);
  if (changed.length) {
    throw new BackupRefusal(
      "Các migration của bản sao lưu khác với migration cùng tên trong mã nguồn này.",
      "The backup's migrations differ from the migrations of the same name in this code.",
      changed.map((migration) => `differs: ${migration.name}`),
    );
  }

  const tables = await listTables(client);
  const applied = await appliedMigrations(client);
  if (!applied?.length) {
    if (tables.length) {
      throw new BackupRefusal(
        "Cơ sở dữ liệu đích có bảng nhưng không có lịch sử migration của cổng; hãy khôi phục vào một cơ sở dữ liệu trống.",
        "The target database has tables but no migration history of the portal; restore into an empty database.",
        tables.slice(0, 10).map((table) => `table: ${table.name}`),
      );
    }
    return { needsSchema: true, hadData: false };
  }
  const targetVersion = applied.map((migration) => `${migration.name}:${migration.checksum}`).join(",");
  const backupVersion = manifest.migrations.map((migration) => `${migration.name}:${migration.checksum}`).join(",");
  if (targetVersion !== backupVersion) {
    throw new BackupRefusal(
      `Cơ sở dữ liệu đích ở phiên bản lược đồ khác bản sao lưu (${applied.length} so với ${manifest.migrations.length} migration). ` +
        "Hãy khôi phục vào một cơ sở dữ liệu trống (lược đồ được tạo theo bản sao lưu), rồi chạy npm run db:migrate.",
      `The target database is at another schema version than the backup (${applied.length} against ${manifest.migrations.length} migrations). ` +
        "Restore into an empty database (its schema is created as the backup's), then run npm run db:migrate.",
      [`target: ${applied.at(-1)?.name}`, `backup: ${manifest.migrations.at(-1)?.name ?? "(none)"}`],
    );
  }
  await checkSameTables(client, manifest);
  const withData = await nonEmptyTables(client, tables.map((table) => table.name));
  if (withData.length && !replace) throw notEmpty(withData);
  return { needsSchema: false, hadData: withData.length > 0 };
}

function notEmpty(tables: string[]): BackupRefusal {
  return new BackupRefusal(
    "Cơ sở dữ liệu đích đã có dữ liệu; không có gì được khôi phục. Thêm --replace để thay toàn bộ dữ liệu hiện có bằng bản sao lưu.",
    "The target database already holds data; nothing was restored. Add --replace to replace all of its data with the backup.",
    [`tables with rows: ${tables.slice(0, 8).join(", ")}${tables.length > 8 ? ", …" : ""}`],
  );
}

async function checkSameTables(client: pg.Client, manifest: BackupManifest): Promise<void> {
  const target = new Map((await listTables(client)).map((table) => [table.name, table.columns.join(",")]));
  const differences: string[] = [];
  for (const table of manifest.tables) {
    const columns = target.get(table.name);
    if (columns === undefined) differences.push(`table ${table.name} is not in the target`);
    else if (columns !== table.columns.join(",")) differences.push(`table ${table.name} has other columns in the target`);
    target.delete(table.name);
  }
  for (const name of target.keys()) differences.push(`table ${name} is not in the backup`);
  if (differences.length) {
    throw new BackupRefusal(
      "Các bảng của cơ sở dữ liệu đích không khớp với bản sao lưu dù cùng migration (lược đồ đã bị sửa tay?).",
      "The target database's tables do not match the backup's although their migrations are the same (was the schema changed by hand?).",
      differences,
    );
  }
}

/** Refused early rather than failing on a full disk after an hour of copying. */
async function makeRoomForEvidence(directory: string, bytes: number): Promise<void> {
  await fs.mkdir(path.dirname(directory), { recursive: true });
  await fs.mkdir(directory, { recursive: true, mode: 0o750 });
  const stats = await fs.statfs(directory);
  const free = Number(stats.bavail) * Number(stats.bsize);
  if (free < bytes) {
    throw new BackupRefusal(
      `Không đủ chỗ trống cho tệp kiểm chứng trong ${directory}: cần ${(bytes / 1048576).toFixed(1)} MB, còn ${(free / 1048576).toFixed(1)} MB.`,
      `Not enough free space for the evidence files in ${directory}: ${(bytes / 1048576).toFixed(1)} MB needed, ${(free / 1048576).toFixed(1)} MB free.`,
    );
  }
}

/** Staged in the store's own layout (ab/abcdef…), so that no folder holds more than a 256th of them. */
async function stageEvidenceFile(entry: TarEntry, staging: string, previous: string): Promise<string> {
  const match = EVIDENCE_ENTRY.exec(entry.header.name);
  const sha256 = match?.[2];
  if (!match || !sha256 || match[1] !== sha256.slice(0, 2)) throw damaged([`unexpected entry ${entry.header.name}`]);
  if (sha256 <= previous) throw damaged([`${entry.header.name} out of order`]);
  // In hash order: a new prefix means a folder not made yet.
  if (sha256.slice(0, 2) !== previous.slice(0, 2)) await fs.mkdir(path.join(staging, sha256.slice(0, 2)), { mode: 0o750 });
  const file = path.join(staging, sha256.slice(0, 2), sha256);
  const hashed = hashingPassThrough();
  await pipeline(entry, hashed.stream, createWriteStream(file, { flags: "wx", mode: 0o640 }));
  if (hashed.digest() !== sha256) throw damaged([`${entry.header.name}: content does not match its hash`]);
  return sha256;
}

const LOCK_ATTEMPTS = 4;

/**
 * Opens the restore's transaction holding every table exclusively before anything is changed. All
 * at once, in one statement: taken one by one as each ALTER TABLE came, a portal's query holding
 * one table and waiting for another could deadlock with the restore midway. A conflict now (a
 * deadlock, or a session holding a table for long) costs nothing yet: the attempt is given up and
 * made again a little later.
 */
async function beginWithEveryTableLocked(client: pg.Client, manifest: BackupManifest, progress: (line: string) => void): Promise<void> {
  const tables = manifest.tables.map((table) => client.escapeIdentifier(table.name)).join(", ");
  for (let attempt = 1; ; attempt++) {
    await client.query("begin");
    try {
      await client.query("set local lock_timeout = '10s'");
      await client.query(`lock table ${tables} in access exclusive mode`);
      await client.query("set local lock_timeout = 0");
      return;
    } catch (error) {
      await client.query("rollback");
      const code = (error as { code?: unknown }).code;
      if (code !== "40P01" && code !== "55P03") throw error;
      if (attempt === LOCK_ATTEMPTS) {
        throw new BackupRefusal(
          "Không khóa được các bảng: các phiên khác (các máy chủ của cổng?) vẫn đang dùng chúng. Hãy dừng cổng rồi chạy lại; không có gì được khôi phục.",
          "Could not lock the tables: other sessions (the portal's instances?) keep using them. Stop the portal and run again; nothing was restored.",
        );
      }
      progress(`tables busy, trying again (${attempt}/${LOCK_ATTEMPTS - 1})`);
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}

/**
 * Foreign keys are dropped for the load and added back after it (which checks every row at once):
 * the schema has cycles (a period names its current publication, which names the period), so no
 * table order would do, and re-adding them is also what makes a national load fast. The schema's
 * triggers (field totals) stay off while their tables are loaded: the totals come from the backup.
 */
async function prepareTables(client: pg.Client, manifest: BackupManifest, replace: boolean) {
  const keys = await foreignKeys(client);
  for (const key of keys) {
    await client.query(`alter table ${client.escapeIdentifier(key.table)} drop constraint ${client.escapeIdentifier(key.name)}`);
  }
  const tables = manifest.tables.map((table) => table.name);
  // Checked again under the locks just taken: a write since the first look is not overwritten unasked.
  const withData = await nonEmptyTables(client, tables);
  if (withData.length) {
    if (!replace) throw notEmpty(withData);
    await client.query(`truncate ${tables.map((table) => client.escapeIdentifier(table)).join(", ")}`);
  }
  const triggered = await tablesWithTriggers(client);
  for (const table of triggered) await client.query(`alter table ${client.escapeIdentifier(table)} disable trigger user`);
  return { foreignKeysDropped: keys, triggersDisabled: triggered };
}

async function loadTable(client: pg.Client, table: BackupManifest["tables"][number], entry: TarEntry): Promise<void> {
  const hashed = hashingPassThrough();
  const columns = table.columns.map((column) => client.escapeIdentifier(column)).join(", ");
  const copy = client.query(copyFrom(`copy ${client.escapeIdentifier(table.name)} (${columns}) from stdin`));
  await pipeline(entry, hashed.stream, createGunzip(), copy);
  if (hashed.bytes() !== table.bytes || hashed.digest() !== table.sha256) throw damaged([`${table.entry}: checksum differs from the manifest`]);
  if (copy.rowCount !== table.rows) throw damaged([`${table.name}: ${copy.rowCount} rows, the manifest says ${table.rows}`]);
}

async function finishTables(client: pg.Client, keys: ForeignKey[], triggered: string[]): Promise<void> {
  for (const table of triggered) await client.query(`alter table ${client.escapeIdentifier(table)} enable trigger user`);
  // A row naming one that is not there fails here (23503), and the whole restore with it.
  for (const key of keys) {
    await client.query(`alter table ${client.escapeIdentifier(key.table)} add constraint ${client.escapeIdentifier(key.name)} ${key.definition}`);
  }
}

/** The files restored are exactly those the restored rows name (less those already missing at backup time). */
async function checkEvidenceReferences(client: pg.Client, manifest: BackupManifest, filesReceived: number): Promise<void> {
  const result = await client.query<{ files: string; digest: string }>(
    `select count(*)::text as files,
            encode(sha256(convert_to(coalesce(string_agg(sha256 || E'\\t' || size || E'\\n', '' order by sha256 collate "C"), ''), 'UTF8')), 'hex') as digest
       from (select sha256, max("sizeBytes") as size from "EvidenceFile" where sha256 <> all($1::text[]) group by sha256) named`,
    [manifest.evidence.missing],
  );
  const row = result.rows[0]!;
  if (Number(row.files) !== filesReceived || row.digest !== manifest.evidence.indexSha256) {
    throw damaged([`the evidence files do not match the EvidenceFile rows (${row.files} named, ${filesReceived} in the backup)`]);
  }
}

/** Never lowered: with --replace, values already handed out stay used (a gap is harmless, a reuse is not). */
async function setSequences(client: pg.Client, manifest: BackupManifest): Promise<void> {
  for (const sequence of manifest.sequences) {
    const name = client.escapeIdentifier(sequence.name);
    await client.query(
      `select setval($1::regclass, greatest($2::bigint, (select case when is_called then last_value + 1 else last_value end from ${name})), false)`,
      [name, sequence.nextValue],
    );
  }
}

/**
 * The restored audit log says, as its newest row, that everything before it came from a backup
 * and when that backup was made: home affairs reading it later can tell a restore from edits.
 */
async function recordRestore(client: pg.Client, manifest: BackupManifest, restore: { replaced: boolean; file: string | null }): Promise<void> {
  await client.query(`insert into "AuditLog" (action, "entityType", after) values ('database.restore', 'Database', $1::jsonb)`, [
    JSON.stringify({
      backupCreatedAt: manifest.createdAt,
      backupAppVersion: manifest.appVersion,
      file: restore.file,
      rows: manifest.tables.reduce((sum, table) => sum + table.rows, 0),
      evidenceFiles: manifest.evidence.files,
      replaced: restore.replaced,
    }),
  ]);
}

/** Renamed into the store's layout (ab/abcdef…); a file already there has the same content by its name. */
async function moveStagedEvidence(staging: string, directory: string): Promise<void> {
  // Bytes on disk before any file gets its content name: the store takes a file under that name as
  // complete, and would never write it again.
  if (!(await syncFileSystem(staging))) await fsyncTree(staging);
  const folders: string[] = [];
  for (const prefix of await fs.readdir(staging)) {
    const folder = path.join(directory, prefix);
    await fs.mkdir(folder, { recursive: true, mode: 0o750 });
    folders.push(folder);
    for (const name of await fs.readdir(path.join(staging, prefix))) await fs.rename(path.join(staging, prefix, name), path.join(folder, name));
  }
  // And the new names on disk before the rows naming them are committed.
  if (!(await syncFileSystem(directory))) {
    for (const folder of [...folders, directory]) await fsyncPath(folder).catch(() => undefined);
  }
}

/**
 * `sync --file-system` (syncfs): everything written to the file system holding `folder` onto the
 * disk at once, where an fsync per file would take hours for a million files. False where the
 * command is missing (not Linux).
 */
function syncFileSystem(folder: string): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const child = spawn("sync", ["--file-system", folder], { stdio: "ignore" });
    child.on("error", () => resolve(false));
    child.on("close", (code) => resolve(code === 0));
  });
}

async function fsyncTree(folder: string): Promise<void> {
  for (const entry of await fs.readdir(folder, { withFileTypes: true })) {
    if (entry.isDirectory()) await fsyncTree(path.join(folder, entry.name));
    else await fsyncPath(path.join(folder, entry.name));
  }
  await fsyncPath(folder).catch(() => undefined);
}

async function fsyncPath(file: string): Promise<void> {
  const handle = await fs.open(file, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function removeAbandonedStaging(directory: string): Promise<void> {
  try {
    for (const name of await fs.readdir(directory)) {
      if (!name.startsWith(STAGING_PREFIX)) continue;
      const folder = path.join(directory, name);
      const stat = await fs.stat(folder).catch(() => null);
      if (stat && Date.now() - stat.mtimeMs > ABANDONED_AFTER_MS) await fs.rm(folder, { recursive: true, force: true });
    }
  } catch {
    // Housekeeping only.
  }
}

async function readSmall(entry: TarEntry): Promise<Buffer> {
  if ((entry.header.size ?? 0) > MAX_MANIFEST_BYTES) throw notABackup(`${MANIFEST_ENTRY} of ${entry.header.size} bytes`);
  const chunks: Buffer[] = [];
  for await (const chunk of entry) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function devNull() {
  return new Transform({ transform: (_chunk, _encoding, callback) => callback() }).resume();
}

/**
 * What a damaged archive looks like on its way in: tar's own checks, gzip's CRC, or PostgreSQL
 * refusing a line or a foreign key. Other errors (the database went away) are not the file's fault.
 */
function asRefusal(error: unknown): unknown {
  if (error instanceof BackupRefusal) return error;
  const code = (error as { code?: unknown }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "42501") {
    return new BackupRefusal(
      "Người dùng cơ sở dữ liệu trong DATABASE_URL phải là chủ các bảng của cổng (người dùng chạy migration); không có gì được khôi phục.",
      "The database user in DATABASE_URL must own the portal's tables (the user that applies the migrations); nothing was restored.",
      [message],
    );
  }
  if (code === "ENOSPC" || code === "EDQUOT") {
    return new BackupRefusal(
      "Hết chỗ trống trên đĩa của thư mục tệp kiểm chứng; không có gì được khôi phục.",
      "The evidence directory's disk is full; nothing was restored.",
      [message],
    );
  }
  if (typeof code === "string" && (code.startsWith("Z_") || code.startsWith("22") || code.startsWith("23"))) return damaged([message]);
  if (/unexpected end|invalid tar|invalid header|premature close|incorrect header check|unexpected end of file/i.test(message)) return damaged([message]);
  return error;
}
