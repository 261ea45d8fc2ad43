/**
 * Route handlers that change data accept only requests sent by this site's own pages: the browser
 * always sends Origin on a POST or DELETE from a script or form, so a missing or foreign one means
 * another site is trying (server actions get the same check from Next itself).
 */
export function isSameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
