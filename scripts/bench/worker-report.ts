/**
 * How a bench worker ends: its figures plus its own peak memory (each phase runs in its own
 * process so that figure is the phase's alone) as one JSON line on stdout, then exit 0; a failure
 * on stderr and exit 1.
 */
export function reportPhase(measure: () => Promise<Record<string, number | string>>): void {
  measure().then(
    (report) => {
      report.maxRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
      process.stdout.write(`${JSON.stringify(report)}\n`);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
