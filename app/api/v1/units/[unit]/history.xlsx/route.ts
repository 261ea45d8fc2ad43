import { writeUnitHistoryXlsx } from "@/lib/results-package/write-unit-history-xlsx";
import { preflightResponse, servePublicApi, xlsxResponse } from "../../../_lib/public-api-http";
import { resolveUnitHistory } from "../../../_lib/resolve-unit-history";

// Every answer depends on the database and on the request's validators.
export const dynamic = "force-dynamic";

/** GET /api/v1/units/{unit}/history.xlsx — the same history as an Excel workbook. */
export function GET(request: Request, { params }: { params: Promise<{ unit: string }> }) {
  return servePublicApi(request, async (context) => {
    const outcome = await resolveUnitHistory(context, await params, "xlsx");
    if ("response" in outcome) return outcome.response;
    const { history, etag, lastPublishedAt } = outcome;
    const workbook = await writeUnitHistoryXlsx(history, { lastPublishedAt });
    return xlsxResponse(new Uint8Array(workbook), etag, `par-index-history-${history.unit.code}.xlsx`);
  });
}

export function OPTIONS() {
  return preflightResponse();
}
