"use server";

import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { NOT_SIGNED_IN } from "@/lib/auth/not-signed-in";
import { actionFailure, actionOk, type ActionResult } from "@/lib/domain/action-result";
import { createCriteriaSetVersion } from "@/lib/services/create-criteria-set-version";

/** A copy of the set under a new code, to be edited instead of a set a published period used. */
export async function createCriteriaSetVersionAction(fromCode: string, values: Record<string, string>): Promise<ActionResult<{ href: string }>> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    const created = await createCriteriaSetVersion(user, { fromCode, newCode: values.newCode ?? "", name: values.name ?? "" });
    revalidatePath("/[locale]/console", "layout");
    return actionOk({ href: `/console/criteria-sets/${encodeURIComponent(created.code)}` });
  } catch (error) {
    return actionFailure(error);
  }
}
