import type { ServerResponse } from "node:http";

/**
 * Whether the path of a request address holds a percent escape that decodes to no text ("%E0",
 * "%", "%ZZ", an escaped half of a surrogate pair). Next.js fails to route such a path with a 500
 * before any page or handler runs; no link of the portal makes one, so it is a bad request.
 * The query is not looked at: Next.js reads a malformed escape there as the characters typed.
 */
export function hasMalformedPathEscape(url: string | undefined): boolean {
  const path = (url ?? "/").split("?", 1)[0]!;
  if (!path.includes("%")) return false;
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

const MESSAGE = "Địa chỉ không hợp lệ. / The address is malformed.";

/** 400, as JSON under /api/ (the public API's error shape and code) and as text elsewhere. */
export function answerMalformedAddress(url: string | undefined, res: ServerResponse): void {
  res.statusCode = 400;
  res.setHeader("cache-control", "no-store");
  if ((url ?? "").startsWith("/api/")) {
    res.setHeader("content-type", "application/json; charset=utf-8");
    res.end(JSON.stringify({ error: { code: "invalid_parameter", message: MESSAGE } }));
    return;
  }
  res.setHeader("content-type", "text/plain; charset=utf-8");
  res.end(MESSAGE);
}
