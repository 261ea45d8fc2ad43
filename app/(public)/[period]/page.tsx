import { cache } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPublishedLeagueTables } from "@/lib/data/league-tables";
import type { LeagueTable } from "@/lib/domain/league-table";
import { indexHistogram } from "@/lib/domain/index-histogram";
import { getLocale } from "@/lib/i18n/get-locale";
import type { Locale } from "@/lib/i18n/locale";
import { messagesFor, type Messages } from "@/lib/i18n/messages";
import { formatDate } from "@/lib/i18n/format-date";
import { formatDecimal, formatSignedDecimal } from "@/lib/i18n/format-decimal";
import {
  LeagueTableExplorer,
  type LeagueExplorerFieldColumn,
  type LeagueExplorerLabels,
  type LeagueExplorerRow,
} from "@/components/league-table-explorer";
import { rankChangeText } from "@/components/rank-change";
import { IndexDistributionChart } from "@/components/index-distribution-chart";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ period: string }> };

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
        <div className="pt-1 text-sm">
          <h2 className="font-semibold text-slate-800">{t.downloadData}</h2>
          <ul className="mt-1 space-y-1">
            {period.tables.map((table) => {
              const group = encodeURIComponent(table.groupCode);
              const base = `/api/v1/periods/${encodeURIComponent(period.code)}/rankings`;
              return (
                <li key={table.groupCode} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
                  {period.tables.length > 1 ? <span className="text-slate-700">{table.groupName}:</span> : null}
                  <a href={`${base}.csv?group=${group}`} className="inline-block py-1 font-medium text-brand-800 underline underline-offset-2">
                    {t.downloadCsv}
                    <span className="sr-only"> — {table.groupName}</span>
                  </a>
                  <a href={`${base}?group=${group}`} className="inline-block py-1 font-medium text-brand-800 underline underline-offset-2">
                    {t.downloadJson}
                    <span className="sr-only"> — {table.groupName}</span>
                  </a>
                </li>
              );
            })}
          </ul>
        </div>
      </header>

      {period.tables.map((table) => {
        const headingId = `group-${table.groupCode}`;
        const fieldColumns = explorerFieldColumns(table, locale);
        return (
          <section key={table.groupCode} aria-labelledby={headingId} className="space-y-4">
            <div className="space-y-1 border-b border-slate-300 pb-2">
              <h2 id={headingId} className="text-xl font-semibold">
                {table.groupName}
              </h2>
              <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
                <span>{t.units(table.rows.length)}</span>
                <span>
                  {t.groupAverage}: <strong className="text-slate-900">{formatDecimal(table.meanDisplay, locale, 2)}</strong>
                  {table.meanChangeDisplay !== null
                    ? ` (${t.meanChange(formatSignedDecimal(table.meanChangeDisplay, locale, 2))})`
                    : null}
                </span>
              </p>
            </div>
            <LeagueTableExplorer
              rows={explorerRows(table, locale, t)}
              fieldColumns={fieldColumns}
              bandCount={table.bandCount}
              caption={t.leagueTableCaption(table.groupName, period.name)}
              labels={explorerLabels(t, table.rows.length, fieldColumns)}
            />
            <IndexDistributionChart
              bins={indexHistogram(table.rows.map((row) => row.indexDisplay))}
              groupName={table.groupName}
              headingId={`distribution-${table.groupCode}`}
              t={t}
            />
          </section>
        );
      })}
    </div>
  );
}

/** Only what the browser needs, with every number already formatted here from its exact decimal. */
function explorerRows(table: LeagueTable, locale: Locale, t: Messages): LeagueExplorerRow[] {
  return table.rows.map((row) => ({
    rank: row.rank,
    rankChange: row.rankChange,
    unitCode: row.unitCode,
    unitName: row.unitName,
    total: row.total,
    index: row.index,
    band: row.band,
    bandLevel: row.bandLevel,
    rankChangeText: rankChangeText(row.rankChange, t),
    fields: row.fields.map((field) => ({ code: field.code, points: field.points, notApplicable: field.notApplicable })),
    totalShown: formatDecimal(row.total, locale, 2),
    indexShown: formatDecimal(row.indexDisplay, locale, 2),
    fieldsShown: row.fields.map((field) => (field.notApplicable ? null : formatDecimal(field.points, locale, 2))),
  }));
}

function explorerFieldColumns(table: LeagueTable, locale: Locale): LeagueExplorerFieldColumn[] {
  return table.fieldColumns.map((column) => ({
    code: column.code,
    name: column.name,
    // Maxima are printed as the criteria set states them ("13,5", "31,5"), not padded like scores.
    maxShown: formatDecimal(column.maxPoints, locale, significantDecimals(column.maxPoints)),
  }));
}

function significantDecimals(plain: string): number {
  return plain.split(".")[1]?.replace(/0+$/, "").length ?? 0;
}

function explorerLabels(t: Messages, unitCount: number, fieldColumns: LeagueExplorerFieldColumn[]): LeagueExplorerLabels {
  return {
    rank: t.rank,
    rankChange: t.rankChange,
    unit: t.unit,
    total: t.total,
    index: t.index,
    band: t.band,
    filterUnits: t.filterUnits,
    filterHint: t.filterHint,
    noMatches: t.noMatches,
    showAllFields: t.showAllFields,
    hideAllFields: t.hideAllFields,
    fieldNotApplicable: t.fieldNotApplicable,
    fieldScores: t.fieldScores,
    sortBy: t.sortBy,
    sortOrder: t.sortOrder,
    sortAscending: t.sortAscending,
    sortDescending: t.sortDescending,
    sortHint: t.sortHint,
    matchCounts: Array.from({ length: unitCount + 1 }, (_, shown) => t.matchCount(shown, unitCount)),
    fieldColumnCounts: Array.from({ length: fieldColumns.length + 1 }, (_, shown) => t.fieldColumns(shown, fieldColumns.length)),
    fieldMaxima: fieldColumns.map((column) => t.fieldMax(column.maxShown)),
  };
}
