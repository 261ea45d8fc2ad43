// HTTP conventions shared by every public API route (shared/domain/results-format.md and the
// /open-data page): open CORS for reading, shared caching with validators, JSON errors in the
// client's language, and no internals in any answer.
import { createHash } from "node:crypto";
import { negotiateApiLocale } from "@/lib/i18n/negotiate-api-locale";
import { apiMessagesFor, type ApiErrorCode, type ApiMessages } from "@/lib/i18n/api-messages";
import type { Locale } from "@/lib/i18n/locale";
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_CODE, isDatabaseOutage } from "@/lib/domain/database-outage";
import { logger } from "@/lib/observability/logger";

/**
 * Published data changes only when a period is published or corrected. Browsers keep an answer a
 * minute and shared caches five, then revalidate with the ETag (a 304 costs one small query);
 * a correction therefore reaches every reader within minutes without anyone purging a cache.
 */
export const PUBLIC_CACHE_CONTROL = "public, max-age=60, s-maxage=300, stale-while-revalidate=600";

const CORS_HEADERS = {
  "access-control-allow-origin": "*",
  // Scripts on other sites may read these (CORS hides every other response header from them).
  "access-control-expose-headers": "ETag, Content-Disposition, Content-Language",
};

export type ApiContext = { request: Request; url: URL; locale: Locale; t: ApiMessages };

/**
 * Runs one API request: picks the language of messages, and turns any unexpected failure into
 * a 500 JSON error without details (they go to the server log only).
 */
export async function servePublicApi(request: Request, handle: (context: ApiContext) => Promise<Response>): Promise<Response> {
  const url = new URL(request.url);
  const locale = negotiateApiLocale(request.headers.get("accept-language"), url.searchParams.get("lang"));
  const context: ApiContext = { request, url, locale, t: apiMessagesFor(locale) };
  try {
    return await handle(context);
  } catch (error) {
    // An outage is logged once when it starts; the client is told to come back.
    if (isDatabaseOutage(error)) return apiError(context, 503, DATABASE_UNAVAILABLE_CODE, context.t.databaseUnavailable);
    logger.error({ err: error, method: request.method, path: url.pathname }, "public API request failed");
    return apiError(context, 500, "internal_error", context.t.internalError);
  }
}

/** The CORS preflight: any origin may GET; no credentials are ever involved. */
export function preflightResponse(): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "access-control-allow-methods": "GET, HEAD, OPTIONS",
      "access-control-allow-headers": "Accept, Accept-Language, If-None-Match, Content-Type",
      "access-control-max-age": "86400",
    },
  });
}

/**
 * `{ error: { code, message } }`. Errors are not cached: a period that is 404 now is published
 * later under the same address, and the message depends on the client's language.
 */
export function apiError(context: ApiContext, status: 400 | 404 | 500 | 503, code: ApiErrorCode, message: string): Response {
  return new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: {
      ...CORS_HEADERS,
      "content-type": "application/json; charset=utf-8",
      "content-language": context.locale,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      ...(status === 503 ? { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) } : {}),
    },
  });
}

/** A strong validator from the parts that determine a representation's bytes. */
export function etagOf(...parts: string[]): string {
  return `"${createHash("sha256").update(parts.join("\u0000")).digest("base64url").slice(0, 32)}"`;
}

/** RFC 9110 If-None-Match for GET: weak comparison against a list of tags, or `*`. */
export function matchesIfNoneMatch(request: Request, etag: string): boolean {
  const header = request.headers.get("if-none-match");
  if (!header) return false;
  if (header.trim() === "*") return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => opaque(tag) === opaque(etag));
}

/** 304 carries the validator and caching headers the 200 would have carried, but no body. */
export function notModifiedResponse(etag: string): Response {
  return new Response(null, { status: 304, headers: { ...CORS_HEADERS, etag, "cache-control": PUBLIC_CACHE_CONTROL } });
}

function okResponse(body: string | Uint8Array<ArrayBuffer>, etag: string, headers: Record<string, string>): Response {
  return new Response(body, {
    status: 200,
    headers: { ...CORS_HEADERS, ...headers, etag, "cache-control": PUBLIC_CACHE_CONTROL, "x-content-type-options": "nosniff" },
  });
}

/**
 * A JSON answer. Without a precomputed tag the tag is the body's own hash, which is always right
 * even where the data has no version of its own (a unit's lineage, the list of periods).
 */
export function jsonResponse(context: ApiContext, body: unknown, etag?: string): Response {
  const text = JSON.stringify(body);
  const tag = etag ?? etagOf("json", text);
  if (matchesIfNoneMatch(context.request, tag)) return notModifiedResponse(tag);
  return okResponse(text, tag, { "content-type": "application/json; charset=utf-8" });
}

/** A CSV download named `filename`. */
export function csvResponse(body: string, etag: string, filename: string): Response {
  return attachmentResponse(body, etag, filename, "text/csv; charset=utf-8");
}

/** An Excel workbook download named `filename`. */
export function xlsxResponse(body: Uint8Array<ArrayBuffer>, etag: string, filename: string): Response {
  return attachmentResponse(body, etag, filename, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
}

/** A file to save rather than show; non-ASCII names travel in `filename*` (RFC 6266). */
function attachmentResponse(body: string | Uint8Array<ArrayBuffer>, etag: string, filename: string, contentType: string): Response {
  const fallback = filename.normalize("NFD").replace(/\p{M}/gu, "").replace(/[^A-Za-z0-9._-]+/g, "_");
  return okResponse(body, etag, {
    "content-type": contentType,
    "content-disposition": `attachment; filename="${fallback}"; filename*=UTF-8''${rfc5987(filename)}`,
  });
}

function rfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
}
