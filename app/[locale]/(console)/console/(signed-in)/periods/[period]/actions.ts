"use server";

import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { NOT_SIGNED_IN } from "@/lib/auth/not-signed-in";
import { actionFailure, actionOk, type ActionResult } from "@/lib/domain/action-result";
import { invalidInputResult } from "@/lib/domain/invalid-input-result";
import { publishPeriodInput } from "@/lib/domain/publish-period-input";
import { transitionPeriod } from "@/lib/services/transition-period";
import { reopenAssessment } from "@/lib/services/reopen-assessment";
import { publishPeriod } from "@/lib/services/publish-period";
import { updatePeriodSettings } from "@/lib/services/update-period-settings";
import { setPeriodUnits } from "@/lib/services/set-period-units";
import { fromVietnamDateTimeLocal } from "@/lib/i18n/datetime-local-value";
import type { PeriodStatus } from "@/lib/review/assessment-workflow";

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
