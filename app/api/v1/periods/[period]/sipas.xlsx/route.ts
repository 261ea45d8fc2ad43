import { writeSipasXlsx } from "@/lib/results-package/write-sipas-xlsx";
import { preflightResponse, servePublicApi, xlsxResponse } from "../../../_lib/public-api-http";
import { resolveSipas } from "../../../_lib/resolve-sipas";

// Every answer depends on the database and on the request's validators.
export const dynamic = "force-dynamic";

/** GET /api/v1/periods/{period}/sipas.xlsx?group={group} — the same SIPAS figures as an Excel workbook. */
export function GET(request: Request, { params }: { params: Promise<{ period: string }> }) {
  return servePublicApi(request, async (context) => {
    const outcome = await resolveSipas(context, (await params).period, "xlsx");
    if ("response" in outcome) return outcome.response;
    const { sipas, etag, groupName, publishedAt } = outcome;
    const workbook = await writeSipasXlsx(sipas, { groupName, publishedAt });
    return xlsxResponse(new Uint8Array(workbook), etag, `par-index-sipas-${sipas.period}-${sipas.group}.xlsx`);
  });
}

export function OPTIONS() {
  return preflightResponse();
}
