import Link from "next/link";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";

export function SiteHeader({ locale, t }: { locale: Locale; t: Messages }) {
  const other: Locale = locale === "vi" ? "en" : "vi";
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-4 gap-y-2 px-4 py-3 sm:px-6">
        <Link href="/" className="font-semibold text-brand-800 hover:underline">
          {t.siteName}
        </Link>
        <nav aria-label={t.primaryNavigation} className="ml-auto text-sm">
          <ul className="flex items-center gap-4">
            <li>
              <Link href="/compare" className="text-slate-800 underline-offset-2 hover:underline">
                {t.navCompare}
              </Link>
            </li>
            <li>
              <Link href="/open-data" className="text-slate-800 underline-offset-2 hover:underline">
                {t.openData}
              </Link>
            </li>
          </ul>
        </nav>
        <form action="/api/locale" method="post">
          <input type="hidden" name="locale" value={other} />
          <button
            type="submit"
            lang={other}
            title={t.languageSwitchLabel}
            className="rounded border border-slate-300 px-3 py-1 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
          >
            {t.languageSwitch}
          </button>
        </form>
      </div>
    </header>
  );
}
