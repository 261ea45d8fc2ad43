import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { LOCALE_COOKIE, LOCALES, isLocale } from "@/lib/i18n/locale";
import { isProductionHttps } from "@/lib/auth/https-request";

const localeForm = z.object({ locale: z.enum(LOCALES) });

/** Sets the language cookie and returns the visitor to the page they came from. */
export async function POST(request: NextRequest) {
  const parsed = localeForm.safeParse(Object.fromEntries(await request.formData()));
  const referer = request.headers.get("referer");
  let back = new URL("/", request.url);
  if (referer && URL.canParse(referer)) {
    const from = new URL(referer);
    // Only ever redirect within this site.
    // An explicit /en/… or /vi/… address would keep its language: go back to the plain one.
    const [, first, ...rest] = from.pathname.split("/");
    const pathname = isLocale(first) ? `/${rest.join("/")}` : from.pathname;
    if (from.host === request.nextUrl.host) back = new URL(pathname + from.search, request.url);
  }
  const response = NextResponse.redirect(back, 303);
  if (parsed.success) {
    // Read by the server only (proxy.ts), never by a script.
    response.cookies.set(LOCALE_COOKIE, parsed.data.locale, {
      path: "/",
      sameSite: "lax",
      httpOnly: true,
      secure: isProductionHttps(request.headers),
      maxAge: 60 * 60 * 24 * 365,
    });
  }
  return response;
}
