import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The one-time token a survey form carries: which period and unit it was issued for, when, and a
 * random nonce, signed with the portal's key. The nonce is stored with the response
 * (SipasResponse.submissionToken, unique), so a form can be submitted once; the signature stops a
 * visitor from sending answers to another unit or period than the QR code named.
 */
export type SurveyTokenClaims = { periodCode: string; unitCode: string; issuedAt: Date; nonce: string };

export type SurveyTokenCheck = { ok: true; claims: SurveyTokenClaims } | { ok: false; reason: "invalid" | "expired" };

/** A form left open longer than this asks for a reload (the answers are kept). */
export const SURVEY_TOKEN_LIFETIME_MS = 24 * 60 * 60 * 1000;

// Only used when no AUTH_SECRET is set outside production (tests, a first `npm run dev`): the
// hashes and tokens it makes are then as secret as this source file.
const DEVELOPMENT_KEY = "sipas-survey-development-key-not-for-production";

function surveyKey(env: Record<string, string | undefined> = process.env): string {
  const secret = env.AUTH_SECRET ?? env.NEXTAUTH_SECRET;
  if (secret) return secret;
  if (env.NODE_ENV === "production") throw new Error("AUTH_SECRET must be set in production (it signs survey forms and salts device hashes).");
  return DEVELOPMENT_KEY;
}

function sign(purpose: string, text: string): Buffer {
  // The purpose keeps a token's signature from ever equalling a device or address hash.
  return createHmac("sha256", surveyKey()).update(`${purpose}\n${text}`).digest();
}

export function issueSurveyToken(target: { periodCode: string; unitCode: string }, now: Date = new Date(), nonce: string = randomBytes(16).toString("base64url")): string {
  const payload = Buffer.from(JSON.stringify([target.periodCode, target.unitCode, now.getTime(), nonce])).toString("base64url");
  return `${payload}.${sign("survey-token", payload).toString("base64url")}`;
}

/** Checks the signature, that the token names this period and unit, and its age. */
export function checkSurveyToken(token: string, target: { periodCode: string; unitCode: string }, now: Date = new Date()): SurveyTokenCheck {
  const [payload, signature, extra] = token.split(".");
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: "invalid" };
  const expected = sign("survey-token", payload);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "invalid" };
  let parts: unknown;
  try {
    parts = JSON.parse(Buffer.from(payload, "base64url").toString("utf8"));
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (!Array.isArray(parts) || parts.length !== 4) return { ok: false, reason: "invalid" };
  const [periodCode, unitCode, issuedAtMs, nonce] = parts as unknown[];
  if (typeof periodCode !== "string" || typeof unitCode !== "string" || typeof issuedAtMs !== "number" || typeof nonce !== "string") {
    return { ok: false, reason: "invalid" };
  }
  if (periodCode !== target.periodCode || unitCode !== target.unitCode) return { ok: false, reason: "invalid" };
  // A token from the future was not issued by this clock (a few seconds of skew between instances allowed).
  if (issuedAtMs > now.getTime() + 60_000) return { ok: false, reason: "invalid" };
  if (now.getTime() - issuedAtMs > SURVEY_TOKEN_LIFETIME_MS) return { ok: false, reason: "expired" };
  return { ok: true, claims: { periodCode, unitCode, issuedAt: new Date(issuedAtMs), nonce } };
}

/**
 * A salted hash of a device id or an address: equal inputs give equal hashes (so duplicates are
 * found), yet the stored value does not reveal the address or let anyone recompute it without
 * the key.
 */
export function surveyHash(kind: "device" | "address", value: string): string {
  return sign(`survey-${kind}`, value).toString("base64url");
}

/** A new random device id for the device cookie. */
export function newSurveyDeviceId(): string {
  return randomBytes(18).toString("base64url");
}
