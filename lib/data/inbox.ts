import type { UserActor } from "@/lib/auth/actor";
import { compareCodes } from "@/lib/domain/compare-codes";
import {
  APPRAISAL_OPEN_PERIOD_STATES,
  COUNCIL_DECISION_STATES,
  REOPEN_PERIOD_STATES,
} from "@/lib/review/assessment-workflow";
import { currentClient } from "./transaction";

/**
 * What waits for the user's action:
 * - unit officer (own unit only):
 *   - returned_items: items the council returned, awaiting an explanation (count: items);
 *   - ready_to_resubmit: every returned item explained, the unit not resubmitted yet (count 1);
 *   - self_assessment_due: the deadline is within 7 days and the unit has not submitted
 *     (count: appraisal leaves not answered yet);
 *   - assessment_reopened: home affairs reopened the unit, with `reason` (count 1);
 * - council (one item per unit, the first that applies):
 *   - explanations_to_review: explained items to decide again (count: items);
 *   - unit_submitted / unit_in_appraisal: units waiting for the council (count: items undecided);
 *   - appraisal_due: the appraisal deadline is within 7 days (count: units not approved);
 * - admin (per period):
 *   - self_assessment_due: deadline within 7 days (count: units not submitted);
 *   - appraisal_due: deadline within 7 days (count: units not approved);
 *   - all_units_approved: every unit approved, the period still in appraisal (count: units);
 *   - ready_to_publish: the period is approved (count: units).
 */
export type InboxItemKind =
  | "returned_items"
  | "ready_to_resubmit"
  | "self_assessment_due"
  | "assessment_reopened"
  | "explanations_to_review"
  | "unit_submitted"
  | "unit_in_appraisal"
  | "appraisal_due"
  | "all_units_approved"
  | "ready_to_publish";

export type InboxItem = {
  kind: InboxItemKind;
  periodCode: string;
  periodName: string;
  unitCode: string | null;
  unitName: string | null;
  dueAt: Date | null;
  count: number;
  /** Home affairs' reason, for assessment_reopened. */
  reason: string | null;
  /** The console page where the user acts on it. */
  href: string;
};

/** Deadlines this close are in the inbox. */
export const INBOX_HORIZON_MS = 7 * 24 * 60 * 60 * 1000;

const NOT_SUBMITTED = ["not_started", "in_progress"];
const WAITING_FOR_COUNCIL = ["submitted", "in_appraisal"];

const officerPath = (period: string, unit: string) => `/console/assessments/${encodeURIComponent(period)}/${encodeURIComponent(unit)}`;
const councilPath = (period: string, unit: string) => `/console/appraisal/${encodeURIComponent(period)}/${encodeURIComponent(unit)}`;
// The queue page has one section per period, with this id.
const councilPeriodPath = (period: string) => `/console/appraisal#queue-${encodeURIComponent(period)}`;
const adminPath = (period: string) => `/console/periods/${encodeURIComponent(period)}`;

/** The user's inbox, soonest deadline first. An officer's is confined to their own unit in the query. */
export async function loadInbox(actor: UserActor, now: Date): Promise<InboxItem[]> {
  const items =
    actor.role === "unit_officer"
      ? await officerItems(actor, now)
      : actor.role === "council"
        ? await councilItems(now)
        : await adminItems(now);
  return items.sort(
    (a, b) =>
      (a.dueAt?.getTime() ?? Number.POSITIVE_INFINITY) - (b.dueAt?.getTime() ?? Number.POSITIVE_INFINITY) ||
      compareCodes(a.periodCode, b.periodCode) ||
      compareCodes(a.unitCode ?? "", b.unitCode ?? "") ||
      compareCodes(a.kind, b.kind),
  );
}

/**
 * How many items loadInbox would list, for the navigation on every console page: the same rules
 * without counting each unit's items (the council's part is two counts over indexed columns).
 */
export async function countInbox(actor: UserActor, now: Date): Promise<number> {
  if (actor.role === "unit_officer") return (await officerItems(actor, now, { countLeaves: false })).length;
  if (actor.role === "admin") return (await adminItems(now)).length;
  const horizon = new Date(now.getTime() + INBOX_HORIZON_MS);
  const [units] = await currentClient().$queryRaw<{ count: number }[]>`
    select count(*)::int as count
    from "Assessment" a join "Period" p on p.id = a."periodId"
    where p.status::text = any(${[...APPRAISAL_OPEN_PERIOD_STATES]})
      and (a.status::text = any(${WAITING_FOR_COUNCIL})
        or (a.status::text = any(${[...COUNCIL_DECISION_STATES]})
          and exists (select 1 from "CriterionScore" s where s."assessmentId" = a.id and s."reviewState" = 'explained')))`;
  const [deadlines] = await currentClient().$queryRaw<{ count: number }[]>`
    select count(*)::int as count from "Period" p
    where p.status::text = any(${[...APPRAISAL_OPEN_PERIOD_STATES]})
      and p."appraisalDeadline" >= ${now} and p."appraisalDeadline" <= ${horizon}
      and exists (select 1 from "Assessment" a where a."periodId" = p.id and a.status <> 'approved')`;
  return units!.count + deadlines!.count;
}

