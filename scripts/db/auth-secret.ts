import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataRoot } from "./project-root";

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
