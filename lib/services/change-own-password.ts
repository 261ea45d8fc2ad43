import type { UserActor } from "@/lib/auth/actor";
import { changeOwnPasswordInput, type ChangeOwnPasswordInput } from "@/lib/domain/account-input";
import { describeIssues } from "@/lib/domain/describe-issues";
import { SIGN_IN_LIMITS, signInAccountKey, tooManyAttemptsMessage } from "@/lib/domain/sign-in-input";
import { UseCaseError } from "@/lib/domain/use-case-error";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { findOwnPasswordState, replaceOwnPassword } from "@/lib/data/users";
import { hitRateLimit, resetRateLimit } from "@/lib/data/rate-limit";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";

export class ChangeOwnPasswordError extends UseCaseError<"invalid" | "wrong_password" | "rate_limited" | "not_found" | "stale"> {
  /** For "rate_limited" (and the wrong attempt that used up the allowance): seconds to wait. */
  retryAfterSeconds?: number;
}

/**
 * The signed-in user replaces their password (a temporary one, or by choice). The current
 * password is checked and guesses at it count against the account as sign-in failures do. Every
 * other session ends; the new session generation is returned so this one can be renewed.
 */
export async function changeOwnPassword(
  actor: UserActor,
  input: ChangeOwnPasswordInput,
  context: { now?: Date; ip?: string | null } = {},
): Promise<{ sessionVersion: number }> {
  const now = context.now ?? new Date();
  const parsed = changeOwnPasswordInput.safeParse(input);
  if (!parsed.success) {
    const { vi, en } = describeIssues(parsed.error);
    throw new ChangeOwnPasswordError("invalid", vi, en);
  }
  const { currentPassword, newPassword } = parsed.data;
  const state = await findOwnPasswordState(actor.userId);
  if (!state || state.disabledAt) {
    throw new ChangeOwnPasswordError("not_found", "Phiên đăng nhập không còn hiệu lực: hãy đăng nhập lại.", "Your session has ended: please sign in again.");
  }
  const accountKey = signInAccountKey(state.email);
  // Counted before the check, as at sign-in, so parallel guesses cannot exceed the allowance.
  const limit = await hitRateLimit(accountKey, SIGN_IN_LIMITS.windowMs, now);
  if (limit.count > SIGN_IN_LIMITS.failuresPerAccount) {
    throw limitedError("rate_limited", limit.resetsAt, now);
  }

  if (!(await verifyPassword(state.passwordHash, currentPassword))) {
    const after = limit;
    await inTransaction((tx) =>
      writeAuditLog(tx, {
        actorId: actor.userId,
        action: "user.password_change_failed",
        entityType: "User",
        entityId: actor.userId,
        unitId: actor.unitId,
        ip: context.ip ?? null,
        after: { reason: "wrong_password" },
      }),
    );
    if (after.count >= SIGN_IN_LIMITS.failuresPerAccount) throw limitedError("wrong_password", after.resetsAt, now);
    throw new ChangeOwnPasswordError("wrong_password", "Mật khẩu hiện tại không đúng.", "The current password is wrong.");
  }

  const newHash = await hashPassword(newPassword);
  const sessionVersion = await inTransaction(async (tx) => {
    const written = await replaceOwnPassword(tx, { userId: actor.userId, checkedHash: state.passwordHash, newHash });
    if (written === null) {
      throw new ChangeOwnPasswordError(
        "stale",
        "Mật khẩu vừa được đổi hoặc đặt lại ở nơi khác: hãy đăng nhập lại.",
        "The password was just changed or reset elsewhere: please sign in again.",
      );
    }
    await writeAuditLog(tx, {
      actorId: actor.userId,
      action: "user.password_change",
      entityType: "User",
      entityId: actor.userId,
      unitId: actor.unitId,
      ip: context.ip ?? null,
      before: { mustChangePassword: state.mustChangePassword, sessionVersion: state.sessionVersion },
      after: { mustChangePassword: false, sessionVersion: written },
    });
    return written;
  });
  await resetRateLimit(accountKey);
  return { sessionVersion };
}

function limitedError(code: "rate_limited" | "wrong_password", resetsAt: Date, now: Date): ChangeOwnPasswordError {
  const retryAfterSeconds = Math.max(1, Math.ceil((resetsAt.getTime() - now.getTime()) / 1000));
  const wait = tooManyAttemptsMessage(retryAfterSeconds);
  const error =
    code === "rate_limited"
      ? new ChangeOwnPasswordError(code, wait.vi, wait.en)
      : new ChangeOwnPasswordError(code, `Mật khẩu hiện tại không đúng. ${wait.vi}`, `The current password is wrong. ${wait.en}`);
  error.retryAfterSeconds = retryAfterSeconds;
  return error;
}
