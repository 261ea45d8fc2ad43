import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPublishedLeagueTables } from "@/lib/data/league-tables";
import { getLocale } from "@/lib/i18n/get-locale";
import { messagesFor } from "@/lib/i18n/messages";
import { formatDate } from "@/lib/i18n/format-date";
import { formatDecimal, formatSignedDecimal } from "@/lib/i18n/format-decimal";
import { LeagueTable } from "@/components/league-table";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ period: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const period = await getPublishedLeagueTables((await params).period);
  return period ? { title: period.name, description: `${period.authority} — ${period.name}` } : {};
}

export default async function PeriodPage({ params }: Props) {
  const locale = await getLocale();
  const t = messagesFor(locale);
  const period = await getPublishedLeagueTables((await params).period);
  if (!period) notFound();

  return (
    <div className="space-y-6">
      <p>
        <Link href="/" className="text-sm text-brand-800 underline-offset-2 hover:underline">← {t.backToHome}</Link>
      </p>
      <header className="space-y-1">
        <h1 className="text-2xl font-bold sm:text-3xl">{period.name}</h1>
        <p className="text-slate-700">{period.authority}</p>
        {period.decisionNumber && period.decisionDate ? (
          <p className="text-sm text-slate-600">{t.decisionOf(period.decisionNumber, formatDate(period.decisionDate, locale))}</p>
        ) : null}
        {period.illustrative ? (
          <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t.demoNotice}</p>
        ) : null}
      </header>
      {period.tables.map((table) => (
        <section key={table.groupCode} aria-labelledby={`group-${table.groupCode}`} className="space-y-2">
          <h2 id={`group-${table.groupCode}`} className="text-xl font-semibold">{table.groupName}</h2>
          <p className="text-sm text-slate-700">
            {t.groupAverage}: <strong>{formatDecimal(table.meanDisplay, locale, 2)}</strong>
            {table.meanChangeDisplay !== null ? ` (${formatSignedDecimal(table.meanChangeDisplay, locale, 2)})` : null}
          </p>
          <LeagueTable table={table} caption={t.leagueTableCaption(table.groupName, period.name)} locale={locale} t={t} />
        </section>
      ))}
    </div>
  );
}
