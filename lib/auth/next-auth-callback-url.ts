import { NextRequest } from "next/server";

// next-auth answers 500 ("server configuration") to any request whose callbackUrl, in the query or
// in its callback-url cookie, is neither a path nor an http(s) address: /api/auth/signin?callbackUrl=x
// or a forged cookie. The console never sends one (it signs in with redirect: false), so an unusable
// one is dropped before next-auth sees the request, which then answers as without it.

const CALLBACK_COOKIES = new Set(["next-auth.callback-url", "__Secure-next-auth.callback-url"]);

/** next-auth's own test (isValidHttpUrl): a path on this site, or an http(s) address. */
function usable(value: string, origin: string): boolean {
  try {
    return /^https?:$/.test(new URL(value, value.startsWith("/") ? origin : undefined).protocol);
  } catch {
    return false;
  }
}

function decoded(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The request as it came, or without the callbackUrl parameter and cookies next-auth would fail on. */
export function withoutUnusableCallbackUrl(request: NextRequest): NextRequest {
  const url = new URL(request.url);
  const parameter = url.searchParams.get("callbackUrl");
  const dropParameter = parameter !== null && !usable(parameter, url.origin);
  const parts = (request.headers.get("cookie") ?? "").split(";");
  const kept = parts.filter((part) => {
    const at = part.indexOf("=");
    const name = part.slice(0, at).trim();
    return at === -1 || !CALLBACK_COOKIES.has(name) || usable(decoded(part.slice(at + 1).trim()), url.origin);
  });
  if (!dropParameter && kept.length === parts.length) return request;
  if (dropParameter) url.searchParams.delete("callbackUrl");
  const headers = new Headers(request.headers);
  if (kept.length !== parts.length) headers.set("cookie", kept.join(";"));
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : request.body;
  return new NextRequest(url, { method: request.method, headers, body, ...(body ? { duplex: "half" } : {}) } as ConstructorParameters<typeof NextRequest>[1]);
}
