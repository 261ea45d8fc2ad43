import { criteriaSetProblems, type CriteriaSetProblem } from "@/lib/domain/criteria-set-problems";
import { criteriaSetNotFound } from "@/lib/domain/criteria-set-edit-rules";
import { PeriodSetupError } from "@/lib/domain/setup-error";
import { findCriteriaSet, loadCriteria, shareCriteriaSet, toCheckRows } from "@/lib/data/criteria-sets";
import { currentClient, type Tx } from "@/lib/data/transaction";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

/** The set's problems; an empty list means a period may open on it. */
export async function validateCriteriaSet(actor: Actor, code: string): Promise<{ code: string; problems: CriteriaSetProblem[] }> {
  assertCan(actor, "criteria_set.edit");
  const client = currentClient();
  const set = await findCriteriaSet(client, code.trim());
  if (!set) throw criteriaSetNotFound(code);
  return { code: set.code, problems: criteriaSetProblems(toCheckRows(await loadCriteria(client, set.id))) };
}

/**
 * For the period state change out of draft (or straight into self-assessment): refuses with
 * "criteria_set_invalid" and every problem when the set cannot be scored on. Call it inside the
 * transaction, after locking the period: the set's row is then shared so no edit slips in before
 * the period's change commits (editors lock the set's periods first, then the set).
 */
export async function assertCriteriaSetUsable(tx: Tx, criteriaSetId: string): Promise<void> {
  const set = await shareCriteriaSet(tx, criteriaSetId);
  if (!set) throw new PeriodSetupError("not_found", "Không tìm thấy bộ chỉ số của kỳ.", "The period's criteria set was not found.");
  const problems = criteriaSetProblems(toCheckRows(await loadCriteria(tx, criteriaSetId)));
  if (problems.length === 0) return;
  const shown = problems.slice(0, 5);
  const more = problems.length > shown.length ? problems.length - shown.length : 0;
  throw new PeriodSetupError(
    "criteria_set_invalid",
    `Bộ chỉ số "${set.code}" chưa dùng được: ${shown.map((problem) => problem.vi).join(" ")}${more ? ` (và ${more} lỗi khác)` : ""}`,
    `Criteria set "${set.code}" cannot be used yet: ${shown.map((problem) => problem.en).join(" ")}${more ? ` (and ${more} more)` : ""}`,
    problems.map((problem) => ({ path: problem.code ?? "", vi: problem.vi, en: problem.en })),
  );
}
