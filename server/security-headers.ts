import { randomBytes } from "node:crypto";

/** Sent with every response, whatever it is. */
export const EVERY_RESPONSE_HEADERS: Readonly<Record<string, string>> = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
  "x-frame-options": "DENY",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
  // No page of the portal is meant to be framed by another site (there is no embeddable table);
  // on a non-HTML answer this is the whole policy: it has no scripts to allow.
  "content-security-policy": "frame-ancestors 'none'",
};

/** Sent only over HTTPS in production (see lib/auth/https-request.ts): browsers ignore it over HTTP. */
export const STRICT_TRANSPORT_SECURITY = "max-age=31536000; includeSubDomains";

/** 128 random bits, fresh for every HTML response. */
export function newNonce(): string {
  return randomBytes(16).toString("base64");
}

/**
 * The policy of an HTML page. Scripts run only when they carry this response's nonce, or when a
 * script that does loads them ('strict-dynamic': Next.js loads its chunks that way); 'self' is for
 * browsers too old to know nonces. Styles allow inline ones: React style attributes, recharts and
 * the CSS Next.js inlines into the page. The evidence preview shows a PDF from a blob: address in
 * a frame. Nothing else of another origin is ever loaded, posted to or allowed to frame the page.
 */
export function htmlContentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
