import { writeRankingsCsv } from "@/lib/results-package/write-rankings-csv";
import { csvResponse, preflightResponse, servePublicApi } from "../../../_lib/public-api-http";
import { resolveRankings } from "../../../_lib/resolve-rankings";

// Every answer depends on the database and on the request's validators.
export const dynamic = "force-dynamic";

/** GET /api/v1/periods/{period}/rankings.csv?group={group} — the same ranking as a CSV download. */
export function GET(request: Request, { params }: { params: Promise<{ period: string }> }) {
  return servePublicApi(request, async (context) => {
    const outcome = await resolveRankings(context, (await params).period, "csv");
    if ("response" in outcome) return outcome.response;
    const { rankings, etag } = outcome;
    return csvResponse(writeRankingsCsv(rankings), etag, `par-index-${rankings.period}-${rankings.group}.csv`);
  });
}

export function OPTIONS() {
  return preflightResponse();
}
