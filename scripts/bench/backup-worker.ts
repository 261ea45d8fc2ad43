/**
 * One measured phase of the backup benchmark, in its own process (the same heap budget as
 * `npm run cli`) so that its peak memory is its own: `backup <file>` or `restore <file>`, against
 * DATABASE_URL and EVIDENCE_DIR. Prints one JSON line on stdout.
 */
import { createBackup } from "../backup/create-backup";
import { restoreBackup } from "../backup/restore-backup";
import { evidenceDirectory } from "@/lib/storage/evidence-directory";
import { reportPhase } from "./worker-report";

async function main() {
  const [phase, file] = process.argv.slice(2);
  const databaseUrl = process.env.DATABASE_URL!;
  let report: Record<string, number>;
  if (phase === "backup") {
    const summary = await createBackup({ databaseUrl, evidenceDirectory: evidenceDirectory(), output: file! });
    report = { ms: summary.durationMs, databaseMs: summary.databaseMs, bytes: summary.archiveBytes };
  } else if (phase === "restore") {
    const summary = await restoreBackup({ databaseUrl, evidenceDirectory: evidenceDirectory(), input: file! });
    report = { ms: summary.durationMs, databaseMs: summary.databaseMs, bytes: summary.archiveBytes };
  } else {
    throw new Error(`unknown phase ${phase}`);
  }
  return report;
}

reportPhase(main);