async function officerItems(actor: UserActor, now: Date, options: { countLeaves: boolean } = { countLeaves: true }): Promise<InboxItem[]> {
  if (!actor.unitId) return [];
  const horizon = new Date(now.getTime() + INBOX_HORIZON_MS);
  // The unit is the officer's own, in the where clause: nothing of another unit is ever read.
  const rows = await currentClient().$queryRaw<
    {
      periodCode: string;
      periodName: string;
      periodStatus: string;
      deadline: Date | null;
      unitCode: string;
      unitName: string;
      status: string;
      reopenedAt: Date | null;
      reopenReason: string | null;
      returned: number;
      unanswered: number | null;
    }[]
  >`
    select p.code as "periodCode", p.name as "periodName", p.status::text as "periodStatus",
      p."selfAssessmentDeadline" as deadline, u.code as "unitCode", u.name as "unitName",
      a.status::text as status, a."reopenedAt", a."reopenReason",
      (select count(*)::int from "CriterionScore" s where s."assessmentId" = a.id and s."reviewState" = 'returned') as returned,
      case when ${options.countLeaves} then (
        select count(*)::int from "Criterion" c
        where c."criteriaSetId" = p."criteriaSetId" and c.method = 'appraisal'
          and not exists (select 1 from "Criterion" k where k."parentId" = c.id)
          and not exists (
            select 1 from "CriterionScore" s
            where s."assessmentId" = a.id and s."criterionId" = c.id and (s."selfPoints" is not null or s."selfNotApplicable"))
      ) end as unanswered
    from "Assessment" a
    join "Period" p on p.id = a."periodId"
    join "Unit" u on u.id = a."unitId"
    where a."unitId" = ${actor.unitId} and p.status::text = any(${[...APPRAISAL_OPEN_PERIOD_STATES]})`;

  const items: InboxItem[] = [];
  for (const row of rows) {
    const base = {
      periodCode: row.periodCode,
      periodName: row.periodName,
      unitCode: row.unitCode,
      unitName: row.unitName,
      reason: null,
      href: officerPath(row.periodCode, row.unitCode),
    };
    if (row.status === "returned") {
      items.push(
        row.returned > 0
          ? { ...base, kind: "returned_items", dueAt: null, count: row.returned }
          : { ...base, kind: "ready_to_resubmit", dueAt: null, count: 1 },
      );
    }
    const notSubmitted = NOT_SUBMITTED.includes(row.status);
    const reopened = notSubmitted && row.reopenedAt !== null && (REOPEN_PERIOD_STATES as readonly string[]).includes(row.periodStatus);
    if (reopened) {
      items.push({ ...base, kind: "assessment_reopened", dueAt: null, count: 1, reason: row.reopenReason });
    } else if (
      notSubmitted &&
      row.periodStatus === "self_assessment" &&
      row.deadline &&
      row.deadline >= now &&
      row.deadline <= horizon
    ) {
      items.push({ ...base, kind: "self_assessment_due", dueAt: row.deadline, count: row.unanswered ?? 0 });
    }
  }
  return items;
}

