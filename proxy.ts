import { NextResponse, type NextRequest } from "next/server";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale } from "@/lib/i18n/locale";

/**
 * Serves every public page in the visitor's language at the same address: `/x` is rendered as
 * `/vi/x` or `/en/x` (the language cookie, Vietnamese by default), two pages the server caches
 * separately. An explicit `/en/x` or `/vi/x` is served as it is, so a page can be shared in
 * either language.
 */
export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  if (isLocale(pathname.split("/")[1])) return NextResponse.next();
  const chosen = request.cookies.get(LOCALE_COOKIE)?.value;
  const url = request.nextUrl.clone();
  url.pathname = `/${isLocale(chosen) ? chosen : DEFAULT_LOCALE}${pathname === "/" ? "" : pathname}`;
  // The server caches /vi/x and /en/x apart. A shared cache in front of the portal must key on the
  // `locale` cookie too (README, "Caching"), or be given the /en/ addresses. (Rewrites in
  // next.config.ts would spare this function on each request, but with them, conditional on the
  // cookie or not, the client router of Next 16.4 sometimes keeps the old page when only the query
  // changes: the SIPAS sort and the unit page's period links.)
  return NextResponse.rewrite(url);
}

export const config = {
  // Not the API, Next's own files, the results-package documents, or files served from public/.
  matcher: ["/((?!api/|_next/|open-data/results-package/|[^/]+\\.(?:txt|xml|ico|png|svg|jpg|webmanifest|html)$).*)"],
};
