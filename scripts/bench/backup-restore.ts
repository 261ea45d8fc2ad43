/**
 * Backup and restore at national scale: the bench's database (the national package imported and
 * published) plus evidence files, backed up with the CLI's code path, then restored into a fresh
 * database and evidence directory, each in its own process. The evidence is random bytes (as
 * incompressible as the PDFs and photos officers upload), one file per 146 score rows.
 */
import { spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { PROJECT_ROOT } from "../db/project-root";
import { createDatabase, dropDatabase, type TestDatabaseServer } from "../../tests/support/test-database-server";

type Row = { figure: string; value: string; target: string; met: boolean | null };

const EVIDENCE_FILES = 2000;
const EVIDENCE_FILE_BYTES = 512 * 1024;
/** "Back it up and restore it in minutes" (issue 8): each way, database and evidence together. */
const TARGET_MS = 5 * 60 * 1000;
const MEMORY_TARGET_MIB = 512;

function phase(name: "backup" | "restore", file: string, env: { DATABASE_URL: string; EVIDENCE_DIR: string }): Record<string, number> {
  const result = spawnSync(process.execPath, ["--max-old-space-size=384", "--import", "tsx", path.join(PROJECT_ROOT, "scripts/bench/backup-worker.ts"), name, file], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`bench ${name} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1)!);
}

async function addEvidence(databaseUrl: string, directory: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const scores = await client.query<{ id: string }>(`select id from "CriterionScore" order by id`);
    const step = Math.max(1, Math.floor(scores.rows.length / EVIDENCE_FILES));
    const rows: [string, string, string, number][] = [];
    for (let index = 0; index < EVIDENCE_FILES && index * step < scores.rows.length; index++) {
      const content = randomBytes(EVIDENCE_FILE_BYTES);
      const sha256 = createHash("sha256").update(content).digest("hex");
      mkdirSync(path.join(directory, sha256.slice(0, 2)), { recursive: true });
      writeFileSync(path.join(directory, sha256.slice(0, 2), sha256), content);
      rows.push([`bench-evidence-${index}`, scores.rows[index * step]!.id, sha256, content.length]);
    }
    await client.query(
      `insert into "EvidenceFile" (id, "criterionScoreId", sha256, "sizeBytes", "mimeType", "originalName")
       select id, score, sha256, size, 'application/pdf', 'Tài liệu kiểm chứng ' || id || '.pdf'
         from unnest($1::text[], $2::text[], $3::text[], $4::int[]) as t(id, score, sha256, size)`,
      [rows.map((row) => row[0]), rows.map((row) => row[1]), rows.map((row) => row[2]), rows.map((row) => row[3])],
    );
  } finally {
    await client.end();
  }
}

export async function backupRestoreFigures(server: TestDatabaseServer, databaseUrl: string): Promise<Row[]> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "par-bench-backup-"));
  const sourceEvidence = path.join(dir, "evidence");
  const archive = path.join(dir, "backup.tar");
  const target = await createDatabase(server, "par_bench_restore");
  try {
    console.error(`Backup and restore: adding ${EVIDENCE_FILES} evidence files of ${EVIDENCE_FILE_BYTES / 1024} KiB…`);
    await addEvidence(databaseUrl, sourceEvidence);
    console.error("Backing up…");
    const backup = phase("backup", archive, { DATABASE_URL: databaseUrl, EVIDENCE_DIR: sourceEvidence });
    console.error("Restoring into a fresh database…");
    const restore = phase("restore", archive, { DATABASE_URL: server.databaseUrl(target), EVIDENCE_DIR: path.join(dir, "evidence-restored") });
    const size = `${(backup.bytes! / 1048576).toFixed(0)} MiB`;
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    return [
      {
        figure: `Backup: national data + ${EVIDENCE_FILES} evidence files (${size} archive)`,
        value: `${seconds(backup.ms!)} (tables in their snapshot: ${seconds(backup.databaseMs!)})`,
        target: "≤ 5 min",
        met: backup.ms! <= TARGET_MS,
      },
      {
        figure: "Restore into an empty database and evidence directory",
        value: `${seconds(restore.ms!)} (tables' transaction: ${seconds(restore.databaseMs!)})`,
        target: "≤ 5 min",
        met: restore.ms! <= TARGET_MS,
      },
      {
        figure: "Backup / restore peak memory (maxRSS)",
        value: `${backup.maxRssMiB} / ${restore.maxRssMiB} MiB`,
        target: `≤ ${MEMORY_TARGET_MIB} MiB`,
        met: backup.maxRssMiB! <= MEMORY_TARGET_MIB && restore.maxRssMiB! <= MEMORY_TARGET_MIB,
      },
    ];
  } finally {
    await dropDatabase(server, target);
    rmSync(dir, { recursive: true, force: true });
  }
}
