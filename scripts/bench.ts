/**
 * npm run bench — every benchmark of the project in one go, printed as one table of figures
 * against their targets (never timed assertions in tests): import and publication at national
 * scale (3,321 communes × 88 sub-criteria, against a plain SQL `SUM(...) GROUP BY unit` as the
 * floor), the league table page against a static file, first-load JavaScript and Lighthouse, SIPAS
 * submissions under load, backup and restore. `npm run bench -- --record` also writes the run to
 * docs/benchmarks.md. `--skip-pages` leaves out everything that needs a build; `--sipas-only`
 * runs the survey load alone (`--no-build` then reuses .next/).
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PROJECT_ROOT } from "./db/project-root";
import { applyMigrations } from "./db/migrations";
import { createDatabase, dropDatabase, startTestDatabaseServer } from "../tests/support/test-database-server";
import { buildSyntheticPackage, PAGE_BENCH_GROUP } from "./bench/synthetic-package";
import { firstLoadJavaScript, lighthouseScores, measureThroughput } from "./bench/pages";
import { startProductionServer } from "./bench/production-server";
import { sipasSubmissionFigures } from "./bench/sipas-submissions";
import { backupRestoreFigures } from "./bench/backup-restore";

type Row = { figure: string; value: string; target: string; met: boolean | null };

function worker(phase: string, target: string, databaseUrl: string): Record<string, number> {
  // The same V8 heap budget as `npm run cli`: the importer collects its garbage within it
  // instead of letting the heap grow to a quarter of the machine's memory.
  const result = spawnSync(process.execPath, ["--max-old-space-size=384", "--import", "tsx", path.join(PROJECT_ROOT, "scripts/bench/worker.ts"), phase, target], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`bench ${phase} failed:\n${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1)!);
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

/**
 * The public pages on the national data, served by the production build: a league table page of
 * 500 units against a static file of the same server, first-load JavaScript, Lighthouse mobile.
 */
