import { CriteriaSetEditError } from "@/lib/domain/setup-error";
import { summarizeScoringRule } from "@/lib/domain/scoring-rule-summary";
import type { CriteriaSetProblem } from "@/lib/domain/criteria-set-problems";

export type CriteriaSetLockState = {
  code: string;
  lockedAt: Date | null;
  periods: readonly { code: string; status: string }[];
};

export type CriteriaSetLock = { reason: "locked" | "published_period" | "period_under_appraisal"; vi: string; en: string };

/** Once the council appraises against a tree, the tree stays as it was appraised. */
const APPRAISED_STATES = new Set(["appraisal", "approved"]);

/**
 * Why a set's tree may no longer change, or null when it may: it was locked when a period using
 * it was published, or a published period uses it (a set imported with a period that was then
 * published), or a period using it is being appraised or has been approved. Published results
 * must stay recomputable from the tree they were scored on, and the council's decisions from the
 * tree it decided on, so changes go into a new version of the set. While a period is still in
 * self-assessment home affairs may correct the tree (score writers share the set's row, so an
 * edit and a save never interleave).
 */
export function criteriaSetLock(set: CriteriaSetLockState): CriteriaSetLock | null {
  const published = set.periods.filter((period) => period.status === "published").map((period) => period.code);
  if (set.lockedAt !== null || published.length) {
    const periods = published.length ? ` (${published.join(", ")})` : "";
    return {
      reason: set.lockedAt !== null ? "locked" : "published_period",
      vi: `Bộ chỉ số "${set.code}" đã được dùng cho kỳ đánh giá đã công bố${periods} nên không sửa được. Hãy tạo phiên bản mới của bộ chỉ số rồi sửa phiên bản đó.`,
      en: `Criteria set "${set.code}" is used by a published period${periods} and can no longer be edited. Create a new version of the set and edit that one.`,
    };
  }
  const appraised = set.periods.filter((period) => APPRAISED_STATES.has(period.status)).map((period) => period.code);
  if (appraised.length) {
    return {
      reason: "period_under_appraisal",
      vi: `Bộ chỉ số "${set.code}" đang được dùng để thẩm định kỳ đánh giá (${appraised.join(", ")}) nên không sửa được. Hãy tạo phiên bản mới của bộ chỉ số rồi sửa phiên bản đó.`,
      en: `Criteria set "${set.code}" is being used to appraise a period (${appraised.join(", ")}) and can no longer be edited. Create a new version of the set and edit that one.`,
    };
  }
  return null;
}

/** The set's tree may change, or the use case stops here with "locked". */
export function assertCriteriaSetEditable(set: CriteriaSetLockState): void {
  const lock = criteriaSetLock(set);
  if (lock) throw new CriteriaSetEditError("locked", lock.vi, lock.en);
}

export function criteriaSetNotFound(code: string): CriteriaSetEditError {
  return new CriteriaSetEditError("not_found", `Không có bộ chỉ số "${code}".`, `No criteria set "${code}".`);
}

export function criterionNotFound(setCode: string, code: string): CriteriaSetEditError {
  return new CriteriaSetEditError(
    "not_found",
    `Bộ chỉ số "${setCode}" không có tiêu chí "${code}".`,
    `Criteria set "${setCode}" has no criterion "${code}".`,
  );
}

/** What every edit of a set's tree answers: the set's problems after the edit (an edit may leave some). */
export type CriteriaSetEditResult = { setCode: string; code: string; problems: CriteriaSetProblem[] };

/** A rule that gives more than its criterion's max is refused at once rather than reported later. */
export function ruleAboveMax(rule: unknown, maxPoints: string, code: string): CriteriaSetEditError | null {
  if (rule === null || rule === undefined || summarizeScoringRule(rule, maxPoints)?.type !== "invalid") return null;
  return new CriteriaSetEditError(
    "invalid",
    `Quy tắc chấm điểm của tiêu chí ${code} cho nhiều hơn điểm tối đa ${maxPoints}.`,
    `The scoring rule of criterion ${code} awards more than its max of ${maxPoints}.`,
    [{ path: "scoringRule", vi: `Quy tắc cho nhiều hơn điểm tối đa ${maxPoints}`, en: `The rule awards more than the max of ${maxPoints}` }],
  );
}

