/**
 * The client's address for rate limits and the audit log. Next's own server sets
 * x-forwarded-for from the socket; behind a reverse proxy, the proxy must set it (and strip what
 * the client sent) — docs/deployment.md. The first entry is the client.
 */
export function requestAddress(headers: Headers | Record<string, unknown>): string {
  const read = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return typeof value === "string" ? value : Array.isArray(value) ? String(value[0]) : undefined;
  };
  const forwarded = read("x-forwarded-for")?.split(",")[0]?.trim();
  return (forwarded || read("x-real-ip")?.trim() || "unknown").slice(0, 100);
}