async function councilItems(now: Date): Promise<InboxItem[]> {
  const horizon = new Date(now.getTime() + INBOX_HORIZON_MS);
  const prisma = currentClient();
  const units = await prisma.$queryRaw<
    {
      periodCode: string;
      periodName: string;
      appraisalDeadline: Date | null;
      unitCode: string;
      unitName: string;
      status: string;
      explained: number;
      undecided: number;
    }[]
  >`
    with open_period as (
      select id, code, name, "appraisalDeadline", "criteriaSetId" from "Period"
      where status::text = any(${[...APPRAISAL_OPEN_PERIOD_STATES]})
    ), leaves as (
      select c."criteriaSetId", count(*)::int as total from "Criterion" c
      where c."criteriaSetId" in (select "criteriaSetId" from open_period)
        and not exists (select 1 from "Criterion" k where k."parentId" = c.id)
      group by c."criteriaSetId"
    )
    select p.code as "periodCode", p.name as "periodName", p."appraisalDeadline",
      u.code as "unitCode", u.name as "unitName", a.status::text as status,
      count(s.id) filter (where s."reviewState" = 'explained')::int as explained,
      (coalesce(max(l.total), 0) - count(s.id) filter (where s."reviewState" <> 'pending'))::int as undecided
    from "Assessment" a
    join open_period p on p.id = a."periodId"
    join "Unit" u on u.id = a."unitId"
    left join leaves l on l."criteriaSetId" = p."criteriaSetId"
    left join "CriterionScore" s on s."assessmentId" = a.id
    where a.status::text = any(${[...COUNCIL_DECISION_STATES]})
    group by a.id, p.code, p.name, p."appraisalDeadline", u.code, u.name`;

  const items: InboxItem[] = [];
  for (const row of units) {
    const base = {
      periodCode: row.periodCode,
      periodName: row.periodName,
      unitCode: row.unitCode,
      unitName: row.unitName,
      dueAt: row.appraisalDeadline,
      reason: null,
      href: councilPath(row.periodCode, row.unitCode),
    };
    if (row.explained > 0) items.push({ ...base, kind: "explanations_to_review", count: row.explained });
    else if (row.status === "submitted") items.push({ ...base, kind: "unit_submitted", count: row.undecided });
    else if (row.status === "in_appraisal") items.push({ ...base, kind: "unit_in_appraisal", count: row.undecided });
    // A returned unit without explanations waits for its officer, not for the council.
  }
  for (const period of await periodsByProgress()) {
    if (!(APPRAISAL_OPEN_PERIOD_STATES as readonly string[]).includes(period.status)) continue;
    if (dueWithin(period.appraisalDeadline, now, horizon) && period.notApproved > 0) {
      items.push({
        kind: "appraisal_due",
        periodCode: period.code,
        periodName: period.name,
        unitCode: null,
        unitName: null,
        dueAt: period.appraisalDeadline,
        count: period.notApproved,
        reason: null,
        href: councilPeriodPath(period.code),
      });
    }
  }
  return items;
}

async function adminItems(now: Date): Promise<InboxItem[]> {
  const horizon = new Date(now.getTime() + INBOX_HORIZON_MS);
  const items: InboxItem[] = [];
  for (const period of await periodsByProgress()) {
    const base = { periodCode: period.code, periodName: period.name, unitCode: null, unitName: null, reason: null, href: adminPath(period.code) };
    if (period.status === "self_assessment" && dueWithin(period.selfAssessmentDeadline, now, horizon) && period.notSubmitted > 0) {
      items.push({ ...base, kind: "self_assessment_due", dueAt: period.selfAssessmentDeadline, count: period.notSubmitted });
    }
    if (
      (APPRAISAL_OPEN_PERIOD_STATES as readonly string[]).includes(period.status) &&
      dueWithin(period.appraisalDeadline, now, horizon) &&
      period.notApproved > 0
    ) {
      items.push({ ...base, kind: "appraisal_due", dueAt: period.appraisalDeadline, count: period.notApproved });
    }
    if (period.status === "appraisal" && period.units > 0 && period.notApproved === 0) {
      items.push({ ...base, kind: "all_units_approved", dueAt: null, count: period.units });
    }
    if (period.status === "approved") {
      items.push({ ...base, kind: "ready_to_publish", dueAt: null, count: period.units });
    }
  }
  return items;
}

function dueWithin(deadline: Date | null, now: Date, horizon: Date): deadline is Date {
  return deadline !== null && deadline >= now && deadline <= horizon;
}

/** Every period being worked on, with its units counted by progress: one grouped query. */
async function periodsByProgress() {
  return currentClient().$queryRaw<
    {
      code: string;
      name: string;
      status: string;
      selfAssessmentDeadline: Date | null;
      appraisalDeadline: Date | null;
      units: number;
      notSubmitted: number;
      notApproved: number;
    }[]
  >`
    select p.code, p.name, p.status::text as status, p."selfAssessmentDeadline", p."appraisalDeadline",
      count(a.id)::int as units,
      count(a.id) filter (where a.status::text = any(${NOT_SUBMITTED}))::int as "notSubmitted",
      count(a.id) filter (where a.status <> 'approved')::int as "notApproved"
    from "Period" p left join "Assessment" a on a."periodId" = p.id
    where p.status in ('self_assessment', 'appraisal', 'approved')
    group by p.id`;
}
