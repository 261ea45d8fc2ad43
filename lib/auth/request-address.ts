/**
 * The client's address for rate limits and the audit log, from X-Forwarded-For. Each proxy in
 * front of the portal appends the address it received the request from, so the entry
 * TRUSTED_PROXY_HOPS places from the right is the one a trusted machine wrote; anything further
 * left was sent by the client and could be anything. Default 1: one reverse proxy that appends
 * (nginx `proxy_add_x_forwarded_for`), or `next start` alone, which sets the header itself when
 * the client sent none (a client that sends one chooses its own address then — put a proxy in
 * front in production; the per-account limit holds either way).
 */
export function requestAddress(headers: Headers | Record<string, unknown>, env: Record<string, string | undefined> = process.env): string {
  const read = (name: string): string | undefined => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return typeof value === "string" ? value : Array.isArray(value) ? String(value[0]) : undefined;
  };
  const hops = Number.parseInt(env.TRUSTED_PROXY_HOPS ?? "1", 10);
  const chain = (read("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const trusted = Number.isInteger(hops) && hops >= 1 ? chain[Math.max(0, chain.length - hops)] : chain[0];
  return (trusted || read("x-real-ip")?.trim() || "unknown").slice(0, 100);
}
