"use server";

import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { NOT_SIGNED_IN } from "@/lib/auth/not-signed-in";
import { actionFailure, actionOk, type ActionResult } from "@/lib/domain/action-result";
import { invalidInputResult } from "@/lib/domain/invalid-input-result";
import { publishPeriodInput } from "@/lib/domain/publish-period-input";
import { transitionPeriod } from "@/lib/services/transition-period";
import { reopenAssessment } from "@/lib/services/reopen-assessment";
import { setPeriodBands, type PeriodBandsResult } from "@/lib/services/set-period-bands";
import type { SetPeriodBandsInput } from "@/lib/domain/period-setup-input";
import type { TieBreaker } from "@/lib/domain/results-package";
import { publishPeriod } from "@/lib/services/publish-period";
import { updatePeriodSettings } from "@/lib/services/update-period-settings";
import { setPeriodUnits } from "@/lib/services/set-period-units";
import { fromVietnamDateTimeLocal } from "@/lib/i18n/datetime-local-value";
import type { PeriodStatus } from "@/lib/review/assessment-workflow";
import type { z } from "zod";
import { publishErratumInput } from "@/lib/domain/period-workflow-input";
import { requiredText } from "@/lib/domain/workflow-error";
import { publishErratum } from "@/lib/services/publish-erratum";
import { periodConsoleMessagesFor } from "@/lib/i18n/period-console-messages";
import { issueLanguages } from "@/lib/domain/issue-languages";

export async function transitionPeriodAction(input: { periodCode: string; to: PeriodStatus; expectedStatus: PeriodStatus }): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    await transitionPeriod(user, input);
    revalidatePath("/[locale]/console", "layout");
    return actionOk(undefined);
  } catch (error) {
    return actionFailure(error);
  }
}

export async function reopenAssessmentAction(target: { periodCode: string; unitCode: string }, values: Record<string, string>): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    await reopenAssessment(user, { ...target, reason: values.reason ?? "" });
    revalidatePath("/[locale]/console", "layout");
    return actionOk(undefined);
  } catch (error) {
    return actionFailure(error);
  }
}

export async function publishPeriodAction(periodCode: string, values: Record<string, string>): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  const parsed = publishPeriodInput.safeParse({ periodCode, decisionNumber: values.decisionNumber, decisionDate: values.decisionDate });
  if (!parsed.success) return invalidInputResult(parsed.error);
  try {
    await publishPeriod({ periodCode: parsed.data.periodCode, actor: user, decisionNumber: parsed.data.decisionNumber, decisionDate: parsed.data.decisionDate });
    // Every public page may show this period now: home, league tables, units, API.
    revalidatePath("/[locale]", "layout");
    return actionOk(undefined);
  } catch (error) {
    return actionFailure(error);
  }
}

export async function updatePeriodSettingsAction(target: { periodCode: string; expectedUpdatedAt: string }, values: Record<string, string>): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    await updatePeriodSettings(user, {
      periodCode: target.periodCode,
      name: values.name,
      selfAssessmentOpensAt: fromVietnamDateTimeLocal(values.selfAssessmentOpensAt),
      selfAssessmentDeadline: fromVietnamDateTimeLocal(values.selfAssessmentDeadline),
      appraisalDeadline: fromVietnamDateTimeLocal(values.appraisalDeadline),
      expectedUpdatedAt: target.expectedUpdatedAt,
    });
    revalidatePath("/[locale]/console", "layout");
    return actionOk(undefined);
  } catch (error) {
    return actionFailure(error);
  }
}

/** The period's tie-breakers in order and whether self-assessed points are published; name and dates stay. */
export async function updateTieBreakersAction(
  target: { periodCode: string; expectedUpdatedAt: string },
  values: { tieBreakers: TieBreaker[]; publishSelfPoints: boolean },
): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    await updatePeriodSettings(user, {
      periodCode: target.periodCode,
      tieBreakers: values.tieBreakers,
      publishSelfPoints: values.publishSelfPoints,
      expectedUpdatedAt: target.expectedUpdatedAt,
    });
    revalidatePath("/[locale]/console", "layout");
    return actionOk(undefined);
  } catch (error) {
    return actionFailure(error);
  }
}

