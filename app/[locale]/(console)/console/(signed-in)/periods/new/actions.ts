"use server";

import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { NOT_SIGNED_IN } from "@/lib/auth/not-signed-in";
import { actionFailure, actionOk, type ActionResult } from "@/lib/domain/action-result";
import { clonePeriod } from "@/lib/services/clone-period";

export async function clonePeriodAction(values: Record<string, string>): Promise<ActionResult<{ href: string }>> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    const year = Number(values.year);
    const created = await clonePeriod(user, {
      fromPeriodCode: values.fromPeriodCode ?? "",
      code: values.code ?? "",
      year: Number.isInteger(year) ? year : NaN,
      name: values.name ?? "",
      criteriaSetCode: values.criteriaSetCode || null,
    });
    revalidatePath("/[locale]/console", "layout");
    return actionOk({ href: `/console/periods/${encodeURIComponent(created.code)}` });
  } catch (error) {
    return actionFailure(error);
  }
}
