// The yearly workflow as data: which states a period, a unit's assessment and one leaf's review
// may move between, and on whose action. Services ask these functions before writing; the pages
// ask them what to offer. Pure: no I/O, no clock (callers pass `now`).

export const PERIOD_STATUSES = ["draft", "self_assessment", "appraisal", "approved", "published"] as const;
export type PeriodStatus = (typeof PERIOD_STATUSES)[number];

export const ASSESSMENT_STATUSES = ["not_started", "in_progress", "submitted", "in_appraisal", "returned", "approved"] as const;
export type AssessmentStatus = (typeof ASSESSMENT_STATUSES)[number];

export const REVIEW_STATES = ["pending", "accepted", "adjusted", "returned", "explained"] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

type Role = "admin" | "council" | "unit_officer";

// ---------------------------------------------------------------------------------------------
// Period

/** "transition" is transitionPeriod (home affairs); "publish" only lib/services/publish-period.ts. */
export type PeriodMove = "transition" | "publish";

export const PERIOD_TRANSITIONS: readonly { from: PeriodStatus; to: PeriodStatus; via: PeriodMove }[] = [
  { from: "draft", to: "self_assessment", via: "transition" },
  // Units that have not submitted keep their state but can no longer edit, unless reopened.
  { from: "self_assessment", to: "appraisal", via: "transition" },
  // Only when every unit is approved.
  { from: "appraisal", to: "approved", via: "transition" },
  // Approval reopened before publication: the period goes back to appraisal so home affairs can
  // reopen a unit and the council appraise and approve it again. Units stay approved until then.
  { from: "approved", to: "appraisal", via: "transition" },
  // Publication computes and stores the results, so it has its own use case. A correction after
  // that (erratum) keeps the period published: it is a new publication version, not a transition.
  { from: "approved", to: "published", via: "publish" },
];

export function periodMove(from: PeriodStatus, to: PeriodStatus): PeriodMove | null {
  return PERIOD_TRANSITIONS.find((transition) => transition.from === from && transition.to === to)?.via ?? null;
}

/** Nothing of a published period changes except through an erratum. */
export function isPeriodFrozen(status: PeriodStatus): boolean {
  return status === "published";
}

/** The council appraises units as soon as they submit, also while others are still self-assessing. */
export const APPRAISAL_OPEN_PERIOD_STATES: readonly PeriodStatus[] = ["self_assessment", "appraisal"];

/** Home affairs reopens a unit only while units are being assessed (an approved period is moved back first). */
export const REOPEN_PERIOD_STATES: readonly PeriodStatus[] = ["self_assessment", "appraisal"];

// ---------------------------------------------------------------------------------------------
// Assessment (one unit in one period)

export type AssessmentEvent = "submit" | "resubmit" | "start_appraisal" | "return" | "approve" | "reopen";

export const ASSESSMENT_TRANSITIONS: readonly { event: AssessmentEvent; by: Role; from: readonly AssessmentStatus[]; to: AssessmentStatus }[] = [
  { event: "submit", by: "unit_officer", from: ["not_started", "in_progress"], to: "submitted" },
  // After explaining every returned item.
  { event: "resubmit", by: "unit_officer", from: ["returned"], to: "submitted" },
  // The council's first decision on a submitted unit.
  { event: "start_appraisal", by: "council", from: ["submitted"], to: "in_appraisal" },
  // The simplest sound rule: the unit is returned as soon as the council returns one item, and
  // stays returned (the council may go on deciding the other items) until the officer has
  // explained every returned item and resubmits. A return on a submitted unit passes through
  // in_appraisal in the same step (see assessmentStatusAfterDecision).
  { event: "return", by: "council", from: ["in_appraisal"], to: "returned" },
  { event: "approve", by: "council", from: ["submitted", "in_appraisal"], to: "approved" },
  // Before publication only, with a reason; lets the officer save and submit past the deadline.
  { event: "reopen", by: "admin", from: ASSESSMENT_STATUSES, to: "in_progress" },
];

export function assessmentTransition(from: AssessmentStatus, event: AssessmentEvent): AssessmentStatus | null {
  const transition = ASSESSMENT_TRANSITIONS.find((candidate) => candidate.event === event && candidate.from.includes(from));
  return transition?.to ?? null;
}

/** Every event that moves `from` to `to` (empty when the pair is forbidden). */
export function assessmentEventsBetween(from: AssessmentStatus, to: AssessmentStatus): AssessmentEvent[] {
  return ASSESSMENT_TRANSITIONS.filter((transition) => transition.to === to && transition.from.includes(from)).map((transition) => transition.event);
}

