import { getPublishedSipas } from "@/lib/data/published-sipas";
import { toSipasJson, type SipasJson } from "@/lib/results-package/sipas-json";
import { apiError, type ApiContext } from "./public-api-http";
import { resolvePeriodGroup } from "./resolve-period-group";
import { notModifiedFor, tableEtag, type TableRepresentation } from "./table-validator";

const SIPAS_REPRESENTATION_REVISION = "1";

export type SipasOutcome = { response: Response } | { sipas: SipasJson; etag: string; groupName: string; publishedAt: Date };

/**
 * The part the JSON, CSV and XLSX SIPAS figures share: the period and group exactly as for the
 * rankings (same parameters, same errors), the figures, and the conditional request. A group of a
 * period that published no SIPAS figures is an empty table, not an error: the group exists.
 */
export async function resolveSipas(context: ApiContext, periodParameter: string, representation: TableRepresentation): Promise<SipasOutcome> {
  const resolved = await resolvePeriodGroup(context, periodParameter);
  if ("response" in resolved) return resolved;
  const { target, group } = resolved;

  const sipas = await getPublishedSipas(target.periodCode);
  // Unpublished between the two reads: answered as it now is.
  if (!sipas) return { response: apiError(context, 404, "period_not_found", context.t.periodNotFound(target.periodCode)) };
  const units = sipas.groups.find((candidate) => candidate.code === group.code)?.units ?? [];
  const json = toSipasJson(sipas.code, group.code, { smallSampleThreshold: sipas.smallSampleThreshold, elements: sipas.elements, units });

  const etag = tableEtag("sipas", SIPAS_REPRESENTATION_REVISION, representation, json);
  const notModified = notModifiedFor(context, etag);
  if (notModified) return { response: notModified };
  return { sipas: json, etag, groupName: group.name, publishedAt: sipas.publishedAt };
}
