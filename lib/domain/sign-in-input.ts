import { z } from "zod";

/**
 * Failed attempts allowed per window before sign-in is refused, even with the right password.
 * Per account so one person's password cannot be guessed slowly from many addresses; per address
 * so one address cannot try a little on many accounts. A password change's wrong current
 * password counts against the account too: it is the same secret being guessed.
 */
export const SIGN_IN_LIMITS = {
  windowMs: 15 * 60 * 1000,
  failuresPerAccount: 5,
  failuresPerAddress: 20,
} as const;

export function signInAccountKey(email: string): string {
  return `sign-in:account:${email}`;
}

export function signInAddressKey(ip: string): string {
  return `sign-in:address:${ip}`;
}

/** Attempts refused for being limited, per address: only the first of a window is audited. */
export function signInRefusedKey(ip: string): string {
  return `sign-in:refused:${ip}`;
}

/**
 * Lowercase and trimmed, as stored by createUserInput: the one spelling of an address. One holding
 * a NUL or half a surrogate pair names no account and could not even key its attempt count.
 */
export const signInEmail = z
  .string()
  .trim()
  .toLowerCase()
  .min(1)
  .max(320)
  .refine((email) => !email.includes("\u0000") && email.isWellFormed());

// No length rule beyond a cap here: a sign-in checks a password, it does not judge it. The cap
// keeps a megabyte "password" from costing an argon2 run.
export const signInInput = z.object({
  email: signInEmail,
  password: z.string().min(1).max(200),
  ip: z.string().trim().min(1).max(200),
  // Kept for the audit row only: a long one is cut rather than refused.
  userAgent: z
    .string()
    .nullish()
    .transform((value) => (value ? value.slice(0, 300) : null)),
});

export type SignInInput = z.input<typeof signInInput>;

/** Whole minutes to wait, rounded up: "1 minute" rather than "0 minutes" for the last seconds. */
export function tooManyAttemptsMessage(retryAfterSeconds: number): { vi: string; en: string } {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return {
    vi: `Bạn đã nhập sai mật khẩu quá nhiều lần. Vui lòng thử lại sau ${minutes} phút.`,
    en: `Too many wrong passwords. Please try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
  };
}
