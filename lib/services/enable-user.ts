import { userStatusInput, type UserStatusInput } from "@/lib/domain/account-input";
import { describeIssues } from "@/lib/domain/describe-issues";
import { UseCaseError } from "@/lib/domain/use-case-error";
import { findManagedUser, lockUser, setUserDisabledAt } from "@/lib/data/users";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

export class EnableUserError extends UseCaseError<"invalid" | "not_found"> {}

/**
 * Enables a disabled account. Its session generation moves on as well, so a session from before
 * the account was disabled does not come back to life. Enabling an enabled account changes nothing.
 */
export async function enableUser(actor: Actor, input: UserStatusInput): Promise<{ userId: string; sessionVersion: number }> {
  assertCan(actor, "user.manage");
  const parsed = userStatusInput.safeParse(input);
  if (!parsed.success) {
    const { vi, en } = describeIssues(parsed.error);
    throw new EnableUserError("invalid", vi, en);
  }
  const { userId } = parsed.data;
  return inTransaction(async (tx) => {
    await lockUser(tx, userId);
    const user = await findManagedUser(tx, userId);
    if (!user) throw new EnableUserError("not_found", "Không tìm thấy tài khoản.", "No such account.");
    if (!user.disabledAt) return { userId, sessionVersion: user.sessionVersion };
    const written = await setUserDisabledAt(tx, userId, null);
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "user.enable",
      entityType: "User",
      entityId: userId,
      unitId: user.unitId,
      before: { email: user.email, disabledAt: user.disabledAt.toISOString(), sessionVersion: user.sessionVersion },
      after: { email: user.email, disabledAt: null, sessionVersion: written.sessionVersion },
    });
    return { userId, sessionVersion: written.sessionVersion };
  });
}
