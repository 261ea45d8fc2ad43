import { firstParameterError, unitRequestSchema } from "@/lib/domain/public-api-query";
import { getPublishedUnitHistory } from "@/lib/data/published-unit-profile";
import { toUnitHistoryJson, type UnitHistoryJson } from "@/lib/results-package/unit-history-json";
import { apiError, type ApiContext } from "./public-api-http";
import { notModifiedFor, tableEtag, type TableRepresentation } from "./table-validator";

const UNIT_HISTORY_REPRESENTATION_REVISION = "1";

export type UnitHistoryOutcome = { response: Response } | { history: UnitHistoryJson; etag: string; lastPublishedAt: Date };

/**
 * The part the JSON, CSV and XLSX history of a unit share: the unit code (errors as for
 * `/api/v1/units/{unit}`), the rows the unit page lists, and the conditional request.
 */
export async function resolveUnitHistory(context: ApiContext, params: { unit: string }, representation: TableRepresentation): Promise<UnitHistoryOutcome> {
  const parsed = unitRequestSchema.safeParse(params);
  if (!parsed.success) {
    const { parameter, problem } = firstParameterError(parsed.error);
    return { response: apiError(context, 400, "invalid_parameter", context.t.invalidParameter(parameter, problem)) };
  }
  const found = await getPublishedUnitHistory(parsed.data.unit);
  if (!found) return { response: apiError(context, 404, "unit_not_found", context.t.unitNotFound(parsed.data.unit)) };
  const history = toUnitHistoryJson(found.unit, found.history, found.breaks);

  const etag = tableEtag("unit-history", UNIT_HISTORY_REPRESENTATION_REVISION, representation, history);
  const notModified = notModifiedFor(context, etag);
  if (notModified) return { response: notModified };
  return { history, etag, lastPublishedAt: found.lastPublishedAt };
}
