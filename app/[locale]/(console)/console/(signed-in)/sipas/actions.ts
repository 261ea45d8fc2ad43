"use server";

import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { NOT_SIGNED_IN } from "@/lib/auth/not-signed-in";
import { actionFailure, actionOk, type ActionResult } from "@/lib/domain/action-result";
import { createSipasSurvey } from "@/lib/services/create-sipas-survey";

/** Home affairs gives a period its questionnaire, from the default or last year's; answers where it is edited. */
export async function createSipasSurveyAction(input: { periodCode: string; from: "default" | "previous" }): Promise<ActionResult<{ href: string }>> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    const created = await createSipasSurvey(user, { periodCode: input?.periodCode, from: input?.from });
    revalidatePath("/[locale]/console", "layout");
    return actionOk({ href: `/console/sipas/${encodeURIComponent(created.periodCode)}` });
  } catch (error) {
    return actionFailure(error);
  }
}
