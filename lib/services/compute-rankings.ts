import { rankPeriod } from "@/lib/ranking/rank-period";
import { loadPeriodAggregates } from "@/lib/data/load-period-aggregates";
import { toRankingsJson, type RankingsJson } from "@/lib/results-package/rankings-json";
import { UseCaseError } from "@/lib/domain/use-case-error";

export class ComputeRankingsError extends UseCaseError<"not_found" | "group_required" | "unknown_group"> {}

/**
 * A period's ranking computed from its current scores, published or not (the CLI's `rankings`),
 * in the rankings API's JSON shape. Reads only.
 */
export async function computeRankings(periodCode: string, groupCode: string | null): Promise<RankingsJson> {
  const scoring = await loadPeriodAggregates(periodCode);
  if (!scoring) {
    throw new ComputeRankingsError("not_found", `Không có kỳ đánh giá "${periodCode}".`, `No period "${periodCode}".`);
  }
  const groups = [...scoring.groupIds.keys()];
  let group = groupCode;
  if (!group) {
    if (groups.length !== 1) {
      throw new ComputeRankingsError(
        "group_required",
        `Kỳ này có ${groups.length} khối (${groups.join(", ")}): hãy chọn --group.`,
        `This period has ${groups.length} groups (${groups.join(", ")}): choose one with --group.`,
      );
    }
    group = groups[0]!;
  }
  if (!scoring.groupIds.has(group)) {
    throw new ComputeRankingsError(
      "unknown_group",
      `Kỳ "${periodCode}" không có khối "${group}" (có: ${groups.join(", ")}).`,
      `Period "${periodCode}" has no group "${group}" (it has: ${groups.join(", ")}).`,
    );
  }
  const selected = group;
  const results = rankPeriod({
    ...scoring.input,
    units: scoring.input.units.filter((unit) => unit.groupCode === selected),
  });
  const rows = results.groups[0]?.rows ?? [];
  return toRankingsJson(
    periodCode,
    selected,
    rows.map((row) => ({
      rank: row.rank,
      rankChange: row.rankChange,
      unitCode: row.unitCode,
      unitName: row.unitName,
      total: row.total,
      applicableMax: row.applicableMax,
      index: row.indexRounded4,
      band: row.band,
      fields: row.fields.map((field) => ({ code: field.code, name: field.name, points: field.points, maxPoints: field.maxPoints })),
    })),
  );
}
