import type { Tx } from "./transaction";

export async function findPeriodInputRefs(
  tx: Tx,
  refs: { periodCode: string; criteriaSetCode: string; previousPeriodCode: string | null; unitCodes: string[]; groupCodes: string[] },
) {
  // One transaction is one connection: its queries run one after another.
  const existing = await tx.period.findUnique({ where: { code: refs.periodCode }, select: { id: true } });
  const criteriaSet = await tx.criteriaSet.findUnique({ where: { code: refs.criteriaSetCode }, select: { id: true } });
  const previous = refs.previousPeriodCode
    ? await tx.period.findUnique({ where: { code: refs.previousPeriodCode }, select: { id: true } })
    : null;
  const units = await tx.unit.findMany({ where: { code: { in: refs.unitCodes } }, select: { id: true, code: true } });
  const groups = await tx.unitGroup.findMany({ where: { code: { in: refs.groupCodes } }, select: { id: true, code: true } });
  return {
    periodExists: Boolean(existing),
    criteriaSetId: criteriaSet?.id ?? null,
    previousPeriodId: previous?.id ?? null,
    unitIds: new Map(units.map((unit) => [unit.code, unit.id])),
    groupIds: new Map(groups.map((group) => [group.code, group.id])),
  };
}

export async function insertPeriod(
  tx: Tx,
  data: {
    code: string;
    year: number;
    name: string;
    authorityId: string;
    criteriaSetId: string;
    previousPeriodId: string | null;
    previousPeriodCode: string | null;
    status: "draft" | "self_assessment";
    tieBreakers: ("appraisalPoints" | "surveyPoints")[];
    selfAssessmentOpensAt: Date | null;
    selfAssessmentDeadline: Date | null;
    appraisalDeadline: Date | null;
    illustrative: boolean;
    bands: { label: string; minIndex: string }[];
    assessments: { unitId: string; groupId: string }[];
  },
): Promise<{ id: string }> {
  const { bands, assessments, ...period } = data;
  return tx.period.create({
    data: {
      ...period,
      bands: { createMany: { data: bands } },
      assessments: { createMany: { data: assessments } },
    },
    select: { id: true },
  });
}
