import { readinessResponse } from "../_lib/readiness-response";

export const dynamic = "force-dynamic";

/** Readiness: the database is reachable and fully migrated (for load balancers and orchestrators). */
export function GET() {
  return readinessResponse();
}
