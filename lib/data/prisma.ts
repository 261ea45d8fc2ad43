import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { logger } from "@/lib/observability/logger";
import {
  asDatabaseOutage,
  DatabaseUnavailableError,
  forgetDatabaseAvailability,
  isDatabaseKnownDown,
  noteDatabaseFailure,
  noteDatabaseReachable,
  registerDatabaseProbe,
} from "./database-availability";
import { withStorableText } from "./unstorable-text";

// One client per process; in `next dev` modules reload, so the instance lives on globalThis.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) {
    throw new Error(
      "DATABASE_URL is not set. Start the app with `npm run demo`, `npm run dev` or `npm start`, " +
        "which start the embedded database and set it.",
    );
  }
  const pool = new pg.Pool({
    connectionString,
    max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    connectionTimeoutMillis: 5_000,
    // A connection cut without a word (a firewall, a failed-over server) is noticed by the kernel.
    keepAlive: true,
  });
  // When PostgreSQL restarts, its idle connections die and the pool emits 'error': without a
  // listener that would end the process. The pool drops those connections and opens new ones on
  // the next query; the outage itself is recorded so pages answer 503 meanwhile.
  const onConnectionError = (err: Error) => {
    if (!noteDatabaseFailure(err)) logger.warn({ event: "database.connection_error", err }, "a database connection failed");
  };
  pool.on("error", onConnectionError);
  const adapter = new PrismaPg(pool, { disposeExternalPool: true, onPoolError: onConnectionError, onConnectionError });
  const base = new PrismaClient({ adapter });
  registerDatabaseProbe(() => probeOnOwnConnection(connectionString));
  // Every query tells whether the database is reachable; while it is known not to be, a query
  // fails at once (the probe watches for its return) instead of piling up behind timeouts.
  const watched = base.$extends({
    name: "database-availability",
    query: {
      async $allOperations({ model, operation, args, query }) {
        if (isDatabaseKnownDown()) throw new DatabaseUnavailableError();
        // Text PostgreSQL cannot hold is refused (writes) or matches nothing (reads), never a database error.
        const storable = model || operation.startsWith("$query") || operation.startsWith("$execute") ? (withStorableText(operation, args) as typeof args) : args;
        try {
          const result = await query(storable);
          noteDatabaseReachable();
          return result;
        } catch (error) {
          throw asDatabaseOutage(error);
        }
      },
    },
  });
  // A query-only extension leaves every method's type as it was.
  return watched as unknown as PrismaClient;
}

/**
 * Whether PostgreSQL answers, on a connection of the probe's own: the pool's may all be taken by
 * requests waiting on it, and the probe must tell a database that is back from a pool that is busy.
 */
async function probeOnOwnConnection(connectionString: string): Promise<void> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: 3_000 });
  // Its failures are the probe's answer (the rejected connect or query), not process errors.
  client.on("error", () => {});
  try {
    await client.connect();
    await client.query("select 1");
  } finally {
    await client.end().catch(() => {});
  }
}

export function getPrisma(): PrismaClient {
  globalForPrisma.prisma ??= createClient();
  return globalForPrisma.prisma;
}

export async function disconnectPrisma(): Promise<void> {
  if (globalForPrisma.prisma) {
    await globalForPrisma.prisma.$disconnect();
    globalForPrisma.prisma = undefined;
  }
  forgetDatabaseAvailability();
}
