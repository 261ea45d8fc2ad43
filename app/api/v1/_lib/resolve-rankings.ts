import { loadPublishedRankingRows } from "@/lib/data/public-api-rankings";
import { toRankingsJson, type RankingsJson } from "@/lib/results-package/rankings-json";
import { etagOf, matchesIfNoneMatch, notModifiedResponse, type ApiContext } from "./public-api-http";
import { resolvePeriodGroup } from "./resolve-period-group";

/**
 * Bump when the bytes served for one publication change (a new field, another CSV column): the
 * tags below name a publication, not the bytes, and must not match a body of an earlier format.
 */
const RANKINGS_REPRESENTATION_REVISION = "1";

export type RankingsRepresentation = "json" | "csv" | "xlsx";

export type RankingsOutcome =
  | { response: Response }
  | { rankings: RankingsJson; etag: string; groupName: string; publishedAt: Date };

/**
 * The part the JSON, CSV and XLSX rankings share: parameters, the published period, the group, and
 * the conditional request. A publication's snapshot rows never change, so its id is the validator
 * and a revalidation is answered 304 before a single row is read.
 */
export async function resolveRankings(context: ApiContext, periodParameter: string, representation: RankingsRepresentation): Promise<RankingsOutcome> {
  const resolved = await resolvePeriodGroup(context, periodParameter);
  if ("response" in resolved) return resolved;
  const { target, group } = resolved;

  // A workbook is a zip whose entries carry the time they were written, so two downloads of one
  // publication hold the same data in different bytes: a weak validator says exactly that.
  const tag = etagOf("rankings", RANKINGS_REPRESENTATION_REVISION, representation, target.publicationId, group.code);
  const etag = representation === "xlsx" ? `W/${tag}` : tag;
  if (matchesIfNoneMatch(context.request, etag)) return { response: notModifiedResponse(etag) };

  const rows = await loadPublishedRankingRows(target.publicationId, group.id);
  return { rankings: toRankingsJson(target.periodCode, group.code, rows), etag, groupName: group.name, publishedAt: target.publishedAt };
}
