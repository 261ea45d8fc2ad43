"use server";

import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { NOT_SIGNED_IN } from "@/lib/auth/not-signed-in";
import { actionFailure, actionOk, type ActionResult } from "@/lib/domain/action-result";
import { invalidInputResult } from "@/lib/domain/invalid-input-result";
import { createUserInput } from "@/lib/domain/user-input";
import { updateUserInput } from "@/lib/domain/account-input";
import { createUser } from "@/lib/services/create-user";
import { updateUser } from "@/lib/services/update-user";
import { disableUser } from "@/lib/services/disable-user";
import { enableUser } from "@/lib/services/enable-user";
import { generateTemporaryPassword, resetUserPassword } from "@/lib/services/reset-user-password";

export type TemporaryPasswordData = { email: string; temporaryPassword: string };

/**
 * A new account with a temporary password (the one typed, or a generated one) that must be
 * changed at the first sign-in; the password is answered this once so the admin can hand it over.
 */
export async function createUserAction(values: Record<string, string>): Promise<ActionResult<TemporaryPasswordData>> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  // Only a blank field means "generate": a typed password is kept exactly, spaces included.
  const temporaryPassword = values.password?.trim() ? values.password : generateTemporaryPassword();
  const parsed = createUserInput.safeParse({
    email: values.email ?? "",
    name: values.name ?? "",
    role: values.role ?? "",
    unitCode: values.unitCode?.trim() || null,
    password: temporaryPassword,
    mustChangePassword: true,
  });
  if (!parsed.success) return invalidInputResult(parsed.error);
  try {
    await createUser(parsed.data, user);
    revalidatePath("/[locale]/console", "layout");
    return actionOk({ email: parsed.data.email, temporaryPassword });
  } catch (error) {
    return actionFailure(error);
  }
}

export async function updateUserAction(target: { userId: string; expectedUpdatedAt: string }, values: Record<string, string>): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  const parsed = updateUserInput.safeParse({
    userId: target.userId,
    name: values.name ?? "",
    role: values.role ?? "",
    unitCode: values.unitCode?.trim() || null,
    expectedUpdatedAt: target.expectedUpdatedAt,
  });
  if (!parsed.success) return invalidInputResult(parsed.error);
  try {
    await updateUser(user, parsed.data);
    revalidatePath("/[locale]/console", "layout");
    return actionOk(undefined);
  } catch (error) {
    return actionFailure(error);
  }
}

export async function disableUserAction(userId: string): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    await disableUser(user, { userId });
    revalidatePath("/[locale]/console", "layout");
    return actionOk(undefined);
  } catch (error) {
    return actionFailure(error);
  }
}

export async function enableUserAction(userId: string): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    await enableUser(user, { userId });
    revalidatePath("/[locale]/console", "layout");
    return actionOk(undefined);
  } catch (error) {
    return actionFailure(error);
  }
}

/** A generated temporary password, answered this once (never stored or logged in clear). */
export async function resetUserPasswordAction(userId: string): Promise<ActionResult<{ temporaryPassword: string }>> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    const reset = await resetUserPassword(user, { userId });
    revalidatePath("/[locale]/console", "layout");
    return actionOk({ temporaryPassword: reset.temporaryPassword });
  } catch (error) {
    return actionFailure(error);
  }
}
