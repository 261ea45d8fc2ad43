/**
 * npm run cli -- import <file.json|file.xlsx> [--replace] [--publish]
 * npm run cli -- export <period-code> [--format json|xlsx|csv]
 * npm run cli -- rankings <period-code> [--group <group-code>]
 * npm run cli -- backup <file.tar|-> [--allow-missing-evidence]
 * npm run cli -- restore <file.tar|-> [--replace]
 *
 * Machine output goes to stdout alone; progress, warnings and errors go to stderr, in
 * Vietnamese and English. See ../shared/domain/results-format.md.
 */
import { readFileSync, statSync } from "node:fs";
import { parseArgs } from "node:util";
import { openDatabase } from "./db/open-database";
import { UserFacingError } from "./db/user-facing-error";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { readResultsPackageXlsx } from "@/lib/results-package/read-results-package-xlsx";
import { formatIssue } from "@/lib/results-package/validation-error";
import { toResultsPackageJson } from "@/lib/results-package/write-results-package";
import { writeScoresCsv } from "@/lib/results-package/write-results-package-csv";
import { writeResultsPackageXlsx } from "@/lib/results-package/write-results-package-xlsx";
import { importResultsPackage } from "@/lib/services/import-results-package";
import { computeRankings, ComputeRankingsError } from "@/lib/services/compute-rankings";
import { ResultsPackageConflictError } from "@/lib/data/store-results-package";
import { loadResultsPackage } from "@/lib/data/load-results-package";
import { disconnectPrisma } from "@/lib/data/prisma";
import { revalidateEveryPage } from "@/lib/data/page-cache-revalidation";
import { COMMAND_LINE } from "@/lib/auth/actor";
import { quietKnownWarnings } from "./db/quiet-known-warnings";
import { createBackup } from "./backup/create-backup";
import { restoreBackup } from "./backup/restore-backup";
import { BackupRefusal } from "./backup/backup-refusal";
import { evidenceDirectory } from "@/lib/storage/evidence-directory";
import { writeLogsToStderr } from "@/lib/observability/logger";

quietKnownWarnings();
writeLogsToStderr();

const USAGE = `Usage:
  npm run cli -- import <file.json|file.xlsx> [--replace] [--publish]
  npm run cli -- export <period-code> [--format json|xlsx|csv]
  npm run cli -- rankings <period-code> [--group <group-code>]
  npm run cli -- backup <file.tar|-> [--allow-missing-evidence]
  npm run cli -- restore <file.tar|-> [--replace]

  backup   the whole database and every evidence file into one new file ("-": stdout)
  restore  a backup into an empty database (--replace: into one holding data, replacing it all)`;

/** Refused before reading: a results package of a whole country is a few tens of MB. */
const MAX_FILE_BYTES = 100 * 1024 * 1024;

class CliFailure extends Error {
  constructor(readonly lines: string[]) {
    super(lines.join("\n"));
  }
}

function progress(line: string): void {
  process.stderr.write(`… ${line}\n`);
}

async function importCommand(file: string | undefined, flags: { replace: boolean; publish: boolean }): Promise<void> {
  if (!file) throw new CliFailure(["Thiếu tệp cần nhập. / Missing the file to import.", USAGE]);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    throw new CliFailure([`Không đọc được tệp ${file}. / Cannot read file ${file}.`]);
  }
  if (size > MAX_FILE_BYTES) {
    throw new CliFailure([
      `Tệp ${file} quá lớn (${Math.round(size / 1048576)} MB, tối đa ${MAX_FILE_BYTES / 1048576} MB). / ` +
        `File ${file} is too large (${Math.round(size / 1048576)} MB, at most ${MAX_FILE_BYTES / 1048576} MB).`,
    ]);
  }
  const isXlsx = /\.xlsx$/i.test(file);
  if (!isXlsx && !/\.json$/i.test(file)) {
    throw new CliFailure([`Chỉ nhập được tệp .json hoặc .xlsx. / Only .json or .xlsx files can be imported.`]);
  }
  progress(`reading ${file}`);
  const parsed = isXlsx ? await readResultsPackageXlsx(readFileSync(file)) : parseResultsPackage(readFileSync(file));
  if (!parsed.ok) {
    throw new CliFailure([
      `Tệp không hợp lệ: ${parsed.issues.length} lỗi, không có gì được nhập. / Invalid file: ${parsed.issues.length} problem(s), nothing imported.`,
      ...parsed.issues.map(formatIssue),
    ]);
  }
  const pkg = parsed.package;
  progress(`importing ${pkg.period.code}: ${pkg.units.length} units, ${pkg.scores.length} scores`);
  try {
    const outcome = await importResultsPackage({ pkg, replace: flags.replace, publish: flags.publish, actor: COMMAND_LINE, onProgress: progress });
    for (const warning of outcome.warnings) process.stderr.write(`! ${warning.vi} / ${warning.en}\n`);
    for (const rename of outcome.renamedUnits) {
      process.stderr.write(`! Đổi tên đơn vị / unit renamed ${rename.code}: "${rename.from}" → "${rename.to}"\n`);
    }
    process.stderr.write(
      `✔ ${outcome.replaced ? "Đã thay thế / Replaced" : "Đã nhập / Imported"} ${pkg.period.code}` +
        (outcome.publishedVersion ? ` — đã công bố / published (v${outcome.publishedVersion})` : "") +
        "\n",
    );
    if (outcome.publishedVersion || outcome.replaced) {
      // Through the database, as the console's publication: every app instance, wherever it runs.
      try {
        await revalidateEveryPage();
        process.stderr.write("✔ Các trang công khai được làm mới trên mọi máy chủ của cổng. / The public pages are refreshed on every portal instance.\n");
      } catch {
        process.stderr.write("! Không làm mới được các trang công khai: chúng sẽ tự làm mới trong 5 phút. / Could not refresh the public pages: they refresh themselves within 5 minutes.\n");
      }
    }
  } catch (error) {
    if (error instanceof ResultsPackageConflictError) {
      throw new CliFailure(["Không có gì được nhập. / Nothing was imported.", ...error.issues.map((issue) => `${issue.path}: ${issue.vi} / ${issue.en}`)]);
    }
    throw error;
  }
}

