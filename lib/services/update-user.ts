import { updateUserInput, type UpdateUserInput } from "@/lib/domain/account-input";
import { describeIssues } from "@/lib/domain/describe-issues";
import { UseCaseError } from "@/lib/domain/use-case-error";
import { findManagedUser, findUnitIdByCode, lockUserAndEnabledAdmins, writeManagedUser } from "@/lib/data/users";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

export class UpdateUserError extends UseCaseError<"invalid" | "not_found" | "stale" | "unknown_unit" | "last_admin"> {
  /** For "stale": when the account was last changed, so the form can say so. */
  changedAt?: Date;
}

/**
 * An admin changes a user's name, role or unit. A new role or unit ends the user's sessions,
 * which still carry the old one; a name alone does not. The last enabled admin keeps the role.
 */
export async function updateUser(
  actor: Actor,
  input: UpdateUserInput,
): Promise<{ userId: string; updatedAt: Date; sessionVersion: number }> {
  assertCan(actor, "user.manage");
  const parsed = updateUserInput.safeParse(input);
  if (!parsed.success) {
    const { vi, en } = describeIssues(parsed.error);
    throw new UpdateUserError("invalid", vi, en);
  }
  const command = parsed.data;
  return inTransaction(async (tx) => {
    const { enabledAdminIds } = await lockUserAndEnabledAdmins(tx, command.userId);
    const user = await findManagedUser(tx, command.userId);
    if (!user) throw new UpdateUserError("not_found", "Không tìm thấy tài khoản.", "No such account.");
    if (command.expectedUpdatedAt && command.expectedUpdatedAt.getTime() !== user.updatedAt.getTime()) {
      const error = new UpdateUserError(
        "stale",
        "Tài khoản này vừa được người khác sửa: hãy tải lại trang rồi sửa lại.",
        "Someone else has just changed this account: reload the page and edit again.",
      );
      error.changedAt = user.updatedAt;
      throw error;
    }
    let unitId: string | null = null;
    if (command.unitCode) {
      unitId = await findUnitIdByCode(tx, command.unitCode);
      if (!unitId) {
        throw new UpdateUserError("unknown_unit", `Không có đơn vị mã "${command.unitCode}".`, `No unit with code "${command.unitCode}".`);
      }
    }
    if (user.role === "admin" && command.role !== "admin" && !user.disabledAt && enabledAdminIds.length <= 1) {
      throw new UpdateUserError(
        "last_admin",
        "Đây là tài khoản quản trị cuối cùng còn hoạt động: không thể đổi vai trò.",
        "This is the last enabled admin account: its role cannot change.",
      );
    }
    const roleOrUnitChanged = user.role !== command.role || user.unitId !== unitId;
    if (!roleOrUnitChanged && user.name === command.name) {
      return { userId: user.id, updatedAt: user.updatedAt, sessionVersion: user.sessionVersion };
    }
    const written = await writeManagedUser(tx, user.id, { name: command.name, role: command.role, unitId, endSessions: roleOrUnitChanged });
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "user.update",
      entityType: "User",
      entityId: user.id,
      unitId: unitId ?? user.unitId,
      before: { email: user.email, name: user.name, role: user.role, unitCode: user.unit?.code ?? null, sessionVersion: user.sessionVersion },
      after: { email: user.email, name: command.name, role: command.role, unitCode: command.unitCode ?? null, sessionVersion: written.sessionVersion },
    });
    return { userId: user.id, updatedAt: written.updatedAt, sessionVersion: written.sessionVersion };
  });
}
