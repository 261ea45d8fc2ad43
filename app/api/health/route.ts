import { readinessResponse } from "./_lib/readiness-response";

export const dynamic = "force-dynamic";

/** The readiness answer, as /api/health/ready (the app's starters and older monitors poll this address). */
export function GET() {
  return readinessResponse();
}
