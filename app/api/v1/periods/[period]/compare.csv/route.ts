import { writeComparisonCsv } from "@/lib/results-package/write-comparison-csv";
import { csvResponse, preflightResponse, servePublicApi } from "../../../_lib/public-api-http";
import { comparisonFileName, resolveComparison } from "../../../_lib/resolve-comparison";

// Every answer depends on the database and on the request's validators.
export const dynamic = "force-dynamic";

/** GET /api/v1/periods/{period}/compare.csv?units={a},{b} — the same comparison as a CSV download. */
export function GET(request: Request, { params }: { params: Promise<{ period: string }> }) {
  return servePublicApi(request, async (context) => {
    const outcome = await resolveComparison(context, (await params).period, "csv");
    if ("response" in outcome) return outcome.response;
    const { comparison, etag } = outcome;
    return csvResponse(writeComparisonCsv(comparison), etag, comparisonFileName(comparison, "csv"));
  });
}

export function OPTIONS() {
  return preflightResponse();
}