/** States in which the council may decide items of the unit. */
export const COUNCIL_DECISION_STATES: readonly AssessmentStatus[] = ["submitted", "in_appraisal", "returned"];

/** States in which it is the officer's turn: saving claims, explaining returned items. */
export const OFFICER_TURN_STATES: readonly AssessmentStatus[] = ["not_started", "in_progress", "returned"];

export type Decision = "accept" | "adjust" | "return";

/**
 * The unit's status after a council decision on one of its items, or null when the council may
 * not decide on the unit now (not submitted, or approved).
 */
export function assessmentStatusAfterDecision(status: AssessmentStatus, decision: Decision): AssessmentStatus | null {
  if (!COUNCIL_DECISION_STATES.includes(status)) return null;
  const started = status === "submitted" ? assessmentTransition(status, "start_appraisal")! : status;
  if (decision === "return" && started === "in_appraisal") return assessmentTransition(started, "return");
  return started;
}

/**
 * Whether the officer may change the unit's claims (save) or submit for the first time:
 * - never once published;
 * - while the period is in self-assessment, between its opening and its deadline;
 * - after home affairs reopened the unit: past the deadline, and also while the period is already
 *   in appraisal (that one unit is still being self-assessed; the others stay closed).
 * Only a unit not yet submitted may be edited: a returned unit answers through explanations.
 */
export function claimWindow(args: {
  periodStatus: PeriodStatus;
  assessmentStatus: AssessmentStatus;
  reopenedAt: Date | null;
  opensAt: Date | null;
  deadline: Date | null;
  now: Date;
}): "open" | "published" | "closed" | "not_editable" {
  if (isPeriodFrozen(args.periodStatus)) return "published";
  if (args.assessmentStatus !== "not_started" && args.assessmentStatus !== "in_progress") return "not_editable";
  if (args.reopenedAt && REOPEN_PERIOD_STATES.includes(args.periodStatus)) return "open";
  if (args.periodStatus !== "self_assessment") return "closed";
  if (args.opensAt && args.now < args.opensAt) return "closed";
  if (args.deadline && args.now > args.deadline) return "closed";
  return "open";
}

// ---------------------------------------------------------------------------------------------
// One leaf's review

export type ItemEvent = Decision | "explain" | "claim_revised";

const DECIDABLE: readonly ReviewState[] = ["pending", "explained", "accepted", "adjusted"];

export const ITEM_TRANSITIONS: readonly { event: ItemEvent; by: Role; from: readonly ReviewState[]; to: ReviewState }[] = [
  // The council decides any item not awaiting the officer's explanation, as long as the unit is
  // not approved (the unit-level check); it may change its mind until then.
  { event: "accept", by: "council", from: DECIDABLE, to: "accepted" },
  { event: "adjust", by: "council", from: DECIDABLE, to: "adjusted" },
  { event: "return", by: "council", from: DECIDABLE, to: "returned" },
  { event: "explain", by: "unit_officer", from: ["returned"], to: "explained" },
  // After a reopen the officer may change a claim the council already decided: the decision was
  // on the old claim, so the item goes back to the council (its earlier value is kept until then).
  { event: "claim_revised", by: "unit_officer", from: ["accepted", "adjusted"], to: "pending" },
];

export function itemTransition(from: ReviewState, event: ItemEvent): ReviewState | null {
  return ITEM_TRANSITIONS.find((transition) => transition.event === event && transition.from.includes(from))?.to ?? null;
}

export function itemEventsBetween(from: ReviewState, to: ReviewState): ItemEvent[] {
  return ITEM_TRANSITIONS.filter((transition) => transition.to === to && transition.from.includes(from)).map((transition) => transition.event);
}

/** The state after the officer changed a claim: unchanged unless the council had decided it. */
export function reviewStateAfterClaimRevision(state: ReviewState): ReviewState {
  return itemTransition(state, "claim_revised") ?? state;
}

/** A leaf counts as decided for approval when the council accepted or adjusted it. */
export function isItemDecided(state: ReviewState): boolean {
  return state === "accepted" || state === "adjusted";
}

/** What the council may decide on one leaf (survey leaves have no claim to accept or return). */
export function decisionsFor(args: { state: ReviewState; method: "appraisal" | "survey"; answered: boolean }): Decision[] {
  const decisions: Decision[] = [];
  for (const decision of ["accept", "adjust", "return"] as const) {
    if (!itemTransition(args.state, decision)) continue;
    if (args.method === "survey" && decision !== "adjust") continue;
    if (decision === "accept" && !args.answered) continue;
    decisions.push(decision);
  }
  return decisions;
}
