import Link from "next/link";
import type { LeagueTable, LeagueTableRow } from "@/lib/domain/league-table";
import type { LeagueHighlights } from "@/lib/domain/league-highlights";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";
import { formatDecimal, formatSignedDecimal } from "@/lib/i18n/format-decimal";
import { BandBadge } from "@/components/band-badge";
import { RankChange, rankChangeText } from "@/components/rank-change";

type Props = {
  periodCode: string;
  table: LeagueTable;
  highlights: LeagueHighlights;
  locale: Locale;
  t: Messages;
};

/** One group of the latest period on the home page: average, best and lowest units, movers. */
export function GroupHighlights({ periodCode, table, highlights, locale, t }: Props) {
  const headingId = `highlights-${periodCode}-${table.groupCode}`;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h3 id={headingId} className="text-lg font-semibold text-slate-900">
        {table.groupName}
      </h3>
      <p className="mt-1 text-sm text-slate-700">
        {t.units(table.rows.length)} · {t.groupAverage}:{" "}
        <strong className="text-slate-900">{formatDecimal(table.meanDisplay, locale, 2)}</strong>
        {table.meanChangeDisplay !== null ? ` (${t.meanChange(formatSignedDecimal(table.meanChangeDisplay, locale, 2))})` : null}
      </p>
      <div className="mt-3 grid gap-x-6 gap-y-4 md:grid-cols-2">
        <UnitList title={t.topUnits} rows={highlights.top} table={table} locale={locale} t={t} show="index" />
        <UnitList title={t.bottomUnits} rows={highlights.bottom} table={table} locale={locale} t={t} show="index" />
        <UnitList title={t.risers} rows={highlights.risers} table={table} locale={locale} t={t} show="change" />
        <UnitList title={t.fallers} rows={highlights.fallers} table={table} locale={locale} t={t} show="change" />
      </div>
      <p className="mt-4">
        <Link
          href={`/${encodeURIComponent(periodCode)}/${encodeURIComponent(table.groupCode)}`}
          className="font-medium text-brand-800 underline underline-offset-2 hover:text-brand-900"
        >
          {t.viewFullTable(table.groupName)}
        </Link>
      </p>
    </section>
  );
}

function UnitList({
  title,
  rows,
  table,
  locale,
  t,
  show,
}: {
  title: string;
  rows: LeagueTableRow[];
  table: LeagueTable;
  locale: Locale;
  t: Messages;
  show: "index" | "change";
}) {
  return (
    <div>
      <h4 className="text-sm font-semibold uppercase tracking-wide text-slate-600">{title}</h4>
      {rows.length === 0 ? (
        <p className="mt-1 text-sm text-slate-600">{show === "change" ? t.noMovers : "—"}</p>
      ) : (
        <ol className="mt-1 divide-y divide-slate-100">
          {rows.map((row) => (
            <li key={row.unitCode} className="grid grid-cols-[2rem_1fr_auto] items-baseline gap-x-2 py-1.5 text-sm">
              <span className="text-right tabular-nums text-slate-600">
                <span className="sr-only">{t.rankOf(row.rank)}</span>
                <span aria-hidden="true">{row.rank}.</span>
              </span>
              <Link href={`/units/${encodeURIComponent(row.unitCode)}`} className="min-w-0 text-slate-900 underline-offset-2 hover:underline">
                {row.unitName}
              </Link>
              <span className="flex items-baseline gap-2 tabular-nums">
                {show === "index" ? (
                  <>
                    <span className="font-medium">{formatDecimal(row.indexDisplay, locale, 2)}</span>
                    <BandBadge label={row.band} level={row.bandLevel} count={table.bandCount} />
                  </>
                ) : (
                  <RankChange change={row.rankChange} text={rankChangeText(row.rankChange, t)} />
                )}
              </span>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
