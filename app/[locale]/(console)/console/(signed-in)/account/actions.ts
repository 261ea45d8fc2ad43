"use server";

import { getSessionUser } from "@/lib/auth/session";
import { changeOwnPassword } from "@/lib/services/change-own-password";
import { actionFailure, actionOk, type ActionResult } from "@/lib/domain/action-result";
import { NOT_SIGNED_IN } from "@/lib/auth/not-signed-in";

export async function changePasswordAction(input: { currentPassword: string; newPassword: string }): Promise<ActionResult> {
  const user = await getSessionUser({ allowPasswordChange: true });
  if (!user) return NOT_SIGNED_IN;
  try {
    await changeOwnPassword(user, input);
    return actionOk(undefined);
  } catch (error) {
    return actionFailure(error);
  }
}
