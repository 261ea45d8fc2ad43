import type { Actor } from "@/lib/auth/actor";
import { compareCodes } from "@/lib/domain/compare-codes";
import { can, unitScope } from "@/lib/review/permissions";
import { ASSESSMENT_STATUSES, type AssessmentStatus, type PeriodStatus, type ReviewState } from "@/lib/review/assessment-workflow";
import { currentClient } from "./transaction";

export type QueueUnit = {
  unitCode: string;
  unitName: string;
  groupCode: string;
  groupName: string;
  status: AssessmentStatus;
  version: number;
  submittedAt: Date | null;
  approvedAt: Date | null;
  reopenedAt: Date | null;
  /** Leaves by review state; "pending" includes leaves without a row yet (survey leaves). */
  items: Record<ReviewState, number> & { total: number };
};

export type QueuePeriod = {
  code: string;
  name: string;
  status: PeriodStatus;
  selfAssessmentDeadline: Date | null;
  appraisalDeadline: Date | null;
  unitsByStatus: Record<AssessmentStatus, number>;
  units: QueueUnit[];
};

// The council's order of work: what waits for it first, then what waits for the unit.
const QUEUE_ORDER: Record<AssessmentStatus, number> = {
  submitted: 0,
  in_appraisal: 1,
  returned: 2,
  in_progress: 3,
  not_started: 4,
  approved: 5,
};

/** Earliest submission first; never submitted last. */
function compareSubmitted(a: Date | null, b: Date | null): number {
  if (a && b) return a.getTime() - b.getTime();
  return a ? -1 : b ? 1 : 0;
}

/**
 * The units to appraise, per period being worked on (self-assessment, appraisal or approved; or
 * the one asked for): units in the order the council takes them — submitted first, earliest
 * submission first — with their items counted by review state. An officer sees only their unit.
 */
export async function loadAppraisalQueue(actor: Actor, args: { periodCode?: string | null } = {}): Promise<QueuePeriod[]> {
  if (!can(actor, "assessment.read")) return [];
  const scope = unitScope(actor);
  const prisma = currentClient();
  const periods = await prisma.period.findMany({
    where: args.periodCode ? { code: args.periodCode } : { status: { in: ["self_assessment", "appraisal", "approved"] } },
    orderBy: [{ year: "desc" }, { code: "asc" }],
    select: {
      id: true,
      code: true,
      name: true,
      status: true,
      criteriaSetId: true,
      selfAssessmentDeadline: true,
      appraisalDeadline: true,
      assessments: {
        where: scope ? { unitId: scope.unitId } : {},
        select: {
          id: true,
          status: true,
          version: true,
          submittedAt: true,
          approvedAt: true,
          reopenedAt: true,
          unit: { select: { code: true, name: true } },
          group: { select: { code: true, name: true } },
        },
      },
    },
  });
  if (periods.length === 0) return [];
  const assessmentIds = periods.flatMap((period) => period.assessments.map((assessment) => assessment.id));
  const setIds = [...new Set(periods.map((period) => period.criteriaSetId))];
  const [states, leafCounts] = await Promise.all([
    prisma.criterionScore.groupBy({
      by: ["assessmentId", "reviewState"],
      where: { assessmentId: { in: assessmentIds }, criterion: { children: { none: {} } } },
      _count: { _all: true },
    }),
    prisma.criterion.groupBy({ by: ["criteriaSetId"], where: { criteriaSetId: { in: setIds }, children: { none: {} } }, _count: { _all: true } }),
  ]);
  const leavesOfSet = new Map(leafCounts.map((row) => [row.criteriaSetId, row._count._all]));
  const countsOf = new Map<string, Map<ReviewState, number>>();
  for (const row of states) {
    const counts = countsOf.get(row.assessmentId) ?? new Map<ReviewState, number>();
    counts.set(row.reviewState as ReviewState, row._count._all);
    countsOf.set(row.assessmentId, counts);
  }

  return periods.map((period) => {
    const total = leavesOfSet.get(period.criteriaSetId) ?? 0;
    const units: QueueUnit[] = period.assessments.map((assessment) => {
      const counts = countsOf.get(assessment.id) ?? new Map<ReviewState, number>();
      const decidedOrWaiting = (["accepted", "adjusted", "returned", "explained"] as const).reduce((sum, state) => sum + (counts.get(state) ?? 0), 0);
      return {
        unitCode: assessment.unit.code,
        unitName: assessment.unit.name,
        groupCode: assessment.group.code,
        groupName: assessment.group.name,
        status: assessment.status as AssessmentStatus,
        version: assessment.version,
        submittedAt: assessment.submittedAt,
        approvedAt: assessment.approvedAt,
        reopenedAt: assessment.reopenedAt,
        items: {
          total,
          pending: total - decidedOrWaiting,
          accepted: counts.get("accepted") ?? 0,
          adjusted: counts.get("adjusted") ?? 0,
          returned: counts.get("returned") ?? 0,
          explained: counts.get("explained") ?? 0,
        },
      };
    });
    units.sort(
      (a, b) =>
        QUEUE_ORDER[a.status] - QUEUE_ORDER[b.status] ||
        compareSubmitted(a.submittedAt, b.submittedAt) ||
        compareCodes(a.unitCode, b.unitCode),
    );
    const unitsByStatus = Object.fromEntries(ASSESSMENT_STATUSES.map((status) => [status, 0])) as Record<AssessmentStatus, number>;
    for (const unit of units) unitsByStatus[unit.status] += 1;
    return {
      code: period.code,
      name: period.name,
      status: period.status as PeriodStatus,
      selfAssessmentDeadline: period.selfAssessmentDeadline,
      appraisalDeadline: period.appraisalDeadline,
      unitsByStatus,
      units,
    };
  });
}
