import type { UserRoleName } from "@/lib/domain/user-input";
import { UseCaseError } from "@/lib/domain/use-case-error";

/**
 * Who may do what — the one place that answers it. Entrypoints still narrow every query to the
 * caller's unit in its where clause; this decides whether the action is open to the role at all.
 */
export type Action =
  | "period.open"
  | "period.publish"
  | "results_package.import"
  | "user.create"
  | "self_assessment.edit";

type Subject = { userId: string; role: UserRoleName; unitId: string | null } | { system: string };

const ROLE_ACTIONS: Record<UserRoleName, readonly Action[]> = {
  // Home affairs runs the period and publishes it.
  admin: ["period.open", "period.publish", "results_package.import", "user.create"],
  // The council reviews and approves; appraisal actions join this list with the console.
  council: [],
  // An officer works on their own unit's self-assessment only (the unit is checked too).
  unit_officer: ["self_assessment.edit"],
};

/** What an operator at the command line may do: everything home affairs may. */
const SYSTEM_ACTIONS: readonly Action[] = ROLE_ACTIONS.admin;

export class ForbiddenError extends UseCaseError<"forbidden"> {}

export function can(subject: Subject, action: Action, target: { unitId?: string | null } = {}): boolean {
  if ("system" in subject) return SYSTEM_ACTIONS.includes(action);
  if (!ROLE_ACTIONS[subject.role].includes(action)) return false;
  if (action === "self_assessment.edit") return Boolean(subject.unitId) && (target.unitId === undefined || target.unitId === subject.unitId);
  return true;
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
