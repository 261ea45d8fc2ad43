import { firstParameterError, rankingsRequestSchema } from "@/lib/domain/public-api-query";
import { findPublishedRankingsTarget, loadPublishedRankingRows } from "@/lib/data/public-api-rankings";
import { toRankingsJson, type RankingsJson } from "@/lib/results-package/rankings-json";
import { apiError, etagOf, matchesIfNoneMatch, notModifiedResponse, type ApiContext } from "./public-api-http";

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
  const parsed = rankingsRequestSchema.safeParse({ period: periodParameter, group: context.url.searchParams.getAll("group") });
  if (!parsed.success) {
    const { parameter, problem } = firstParameterError(parsed.error);
    return { response: apiError(context, 400, "invalid_parameter", context.t.invalidParameter(parameter, problem)) };
  }
  const { period, group: groupCode } = parsed.data;

  const target = await findPublishedRankingsTarget(period);
  if (!target) return { response: apiError(context, 404, "period_not_found", context.t.periodNotFound(period)) };

  const codes = target.groups.map((group) => group.code);
  let group = target.groups[0];
  if (groupCode === undefined) {
    // As the CLI's `rankings`: the group may be left out only when there is no choice to make.
    if (target.groups.length !== 1) {
      return { response: apiError(context, 400, "group_required", context.t.groupRequired(target.periodCode, codes)) };
    }
  } else {
    group = target.groups.find((candidate) => candidate.code === groupCode);
    if (!group) {
      return { response: apiError(context, 404, "group_not_found", context.t.groupNotFound(target.periodCode, groupCode, codes)) };
    }
  }
  if (!group) throw new Error(`Published period ${target.periodCode} has no group`);

  // A workbook is a zip whose entries carry the time they were written, so two downloads of one
  // publication hold the same data in different bytes: a weak validator says exactly that.
  const tag = etagOf("rankings", RANKINGS_REPRESENTATION_REVISION, representation, target.publicationId, group.code);
  const etag = representation === "xlsx" ? `W/${tag}` : tag;
  if (matchesIfNoneMatch(context.request, etag)) return { response: notModifiedResponse(etag) };

  const rows = await loadPublishedRankingRows(target.publicationId, group.id);
  return { rankings: toRankingsJson(target.periodCode, group.code, rows), etag, groupName: group.name, publishedAt: target.publishedAt };
}
