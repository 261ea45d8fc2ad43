import Decimal from "decimal.js";
import { buildTree } from "@/lib/scoring/criteria-tree";
import type { LeafScore } from "@/lib/scoring/compute-unit-score";
import type { PeriodResultsInput, PeriodUnitInput } from "@/lib/ranking/compute-period-results";
import type { TieBreakerKey } from "@/lib/ranking/rank-units";
import type { PreviousRank } from "@/lib/ranking/rank-change";
import type { Tx } from "./transaction";
import { getPrisma } from "./prisma";

export type PeriodScoring = {
  period: { id: string; code: string; name: string; status: string; previousPeriodId: string | null };
  input: PeriodResultsInput;
  /** Database ids by code, for writing the snapshot. */
  unitIds: Map<string, string>;
  groupIds: Map<string, string>;
  groupNames: Map<string, string>;
  /** The previous publication's displayed group means, for the displayed change. */
  previousMeanDisplay: Map<string, Decimal>;
};

function toDecimal(value: { toString(): string } | null): Decimal | null {
  return value === null ? null : new Decimal(value.toString());
}

/**
 * Everything the pure engine needs to compute a period from its current scores: the criteria
 * tree, each evaluated unit's appraised points, the bands and tie-breakers, and the previous
 * period's published ranks and group means for rank change.
 */
export async function loadPeriodScoring(periodCode: string, tx: Tx = getPrisma()): Promise<PeriodScoring | null> {
  const period = await tx.period.findUnique({
    where: { code: periodCode },
    select: {
      id: true,
      code: true,
      name: true,
      status: true,
      previousPeriodId: true,
      tieBreakers: true,
      bands: { select: { label: true, minIndex: true } },
      criteriaSet: {
        select: {
          criteria: {
            select: { code: true, name: true, maxPoints: true, method: true, order: true, parent: { select: { code: true } } },
          },
        },
      },
      assessments: {
        select: {
          unit: {
            select: {
              id: true,
              code: true,
              name: true,
              predecessorLinks: { select: { predecessor: { select: { code: true } } } },
            },
          },
          group: { select: { id: true, code: true, name: true, order: true } },
          scores: {
            select: {
              criterion: { select: { code: true } },
              appraisedPoints: true,
              notApplicable: true,
              selfPoints: true,
              appraisalReason: true,
            },
          },
        },
      },
    },
  });
  if (!period) return null;

  const criteria = buildTree(
    period.criteriaSet.criteria.map((criterion) => ({
      code: criterion.code,
      parentCode: criterion.parent?.code ?? null,
      name: criterion.name,
      maxPoints: new Decimal(criterion.maxPoints.toString()),
      method: criterion.method,
      order: criterion.order,
    })),
  );

  let previous: PeriodResultsInput["previous"];
  const previousMeanDisplay = new Map<string, Decimal>();
  if (period.previousPeriodId) {
    const previousPublication = await tx.period.findUnique({
      where: { id: period.previousPeriodId },
      select: {
        currentPublication: {
          select: {
            results: { select: { unitCode: true, rank: true, group: { select: { code: true } } } },
            groupStats: { select: { mean: true, meanDisplay: true, group: { select: { code: true } } } },
          },
        },
      },
    });
    const publication = previousPublication?.currentPublication;
    if (publication) {
      const ranks: PreviousRank[] = publication.results.map((row) => ({
        unitCode: row.unitCode,
        groupCode: row.group.code,
        rank: row.rank,
      }));
      for (const stat of publication.groupStats) previousMeanDisplay.set(stat.group.code, new Decimal(stat.meanDisplay.toString()));
      previous = {
        ranks,
        groupMeans: new Map(publication.groupStats.map((stat) => [stat.group.code, new Decimal(stat.mean.toString())])),
      };
    }
  }
  const previouslyRanked = new Set(previous?.ranks.map((rank) => rank.unitCode) ?? []);

  // Groups in their configured order, so the publication lists them the same way every time.
  const assessments = [...period.assessments].sort(
    (a, b) => a.group.order - b.group.order || a.group.code.localeCompare(b.group.code) || a.unit.code.localeCompare(b.unit.code),
  );

  const units: PeriodUnitInput[] = assessments.map((assessment) => {
    const scores = new Map<string, LeafScore>();
    const selfScores = new Map<string, Decimal | null>();
    const reasons = new Map<string, string>();
    for (const score of assessment.scores) {
      const code = score.criterion.code;
      scores.set(code, { points: toDecimal(score.appraisedPoints), notApplicable: score.notApplicable });
      selfScores.set(code, toDecimal(score.selfPoints));
      if (score.appraisalReason) reasons.set(code, score.appraisalReason);
    }
    return {
      unitCode: assessment.unit.code,
      unitName: assessment.unit.name,
      groupCode: assessment.group.code,
      // Only a merge since the previous period breaks comparability; an older one does not.
      predecessors: assessment.unit.predecessorLinks
        .map((link) => link.predecessor.code)
        .filter((code) => code !== assessment.unit.code && previouslyRanked.has(code)),
      scores,
      selfScores,
      reasons,
    };
  });

  return {
    period: {
      id: period.id,
      code: period.code,
      name: period.name,
      status: period.status,
      previousPeriodId: period.previousPeriodId,
    },
    input: {
      criteria,
      tieBreakers: period.tieBreakers as TieBreakerKey[],
      bands: period.bands.map((band) => ({ label: band.label, minIndex: new Decimal(band.minIndex.toString()) })),
      units,
      previous,
    },
    unitIds: new Map(assessments.map((assessment) => [assessment.unit.code, assessment.unit.id])),
    groupIds: new Map(assessments.map((assessment) => [assessment.group.code, assessment.group.id])),
    groupNames: new Map(assessments.map((assessment) => [assessment.group.code, assessment.group.name])),
    previousMeanDisplay,
  };
}
