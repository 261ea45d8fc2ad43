import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/domain/database-outage";
import { logger } from "@/lib/observability/logger";
import { currentRequestContext, type RequestContext } from "@/lib/observability/request-context";

/**
 * Whether PostgreSQL is known to be unreachable, for the whole process.
 *
 * Set by the first query that fails the way an outage does (refused or dropped connection, server
 * shutting down or starting up, connection timeout); cleared by the next query that succeeds. While
 * it is set, queries fail at once instead of each waiting for a connection timeout, and a probe
 * asks the database every PROBE_INTERVAL_MS whether it is back, so the portal recovers by itself
 * when PostgreSQL returns, without a restart.
 *
 * The state lives on globalThis: the custom web server and the route code Next.js bundled load
 * this file as two modules, and both must see the same answer.
 */
const KEY = Symbol.for("par-index.database-availability");
const PROBE_INTERVAL_MS = 2_000;
/** A probe that hangs (a server that accepts but never answers) counts as failed after this. */
const PROBE_TIMEOUT_MS = 3_000;

type AvailabilityState = {
  down: boolean;
  downSince: number | null;
  /** A query that needs no table, run on the app's own connection pool. */
  probe: (() => Promise<unknown>) | null;
  probeTimer: NodeJS.Timeout | null;
  /** Requests that met the outage, so the web server answers them 503 even once it is over. */
  affectedRequests: WeakSet<RequestContext>;
};

type Holder = { [KEY]?: AvailabilityState };
const holder = globalThis as Holder;
const state: AvailabilityState = (holder[KEY] ??= {
  down: false,
  downSince: null,
  probe: null,
  probeTimer: null,
  affectedRequests: new WeakSet(),
});

/** Socket errors of a connection that could not be made or was cut. */
const SOCKET_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "EPIPE"]);
/**
 * SQLSTATEs of a server going away or refusing connections: admin/crash shutdown, starting up or
 * shutting down, too many connections, and the connection-exception class 08.
 */
const SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300", "08000", "08001", "08003", "08004", "08006"]);
/**
 * Prisma's codes for an unreachable server, a timed-out connection, a closed connection. Not
 * P2024 (no free connection in the pool in time): a busy database is not a down one.
 */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017"]);
/** The pg adapter's kinds for the same (meta.driverAdapterError.cause.kind). */
const ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
/**
 * pg's own errors for these carry no code, only a message. Not pg-pool's "timeout exceeded when
 * trying to connect", which also means every connection was busy for connectionTimeoutMillis: under
 * load that is a slow answer, and marking the database down would turn it into 503s for everyone.
 * A connection attempt that itself times out ends as "Connection terminated due to connection
 * timeout", which is matched.
 */
const PG_MESSAGES = /Connection terminated|Client has encountered a connection error|Connection refused/i;

/**
 * Whether an error means the database could not be reached (rather than a query being wrong or a
 * constraint refusing it). Looks through Prisma's wrapping to the driver's error.
 */
export function isDatabaseConnectionFailure(error: unknown, depth = 0): boolean {
  if (depth > 4 || typeof error !== "object" || error === null) return false;
  const candidate = error as {
    digest?: unknown;
    code?: unknown;
    originalCode?: unknown;
    kind?: unknown;
    message?: unknown;
    cause?: unknown;
    meta?: { driverAdapterError?: unknown };
  };
  if (candidate.digest === DATABASE_UNAVAILABLE_DIGEST) return true;
  for (const code of [candidate.code, candidate.originalCode]) {
    if (typeof code === "string" && (SOCKET_CODES.has(code) || SQLSTATES.has(code) || PRISMA_CODES.has(code))) return true;
  }
  if (typeof candidate.kind === "string" && ADAPTER_KINDS.has(candidate.kind)) return true;
  if (typeof candidate.message === "string" && PG_MESSAGES.test(candidate.message) && candidate.code === undefined) return true;
  return isDatabaseConnectionFailure(candidate.meta?.driverAdapterError, depth + 1) || isDatabaseConnectionFailure(candidate.cause, depth + 1);
}

export function isDatabaseKnownDown(): boolean {
  return state.down;
}

/**
 * Whether a response that failed (status 500) did so because of the database: the request being
 * served met an outage, or the database is down now. For the web server, which then answers 503.
 */
export function failedForDatabaseOutage(request: RequestContext | undefined = currentRequestContext()): boolean {
  return state.down || (request !== undefined && state.affectedRequests.has(request));
}

