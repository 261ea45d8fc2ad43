/**
 * Writes the whole database and every evidence file it names into one archive (see
 * backup-manifest.ts), in bounded memory: tables leave PostgreSQL through COPY as streams,
 * evidence files are streamed from disk.
 *
 * The tables are read in one REPEATABLE READ transaction, so they are one snapshot even while the
 * portal keeps serving, and are spooled gzip'd to a scratch folder next to the output (a tar entry
 * needs its size up front; the manifest its checksums). Only then are the files streamed, outside
 * the transaction: files are content-addressed, written before the row naming them and never
 * changed, so every file the snapshot names is on disk. The archive is written under a temporary
 * name and renamed when complete: a backup interrupted midway never looks like a finished one.
 */
import { createHash } from "node:crypto";
import { constants as fsConstants, createReadStream, createWriteStream, existsSync } from "node:fs";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import readline from "node:readline";
import { Transform, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { createGzip } from "node:zlib";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
import tar from "tar-stream";
import { PROJECT_ROOT } from "../db/project-root";
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  EVIDENCE_INDEX_ENTRY,
  MANIFEST_ENTRY,
  evidenceEntryName,
  evidenceIndexLine,
  tableEntryName,
  type BackupManifest,
} from "./backup-manifest";
import { BackupRefusal } from "./backup-refusal";
import { appliedMigrations, listTables, sequenceNextValues, unfinishedMigrations, prepareCopySession } from "./database-catalog";
import { hashingPassThrough } from "./hashing-pass-through";
import { removeOnInterrupt } from "./remove-on-interrupt";
import { createEvidenceStorage } from "@/lib/storage/evidence-store";

export type CreateBackupOptions = {
  databaseUrl: string;
  evidenceDirectory: string;
  /** A file path (must not exist yet), or a stream such as stdout. */
  output: string | Writable;
  /** Back up even when evidence files the database names are not on disk (they are listed in the manifest). */
  allowMissingEvidence?: boolean;
  onProgress?: (line: string) => void;
  /** For tests: stands in for the clock in the manifest. */
  now?: Date;
};

export type BackupSummary = {
  manifest: BackupManifest;
  /** Bytes of the archive written. */
  archiveBytes: number;
  durationMs: number;
  /** Of which reading the tables in their snapshot. */
  databaseMs: number;
};


