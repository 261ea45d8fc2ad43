/**
 * npm test: the production build, unit and integration tests (vitest), and the end-to-end
 * tests (Playwright in Debian's Chromium), then one line `N passed, N failed` over all suites.
 * CI reads only that line and the exit code.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "./db/project-root";

const REPORT_DIR = path.join(PROJECT_ROOT, "test-results", "summary");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

type Tally = { suite: string; passed: number; failed: number; note?: string };
const tallies: Tally[] = [];

function run(command: string, args: string[], extraEnv: Record<string, string> = {}): number {
  const result = spawnSync(command, args, { cwd: PROJECT_ROOT, stdio: "inherit", env: { ...env, ...extraEnv } });
  return result.status ?? 1;
}

function readJson<T>(file: string): T | null {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

function banner(text: string): void {
  console.log(`\n━━━ ${text} ━━━`);
}

function vitest(): void {
  banner("Unit and integration tests (vitest)");
  const output = path.join(REPORT_DIR, "vitest.json");
  const status = run("npx", ["vitest", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${output}`]);
  const report = readJson<{ numPassedTests: number; numFailedTests: number; numTotalTests: number }>(output);
  if (!report) {
    tallies.push({ suite: "vitest", passed: 0, failed: 1, note: `vitest ended with status ${status} and no report` });
    return;
  }
  const crashed = status !== 0 && report.numFailedTests === 0;
  tallies.push({
    suite: "vitest",
    passed: report.numPassedTests,
    failed: report.numFailedTests + (crashed ? 1 : 0),
    note: crashed ? `vitest exited with status ${status} (a suite failed to load)` : undefined,
  });
}

function ensureChromium(): boolean {
  if (existsSync(CHROMIUM)) return true;
  const isRoot = process.getuid?.() === 0;
  if (isRoot && existsSync("/usr/bin/apt-get")) {
    banner("Installing Debian's Chromium for the end-to-end tests");
    run("apt-get", ["update", "-qq"]);
    run("apt-get", ["install", "-y", "-qq", "chromium"], { DEBIAN_FRONTEND: "noninteractive" });
  }
  if (existsSync(CHROMIUM)) return true;
  console.error(
    `No Chromium at ${CHROMIUM}. Install it (sudo apt-get install -y chromium) or set CHROMIUM_PATH.`,
  );
  return false;
}

function build(): boolean {
  banner("Production build (next build)");
  const status = run("npx", ["next", "build"]);
  if (status !== 0) {
    tallies.push({ suite: "build", passed: 0, failed: 1, note: "next build failed" });
    return false;
  }
  return true;
}

function playwright(): void {
  banner("End-to-end tests (Playwright, Chromium)");
  const output = path.join(REPORT_DIR, "playwright.json");
  const status = run("npx", ["playwright", "test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: output });
  const report = readJson<{ stats: { expected: number; unexpected: number; flaky: number } }>(output);
  if (!report) {
    tallies.push({ suite: "e2e", passed: 0, failed: 1, note: `playwright ended with status ${status} and no report` });
    return;
  }
  const failed = report.stats.unexpected + report.stats.flaky;
  const crashed = status !== 0 && failed === 0;
  tallies.push({
    suite: "e2e",
    passed: report.stats.expected,
    failed: failed + (crashed ? 1 : 0),
    note: crashed ? `playwright exited with status ${status}` : undefined,
  });
}

rmSync(REPORT_DIR, { recursive: true, force: true });
mkdirSync(REPORT_DIR, { recursive: true });

// The build first: integration tests start production servers from it (several-instances).
const built = build();
vitest();
if (ensureChromium()) {
  if (built) playwright();
} else {
  tallies.push({ suite: "e2e", passed: 0, failed: 1, note: "no Chromium" });
}

banner("Summary");
for (const tally of tallies) {
  console.log(`${tally.suite.padEnd(8)} ${tally.passed} passed, ${tally.failed} failed${tally.note ? `  (${tally.note})` : ""}`);
}
const passed = tallies.reduce((sum, tally) => sum + tally.passed, 0);
const failed = tallies.reduce((sum, tally) => sum + tally.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
