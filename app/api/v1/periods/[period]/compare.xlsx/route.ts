import { writeComparisonXlsx } from "@/lib/results-package/write-comparison-xlsx";
import { preflightResponse, servePublicApi, xlsxResponse } from "../../../_lib/public-api-http";
import { comparisonFileName, resolveComparison } from "../../../_lib/resolve-comparison";

// Every answer depends on the database and on the request's validators.
export const dynamic = "force-dynamic";

/** GET /api/v1/periods/{period}/compare.xlsx?units={a},{b} — the same comparison as an Excel workbook. */
export function GET(request: Request, { params }: { params: Promise<{ period: string }> }) {
  return servePublicApi(request, async (context) => {
    const outcome = await resolveComparison(context, (await params).period, "xlsx");
    if ("response" in outcome) return outcome.response;
    const { comparison, etag, periodName, publishedAt } = outcome;
    const workbook = await writeComparisonXlsx(comparison, { periodName, publishedAt });
    return xlsxResponse(new Uint8Array(workbook), etag, comparisonFileName(comparison, "xlsx"));
  });
}

export function OPTIONS() {
  return preflightResponse();
}
