import type { UserRoleName } from "@/lib/domain/user-input";
import {
  SIGN_IN_LIMITS,
  signInAccountKey,
  signInAddressKey,
  signInInput,
  signInRefusedKey,
  tooManyAttemptsMessage,
  type SignInInput,
} from "@/lib/domain/sign-in-input";
import { verifyPassword } from "@/lib/auth/password";
import { hitRateLimit, releaseRateLimit, resetRateLimit, type RateLimitState } from "@/lib/data/rate-limit";
import { findUserForSignIn, recordSignIn } from "@/lib/data/users";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";

export type SignedInUser = {
  id: string;
  email: string;
  name: string;
  role: UserRoleName;
  unitId: string | null;
  sessionVersion: number;
  mustChangePassword: boolean;
};

export type SignInRefusalCode = "invalid_credentials" | "rate_limited" | "disabled";

export type SignInResult =
  | { ok: true; user: SignedInUser }
  | { ok: false; code: SignInRefusalCode; retryAfterSeconds?: number; vi: string; en: string };

/**
 * An argon2id hash (library defaults, as hashPassword makes) of a random secret nobody knows: an
 * unknown email is checked against it, so it costs as long as a wrong password and the response
 * time does not tell which emails have accounts. A unit test keeps its parameters in step.
 */
export const DUMMY_PASSWORD_HASH = "$argon2id$v=19$m=19456,t=2,p=1$zgEgXtXrxyFmz0QWwyqvXg$V89aaQLDE0+YSiU+rb7i8h7z86t8AyWQtcFndiyXvTQ";

const WRONG = {
  vi: "Email hoặc mật khẩu không đúng.",
  en: "Wrong email or password.",
};

const DISABLED = {
  vi: "Tài khoản này đã bị khóa. Vui lòng liên hệ quản trị viên (Sở Nội vụ) để được mở lại.",
  en: "This account has been disabled. Please ask the administrator (home affairs) to enable it.",
};

/**
 * Checks an email and password for the sign-in form (next-auth's credentials provider). Failed
 * attempts are counted per account and per address; past either limit every attempt is refused,
 * the right password included, until the window ends. Every outcome leaves an audit row (refusals
 * for being limited: the first per address and window, so a flood cannot fill the log).
 */
export async function verifySignIn(input: SignInInput, now: Date = new Date()): Promise<SignInResult> {
  const parsed = signInInput.safeParse(input);
  if (!parsed.success) return { ok: false, code: "invalid_credentials", ...WRONG };
  const { email, password, ip, userAgent } = parsed.data;
  const accountKey = signInAccountKey(email);
  const addressKey = signInAddressKey(ip);

  // The attempt is counted before the password is checked, in one statement per key: parallel
  // guesses each see the others' counts, so a burst cannot try more passwords than the limit.
  // A successful attempt gives its count back below.
  const [account, address] = await Promise.all([
    hitRateLimit(accountKey, SIGN_IN_LIMITS.windowMs, now),
    hitRateLimit(addressKey, SIGN_IN_LIMITS.windowMs, now),
  ]);
  const limitedBy = limitsReached(account, address);
  if (limitedBy.length) {
    const retryAfterSeconds = secondsUntil(limitedBy, now);
    const refusals = await hitRateLimit(signInRefusedKey(ip), SIGN_IN_LIMITS.windowMs, now);
    if (refusals.count === 1) {
      const user = await findUserForSignIn(email);
      await auditFailure({ userId: user?.id ?? null, email, ip, userAgent, reason: "rate_limited", limits: limitedBy.map((limit) => limit.name) });
    }
    return { ok: false, code: "rate_limited", retryAfterSeconds, ...tooManyAttemptsMessage(retryAfterSeconds) };
  }

  const user = await findUserForSignIn(email);
  const passwordMatches = await verifyPassword(user?.passwordHash ?? DUMMY_PASSWORD_HASH, password);
  if (!user || !passwordMatches) {
    await auditFailure({ userId: user?.id ?? null, email, ip, userAgent, reason: user ? "wrong_password" : "unknown_email" });
    const nowLimited = limitsReached({ ...account, count: account.count + 1 }, { ...address, count: address.count + 1 });
    if (nowLimited.length) {
      // The attempt that used up the allowance says so, rather than leaving the next one to surprise.
      const retryAfterSeconds = secondsUntil(nowLimited, now);
      const wait = tooManyAttemptsMessage(retryAfterSeconds);
      return { ok: false, code: "invalid_credentials", retryAfterSeconds, vi: `${WRONG.vi} ${wait.vi}`, en: `${WRONG.en} ${wait.en}` };
    }
    return { ok: false, code: "invalid_credentials", ...WRONG };
  }
  // The right password: this attempt was no failure. (An office's colleagues share its address.)
  await releaseRateLimit(addressKey, SIGN_IN_LIMITS.windowMs, now);

  // Only after the right password: otherwise "disabled" would tell a stranger the email exists.
  if (user.disabledAt) {
    await auditFailure({ userId: user.id, email, ip, userAgent, reason: "disabled" });
    return { ok: false, code: "disabled", ...DISABLED };
  }

  await resetRateLimit(accountKey);
  await inTransaction(async (tx) => {
    await recordSignIn(tx, user.id, now);
    await writeAuditLog(tx, {
      actorId: user.id,
      action: "auth.sign_in",
      entityType: "User",
      entityId: user.id,
      unitId: user.unitId,
      ip,
      after: { userAgent },
    });
  });
  return {
    ok: true,
    user: {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      unitId: user.unitId,
      sessionVersion: user.sessionVersion,
      mustChangePassword: user.mustChangePassword,
    },
  };
}

type ReachedLimit = RateLimitState & { name: "account" | "address" };

/** Counts include the attempt being made: past the allowance of failures, it is refused. */
function limitsReached(account: RateLimitState, address: RateLimitState): ReachedLimit[] {
  return [
    ...(account.count > SIGN_IN_LIMITS.failuresPerAccount ? [{ ...account, name: "account" as const }] : []),
    ...(address.count > SIGN_IN_LIMITS.failuresPerAddress ? [{ ...address, name: "address" as const }] : []),
  ];
}

function secondsUntil(limits: ReachedLimit[], now: Date): number {
  const latest = Math.max(...limits.map((limit) => limit.resetsAt.getTime()));
  return Math.max(1, Math.ceil((latest - now.getTime()) / 1000));
}

/** Written on its own: a refused sign-in changes nothing else, but it must still be on record. */
async function auditFailure(args: {
  userId: string | null;
  email: string;
  ip: string;
  userAgent: string | null;
  reason: "unknown_email" | "wrong_password" | "disabled" | "rate_limited";
  limits?: string[];
}): Promise<void> {
  await inTransaction((tx) =>
    writeAuditLog(tx, {
      actorId: args.userId,
      action: "auth.sign_in_failed",
      entityType: "User",
      entityId: args.userId,
      ip: args.ip,
      after: {
        email: args.email,
        reason: args.reason,
        userAgent: args.userAgent,
        ...(args.limits ? { limits: args.limits } : {}),
      },
    }),
  );
}
