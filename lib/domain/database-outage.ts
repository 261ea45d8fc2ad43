/**
 * How a failure caused by an unreachable database is recognised on its way out, without the
 * layer that sees it knowing Prisma or pg: the data layer stamps this digest on the error
 * (lib/data/database-availability.ts). Next.js keeps an error's own `digest` when it sends a
 * failed render to the error boundary, so the page's boundary, server actions, route handlers and
 * the web server all tell an outage from a bug by the same mark.
 */
export const DATABASE_UNAVAILABLE_DIGEST = "PAR_DATABASE_UNAVAILABLE";

/** What a client is told to wait before trying again: a few probes of the database. */
export const DATABASE_RETRY_AFTER_SECONDS = 15;

export const DATABASE_UNAVAILABLE_CODE = "database_unavailable";

export function isDatabaseOutage(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { digest?: unknown }).digest === DATABASE_UNAVAILABLE_DIGEST;
}
