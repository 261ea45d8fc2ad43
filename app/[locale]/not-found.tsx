import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "@/lib/i18n/get-locale";
import type { Locale } from "@/lib/i18n/locale";
import { unitPageMessagesFor } from "@/lib/i18n/unit-page-messages";

export async function generateMetadata(): Promise<Metadata> {
  const t = unitPageMessagesFor(await getLocale());
  return { title: t.notFoundTitle, robots: { index: false } };
}

/**
 * Every unknown address and every notFound() of the public pages: a period that is not published
 * answers the same as one that does not exist. The title is repeated in the other language, since
 * a shared link may reach a reader who has not chosen theirs yet.
 */
export default async function NotFound() {
  const locale = await getLocale();
  const t = unitPageMessagesFor(locale);
  const other: Locale = locale === "vi" ? "en" : "vi";
  const o = unitPageMessagesFor(other);
  return (
    <div className="max-w-2xl space-y-4">
      <p className="text-sm font-semibold tracking-wide text-slate-700">404</p>
      <h1 className="text-2xl font-bold sm:text-3xl">{t.notFoundTitle}</h1>
      <p className="text-slate-800">{t.notFoundText}</p>
      <p className="text-slate-800">{t.notFoundSuggestions}</p>
      <ul className="list-disc space-y-1 pl-6">
        <li>
          <Link href="/" className="font-medium text-brand-800 underline underline-offset-2">
            {t.notFoundHome}
          </Link>
        </li>
        <li>
          <Link href="/compare" className="font-medium text-brand-800 underline underline-offset-2">
            {t.notFoundCompare}
          </Link>
        </li>
        <li>
          <Link href="/open-data" className="font-medium text-brand-800 underline underline-offset-2">
            {t.notFoundOpenData}
          </Link>
        </li>
      </ul>
      <div lang={other} className="border-t border-slate-300 pt-4 text-sm text-slate-700">
        <p className="font-semibold">{o.notFoundTitle}</p>
        <p>{o.notFoundText}</p>
        <p>
          <Link href="/" className="text-brand-800 underline underline-offset-2">
            {o.notFoundHome}
          </Link>
        </p>
      </div>
    </div>
  );
}
