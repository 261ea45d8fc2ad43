export const dynamic = "force-dynamic";

/**
 * Liveness: this process answers. It never asks the database, so an orchestrator does not restart
 * a healthy app while PostgreSQL is down (the app recovers by itself when it returns).
 */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