async function exportCommand(periodCode: string | undefined, format: string): Promise<void> {
  if (!periodCode) throw new CliFailure(["Thiếu mã kỳ đánh giá. / Missing the period code.", USAGE]);
  if (format !== "json" && format !== "xlsx" && format !== "csv") {
    throw new CliFailure([`Định dạng "${format}" không được hỗ trợ; dùng json, xlsx hoặc csv. / Format "${format}" is not supported; use json, xlsx or csv.`]);
  }
  // Binary on a terminal is garbage and can upset it; a redirect is what was meant.
  if (format === "xlsx" && process.stdout.isTTY) {
    throw new CliFailure([`Hãy chuyển kết quả vào tệp, ví dụ: > ${periodCode}.xlsx / Redirect the output to a file, e.g. > ${periodCode}.xlsx`]);
  }
  const pkg = await loadResultsPackage(periodCode);
  if (!pkg) throw new CliFailure([`Không có kỳ đánh giá "${periodCode}". / No period "${periodCode}".`]);
  if (format === "xlsx") await writeStdout(await writeResultsPackageXlsx(pkg));
  else if (format === "csv") await writeStdout(writeScoresCsv(pkg));
  else await writeStdout(`${JSON.stringify(toResultsPackageJson(pkg), null, 2)}\n`);
}

/** Resolves once the data is handed to the OS: main() ends with process.exit, which would cut a pipe short. */
function writeStdout(data: string | Buffer): Promise<void> {
  return new Promise((resolve, reject) => process.stdout.write(data, (error) => (error ? reject(error) : resolve())));
}

