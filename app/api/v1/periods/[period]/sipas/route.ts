import { jsonResponse, preflightResponse, servePublicApi } from "../../../_lib/public-api-http";
import { resolveSipas } from "../../../_lib/resolve-sipas";

// Every answer depends on the database and on the request's validators.
export const dynamic = "force-dynamic";

/** GET /api/v1/periods/{period}/sipas?group={group} — one group's published SIPAS figures. */
export function GET(request: Request, { params }: { params: Promise<{ period: string }> }) {
  return servePublicApi(request, async (context) => {
    const outcome = await resolveSipas(context, (await params).period, "json");
    return "response" in outcome ? outcome.response : jsonResponse(context, outcome.sipas, outcome.etag);
  });
}

export function OPTIONS() {
  return preflightResponse();
}
