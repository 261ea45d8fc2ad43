import { apiError, preflightResponse, servePublicApi } from "../_lib/public-api-http";

// Any other address under /api/v1 answers in the API's own error format rather than with the
// site's HTML 404 page, so that a client with a typo gets a message it can read.
export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return servePublicApi(request, async (context) => apiError(context, 404, "not_found", context.t.notFound));
}

export function OPTIONS() {
  return preflightResponse();
}
