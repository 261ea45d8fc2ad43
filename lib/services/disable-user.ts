import { userStatusInput, type UserStatusInput } from "@/lib/domain/account-input";
import { describeIssues } from "@/lib/domain/describe-issues";
import { UseCaseError } from "@/lib/domain/use-case-error";
import { findManagedUser, lockUserAndEnabledAdmins, setUserDisabledAt } from "@/lib/data/users";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";
import { auditActorId, isUserActor, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

export class DisableUserError extends UseCaseError<"invalid" | "not_found" | "own_account" | "last_admin"> {}

/**
 * Disables an account: its sessions end at their next request and it can no longer sign in.
 * Home affairs must keep at least one enabled admin, and nobody disables their own account
 * (that is how the last admin would lock everyone out). Disabling a disabled account changes nothing.
 */
export async function disableUser(
  actor: Actor,
  input: UserStatusInput,
  now: Date = new Date(),
): Promise<{ userId: string; disabledAt: Date; sessionVersion: number }> {
  assertCan(actor, "user.manage");
  const parsed = userStatusInput.safeParse(input);
  if (!parsed.success) {
    const { vi, en } = describeIssues(parsed.error);
    throw new DisableUserError("invalid", vi, en);
  }
  const { userId } = parsed.data;
  if (isUserActor(actor) && actor.userId === userId) {
    throw new DisableUserError("own_account", "Bạn không thể tự khóa tài khoản của mình.", "You cannot disable your own account.");
  }
  return inTransaction(async (tx) => {
    const { enabledAdminIds } = await lockUserAndEnabledAdmins(tx, userId);
    const user = await findManagedUser(tx, userId);
    if (!user) throw new DisableUserError("not_found", "Không tìm thấy tài khoản.", "No such account.");
    if (user.disabledAt) return { userId, disabledAt: user.disabledAt, sessionVersion: user.sessionVersion };
    if (user.role === "admin" && enabledAdminIds.length <= 1) {
      throw new DisableUserError(
        "last_admin",
        "Đây là tài khoản quản trị cuối cùng còn hoạt động: không thể khóa.",
        "This is the last enabled admin account: it cannot be disabled.",
      );
    }
    const written = await setUserDisabledAt(tx, userId, now);
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "user.disable",
      entityType: "User",
      entityId: userId,
      unitId: user.unitId,
      before: { email: user.email, disabledAt: null, sessionVersion: user.sessionVersion },
      after: { email: user.email, disabledAt: now.toISOString(), sessionVersion: written.sessionVersion },
    });
    return { userId, disabledAt: now, sessionVersion: written.sessionVersion };
  });
}
