import { describe, expect, it } from "vitest";
import {
  ASSESSMENT_STATUSES,
  assessmentEventsBetween,
  assessmentStatusAfterDecision,
  assessmentTransition,
  claimWindow,
  decisionsFor,
  isPeriodFrozen,
  itemEventsBetween,
  PERIOD_STATUSES,
  periodMove,
  REVIEW_STATES,
  reviewStateAfterClaimRevision,
  type AssessmentStatus,
  type PeriodStatus,
  type ReviewState,
} from "@/lib/review/assessment-workflow";

// The expected tables are written out in full, independently of the module's data, so a change
// to an allowed move shows up here as a failing pair.

const PERIOD_ALLOWED: Record<string, string> = {
  "draft→self_assessment": "transition",
  "self_assessment→appraisal": "transition",
  "appraisal→approved": "transition",
  "approved→appraisal": "transition",
  "approved→published": "publish",
};

const ASSESSMENT_ALLOWED: Record<string, string[]> = {
  "not_started→submitted": ["submit"],
  "in_progress→submitted": ["submit"],
  "returned→submitted": ["resubmit"],
  "submitted→in_appraisal": ["start_appraisal"],
  "in_appraisal→returned": ["return"],
  "submitted→approved": ["approve"],
  "in_appraisal→approved": ["approve"],
  "not_started→in_progress": ["reopen"],
  "in_progress→in_progress": ["reopen"],
  "submitted→in_progress": ["reopen"],
  "in_appraisal→in_progress": ["reopen"],
  "returned→in_progress": ["reopen"],
  "approved→in_progress": ["reopen"],
};

const ITEM_ALLOWED: Record<string, string[]> = {
  "pending→accepted": ["accept"],
  "pending→adjusted": ["adjust"],
  "pending→returned": ["return"],
  "returned→explained": ["explain"],
  "explained→accepted": ["accept"],
  "explained→adjusted": ["adjust"],
  "explained→returned": ["return"],
  "accepted→accepted": ["accept"],
  "accepted→adjusted": ["adjust"],
  "accepted→returned": ["return"],
  "adjusted→accepted": ["accept"],
  "adjusted→adjusted": ["adjust"],
  "adjusted→returned": ["return"],
  "accepted→pending": ["claim_revised"],
  "adjusted→pending": ["claim_revised"],
};

function pairs<T extends string>(states: readonly T[]): [T, T][] {
  return states.flatMap((from) => states.map((to) => [from, to] as [T, T]));
}

describe("period states", () => {
  it.each(pairs<PeriodStatus>(PERIOD_STATUSES))("%s → %s", (from, to) => {
    expect(periodMove(from, to)).toBe(PERIOD_ALLOWED[`${from}→${to}`] ?? null);
  });

  it("only a published period is frozen", () => {
    expect(PERIOD_STATUSES.filter(isPeriodFrozen)).toEqual(["published"]);
  });
});

describe("assessment states", () => {
  it.each(pairs<AssessmentStatus>(ASSESSMENT_STATUSES))("%s → %s", (from, to) => {
    expect(assessmentEventsBetween(from, to)).toEqual(ASSESSMENT_ALLOWED[`${from}→${to}`] ?? []);
  });

  it("an event from a state it does not leave gives nothing", () => {
    expect(assessmentTransition("submitted", "submit")).toBeNull();
    expect(assessmentTransition("approved", "return")).toBeNull();
    expect(assessmentTransition("returned", "approve")).toBeNull();
  });

  it.each<[AssessmentStatus, "accept" | "adjust" | "return", AssessmentStatus | null]>([
    ["submitted", "accept", "in_appraisal"],
    ["submitted", "adjust", "in_appraisal"],
    ["submitted", "return", "returned"],
    ["in_appraisal", "accept", "in_appraisal"],
    ["in_appraisal", "return", "returned"],
    ["returned", "accept", "returned"],
    ["returned", "return", "returned"],
    ["not_started", "accept", null],
    ["in_progress", "return", null],
    ["approved", "adjust", null],
  ])("a council decision on a %s unit (%s) leaves it %s", (status, decision, expected) => {
    expect(assessmentStatusAfterDecision(status, decision)).toBe(expected);
  });
});

describe("review states of one leaf", () => {
  it.each(pairs<ReviewState>(REVIEW_STATES))("%s → %s", (from, to) => {
    expect(itemEventsBetween(from, to)).toEqual(ITEM_ALLOWED[`${from}→${to}`] ?? []);
  });

  it("a revised claim sends a decided item back to the council and leaves the others alone", () => {
    expect(REVIEW_STATES.map(reviewStateAfterClaimRevision)).toEqual(["pending", "pending", "pending", "returned", "explained"]);
  });

  it("offers the council only what it may do", () => {
    expect(decisionsFor({ state: "pending", method: "appraisal", answered: true })).toEqual(["accept", "adjust", "return"]);
    expect(decisionsFor({ state: "pending", method: "appraisal", answered: false })).toEqual(["adjust", "return"]);
    expect(decisionsFor({ state: "pending", method: "survey", answered: false })).toEqual(["adjust"]);
    expect(decisionsFor({ state: "returned", method: "appraisal", answered: true })).toEqual([]);
  });
});

describe("when an officer may change claims", () => {
  const base = {
    periodStatus: "self_assessment" as PeriodStatus,
    assessmentStatus: "in_progress" as AssessmentStatus,
    reopenedAt: null as Date | null,
    opensAt: new Date("2026-01-05T00:00:00Z"),
    deadline: new Date("2026-02-20T00:00:00Z"),
    now: new Date("2026-01-20T00:00:00Z"),
  };

  it.each<[string, Partial<typeof base>, string]>([
    ["within the window", {}, "open"],
    ["before the opening", { now: new Date("2026-01-04T00:00:00Z") }, "closed"],
    ["after the deadline", { now: new Date("2026-02-21T00:00:00Z") }, "closed"],
    ["after the deadline, reopened", { now: new Date("2026-02-21T00:00:00Z"), reopenedAt: new Date("2026-02-21T00:00:00Z") }, "open"],
    ["in appraisal", { periodStatus: "appraisal" }, "closed"],
    ["in appraisal, reopened", { periodStatus: "appraisal", reopenedAt: new Date() }, "open"],
    ["approved period, reopened", { periodStatus: "approved", reopenedAt: new Date() }, "closed"],
    ["published", { periodStatus: "published", reopenedAt: new Date() }, "published"],
    ["submitted", { assessmentStatus: "submitted" }, "not_editable"],
    ["returned", { assessmentStatus: "returned" }, "not_editable"],
    ["not started", { assessmentStatus: "not_started" }, "open"],
  ])("%s", (_label, change, expected) => {
    expect(claimWindow({ ...base, ...change })).toBe(expected);
  });
});
