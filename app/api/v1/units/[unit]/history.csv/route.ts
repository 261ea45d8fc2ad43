import { writeUnitHistoryCsv } from "@/lib/results-package/write-unit-history-csv";
import { csvResponse, preflightResponse, servePublicApi } from "../../../_lib/public-api-http";
import { resolveUnitHistory } from "../../../_lib/resolve-unit-history";

// Every answer depends on the database and on the request's validators.
export const dynamic = "force-dynamic";

/** GET /api/v1/units/{unit}/history.csv — the same history as a CSV download. */
export function GET(request: Request, { params }: { params: Promise<{ unit: string }> }) {
  return servePublicApi(request, async (context) => {
    const outcome = await resolveUnitHistory(context, await params, "csv");
    if ("response" in outcome) return outcome.response;
    const { history, etag } = outcome;
    return csvResponse(writeUnitHistoryCsv(history), etag, `par-index-history-${history.unit.code}.csv`);
  });
}

export function OPTIONS() {
  return preflightResponse();
}
