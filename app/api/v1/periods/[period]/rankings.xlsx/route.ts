import { writeRankingsXlsx } from "@/lib/results-package/write-rankings-xlsx";
import { preflightResponse, servePublicApi, xlsxResponse } from "../../../_lib/public-api-http";
import { resolveRankings } from "../../../_lib/resolve-rankings";

// Every answer depends on the database and on the request's validators.
export const dynamic = "force-dynamic";

/** GET /api/v1/periods/{period}/rankings.xlsx?group={group} — the same ranking as an Excel workbook. */
export function GET(request: Request, { params }: { params: Promise<{ period: string }> }) {
  return servePublicApi(request, async (context) => {
    const outcome = await resolveRankings(context, (await params).period, "xlsx");
    if ("response" in outcome) return outcome.response;
    const { rankings, etag, groupName, publishedAt } = outcome;
    const workbook = await writeRankingsXlsx(rankings, { groupName, publishedAt });
    return xlsxResponse(new Uint8Array(workbook), etag, `par-index-${rankings.period}-${rankings.group}.xlsx`);
  });
}

export function OPTIONS() {
  return preflightResponse();
}
