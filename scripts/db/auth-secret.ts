import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataRoot } from "./project-root";

export const AUTH_SECRET_MIN_LENGTH = 32;

/**
 * Why a production server must not start with the environment's AUTH_SECRET, or null when it may:
 * with no key of its own a server would sign sessions with one nobody can share between
 * instances or keep across a reinstall, and a short one can be guessed.
 */
export function productionAuthSecretProblem(env: Record<string, string | undefined> = process.env): string | null {
  const secret = env.AUTH_SECRET ?? "";
  if (secret.length >= AUTH_SECRET_MIN_LENGTH) return null;
  const what = secret ? `AUTH_SECRET is only ${secret.length} characters long` : "AUTH_SECRET is not set";
  return `${what}: production needs a random key of at least ${AUTH_SECRET_MIN_LENGTH} characters, the same on every instance (e.g. AUTH_SECRET=$(openssl rand -base64 32)). / Thiếu khóa AUTH_SECRET (ít nhất ${AUTH_SECRET_MIN_LENGTH} ký tự).`;
}

/**
 * The key that signs console sessions: AUTH_SECRET when the environment gives one (production),
 * else a random key made once for this folder and kept in .data/auth-secret (readable by this
 * user only), so signing in survives restarts of the demo.
 */
export function authSecretForThisFolder(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(dataRoot(), "auth-secret");
  try {
    const existing = readFileSync(file, "utf8").trim();
    if (existing.length >= 32) return existing;
  } catch {
    // first start
  }
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(dataRoot(), { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
