import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { locale as localeParam } from "next/root-params";
import "../globals.css";
import { isLocale } from "@/lib/i18n/locale";
import { getLocale } from "@/lib/i18n/get-locale";
import { messagesFor } from "@/lib/i18n/messages";
import { SiteHeader } from "@/components/site-header";

export async function generateMetadata(): Promise<Metadata> {
  const t = messagesFor(await getLocale());
  return {
    title: { default: t.homeTitle, template: `%s — ${t.siteName}` },
    description: t.siteTagline,
  };
}

/**
 * Nothing is rendered at build time (pages read the database, which a build does not have): each
 * page is rendered on its first request in each language and then served from the cache.
 */
export function generateStaticParams() {
  return [];
}

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // proxy.ts puts the language in front of every path; any other first segment is an
  // address nobody links to.
  if (!isLocale(await localeParam())) notFound();
  const locale = await getLocale();
  const t = messagesFor(locale);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 focus:shadow"
        >
          {t.skipToContent}
        </a>
        <SiteHeader locale={locale} t={t} />
        <main id="main" className="mx-auto max-w-6xl px-4 py-6 sm:px-6">
          {children}
        </main>
        <footer className="mx-auto max-w-6xl px-4 pb-8 pt-4 text-sm text-slate-600 sm:px-6">{t.footer}</footer>
      </body>
    </html>
  );
}
