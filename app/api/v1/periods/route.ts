import { listPublicApiPeriods } from "@/lib/data/public-api-periods";
import { jsonResponse, preflightResponse, servePublicApi } from "../_lib/public-api-http";

// Every answer depends on the database and on the request's validators.
export const dynamic = "force-dynamic";

/** GET /api/v1/periods — every published period with its groups. */
export function GET(request: Request) {
  return servePublicApi(request, async (context) => jsonResponse(context, await listPublicApiPeriods()));
}

export function OPTIONS() {
  return preflightResponse();
}
