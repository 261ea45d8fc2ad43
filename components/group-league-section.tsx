import type { LeagueTable } from "@/lib/domain/league-table";
import { indexHistogram } from "@/lib/domain/index-histogram";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";
import { formatDecimal, formatSignedDecimal } from "@/lib/i18n/format-decimal";
import { formatStatedDecimal } from "@/lib/i18n/format-stated-decimal";
import {
  LeagueTableExplorer,
  type LeagueExplorerFieldColumn,
  type LeagueExplorerLabels,
  type LeagueExplorerRow,
} from "@/components/league-table-explorer";
import { rankChangeText } from "@/components/rank-change";
import { IndexDistributionChart } from "@/components/index-distribution-chart";

type Props = {
  periodCode: string;
  table: LeagueTable;
  periodName: string;
  locale: Locale;
  t: Messages;
  /** h2 under a period's h1; h1 on a page of one group. */
  headingLevel: 1 | 2;
};

/** One group's league table with its summary and distribution, as the period and group pages show it. */
export function GroupLeagueSection({ periodCode, table, periodName, locale, t, headingLevel }: Props) {
  const headingId = `group-${table.groupCode}`;
  const fieldColumns = explorerFieldColumns(table, locale);
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <div className="space-y-1 border-b border-slate-300 pb-2">
        <Heading id={headingId} className={headingLevel === 1 ? "text-2xl font-bold sm:text-3xl" : "text-xl font-semibold"}>
          {table.groupName}
        </Heading>
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
          <span>{t.units(table.rows.length)}</span>
          <span>
            {t.groupAverage}: <strong className="text-slate-900">{formatDecimal(table.meanDisplay, locale, 2)}</strong>
            {table.meanChangeDisplay !== null ? ` (${t.meanChange(formatSignedDecimal(table.meanChangeDisplay, locale, 2))})` : null}
          </span>
        </p>
      </div>
      <LeagueTableExplorer
        periodCode={periodCode}
        rows={explorerRows(table, locale, t)}
        fieldColumns={fieldColumns}
        bandCount={table.bandCount}
        caption={t.leagueTableCaption(table.groupName, periodName)}
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
    fieldPoints: row.fields.map((field) => (field.notApplicable ? null : field.points)),
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
    maxShown: formatStatedDecimal(column.maxPoints, locale),
  }));
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
    // Templates: the browser fills in the counts.
    showMoreUnits: t.showMoreUnits("{count}"),
    showAllUnits: t.showAllUnits("{count}"),
    partialListNote: t.partialListNote("{shown}", "{total}"),
    fieldColumnCounts: Array.from({ length: fieldColumns.length + 1 }, (_, shown) => t.fieldColumns(shown, fieldColumns.length)),
    fieldMaxima: fieldColumns.map((column) => t.fieldMax(column.maxShown)),
  };
}
