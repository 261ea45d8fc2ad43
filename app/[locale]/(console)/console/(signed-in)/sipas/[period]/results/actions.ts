"use server";

import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { NOT_SIGNED_IN } from "@/lib/auth/not-signed-in";
import { actionFailure, actionOk, type ActionResult } from "@/lib/domain/action-result";
import { computeSipasResults } from "@/lib/services/compute-sipas-results";
import { approveSipasResults } from "@/lib/services/approve-sipas-result";
import { revokeSipasApproval } from "@/lib/services/revoke-sipas-approval";
import type { SipasResultsOutcome } from "@/lib/domain/sipas-result-input";

type ShownFigures = { unitCode: string; expectedIndex: string; expectedResponses: number };

export async function computeSipasResultsAction(periodCode: string): Promise<ActionResult<SipasResultsOutcome>> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    const summary = await computeSipasResults(user, { periodCode });
    revalidatePath("/[locale]/console", "layout");
    return actionOk({ kind: "recomputed", ...summary });
  } catch (error) {
    return actionFailure(error);
  }
}

/** One unit or all those shown, each with the figures the council's page showed. */
export async function approveSipasResultsAction(periodCode: string, units: ShownFigures[]): Promise<ActionResult<SipasResultsOutcome>> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    const approved = await approveSipasResults(user, { periodCode, units });
    revalidatePath("/[locale]/console", "layout");
    return actionOk({ kind: "approved", units: approved.map(({ unitName, applied, missing }) => ({ unitName, applied, missing })) });
  } catch (error) {
    return actionFailure(error);
  }
}

export async function revokeSipasApprovalAction(target: { periodCode: string; unitCode: string }, values: Record<string, string>): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    await revokeSipasApproval(user, { ...target, reason: values.reason ?? "" });
    revalidatePath("/[locale]/console", "layout");
    return actionOk(undefined);
  } catch (error) {
    return actionFailure(error);
  }
}
