import { writeSipasCsv } from "@/lib/results-package/write-sipas-csv";
import { csvResponse, preflightResponse, servePublicApi } from "../../../_lib/public-api-http";
import { resolveSipas } from "../../../_lib/resolve-sipas";

// Every answer depends on the database and on the request's validators.
export const dynamic = "force-dynamic";

/** GET /api/v1/periods/{period}/sipas.csv?group={group} — the same SIPAS figures as a CSV download. */
export function GET(request: Request, { params }: { params: Promise<{ period: string }> }) {
  return servePublicApi(request, async (context) => {
    const outcome = await resolveSipas(context, (await params).period, "csv");
    if ("response" in outcome) return outcome.response;
    const { sipas, etag } = outcome;
    return csvResponse(writeSipasCsv(sipas), etag, `par-index-sipas-${sipas.period}-${sipas.group}.csv`);
  });
}

export function OPTIONS() {
  return preflightResponse();
}
