import { randomInt } from "node:crypto";
import { resetUserPasswordInput, type ResetUserPasswordInput } from "@/lib/domain/account-input";
import { describeIssues } from "@/lib/domain/describe-issues";
import { signInAccountKey } from "@/lib/domain/sign-in-input";
import { UseCaseError } from "@/lib/domain/use-case-error";
import { hashPassword } from "@/lib/auth/password";
import { findManagedUser, lockUser, setUserPassword } from "@/lib/data/users";
import { resetRateLimit } from "@/lib/data/rate-limit";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

export class ResetUserPasswordError extends UseCaseError<"invalid" | "not_found"> {}

// No 0/O, 1/l/I: read aloud over the phone or copied from paper without a second try.
const READABLE = "abcdefghjkmnpqrstuvwxyz23456789";

/** Three groups of four, e.g. "k7mp-q4xz-h3rt": about 59 bits, enough for a one-time password. */
export function generateTemporaryPassword(): string {
  const group = () => Array.from({ length: 4 }, () => READABLE[randomInt(READABLE.length)]).join("");
  return `${group()}-${group()}-${group()}`;
}

/**
 * An admin sets a new password for a user who lost theirs: the one given, or a generated one,
 * returned this once and never stored or logged in clear. The user must change it at their next
 * sign-in; their sessions end and their failed-attempt count is cleared so they can sign in now.
 */
export async function resetUserPassword(
  actor: Actor,
  input: ResetUserPasswordInput,
): Promise<{ userId: string; temporaryPassword: string; sessionVersion: number }> {
  assertCan(actor, "user.manage");
  const parsed = resetUserPasswordInput.safeParse(input);
  if (!parsed.success) {
    const { vi, en } = describeIssues(parsed.error);
    throw new ResetUserPasswordError("invalid", vi, en);
  }
  const { userId, newPassword } = parsed.data;
  const temporaryPassword = newPassword ?? generateTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  const result = await inTransaction(async (tx) => {
    await lockUser(tx, userId);
    const user = await findManagedUser(tx, userId);
    if (!user) throw new ResetUserPasswordError("not_found", "Không tìm thấy tài khoản.", "No such account.");
    const written = await setUserPassword(tx, userId, { passwordHash, mustChangePassword: true });
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "user.password_reset",
      entityType: "User",
      entityId: userId,
      unitId: user.unitId,
      before: { email: user.email, mustChangePassword: user.mustChangePassword, sessionVersion: user.sessionVersion },
      after: { email: user.email, mustChangePassword: true, sessionVersion: written.sessionVersion, generated: !newPassword },
    });
    return { email: user.email, sessionVersion: written.sessionVersion };
  });
  await resetRateLimit(signInAccountKey(result.email));
  return { userId, temporaryPassword, sessionVersion: result.sessionVersion };
}
