/**
 * The server Playwright tests run against: the production build on a fresh database (on
 * DATABASE_URL's server when set, else a throw-away embedded PostgreSQL) with the demo data.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, mkdirSync } from "node:fs";
import { createInterface } from "node:readline";
import path from "node:path";
import exitHook from "async-exit-hook";
import { PROJECT_ROOT } from "./db/project-root";
import { applyMigrations } from "./db/migrations";
import { seedDemoIfEmpty } from "./seed/seed-demo";
import { createDatabase, dropDatabase, startTestDatabaseServer, type TestDatabaseServer } from "../tests/support/test-database-server";
import { quietKnownWarnings } from "./db/quiet-known-warnings";
import { clearPageCache } from "./clear-page-cache";
import { demoUsers, DEMO_PASSWORD } from "./demo-data/demo-users";

quietKnownWarnings();

const port = process.env.E2E_PORT ?? "3100";
let server: TestDatabaseServer | null = null;
let databaseName: string | null = null;
let web: ChildProcess | null = null;

async function cleanup(): Promise<void> {
  if (web && web.exitCode === null) {
    const exited = new Promise((resolve) => web?.once("exit", resolve));
    web.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  }
  if (server && databaseName) await dropDatabase(server, databaseName).catch(() => {});
  await server?.stop();
}

exitHook.forceExitTimeout(15_000);
exitHook((done) => {
  void cleanup().finally(done);
});

async function main() {
  server = await startTestDatabaseServer();
  databaseName = await createDatabase(server, "par_e2e");
  const url = server.databaseUrl(databaseName);
  await applyMigrations(url);
  await seedDemoIfEmpty(url, () => {});
  clearPageCache();
  // Its JSON log (access lines, Next.js's own reports) is kept whole in .data/ for reading after a
  // failed test (Playwright empties test-results/ as it starts); errors are also shown on stderr,
  // which Playwright prints next to the failing test.
  mkdirSync(path.join(PROJECT_ROOT, ".data"), { recursive: true });
  const log = createWriteStream(path.join(PROJECT_ROOT, ".data", `e2e-server-${port}.log`));
  // The production server as `npm start` runs it (security headers, CSP nonces around Next.js).
  web = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "server/portal-server.ts")], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "pipe", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: url,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      PORT: port,
      AUTH_SECRET: "e2e-session-signing-key-not-for-production-0123456789",
      EVIDENCE_DIR: path.join(PROJECT_ROOT, ".data", `e2e-evidence-${port}`),
      PAR_DEMO_SIGN_INS: JSON.stringify({ password: DEMO_PASSWORD, accounts: demoUsers.map((user) => ({ email: user.email, role: user.role, unitName: user.unitName })) }),
    },
  });
  web.stdout?.pipe(log);
  createInterface({ input: web.stdout! }).on("line", (line) => {
    if (/^\{"level":"(error|fatal)"/.test(line)) process.stderr.write(`${line}\n`);
  });
  web.once("exit", (code) => {
    void cleanup().finally(() => process.exit(code ?? 1));
  });
}

main().catch(async (error) => {
  console.error(error);
  await cleanup();
  process.exit(1);
});
