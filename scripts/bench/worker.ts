/**
 * One measured phase of the benchmark, in its own process so that its peak memory (maxRSS) is
 * its own: `import <file>` or `publish <period-code>`. Prints one JSON line on stdout.
 */
import { readFileSync } from "node:fs";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { importResultsPackage } from "@/lib/services/import-results-package";
import { publishPeriod } from "@/lib/services/publish-period";
import { disconnectPrisma } from "@/lib/data/prisma";
import { checkDatabaseHealth } from "@/lib/data/database-health";
import { COMMAND_LINE } from "@/lib/auth/actor";
import pg from "pg";
import { reportPhase } from "./worker-report";

/** The floor the issue names: a plain SUM(points) GROUP BY unit over the period's score rows. */
async function sqlFloorMs(client: pg.Client, periodCode: string): Promise<number> {
  const query = `select a."unitId", sum(s."appraisedPoints") as total
    from "CriterionScore" s join "Assessment" a on a.id = s."assessmentId" join "Period" p on p.id = a."periodId"
    where p.code = $1 and not s."notApplicable" group by a."unitId"`;
  let best = Number.POSITIVE_INFINITY;
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const result = await client.query(query, [periodCode]);
    best = Math.min(best, performance.now() - started);
    if (result.rowCount === 0) throw new Error("the floor query found no rows");
  }
  return best;
}

async function main() {
  const [phase, target] = process.argv.slice(2);
  // Connect first: the figure is the work, not the driver's start-up (a server is warm).
  await checkDatabaseHealth();
  const started = performance.now();
  const report: Record<string, number | string> = { phase: phase ?? "" };
  if (phase === "import") {
    const parsed = parseResultsPackage(readFileSync(target!), { maxBytes: 200 * 1024 * 1024 });
    if (!parsed.ok) throw new Error(`invalid package: ${JSON.stringify(parsed.issues.slice(0, 3))}`);
    report.parseMs = Math.round(performance.now() - started);
    const storeStarted = performance.now();
    await importResultsPackage({ pkg: parsed.package, replace: false, publish: false, actor: COMMAND_LINE });
    report.storeMs = Math.round(performance.now() - storeStarted);
    report.rows = parsed.package.scores.length;
  } else if (phase === "publish") {
    const result = await publishPeriod({ periodCode: target!, actor: COMMAND_LINE });
    report.units = result.groups.reduce((sum, group) => sum + group.rows.length, 0);
    report.firstMs = Math.round(performance.now() - started);
    // The same computation and snapshot again, as a correction (erratum) stores it: what a
    // running portal pays once its code and queries are warm. Each run is paired with the SQL
    // floor measured just before it (best of three), so a busy machine slows both alike.
    const floor = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await floor.connect();
    const runs: { publishMs: number; floorMs: number }[] = [];
    try {
      for (let run = 1; run <= 5; run++) {
        const floorMs = await sqlFloorMs(floor, target!);
        const runStarted = performance.now();
        await publishPeriod({ periodCode: target!, actor: COMMAND_LINE, reason: `bench: recomputation ${run}` });
        runs.push({ publishMs: performance.now() - runStarted, floorMs });
      }
    } finally {
      await floor.end();
    }
    const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    report.warmMs = Math.round(median(runs.map((run) => run.publishMs)));
    report.floorMs = Math.round(median(runs.map((run) => run.floorMs)));
    report.ratio = Number(median(runs.map((run) => run.publishMs / run.floorMs)).toFixed(2));
  } else {
    throw new Error(`unknown phase ${phase}`);
  }
  report.ms = Math.round(performance.now() - started);
  await disconnectPrisma();
  return report;
}

reportPhase(main);
