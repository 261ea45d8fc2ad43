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
    // running portal pays once its code and queries are warm — the state the SQL floor is
    // measured in (its best of five runs).
    const warm: number[] = [];
    for (let run = 1; run <= 3; run++) {
      const runStarted = performance.now();
      await publishPeriod({ periodCode: target!, actor: COMMAND_LINE, reason: `bench: recomputation ${run}` });
      warm.push(performance.now() - runStarted);
    }
    report.warmMs = Math.round(warm.sort((a, b) => a - b)[1]!);
  } else {
    throw new Error(`unknown phase ${phase}`);
  }
  report.ms = Math.round(performance.now() - started);
  report.maxRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  await disconnectPrisma();
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
