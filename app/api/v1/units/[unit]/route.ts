import { firstParameterError, unitRequestSchema } from "@/lib/domain/public-api-query";
import { getPublicApiUnit } from "@/lib/data/public-api-unit";
import { apiError, jsonResponse, preflightResponse, servePublicApi } from "../../_lib/public-api-http";

// Every answer depends on the database and on the request's validators.
export const dynamic = "force-dynamic";

/** GET /api/v1/units/{unit} — a unit, its lineage and its result in every published period. */
export function GET(request: Request, { params }: { params: Promise<{ unit: string }> }) {
  return servePublicApi(request, async (context) => {
    const parsed = unitRequestSchema.safeParse(await params);
    if (!parsed.success) {
      const { parameter, problem } = firstParameterError(parsed.error);
      return apiError(context, 400, "invalid_parameter", context.t.invalidParameter(parameter, problem));
    }
    const unit = await getPublicApiUnit(parsed.data.unit);
    if (!unit) return apiError(context, 404, "unit_not_found", context.t.unitNotFound(parsed.data.unit));
    return jsonResponse(context, unit);
  });
}

export function OPTIONS() {
  return preflightResponse();
}
