import pg from "pg";
import { startEmbeddedServer } from "./embedded-server";
import { runningAppPid } from "./app-lock";
import { UserFacingError } from "./user-facing-error";

export const EMBEDDED_DATABASE_NAME = "par_index";

export type OpenDatabase = {
  url: string;
  embedded: boolean;
  /** Stops the embedded server when this process started it; a no-op otherwise. */
  stop: () => Promise<void>;
};

function describeTarget(url: string): { host: string; port: string; database: string } {
  try {
    const parsed = new URL(url);
    return {
      host: parsed.hostname || "localhost",
      port: parsed.port || "5432",
      database: decodeURIComponent(parsed.pathname.replace(/^\//, "")) || "(default)",
    };
  } catch {
    throw new UserFacingError(
      "DATABASE_URL is not a valid URL. Expected e.g. postgresql://user:password@host:5432/dbname",
    );
  }
}

/** Connects once so that a wrong DATABASE_URL fails with one clear line, not a stack trace. */
export async function probeDatabase(url: string): Promise<void> {
  const target = describeTarget(url);
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
  } catch (error) {
    const code = (error as { code?: string }).code;
    const where = `PostgreSQL at ${target.host}:${target.port} (DATABASE_URL)`;
    if (code === "3D000") {
      throw new UserFacingError(
        `${where} has no database "${target.database}". Create it (createdb ${target.database}) or fix DATABASE_URL.`,
      );
    }
    if (code === "28P01" || code === "28000") {
      throw new UserFacingError(`${where} refused the user or password in DATABASE_URL. Check the credentials.`);
    }
    const reason = code ?? (error instanceof Error ? error.message : String(error));
    throw new UserFacingError(
      `Cannot reach ${where}: ${reason}. Check that the server is running and accepts connections there, ` +
        `or unset DATABASE_URL to use the embedded database.`,
    );
  } finally {
    await client.end().catch(() => {});
  }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const found = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (found.rowCount === 0) await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
}

/**
 * DATABASE_URL when set; otherwise the embedded PostgreSQL in .data/pg, started on demand.
 * The portal itself (`asApp`) never shares a cluster; a CLI command shares the running portal's.
 */
export async function openDatabase(options: { asApp?: boolean } = {}): Promise<OpenDatabase> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    await probeDatabase(configured);
    return { url: configured, embedded: false, stop: async () => {} };
  }
  const server = await startEmbeddedServer(
    options.asApp ? { shareWith: "nobody" } : { shareWith: "running-app", runningAppPid: runningAppPid() },
  );
  try {
    await ensureDatabase(server.baseUrl("postgres"), EMBEDDED_DATABASE_NAME);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { url: server.baseUrl(EMBEDDED_DATABASE_NAME), embedded: true, stop: server.stop };
}
