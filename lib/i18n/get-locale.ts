import "server-only";
import { locale } from "next/root-params";
import { DEFAULT_LOCALE, isLocale, type Locale } from "./locale";

/**
 * The page's language: the first path segment, which proxy.ts sets from the visitor's choice
 * (a cookie) or an explicit /en/ address. Read from the route, not from the request, so that
 * each page in each language can be cached whole.
 */
export async function getLocale(): Promise<Locale> {
  const value = await locale();
  return isLocale(value) ? value : DEFAULT_LOCALE;
}
