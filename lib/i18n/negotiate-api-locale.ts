import { DEFAULT_LOCALE, isLocale, type Locale } from "./locale";

/**
 * The language of the API's messages: `?lang=vi|en` when given (an unknown value is ignored, since
 * the language only changes error messages, never data), otherwise the language the client's
 * `Accept-Language` ranks higher among Vietnamese and English, Vietnamese when neither is named.
 * API clients send no cookie, so the site's language cookie is not consulted.
 */
export function negotiateApiLocale(acceptLanguage: string | null, lang: string | null): Locale {
  const explicit = lang?.trim().toLowerCase();
  if (isLocale(explicit)) return explicit;
  if (!acceptLanguage) return DEFAULT_LOCALE;

  let best: { locale: Locale; q: number } | null = null;
  for (const range of acceptLanguage.split(",")) {
    const [tag = "", ...parameters] = range.split(";");
    const primary = tag.trim().toLowerCase().split("-")[0];
    if (!isLocale(primary)) continue;
    const q = qualityOf(parameters);
    // Equal weights keep the first listed, as the client wrote its preference in that order.
    if (q > 0 && (!best || q > best.q)) best = { locale: primary, q };
  }
  return best?.locale ?? DEFAULT_LOCALE;
}

function qualityOf(parameters: string[]): number {
  for (const parameter of parameters) {
    const [name, value] = parameter.split("=").map((part) => part.trim());
    if (name?.toLowerCase() !== "q") continue;
    const q = Number(value);
    return Number.isFinite(q) && q >= 0 && q <= 1 ? q : 0;
  }
  return 1;
}
