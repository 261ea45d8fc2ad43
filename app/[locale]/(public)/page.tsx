import Link from "next/link";
import { listPublishedPeriods } from "@/lib/data/published-periods";
import { getPublishedLeagueTables } from "@/lib/data/league-tables";
import { getLocale } from "@/lib/i18n/get-locale";
import { messagesFor } from "@/lib/i18n/messages";
import { formatDate } from "@/lib/i18n/format-date";
import { formatDecimal } from "@/lib/i18n/format-decimal";
import { selectLeagueHighlights } from "@/lib/domain/league-highlights";
import { GroupHighlights } from "@/components/group-highlights";

/**
 * Rendered on its first request and then served from the cache: published figures change only
 * when a period is published or corrected. A publication, from the console of any instance or from
 * the command line, reaches every instance's cache at once (lib/data/page-cache-handler.mjs); the
 * five-minute refresh only catches changes made to the database by hand.
 */
export const revalidate = 300;

export default async function HomePage() {
  const locale = await getLocale();
  const t = messagesFor(locale);
  const periods = await listPublishedPeriods();
  const latestYear = periods[0]?.year;
  const latest = await Promise.all(
    periods.filter((period) => period.year === latestYear).map((period) => getPublishedLeagueTables(period.code)),
  );

  return (
    <div className="space-y-8">
      <section className="space-y-3">
        <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">{t.homeTitle}</h1>
        <p className="max-w-3xl text-slate-700">{t.homeIntro}</p>
        {periods.some((period) => period.illustrative) ? (
          <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t.demoNotice}</p>
        ) : null}
      </section>

      {latest.map((period) =>
        period ? (
          <section key={period.code} aria-labelledby={`latest-${period.code}`} className="space-y-3">
            <div>
              <h2 id={`latest-${period.code}`} className="text-xl font-semibold">
                {t.atAGlance(period.name)}
              </h2>
              <p className="text-sm text-slate-600">
                {period.authority}
                {period.decisionNumber && period.decisionDate
                  ? ` · ${t.decisionOf(period.decisionNumber, formatDate(period.decisionDate, locale))}`
                  : null}
              </p>
            </div>
            <div className="grid gap-4 xl:grid-cols-2">
              {period.tables.map((table) => (
                <GroupHighlights
                  key={table.groupCode}
                  periodCode={period.code}
                  table={table}
                  highlights={selectLeagueHighlights(table)}
                  locale={locale}
                  t={t}
                />
              ))}
            </div>
          </section>
        ) : null,
      )}
      <section aria-labelledby="periods-heading" className="space-y-3">
        <h2 id="periods-heading" className="text-xl font-semibold">{t.publishedPeriods}</h2>
        {periods.length === 0 ? (
          <p>{t.noPublishedPeriods}</p>
        ) : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {periods.map((period) => (
              <li key={period.code} className="rounded-lg border border-slate-200 bg-white p-4">
                <h3 className="font-medium">
                  <Link href={`/${period.code}`} className="text-brand-800 underline-offset-2 hover:underline">
                    {period.name}
                  </Link>
                </h3>
                <p className="mt-1 text-sm text-slate-600">{period.authority}</p>
                {period.decisionNumber && period.decisionDate ? (
                  <p className="mt-1 text-sm text-slate-600">
                    {t.decisionOf(period.decisionNumber, formatDate(period.decisionDate, locale))}
                  </p>
                ) : null}
                <ul className="mt-2 text-sm text-slate-700">
                  {period.groups.map((group) => (
                    <li key={group.code}>
                      {group.name}: {t.units(group.unitCount)}, {t.groupAverage.toLowerCase()} {formatDecimal(group.meanDisplay, locale, 2)}
                    </li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        )}
      </section>

    </div>
  );
}
