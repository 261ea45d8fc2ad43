import { cache } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPublishedLeagueTables } from "@/lib/data/league-tables";
import { getLocale } from "@/lib/i18n/get-locale";
import { messagesFor } from "@/lib/i18n/messages";
import { formatDate } from "@/lib/i18n/format-date";
import { formatDecimal, formatSignedDecimal } from "@/lib/i18n/format-decimal";
import { GroupLeagueSection } from "@/components/group-league-section";
import { TableDownloads } from "@/components/table-downloads";

/**
 * Rendered on its first request and then served from the cache: published figures change only
 * when a period is published or corrected. A publication, from the console of any instance or from
 * the command line, reaches every instance's cache at once (lib/data/page-cache-handler.mjs); the
 * five-minute refresh only catches changes made to the database by hand.
 */
export const revalidate = 300;

/** No page is rendered at build time (a build has no database); each is cached on first request. */
export function generateStaticParams() {
  return [];
}

type Props = { params: Promise<{ period: string }> };

/**
 * Groups up to this size are shown whole on the period page; a larger one (a national group of
 * communes) gets its own page, so a phone never downloads thousands of rows it did not ask for.
 */
const INLINE_ROWS = 200;

/** generateMetadata and the page ask for the same snapshot: one query per request. */
const loadPeriod = cache(getPublishedLeagueTables);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [period, locale] = await Promise.all([loadPeriod((await params).period), getLocale()]);
  if (!period) return {};
  const t = messagesFor(locale);
  const groups = period.tables.map((table) => `${table.groupName} (${t.units(table.rows.length)})`).join(", ");
  const description = t.periodMetaDescription(period.name, period.authority, groups, formatDate(period.publishedAt, locale));
  return {
    title: period.name,
    description,
    openGraph: { title: period.name, description, type: "website" },
  };
}

export default async function PeriodPage({ params }: Props) {
  const [period, locale] = await Promise.all([loadPeriod((await params).period), getLocale()]);
  if (!period) notFound();
  const t = messagesFor(locale);

  return (
    <div className="space-y-8">
      <p>
        <Link href="/" className="text-sm text-brand-800 underline-offset-2 hover:underline">
          ← {t.backToHome}
        </Link>
      </p>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold text-balance sm:text-3xl">{period.name}</h1>
        <p className="text-slate-700">{period.authority}</p>
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
          {period.decisionNumber && period.decisionDate ? (
            <span>{t.decisionOf(period.decisionNumber, formatDate(period.decisionDate, locale))}</span>
          ) : null}
          <span>{t.publishedOn(formatDate(period.publishedAt, locale))}</span>
        </p>
        {period.illustrative ? (
          <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t.demoNotice}</p>
        ) : null}
        <nav aria-label={t.aboutPeriod} className="pt-1 text-sm">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            <li>
              <Link href={`/methodology/${encodeURIComponent(period.code)}`} className="inline-block py-1 font-medium text-brand-800 underline underline-offset-2">
                {t.methodologyLink}
              </Link>
            </li>
            <li>
              <Link href={`/sipas/${encodeURIComponent(period.code)}`} className="inline-block py-1 font-medium text-brand-800 underline underline-offset-2">
                {t.sipasLink}
              </Link>
            </li>
            <li>
              <Link href={`/compare?period=${encodeURIComponent(period.code)}`} className="inline-block py-1 font-medium text-brand-800 underline underline-offset-2">
                {t.compareLink}
              </Link>
            </li>
          </ul>
        </nav>
        <div className="pt-1">
          <TableDownloads
            t={t}
            headingLevel={2}
            downloads={period.tables.map((table) => ({
              key: table.groupCode,
              path: `/api/v1/periods/${encodeURIComponent(period.code)}/rankings`,
              query: `group=${encodeURIComponent(table.groupCode)}`,
              label: period.tables.length > 1 ? table.groupName : undefined,
              tableName: table.groupName,
            }))}
          />
        </div>
      </header>

      {period.tables.map((table) =>
        table.rows.length <= INLINE_ROWS ? (
          <GroupLeagueSection key={table.groupCode} periodCode={period.code} table={table} periodName={period.name} locale={locale} t={t} headingLevel={2} />
        ) : (
          <section key={table.groupCode} aria-labelledby={`group-${table.groupCode}`} className="space-y-2 border-b border-slate-300 pb-4">
            <h2 id={`group-${table.groupCode}`} className="text-xl font-semibold">
              {table.groupName}
            </h2>
            <p className="text-sm text-slate-700">
              {t.units(table.rows.length)} · {t.groupAverage}:{" "}
              <strong className="text-slate-900">{formatDecimal(table.meanDisplay, locale, 2)}</strong>
              {table.meanChangeDisplay !== null ? ` (${t.meanChange(formatSignedDecimal(table.meanChangeDisplay, locale, 2))})` : null}
            </p>
            <p>
              <Link
                href={`/${encodeURIComponent(period.code)}/${encodeURIComponent(table.groupCode)}`}
                className="font-medium text-brand-800 underline underline-offset-2"
              >
                {t.viewFullTable(table.groupName)}
              </Link>
            </p>
          </section>
        ),
      )}
    </div>
  );
}