async function pageFigures(databaseUrl: string, pkg: ReturnType<typeof buildSyntheticPackage>): Promise<Row[]> {
  console.error("Building the portal (next build)…");
  const build = spawnSync("npx", ["next", "build"], { cwd: PROJECT_ROOT, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`next build failed:\n${build.stdout}\n${build.stderr}`);
  const period = pkg.period.code;
  const groupUnits = pkg.units.filter((unit) => unit.group === PAGE_BENCH_GROUP);
  const leaguePath = `/${period}/${PAGE_BENCH_GROUP}`;
  // The static file to compare with is the page's own HTML, copied into public/: the same bytes
  // served without rendering, so the ratio measures what rendering and caching cost.
  const staticName = `bench-league-page-${process.pid}.html`;
  const staticPath = path.join(PROJECT_ROOT, "public", staticName);
  let pageHtml: ArrayBuffer;
  {
    const first = await startProductionServer(databaseUrl);
    try {
      const response = await fetch(`${first.url}${leaguePath}`);
      if (!response.ok) throw new Error(`${leaguePath} answered ${response.status}`);
      pageHtml = await response.arrayBuffer();
    } finally {
      await first.stop();
    }
  }
  writeFileSync(staticPath, Buffer.from(pageHtml));
  const server = await startProductionServer(databaseUrl);
  try {
    const leaguePage = `${server.url}${leaguePath}`;
    const periodPage = `${server.url}/${period}`;
    const unitPage = `${server.url}/units/${groupUnits[0]!.code}`;
    const staticFile = `${server.url}/${staticName}`;
    // The first request renders and caches; the figures are what every later visitor gets.
    for (const url of [leaguePage, periodPage, unitPage, staticFile]) {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url} answered ${response.status}`);
      await response.arrayBuffer();
    }
    const pageBytes = pageHtml.byteLength;

    console.error("Load test: static file, then the league table page (50 connections, 10 s each)…");
    const fileLoad = await measureThroughput(staticFile);
    const pageLoad = await measureThroughput(leaguePage);
    console.error("First-load JavaScript and Lighthouse (mobile)…");
    const periodJs = await firstLoadJavaScript(periodPage);
    const groupJs = await firstLoadJavaScript(leaguePage);
    const periodScores = await lighthouseScores(periodPage);
    const unitScores = await lighthouseScores(unitPage);

    const ratio = pageLoad.requestsPerSecond / fileLoad.requestsPerSecond;
    const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    const loadOk = (load: typeof pageLoad) => load.non2xx === 0 && load.errors === 0;
    return [
      {
        figure: "The same page's HTML as a static file from public/: requests/s, p95",
        value: `${fileLoad.requestsPerSecond.toFixed(0)} req/s, p95 ${fileLoad.p95Ms.toFixed(0)} ms`,
        target: "",
        met: null,
      },
      {
        figure: `League table page, ${groupUnits.length} units (${kib(pageBytes)} of HTML): requests/s, p95`,
        value: `${pageLoad.requestsPerSecond.toFixed(0)} req/s (${(ratio * 100).toFixed(0)} % of the file), p95 ${pageLoad.p95Ms.toFixed(0)} ms`,
        target: "≥ 50 % of the static file",
        met: ratio >= 0.5 && loadOk(pageLoad) && loadOk(fileLoad),
      },
      { figure: "First-load JavaScript, period page (gzip)", value: kib(periodJs.gzipBytes), target: "≤ 150 KB", met: periodJs.gzipBytes <= 150 * 1024 },
      { figure: "First-load JavaScript, 500-unit group page (gzip)", value: kib(groupJs.gzipBytes), target: "≤ 150 KB", met: groupJs.gzipBytes <= 150 * 1024 },
      {
        figure: "Lighthouse mobile, period page: performance / accessibility (median of 3)",
        value: `${periodScores.performance} / ${periodScores.accessibility}`,
        target: "≥ 95 / ≥ 95",
        met: periodScores.performance >= 95 && periodScores.accessibility >= 95,
      },
      {
        figure: "Lighthouse mobile, unit page: performance / accessibility (median of 3)",
        value: `${unitScores.performance} / ${unitScores.accessibility}`,
        target: "≥ 95 / ≥ 95",
        met: unitScores.performance >= 95 && unitScores.accessibility >= 95,
      },
    ];
  } finally {
    await server.stop();
    rmSync(staticPath, { force: true });
  }
}

/** SIPAS survey submissions against the production build (built here when the page figures were skipped). */
async function sipasFigures(databaseUrl: string, periodCode: string, build: boolean): Promise<Row[]> {
  if (build) {
    console.error("Building the portal (next build)…");
    const built = spawnSync("npx", ["next", "build"], { cwd: PROJECT_ROOT, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, encoding: "utf8" });
    if (built.status !== 0) throw new Error(`next build failed:\n${built.stdout}\n${built.stderr}`);
  }
  // A production server signs survey forms with AUTH_SECRET (npm start gets the folder's own); a bench-only key here.
  process.env.AUTH_SECRET ??= randomBytes(32).toString("base64url");
  const server = await startProductionServer(databaseUrl);
  try {
    return await sipasSubmissionFigures(server.url, databaseUrl, periodCode);
  } finally {
    await server.stop();
  }
}

function markdownTable(rows: Row[]): string {
  return [
    "| Figure | Measured | Target | Met |",
    "| --- | --- | --- | --- |",
    ...rows.map((row) => `| ${row.figure} | ${row.value} | ${row.target} | ${row.met === null ? "" : row.met ? "yes" : "NO"} |`),
  ].join("\n");
}

/** A row that names the part of the run the rows below it come from. */
function part(name: string): Row {
  return { figure: `**${name}**`, value: "", target: "", met: null };
}

const METHOD = [
  "**Import and publication.** A synthetic package of 3,321 communes in 4 groups × 88 leaf criteria",
  "is imported with the CLI's code path, then published. Each phase runs in its own process, so its",
  "peak memory is its own. Compute-and-publish is measured warm, as a running portal pays it: five",
  "recomputations stored as corrections (errata), each a full compute (ranks, ties, bands, rank",
  "change, group statistics and losses) and a full snapshot, each paired with the SQL floor — the",
  "best of three runs of a plain `SUM(points) GROUP BY unit` over the same score rows — measured just",
  "before it, so that a busy machine slows both alike. The ratio is the median of the five runs'",
  "ratios. The first publication in a fresh process, code and queries not yet compiled, is printed",
  "below it for reference.",
  "",
  "**Public pages.** The production build (`next build`) served by the portal's own server",
  "(`server/portal-server.ts`, as `npm start` runs it: security headers, a CSP nonce added to every",
  "script of every HTML response, the shared page cache) on the same data. The league table page is",
  "the 500-commune group's own page, served from the page cache as every reader after the first gets",
  "it; it is compared with its own HTML copied into public/ as a static file (the same bytes without",
  "rendering), each under autocannon with 50 connections for 10 s. First-load JavaScript is what",
  "Debian's Chromium downloads for the page, gzipped. Lighthouse runs its default mobile profile",
  "(simulated slow 4G, mid-range phone) in the same Chromium; each score is the median of three runs.",
  "",
  "**SIPAS submissions.** On the same server a survey of 22 questions is opened for the period.",
  "1,000 citizens, spread over 100 units, each fetch the form (`GET /survey/{period}/{unit}`: a fresh",
  "one-time token) and post their answers as the plain HTML form does (`POST",
  "/api/survey/{period}/{unit}`, 303 to the thank-you page), from 100 concurrent keep-alive",
  "connections. Every citizen has their own device cookie and their own address in X-Forwarded-For,",
  "as behind one reverse proxy (TRUSTED_PROXY_HOPS=1), so the per-address limit (30 an hour) counts",
  "citizens, not the load generator. The forms are posted 3.5 s after they were fetched (a form sent",
  "sooner is flagged as automated). The database is then checked: accepted rows equal the 303",
  "answers, each token stored once, every accepted token found, 22 answers each. Finally the first",
  "100 forms are sent again at once: each must be refused as a replay.",
  "",
  "**Backup and restore.** The same database (national package, publication, survey responses) and",
  "2,000 evidence files of 512 KiB of random bytes (as incompressible as scanned PDFs) are backed up",
  "with `npm run cli -- backup`'s code path, then restored into a fresh database and evidence",
  "directory with `restore`'s, each in its own process.",
].join("\n");

/** docs/benchmarks.md keeps the latest full run: the method, then every figure in one table. */
function record(rows: Row[]): void {
  const doc = path.join(PROJECT_ROOT, "docs", "benchmarks.md");
  const run = `Run: ${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}, PostgreSQL ${process.env.DATABASE_URL ? "from DATABASE_URL" : "embedded"}.`;
  writeFileSync(
    doc,
    [
      "# Benchmarks",
      "",
      "The latest run of `npm run bench -- --record` on the project's reference machine (2 cores): every",
      "benchmark of the project in one go, each figure against its target. Speed is measured here, never",
      "asserted in tests.",
      "",
      run,
      "",
      METHOD,
      "",
      markdownTable(rows),
      "",
    ].join("\n"),
  );
  console.error(`Recorded in ${path.relative(process.cwd(), doc)}`);
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), "par-bench-"));
  const file = path.join(dir, "national.json");
  const pkg = buildSyntheticPackage();
  writeFileSync(file, JSON.stringify(pkg));
  const sizeMiB = readFileSync(file).length / 1048576;
  console.error(`Synthetic package: ${pkg.units.length} units, ${pkg.scores.length} score rows, ${sizeMiB.toFixed(1)} MiB`);
  const sipasOnly = process.argv.includes("--sipas-only");
  const skipPages = process.argv.includes("--skip-pages");

  const server = await startTestDatabaseServer();
  const name = await createDatabase(server, "par_bench");
  const url = server.databaseUrl(name);
  const rows: Row[] = [];
  try {
    await applyMigrations(url);
    console.error("Importing…");
    const imported = worker("import", file, url);
    if (!sipasOnly) {
      console.error("Computing and publishing…");
      const published = worker("publish", pkg.period.code, url);
      const floor = published.floorMs!;
      rows.push(part("Import and publication at national scale"));
      rows.push({ figure: "Import (parse + validate + store), 292k rows", value: seconds(imported.ms!), target: "≤ 15 s", met: imported.ms! <= 15_000 });
      rows.push({ figure: "  of which parse and validate", value: seconds(imported.parseMs!), target: "", met: null });
      rows.push({ figure: "Import peak memory (maxRSS)", value: `${imported.maxRssMiB} MiB`, target: "≤ 512 MiB", met: imported.maxRssMiB! <= 512 });
      rows.push({ figure: "SQL floor: SUM(points) GROUP BY unit (median of the runs' best of three)", value: `${floor.toFixed(0)} ms`, target: "", met: null });
      rows.push({
        figure: "Compute and publish (rank, bands, stats, snapshot), warm: median of 5 runs",
        value: `${published.warmMs} ms (${published.ratio!.toFixed(1)} × floor, median of the runs' ratios)`,
        target: "≤ 3 × floor",
        met: published.ratio! <= 3,
      });
      rows.push({
        figure: "  the first one in a fresh process (code and queries cold)",
        value: `${published.firstMs} ms (${(published.firstMs! / floor).toFixed(1)} × floor)`,
        target: "",
        met: null,
      });
      rows.push({ figure: "Publish peak memory (maxRSS)", value: `${published.maxRssMiB} MiB`, target: "≤ 512 MiB", met: published.maxRssMiB! <= 512 });
      if (!skipPages) rows.push(part("Public pages"), ...(await pageFigures(url, pkg)));
    }
    if (!skipPages) {
      // The page figures built the portal already; `--no-build` reuses .next/ for a SIPAS-only run too.
      const build = sipasOnly && !process.argv.includes("--no-build");
      rows.push(part("SIPAS submissions"), ...(await sipasFigures(url, pkg.period.code, build)));
    }
    if (!sipasOnly) rows.push(part("Backup and restore"), ...(await backupRestoreFigures(server, url)));
  } finally {
    await dropDatabase(server, name);
    await server.stop();
  }

  console.log(markdownTable(rows));
  const missed = rows.filter((row) => row.met === false).length;
  console.log(missed === 0 ? "Every target met." : `${missed} target(s) missed.`);
  // A partial run (--sipas-only, --skip-pages) is for development: only a full run is recorded.
  if (process.argv.includes("--record") && !sipasOnly && !skipPages) record(rows);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
