"use server";

import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { NOT_SIGNED_IN } from "@/lib/auth/not-signed-in";
import { actionFailure, actionOk, type ActionResult } from "@/lib/domain/action-result";
import { reviewFlaggedSipasResponses } from "@/lib/services/review-flagged-sipas-response";

/** Home affairs accepts (counts) or rejects (never counts) the chosen flagged responses, all or none. */
export async function reviewFlaggedSipasResponsesAction(
  target: { periodCode: string; decision: "accept" | "reject" },
  responseIds: string[],
): Promise<ActionResult<{ reviewed: number }>> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    const result = await reviewFlaggedSipasResponses(user, { periodCode: target?.periodCode, decision: target?.decision, responseIds });
    revalidatePath("/[locale]/console", "layout");
    return actionOk(result);
  } catch (error) {
    return actionFailure(error);
  }
}