/** The query the probe runs while the database is down; set once by the data layer's client. */
export function registerDatabaseProbe(probe: () => Promise<unknown>): void {
  state.probe = probe;
}

/**
 * Forgets what was known: the data layer's client was closed (tests, a DATABASE_URL changed), and
 * the next client's queries find out for themselves.
 */
export function forgetDatabaseAvailability(): void {
  if (state.probeTimer) clearTimeout(state.probeTimer);
  state.probeTimer = null;
  state.down = false;
  state.downSince = null;
  state.probe = null;
}

/** A query succeeded: if the database was down, it is back. */
export function noteDatabaseReachable(): void {
  if (!state.down) return;
  const downForMs = state.downSince === null ? null : Date.now() - state.downSince;
  state.down = false;
  state.downSince = null;
  if (state.probeTimer) clearTimeout(state.probeTimer);
  state.probeTimer = null;
  logger.info({ event: "database.reachable", downForMs }, "database reachable again");
}

/**
 * Records a failed query. Returns true when it was an outage, after which the database counts as
 * down until a query or the probe succeeds.
 */
export function noteDatabaseFailure(error: unknown): boolean {
  if (!isDatabaseConnectionFailure(error)) return false;
  const request = currentRequestContext();
  if (request) state.affectedRequests.add(request);
  if (!state.down) {
    state.down = true;
    state.downSince = Date.now();
    // Once per outage, not once per failed request: the log shows when it started and ended.
    logger.warn({ event: "database.unreachable", failure: describeFailure(error) }, "database unreachable: pages and API answer 503 until it returns");
    scheduleProbe(0);
  }
  return true;
}

/**
 * The error, stamped with the outage digest when the database could not be reached, so whoever
 * renders or answers it tells an outage from a bug. The error itself is kept (its type, code and
 * message still reach the server log).
 */
export function asDatabaseOutage<E>(error: E): E {
  if (noteDatabaseFailure(error) && typeof error === "object" && error !== null && Object.isExtensible(error)) {
    (error as { digest?: string }).digest = DATABASE_UNAVAILABLE_DIGEST;
  }
  return error;
}

/** What a query gets while the database is known down, instead of waiting for a timeout. */
export class DatabaseUnavailableError extends Error {
  readonly digest = DATABASE_UNAVAILABLE_DIGEST;
  constructor() {
    super("The database is unreachable (known down; a probe checks every few seconds whether it is back).");
    this.name = "DatabaseUnavailableError";
  }
}

function scheduleProbe(delayMs: number): void {
  if (state.probeTimer) clearTimeout(state.probeTimer);
  state.probeTimer = setTimeout(() => void probeOnce(), delayMs);
  // The probe must not keep a process alive that is otherwise done (a CLI command, a test).
  state.probeTimer.unref();
}

async function probeOnce(): Promise<void> {
  state.probeTimer = null;
  if (!state.down) return;
  const probe = state.probe;
  if (!probe) {
    // Nothing to ask with: the next real query decides.
    state.down = false;
    state.downSince = null;
    return;
  }
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      probe(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(Object.assign(new Error("probe timed out"), { code: "ETIMEDOUT" })), PROBE_TIMEOUT_MS);
      }),
    ]);
    noteDatabaseReachable();
  } catch {
    if (state.down) scheduleProbe(PROBE_INTERVAL_MS);
  } finally {
    clearTimeout(timer);
  }
}

/** Enough for the operator (code and message); Prisma's messages quote source code, which is noise. */
function describeFailure(error: unknown): { type?: string; code?: string; message?: string } {
  if (typeof error !== "object" || error === null) return { message: String(error) };
  const candidate = error as { name?: unknown; code?: unknown; message?: unknown; meta?: { driverAdapterError?: { message?: unknown; cause?: { originalCode?: unknown; kind?: unknown } } } };
  const adapter = candidate.meta?.driverAdapterError;
  const message = typeof adapter?.message === "string" ? adapter.message : typeof candidate.message === "string" ? candidate.message.trim().split("\n").at(-1) : undefined;
  const code = typeof candidate.code === "string" ? candidate.code : undefined;
  const original = adapter?.cause?.originalCode ?? adapter?.cause?.kind;
  return {
    type: typeof candidate.name === "string" ? candidate.name : undefined,
    code: typeof original === "string" && code ? `${code}/${original}` : code,
    message,
  };
}
