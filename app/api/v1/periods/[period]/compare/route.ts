import { jsonResponse, preflightResponse, servePublicApi } from "../../../_lib/public-api-http";
import { resolveComparison } from "../../../_lib/resolve-comparison";

// Every answer depends on the database and on the request's validators.
export const dynamic = "force-dynamic";

/** GET /api/v1/periods/{period}/compare?units={a},{b} — up to four units' published results side by side. */
export function GET(request: Request, { params }: { params: Promise<{ period: string }> }) {
  return servePublicApi(request, async (context) => {
    const outcome = await resolveComparison(context, (await params).period, "json");
    return "response" in outcome ? outcome.response : jsonResponse(context, outcome.comparison, outcome.etag);
  });
}

export function OPTIONS() {
  return preflightResponse();
}
