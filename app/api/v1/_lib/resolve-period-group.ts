import { firstParameterError, rankingsRequestSchema } from "@/lib/domain/public-api-query";
import { findPublishedRankingsTarget, type PublishedRankingsTarget } from "@/lib/data/public-api-rankings";
import { apiError, type ApiContext } from "./public-api-http";

export type PeriodGroupOutcome =
  | { response: Response }
  | { target: PublishedRankingsTarget; group: PublishedRankingsTarget["groups"][number] };

/**
 * `{period}` and `?group=` of a per-group table (rankings, SIPAS): the published period, and the
 * group, which may be left out only when the period has one, as in the CLI's `rankings`.
 */
export async function resolvePeriodGroup(context: ApiContext, periodParameter: string): Promise<PeriodGroupOutcome> {
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
  return { target, group };
}
