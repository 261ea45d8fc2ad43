/** Fetch-style headers (a route's request, next/headers), or Node.js's plain object. */
export type HeaderSource = { get(name: string): string | null } | Record<string, unknown>;

function readHeader(headers: HeaderSource, name: string): string | undefined {
  if (typeof headers.get === "function") return (headers as { get(name: string): string | null }).get(name) ?? undefined;
  const value = (headers as Record<string, unknown>)[name];
  return typeof value === "string" ? value : Array.isArray(value) ? String(value[0]) : undefined;
}

/**
 * Whether the visitor reached the portal over HTTPS. The portal itself speaks plain HTTP behind a
 * TLS-terminating reverse proxy, so it knows this from the proxy's X-Forwarded-Proto (believed when
 * TRUSTED_PROXY_HOPS says a proxy is there, as for the client's address), or from PUBLIC_BASE_URL
 * when the operator declares the site's public address to be https. A client that claims https
 * over plain HTTP only hurts itself: browsers ignore HSTS and refuse Secure cookies over HTTP.
 */
export function isHttpsRequest(headers: HeaderSource, env: Record<string, string | undefined> = process.env): boolean {
  if (env.PUBLIC_BASE_URL?.trim().toLowerCase().startsWith("https://")) return true;
  const hops = Number.parseInt(env.TRUSTED_PROXY_HOPS ?? "1", 10);
  if (!(hops >= 1)) return false;
  // The proxy nearest the client decides the scheme; with several, the first entry is its.
  const proto = readHeader(headers, "x-forwarded-proto")?.split(",")[0]?.trim().toLowerCase();
  return proto === "https";
}

/**
 * Whether this request is served in production over HTTPS: the cookies set in answer are then
 * marked Secure, and the response carries HSTS. Never over plain HTTP, where a browser would drop
 * a Secure cookie and signing in would silently fail (a portal tried out on an internal address
 * before it has its certificate, or `npm run demo`).
 */
export function isProductionHttps(headers: HeaderSource, env: Record<string, string | undefined> = process.env): boolean {
  return env.NODE_ENV === "production" && isHttpsRequest(headers, env);
}
