import type { z } from "zod";
import { UseCaseError } from "@/lib/domain/use-case-error";
import { inputIssues, type InputIssue } from "@/lib/domain/setup-input";

/**
 * A home-affairs set-up action refused. `issues` lists bad fields of the form, each with its
 * path, so a page can show every message next to its field rather than one line at the top.
 */
export class SetupError<Code extends string> extends UseCaseError<Code> {
  constructor(
    code: Code,
    vi: string,
    en: string,
    readonly issues: InputIssue[] = [],
  ) {
    super(code, vi, en);
  }
}

/** Criteria set editor: create a version, edit nodes, map versions. */
export class CriteriaSetEditError extends SetupError<
  "invalid" | "not_found" | "exists" | "locked" | "scored" | "scores_above_max" | "too_deep" | "wrong_level"
> {}

/** A period's set-up: clone, settings, bands, units; and the criteria set check before it opens. */
export class PeriodSetupError extends SetupError<
  "invalid" | "not_found" | "exists" | "unknown_reference" | "published" | "wrong_state" | "stale" | "has_scores" | "dissolved" | "criteria_set_invalid"
> {}

/** Units and groups, with merges and splits. */
export class UnitSetupError extends SetupError<
  "invalid" | "not_found" | "exists" | "stale" | "code_published" | "dissolved" | "in_open_period" | "has_scores"
> {}

/** The zod failure of a set-up form as one error: every message joined, and each by its field. */
export function invalidInput<E extends Error>(
  ErrorClass: new (code: "invalid", vi: string, en: string, issues: InputIssue[]) => E,
  error: z.ZodError,
): E {
  const issues = inputIssues(error);
  const join = (pick: (issue: InputIssue) => string) => issues.map(pick).join("; ");
  return new ErrorClass("invalid", join((issue) => issue.vi), join((issue) => issue.en), issues);
}