async function rankingsCommand(periodCode: string | undefined, group: string | undefined): Promise<void> {
  if (!periodCode) throw new CliFailure(["Thiếu mã kỳ đánh giá. / Missing the period code.", USAGE]);
  try {
    process.stdout.write(`${JSON.stringify(await computeRankings(periodCode, group ?? null), null, 2)}\n`);
  } catch (error) {
    if (error instanceof ComputeRankingsError) throw new CliFailure([`${error.vi} / ${error.en}`]);
    throw error;
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** The figures `npm run bench` and an operator planning a backup window want. */
function sizeAndSpeed(bytes: number, ms: number): string {
  const mb = bytes / 1048576;
  return `${mb.toFixed(1)} MB, ${seconds(ms)} (${(mb / Math.max(ms / 1000, 0.001)).toFixed(1)} MB/s)`;
}

async function backupCommand(file: string | undefined, flags: { allowMissingEvidence: boolean }, databaseUrl: string): Promise<void> {
  if (!file) throw new CliFailure(["Thiếu tên tệp sao lưu. / Missing the backup file name.", USAGE]);
  if (file === "-" && process.stdout.isTTY) {
    throw new CliFailure(["Hãy chuyển bản sao lưu vào tệp hoặc lệnh khác, ví dụ: > backup.tar / Redirect the backup to a file or a command, e.g. > backup.tar"]);
  }
  const directory = evidenceDirectory();
  progress(`backing up the database and ${directory}`);
  try {
    const summary = await createBackup({
      databaseUrl,
      evidenceDirectory: directory,
      output: file === "-" ? process.stdout : file,
      allowMissingEvidence: flags.allowMissingEvidence,
      onProgress: progress,
    });
    const rows = summary.manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    process.stderr.write(
      `✔ Đã sao lưu / Backed up: ${rows} dòng / rows in ${summary.manifest.tables.length} bảng / tables, ` +
        `${summary.manifest.evidence.files} tệp kiểm chứng / evidence files → ${file === "-" ? "stdout" : file}\n` +
        `  ${sizeAndSpeed(summary.archiveBytes, summary.durationMs)}; cơ sở dữ liệu / database ${seconds(summary.databaseMs)}\n`,
    );
  } catch (error) {
    if (error instanceof BackupRefusal) throw new CliFailure([`${error.vi} / ${error.en}`, ...error.details]);
    throw error;
  }
}

async function restoreCommand(file: string | undefined, flags: { replace: boolean }, databaseUrl: string): Promise<void> {
  if (!file) throw new CliFailure(["Thiếu tệp sao lưu cần khôi phục. / Missing the backup file to restore.", USAGE]);
  if (file === "-" && process.stdin.isTTY) {
    throw new CliFailure(["Hãy chuyển bản sao lưu vào lệnh, ví dụ: < backup.tar / Pipe the backup in, e.g. < backup.tar"]);
  }
  const directory = evidenceDirectory();
  progress(`restoring ${file === "-" ? "stdin" : file} into the database and ${directory}`);
  try {
    const summary = await restoreBackup({
      databaseUrl,
      evidenceDirectory: directory,
      input: file === "-" ? process.stdin : file,
      replace: flags.replace,
      onProgress: progress,
    });
    const rows = summary.manifest.tables.reduce((sum, table) => sum + table.rows, 0);
    process.stderr.write(
      `✔ ${summary.replaced ? "Đã thay bằng bản sao lưu / Replaced with the backup" : "Đã khôi phục / Restored"} ${summary.manifest.createdAt}: ` +
        `${rows} dòng / rows, ${summary.manifest.evidence.files} tệp kiểm chứng / evidence files\n` +
        `  ${sizeAndSpeed(summary.archiveBytes, summary.durationMs)}; giao dịch nạp bảng / table transaction ${seconds(summary.databaseMs)}\n`,
    );
    for (const sha256 of summary.manifest.evidence.missing) {
      process.stderr.write(`! Tệp kiểm chứng đã thiếu từ khi sao lưu / evidence file missing since the backup: ${sha256}\n`);
    }
    if (summary.newerMigrations.length) {
      process.stderr.write(
        `! Bản sao lưu có lược đồ cũ hơn mã nguồn: chạy npm run db:migrate để áp dụng ${summary.newerMigrations.length} migration mới. / ` +
          `The backup's schema is older than the code: run npm run db:migrate to apply ${summary.newerMigrations.length} newer migration(s).\n`,
      );
    }
    // Cached public pages show the data just replaced: every app instance on this database renders them again.
    try {
      await revalidateEveryPage();
      process.stderr.write("✔ Các trang công khai được làm mới trên mọi máy chủ của cổng. / The public pages are refreshed on every portal instance.\n");
    } catch {
      process.stderr.write("! Không làm mới được các trang công khai: hãy khởi động lại cổng. / Could not refresh the public pages: restart the portal.\n");
    }
  } catch (error) {
    if (error instanceof BackupRefusal) throw new CliFailure([`${error.vi} / ${error.en}`, ...error.details]);
    throw error;
  }
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        replace: { type: "boolean", default: false },
        publish: { type: "boolean", default: false },
        format: { type: "string", default: "json" },
        group: { type: "string" },
        "allow-missing-evidence": { type: "boolean", default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  const [command, target] = args.positionals;
  if (!command || !["import", "export", "rankings", "backup", "restore"].includes(command)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }

  const database = await openDatabase();
  process.env.DATABASE_URL = database.url;
  try {
    if (command === "import") await importCommand(target, { replace: args.values.replace, publish: args.values.publish });
    if (command === "export") await exportCommand(target, args.values.format);
    if (command === "rankings") await rankingsCommand(target, args.values.group);
    if (command === "backup") await backupCommand(target, { allowMissingEvidence: args.values["allow-missing-evidence"] }, database.url);
    if (command === "restore") await restoreCommand(target, { replace: args.values.replace }, database.url);
    return 0;
  } catch (error) {
    if (error instanceof CliFailure) {
      process.stderr.write(`✖ ${error.lines.join("\n  ")}\n`);
      return 1;
    }
    throw error;
  } finally {
    await disconnectPrisma();
    await database.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UserFacingError) process.stderr.write(`✖ ${error.message}\n`);
    else console.error(error);
    process.exit(1);
  },
);