/** Replaces the period's bands; answers them as saved (ordered, thresholds as stated) and the notice for units under every band. */
export async function setPeriodBandsAction(
  periodCode: string,
  bands: SetPeriodBandsInput["bands"],
): Promise<ActionResult<{ notice: PeriodBandsResult["notice"]; bandRows: PeriodBandsResult["bandRows"] }>> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    const saved = await setPeriodBands(user, { periodCode, bands });
    revalidatePath("/[locale]/console", "layout");
    return actionOk({ notice: saved.notice, bandRows: saved.bandRows });
  } catch (error) {
    return actionFailure(error);
  }
}

export async function setPeriodUnitsAction(periodCode: string, units: { unitCode: string; groupCode: string }[]): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    await setPeriodUnits(user, { periodCode, units });
    revalidatePath("/[locale]/console", "layout");
    return actionOk(undefined);
  } catch (error) {
    return actionFailure(error);
  }
}

/** One line of the erratum form as typed: points as text (decimal comma accepted), ignored when not applicable. */
type ErratumLine = { unitCode: string; criterionCode: string; points: string; notApplicable: boolean; reason: string };

export async function publishErratumAction(periodCode: string, input: { reason: string; corrections: ErratumLine[] }): Promise<ActionResult<{ version: number }>> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  const lines: Partial<ErratumLine>[] = Array.isArray(input?.corrections) ? input.corrections : [];
  const command = {
    periodCode,
    reason: input?.reason,
    corrections: lines.map((line) => ({
      unitCode: line?.unitCode,
      criterionCode: line?.criterionCode,
      notApplicable: line?.notApplicable === true,
      points: line?.notApplicable !== true && typeof line?.points === "string" && line.points.trim() ? line.points : null,
      reason: line?.reason,
    })),
  };
  // Checked here as well as in the service so that each refusal names its line of the form.
  const parsed = publishErratumInput.safeParse(command);
  if (!parsed.success) return erratumLinesRefused(parsed.error);
  try {
    const result = await publishErratum(user, parsed.data);
    // The corrected figures replace the old ones on every public page: league tables, units, methodology, API.
    revalidatePath("/[locale]", "layout");
    return actionOk({ version: result.version });
  } catch (error) {
    return withLineKeys(actionFailure(error), parsed.data.corrections);
  }
}

const erratumText = { vi: periodConsoleMessagesFor("vi"), en: periodConsoleMessagesFor("en") };

/** A schema refusal, each issue keyed by its line ("corrections.2") or "reason" for the erratum's own reason. */
function erratumLinesRefused(error: z.ZodError): ActionResult<never> {
  const problems = error.issues.map((issue) => {
    const [first, position, field] = issue.path;
    const line = first === "corrections" && typeof position === "number";
    const key = line ? `corrections.${position}` : first === "reason" ? "reason" : null;
    if (issue.message === "reason_required") {
      const required = requiredText("reason_required");
      return { key, code: required.code, vi: required.vi, en: required.en };
    }
    if (line && (field === "unitCode" || field === "criterionCode")) {
      const choose = field === "unitCode" ? "erratumChooseUnit" : "erratumChooseCriterion";
      return { key, code: "invalid", vi: erratumText.vi[choose], en: erratumText.en[choose] };
    }
    return { key, code: "invalid", ...issueLanguages(issue) };
  });
  return { ok: false, code: "invalid", vi: erratumText.vi.erratumRowsInvalid, en: erratumText.en.erratumRowsInvalid, problems };
}

/**
 * The service names a refused correction by its leaf code, with the unit in its message
 * ("a: Criterion 2.1 …", "No leaf 2.1 of unit a …"): turned into the form's line, so the message
 * sits next to the line it is about even when two units' same leaf are corrected together.
 */
function withLineKeys<T>(result: ActionResult<T>, lines: { unitCode: string; criterionCode: string }[]): ActionResult<T> {
  if (result.ok || !result.problems) return result;
  const problems = result.problems.map((problem) => {
    const candidates = lines.flatMap((line, position) => (line.criterionCode === problem.key ? [{ line, position }] : []));
    const named = candidates.find(({ line }) => problem.en.startsWith(`${line.unitCode}: `) || problem.en.includes(` unit ${line.unitCode} `));
    const found = named ?? (candidates.length === 1 ? candidates[0] : undefined);
    return found ? { ...problem, key: `corrections.${found.position}` } : problem;
  });
  return { ...result, problems };
}