export async function createBackup(options: CreateBackupOptions): Promise<BackupSummary> {
  const started = Date.now();
  const progress = options.onProgress ?? (() => {});
  const outputPath = typeof options.output === "string" ? path.resolve(options.output) : null;
  if (outputPath && existsSync(outputPath)) {
    throw new BackupRefusal(
      `Tệp ${outputPath} đã có; hãy chọn tên khác (bản sao lưu cũ không bị ghi đè).`,
      `${outputPath} already exists; choose another name (an older backup is never overwritten).`,
    );
  }
  if (outputPath) {
    const folder = path.dirname(outputPath);
    const writable = await fs.access(folder, fsConstants.W_OK).then(
      () => true,
      () => false,
    );
    if (!writable) {
      throw new BackupRefusal(
        `Không ghi được vào thư mục ${folder} (không có hoặc không có quyền ghi).`,
        `Cannot write into ${folder} (it does not exist or is not writable).`,
      );
    }
  }
  const scratch = await fs.mkdtemp(path.join(outputPath ? path.dirname(outputPath) : os.tmpdir(), ".par-backup-"));
  const partialPath = outputPath ? `${outputPath}.partial-${process.pid}` : null;
  const stopWatching = removeOnInterrupt(() => [partialPath, scratch]);
  try {
    const snapshot = await readDatabaseSnapshot(options.databaseUrl, scratch, progress);
    const databaseMs = Date.now() - started;
    const evidence = await checkEvidenceOnDisk(options.evidenceDirectory, snapshot.evidenceListPath, scratch, options.allowMissingEvidence ?? false);
    if (evidence.missing.length) {
      progress(`! ${evidence.missing.length} evidence file(s) named by the database are not on disk; recorded as missing in the manifest`);
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      appVersion: await appVersion(),
      createdAt: (options.now ?? new Date(started)).toISOString(),
      postgresVersion: snapshot.postgresVersion,
      migrations: snapshot.migrations,
      tables: snapshot.tables,
      sequences: snapshot.sequences,
      evidence: { files: evidence.files, bytes: evidence.bytes, indexSha256: evidence.indexSha256, missing: evidence.missing },
    };

    const sink = partialPath ? createWriteStream(partialPath, { flags: "wx", mode: 0o600 }) : (options.output as Writable);
    let archiveBytes = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        archiveBytes += chunk.length;
        callback(null, chunk);
      },
    });
    const pack = tar.pack();
    const written = pipeline(pack, counter, sink, { end: partialPath !== null });
    // A failing sink fails the pipeline while entries are still being added: both are awaited.
    const added = (async () => {
      const mtime = new Date(manifest.createdAt);
      await addBuffer(pack, MANIFEST_ENTRY, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), mtime);
      await addFile(pack, EVIDENCE_INDEX_ENTRY, evidence.indexPath, mtime);
      progress(`writing ${evidence.files} evidence file(s), ${megabytes(evidence.bytes)}`);
      await addEvidenceFiles(pack, options.evidenceDirectory, evidence.indexPath, mtime);
      for (const [position, table] of snapshot.tables.entries()) await addFile(pack, table.entry, snapshot.spoolPaths[position]!, mtime);
      pack.finalize();
    })();
    try {
      await Promise.all([added, written]);
    } catch (error) {
      pack.destroy();
      throw error;
    }
    if (partialPath && outputPath) {
      await syncFile(partialPath);
      await fs.rename(partialPath, outputPath);
      await syncFile(path.dirname(outputPath)).catch(() => undefined);
    }
    return { manifest, archiveBytes, durationMs: Date.now() - started, databaseMs };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === "ENOSPC" || code === "EDQUOT") {
      throw new BackupRefusal(
        `Hết chỗ trống trên đĩa nơi ghi bản sao lưu (${outputPath ? path.dirname(outputPath) : os.tmpdir()}); không có bản sao lưu nào được ghi.`,
        `The disk the backup is written to (${outputPath ? path.dirname(outputPath) : os.tmpdir()}) is full; no backup was written.`,
      );
    }
    if (code === "42501") {
      throw new BackupRefusal(
        "Người dùng cơ sở dữ liệu trong DATABASE_URL không được đọc mọi bảng của cổng.",
        "The database user in DATABASE_URL may not read every table of the portal.",
        [error instanceof Error ? error.message : String(error)],
      );
    }
    throw error;
  } finally {
    stopWatching();
    if (partialPath) await fs.rm(partialPath, { force: true });
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

async function readDatabaseSnapshot(databaseUrl: string, scratch: string, progress: (line: string) => void) {
  const client = new pg.Client({ connectionString: databaseUrl });
  // A connection cut while idle (PostgreSQL restarting) would otherwise end the process before its
  // clean-up: its next query fails instead, and the usual refusal and clean-up follow.
  client.on("error", () => {});
  await client.connect();
  try {
    await prepareCopySession(client);
    await client.query("begin isolation level repeatable read read only");
    const migrations = await appliedMigrations(client);
    if (!migrations?.length) {
      throw new BackupRefusal(
        "Cơ sở dữ liệu chưa có lược đồ của cổng (chưa chạy migration): không có gì để sao lưu.",
        "The database has no portal schema (no migrations applied): there is nothing to back up.",
      );
    }
    const unfinished = await unfinishedMigrations(client);
    if (unfinished.length) {
      throw new BackupRefusal(
        "Cơ sở dữ liệu có migration đang dở; hãy xử lý trước khi sao lưu.",
        "The database has a migration that did not finish; resolve it before backing up.",
        unfinished,
      );
    }
    const postgresVersion = (await client.query<{ version: string }>("select current_setting('server_version') as version")).rows[0]!.version;
    const tables: BackupManifest["tables"] = [];
    const spoolPaths: string[] = [];
    const catalog = await listTables(client);
    for (const table of catalog) {
      const spoolPath = path.join(scratch, `${tables.length}.tsv.gz`);
      const columns = table.columns.map((column) => client.escapeIdentifier(column)).join(", ");
      const copy = client.query(copyTo(`copy ${client.escapeIdentifier(table.name)} (${columns}) to stdout`));
      const hashed = hashingPassThrough();
      await pipeline(copy, createGzip({ level: 6 }), hashed.stream, createWriteStream(spoolPath));
      const rows = copy.rowCount ?? 0;
      tables.push({ name: table.name, columns: table.columns, rows, entry: tableEntryName(table.name), bytes: hashed.bytes(), sha256: hashed.digest() });
      spoolPaths.push(spoolPath);
      progress(`${table.name}: ${rows} row(s)`);
    }
    // One line per content, whatever the number of rows naming it (the same bytes uploaded twice).
    const evidenceListPath = path.join(scratch, "evidence-in-database.tsv");
    await pipeline(
      client.query(copyTo(`copy (select sha256, max("sizeBytes") from "EvidenceFile" group by sha256 order by sha256 collate "C") to stdout`)),
      createWriteStream(evidenceListPath),
    );
    // Read last, inside the snapshot: a sequence is never behind the rows read before it.
    const sequences = await sequenceNextValues(client);
    await client.query("commit");
    return { postgresVersion, migrations, tables, spoolPaths, sequences, evidenceListPath };
  } finally {
    await client.end();
  }
}

/**
 * Writes the evidence index of the files on disk, and lists those the database names but the
 * disk lacks: a backup silently without them would be found out only on the day it is needed.
 */
async function checkEvidenceOnDisk(directory: string, evidenceListPath: string, scratch: string, allowMissing: boolean) {
  const storage = createEvidenceStorage({ directory });
  const indexPath = path.join(scratch, EVIDENCE_INDEX_ENTRY);
  const index = createWriteStream(indexPath);
  const indexHash = createHash("sha256");
  const missing: string[] = [];
  let files = 0;
  let bytes = 0;
  try {
    for await (const line of readline.createInterface({ input: createReadStream(evidenceListPath), crlfDelay: Infinity })) {
      if (!line) continue;
      const [sha256] = line.split("\t");
      const found = await storage.locate(sha256!);
      if (!found) {
        missing.push(sha256!);
        continue;
      }
      const entry = evidenceIndexLine(sha256!, found.sizeBytes);
      indexHash.update(entry);
      if (!index.write(entry)) await new Promise((resolve) => index.once("drain", resolve));
      files += 1;
      bytes += found.sizeBytes;
    }
  } finally {
    await new Promise<void>((resolve, reject) => index.end((error?: Error | null) => (error ? reject(error) : resolve())));
  }
  if (missing.length && !allowMissing) {
    throw new BackupRefusal(
      `${missing.length} tệp kiểm chứng mà cơ sở dữ liệu nhắc tới không có trong ${directory}; không có bản sao lưu nào được ghi. ` +
        "Hãy tìm lại các tệp này, hoặc chạy lại với --allow-missing-evidence để sao lưu phần còn lại.",
      `${missing.length} evidence file(s) named by the database are not in ${directory}; no backup was written. ` +
        "Find them, or run again with --allow-missing-evidence to back up the rest.",
      missing.slice(0, 20).concat(missing.length > 20 ? [`… ${missing.length - 20} more`] : []),
    );
  }
  return { indexPath, indexSha256: indexHash.digest("hex"), files, bytes, missing };
}

async function addEvidenceFiles(pack: tar.Pack, directory: string, indexPath: string, mtime: Date): Promise<void> {
  const storage = createEvidenceStorage({ directory });
  for await (const line of readline.createInterface({ input: createReadStream(indexPath), crlfDelay: Infinity })) {
    if (!line) continue;
    const [sha256, size] = line.split("\t") as [string, string];
    const hashed = hashingPassThrough();
    const entry = pack.entry({ name: evidenceEntryName(sha256), size: Number(size), mode: 0o640, mtime });
    try {
      await pipeline(storage.openReadStream(sha256), hashed.stream, entry);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") {
        throw new BackupRefusal(
          `Tệp kiểm chứng ${sha256} vừa bị xóa khỏi ${directory} trong lúc sao lưu; hãy chạy lại.`,
          `Evidence file ${sha256} disappeared from ${directory} during the backup; run it again.`,
        );
      }
      throw error;
    }
    // The name is the content's hash: a file that no longer matches it is damaged on disk.
    if (hashed.digest() !== sha256) {
      throw new BackupRefusal(
        `Tệp kiểm chứng ${sha256} trong ${directory} bị hỏng (nội dung không khớp mã băm); không có bản sao lưu nào được ghi.`,
        `Evidence file ${sha256} in ${directory} is damaged (its content does not match its hash); no backup was written.`,
      );
    }
  }
}

function addBuffer(pack: tar.Pack, name: string, content: Buffer, mtime: Date): Promise<void> {
  return new Promise((resolve, reject) => {
    pack.entry({ name, size: content.length, mode: 0o640, mtime }, content, (error) => (error ? reject(error) : resolve()));
  });
}

async function addFile(pack: tar.Pack, name: string, file: string, mtime: Date): Promise<void> {
  const { size } = await fs.stat(file);
  await pipeline(createReadStream(file), pack.entry({ name, size, mode: 0o640, mtime }));
}

async function appVersion(): Promise<string> {
  const pkg = JSON.parse(await fs.readFile(path.join(PROJECT_ROOT, "package.json"), "utf8")) as { version?: string };
  return pkg.version ?? "unknown";
}

async function syncFile(file: string): Promise<void> {
  const handle = await fs.open(file, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

export function megabytes(bytes: number): string {
  return `${(bytes / 1048576).toFixed(1)} MB`;
}
