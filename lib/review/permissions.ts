import type { UserRoleName } from "@/lib/domain/user-input";
import { UseCaseError } from "@/lib/domain/use-case-error";

/**
 * Who may do what — the one place that answers it. Entrypoints still narrow every query to the
 * caller's unit in its where clause; this decides whether the action is open to the role at all,
 * and, for unit-bound actions, whether the target unit is the officer's own.
 */
export const ACTIONS = [
  // Home affairs (admin)
  "period.open",
  "period.edit",
  "period.transition",
  "period.publish",
  "assessment.reopen",
  "criteria_set.edit",
  "unit.edit",
  "results_package.import",
  "user.create",
  "user.manage",
  "audit.read",
  "sipas.edit",
  // Unit officer, own unit only
  "self_assessment.edit",
  "self_assessment.submit",
  "self_assessment.explain",
  "evidence.upload",
  // Appraisal council
  "appraisal.review",
  "appraisal.approve",
  "sipas.approve",
  // Several roles: reading the console's working data (never another unit's for an officer)
  "assessment.read",
  "evidence.read",
  "sipas.read",
] as const;

export type Action = (typeof ACTIONS)[number];

type Subject = { userId: string; role: UserRoleName; unitId: string | null } | { system: string };

const ROLE_ACTIONS: Record<UserRoleName, readonly Action[]> = {
  // Home affairs runs the period, its criteria, units and users, and publishes.
  admin: [
    "period.open",
    "period.edit",
    "period.transition",
    "period.publish",
    "assessment.reopen",
    "criteria_set.edit",
    "unit.edit",
    "results_package.import",
    "user.create",
    "user.manage",
    "audit.read",
    "sipas.edit",
    "assessment.read",
    "evidence.read",
    "sipas.read",
  ],
  // The council (and its secretariat) reviews every unit's self-assessment and approves it.
  // It also reviews and approves each unit's SIPAS figures; home affairs runs the survey itself.
  council: ["appraisal.review", "appraisal.approve", "sipas.approve", "assessment.read", "evidence.read", "sipas.read"],
  // An officer works on their own unit's self-assessment only.
  unit_officer: [
    "self_assessment.edit",
    "self_assessment.submit",
    "self_assessment.explain",
    "evidence.upload",
    "assessment.read",
    "evidence.read",
  ],
};

/** Actions whose target is one unit: an officer may only aim them at their own. */
const UNIT_BOUND: ReadonlySet<Action> = new Set([
  "self_assessment.edit",
  "self_assessment.submit",
  "self_assessment.explain",
  "evidence.upload",
  "assessment.read",
  "evidence.read",
]);

/** What an operator at the command line may do: everything home affairs may. */
const SYSTEM_ACTIONS: readonly Action[] = ROLE_ACTIONS.admin;

export class ForbiddenError extends UseCaseError<"forbidden"> {}

export function can(subject: Subject, action: Action, target: { unitId?: string | null } = {}): boolean {
  if ("system" in subject) return SYSTEM_ACTIONS.includes(action);
  if (!ROLE_ACTIONS[subject.role].includes(action)) return false;
  if (subject.role === "unit_officer" && UNIT_BOUND.has(action)) {
    return Boolean(subject.unitId) && (target.unitId === undefined || target.unitId === subject.unitId);
  }
  return true;
}

/**
 * The unit an actor's reads and writes are confined to: an officer's own unit, or null for roles
 * that see every unit. Data functions put it in the query's where clause.
 */
export function unitScope(subject: Subject): { unitId: string } | null {
  if ("system" in subject || subject.role !== "unit_officer") return null;
  // An officer without a unit may see nothing: an id no row has.
  return { unitId: subject.unitId ?? "\u0000no-unit" };
}

export function assertCan(subject: Subject, action: Action, target: { unitId?: string | null } = {}): void {
  if (!can(subject, action, target)) {
    throw new ForbiddenError(
      "forbidden",
      `Tài khoản của bạn không được phép thực hiện thao tác này (${action}).`,
      `Your account may not do this (${action}).`,
    );
  }
}
