/**
 * The address citizens reach the portal at, for links printed on paper (QR posters): the
 * configured PUBLIC_BASE_URL (e.g. https://cchc.sonla.gov.vn, needed behind a proxy that does not
 * pass the public host on), else the origin the request came to. Without a trailing slash.
 */
export function publicBaseUrl(requestUrl: string, env: Record<string, string | undefined> = process.env): string {
  const configured = env.PUBLIC_BASE_URL?.trim();
  if (configured) {
    try {
      const url = new URL(configured);
      if (url.protocol === "https:" || url.protocol === "http:") return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
    } catch {
      // Not a URL: fall back to the request's own origin rather than print a broken address.
    }
  }
  return new URL(requestUrl).origin;
}
