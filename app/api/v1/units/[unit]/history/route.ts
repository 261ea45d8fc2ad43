import { jsonResponse, preflightResponse, servePublicApi } from "../../../_lib/public-api-http";
import { resolveUnitHistory } from "../../../_lib/resolve-unit-history";

// Every answer depends on the database and on the request's validators.
export const dynamic = "force-dynamic";

/**
 * GET /api/v1/units/{unit}/history — the unit page's history: the unit's published results and
 * those of the units it continues or that continue it, with where they are not comparable.
 */
export function GET(request: Request, { params }: { params: Promise<{ unit: string }> }) {
  return servePublicApi(request, async (context) => {
    const outcome = await resolveUnitHistory(context, await params, "json");
    return "response" in outcome ? outcome.response : jsonResponse(context, outcome.history, outcome.etag);
  });
}

export function OPTIONS() {
  return preflightResponse();
}
