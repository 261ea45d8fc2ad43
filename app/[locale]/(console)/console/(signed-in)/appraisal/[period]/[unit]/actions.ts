"use server";

import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { NOT_SIGNED_IN } from "@/lib/auth/not-signed-in";
import { actionFailure, actionOk, type ActionResult } from "@/lib/domain/action-result";
import { appraiseItem } from "@/lib/services/appraise-item";
import { acceptRemainingItems } from "@/lib/services/accept-remaining-items";
import { approveAssessment } from "@/lib/services/approve-assessment";
import type { AppraiseInput } from "@/components/console/council-leaf-review";

// Every action: the session read once; the service parses with its zod schema and checks the role.

export async function appraiseItemAction(target: { periodCode: string; unitCode: string }, input: AppraiseInput): Promise<ActionResult<{ version: number }>> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    const result = await appraiseItem(user, { ...input, periodCode: target.periodCode, unitCode: target.unitCode });
    revalidatePath("/[locale]/console", "layout");
    return actionOk({ version: result.itemVersion });
  } catch (error) {
    return actionFailure(error);
  }
}

export async function acceptRemainingItemsAction(target: { periodCode: string; unitCode: string; expectedAssessmentVersion: number }): Promise<ActionResult<{ accepted: number }>> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    const result = await acceptRemainingItems(user, target);
    revalidatePath("/[locale]/console", "layout");
    return actionOk({ accepted: result.accepted });
  } catch (error) {
    return actionFailure(error);
  }
}

export async function approveAssessmentAction(target: { periodCode: string; unitCode: string; expectedVersion: number }): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    await approveAssessment(user, target);
    revalidatePath("/[locale]/console", "layout");
    return actionOk(undefined);
  } catch (error) {
    return actionFailure(error);
  }
}
