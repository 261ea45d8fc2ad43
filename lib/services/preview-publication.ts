import { rankPeriod } from "@/lib/ranking/rank-period";
import { loadPeriodAggregates } from "@/lib/data/load-period-aggregates";
import { findSipasPublicationBlock } from "@/lib/data/period-publication-state";
import { describeSipasPublicationBlock } from "@/lib/i18n/sipas-publication-block";
import { currentClient } from "@/lib/data/transaction";
import { UseCaseError } from "@/lib/domain/use-case-error";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

export class PreviewPublicationError extends UseCaseError<"not_found"> {}

export type PublicationPreview = {
  /** Units with leaves still lacking appraised points: publication would refuse. */
  unscoredUnits: string[];
  /** Why SIPAS would make publication refuse (survey open, figures not computed or approved), or null. */
  sipasBlock: { vi: string; en: string } | null;
  groups: {
    groupCode: string;
    groupName: string;
    rows: { unitCode: string; unitName: string; rank: number; total: string; applicableMax: string; index: string; band: string | null; rankChange: number | null }[];
  }[];
};

/**
 * Every group's ranking as publishing now would store it, computed from the current scores by
 * the same engine and read the same way as the publication, without writing anything.
 */
export async function previewPublication(actor: Actor, periodCode: string): Promise<PublicationPreview> {
  assertCan(actor, "period.publish");
  const aggregates = await loadPeriodAggregates(periodCode);
  if (!aggregates) throw new PreviewPublicationError("not_found", `Không có kỳ đánh giá "${periodCode}".`, `No period "${periodCode}".`);
  const ranking = rankPeriod(aggregates.input);
  return {
    unscoredUnits: aggregates.unscoredUnits,
    sipasBlock: await sipasBlockText(aggregates.period.id),
    groups: ranking.groups.map((group) => ({
      groupCode: group.groupCode,
      groupName: aggregates.groupNames.get(group.groupCode) ?? group.groupCode,
      rows: group.rows.map((row) => ({
        unitCode: row.unitCode,
        unitName: row.unitName,
        rank: row.rank,
        total: row.total.toFixed(),
        applicableMax: row.applicableMax.toFixed(),
        index: row.indexRounded4.toFixed(),
        band: row.band,
        rankChange: row.rankChange,
      })),
    })),
  };
}

async function sipasBlockText(periodId: string): Promise<{ vi: string; en: string } | null> {
  const block = await findSipasPublicationBlock(currentClient(), periodId);
  return block ? describeSipasPublicationBlock(block) : null;
}
