import { jsonResponse, preflightResponse, servePublicApi } from "../../../_lib/public-api-http";
import { resolveRankings } from "../../../_lib/resolve-rankings";

// Every answer depends on the database and on the request's validators.
export const dynamic = "force-dynamic";

/** GET /api/v1/periods/{period}/rankings?group={group} — one group's published ranking. */
export function GET(request: Request, { params }: { params: Promise<{ period: string }> }) {
  return servePublicApi(request, async (context) => {
    const outcome = await resolveRankings(context, (await params).period, "json");
    return "response" in outcome ? outcome.response : jsonResponse(context, outcome.rankings, outcome.etag);
  });
}

export function OPTIONS() {
  return preflightResponse();
}
