"use client";

import { useId, useMemo, useState } from "react";
import Link from "next/link";
import { foldDiacritics, matchesFoldedQuery } from "@/lib/domain/fold-diacritics";
import {
  DEFAULT_LEAGUE_SORT,
  firstDirection,
  nextSort,
  sortLeagueRows,
  type LeagueSort,
  type LeagueSortKey,
  type SortableLeagueRow,
  type SortDirection,
} from "@/lib/domain/sort-league-rows";
import { BandBadge } from "./band-badge";
import { RankChange } from "./rank-change";

/**
 * A row as the browser gets it: exact decimal strings to sort by and the texts to show, formatted on
 * the server, so that this bundle carries no decimal library and no number formatting.
 */
export type LeagueExplorerRow = Omit<SortableLeagueRow, "fields"> & {
  /**
   * Per field column, in the same order: the exact points, null where the field is not applicable.
   * Codes are the columns' own: a national group sends hundreds of rows, and repeating them per row
   * was a third of the page.
   */
  fieldPoints: (string | null)[];
  band: string | null;
  totalShown: string;
  indexShown: string;
  /** What a screen reader says for the rank change ("tăng 2 bậc"). */
  rankChangeText: string;
  /** Per field column, in the same order; null where the field is not applicable to the unit. */
  fieldsShown: (string | null)[];
};

export type LeagueExplorerFieldColumn = { code: string; name: string; maxShown: string };

/**
 * The texts of this component in the reader's language, picked from lib/i18n/messages by the page.
 * Plain strings rather than the catalogue, which would ship every message of the site to the browser
 * (and cannot: its templates are functions). Texts with a count come as one string per possible count.
 */
export type LeagueExplorerLabels = {
  rank: string;
  rankChange: string;
  unit: string;
  total: string;
  index: string;
  band: string;
  filterUnits: string;
  filterHint: string;
  noMatches: string;
  showAllFields: string;
  hideAllFields: string;
  fieldNotApplicable: string;
  fieldScores: string;
  sortBy: string;
  sortOrder: string;
  sortAscending: string;
  sortDescending: string;
  sortHint: string;
  /** Indexed by the number of units shown, 0 to all. */
  matchCounts: string[];
  /** Indexed by the number of field columns shown, 0 to all. */
  fieldColumnCounts: string[];
  /** Per field column, in the same order: "tối đa 13,5". */
  fieldMaxima: string[];
  /** "{count}" is replaced by the browser. */
  showMoreUnits: string;
  showAllUnits: string;
  /** "{shown}" and "{total}" are replaced by the browser. */
  partialListNote: string;
};

/**
 * Rows drawn at first, and added per "show more": a national group has hundreds of communes, and a
 * phone should not lay out (nor the server send) all of them before the reader asks. Filtering and
 * sorting always consider every row.
 */
const ROWS_PER_PAGE = 100;

type Props = {
  /** Unit names link to their unit page for this period. */
  periodCode: string;
  rows: LeagueExplorerRow[];
  fieldColumns: LeagueExplorerFieldColumn[];
  bandCount: number;
  caption: string;
  labels: LeagueExplorerLabels;
};

const BASE_COLUMNS = ["rank", "rankChange", "unit", "total", "index", "band"] as const;
const NUMERIC: ReadonlySet<LeagueSortKey> = new Set(["rank", "rankChange", "total", "index"]);

const focusRing = "focus-ring";

/** One group's league table: filter by name, sort by any column, show or hide field columns; cards on phones. */
export function LeagueTableExplorer({ periodCode, rows, fieldColumns, bandCount, caption, labels: t }: Props) {
  const unitHref = (unitCode: string) => `/units/${encodeURIComponent(unitCode)}?period=${encodeURIComponent(periodCode)}`;
  const id = useId();
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<LeagueSort>(DEFAULT_LEAGUE_SORT);
  const [hiddenFields, setHiddenFields] = useState<ReadonlySet<string>>(() => new Set());
  const [limit, setLimit] = useState(ROWS_PER_PAGE);

  const sortableRows = useMemo(
    () =>
      rows.map((row) => ({
        ...row,
        fields: fieldColumns.map((column, position) => {
          const points = row.fieldPoints[position] ?? null;
          return { code: column.code, points: points ?? "0", notApplicable: points === null };
        }),
      })),
    [rows, fieldColumns],
  );
  const foldedNames = useMemo(() => new Map(rows.map((row) => [row.unitCode, foldDiacritics(row.unitName)])), [rows]);
  const shownRows = useMemo(
    () => sortLeagueRows(sortableRows.filter((row) => matchesFoldedQuery(foldedNames.get(row.unitCode) ?? "", query)), sort),
    [sortableRows, foldedNames, query, sort],
  );
  const visibleRows = shownRows.slice(0, limit);
  const hiddenCount = shownRows.length - visibleRows.length;
  const shownFields = fieldColumns.flatMap((column, position) => (hiddenFields.has(column.code) ? [] : [{ ...column, position }]));

  const labelOf = (key: LeagueSortKey): string => {
    switch (key) {
      case "rank":
        return t.rank;
      case "rankChange":
        return t.rankChange;
      case "unit":
        return t.unit;
      case "total":
        return t.total;
      case "index":
        return t.index;
      case "band":
        return t.band;
      default: {
        const column = fieldColumns.find((candidate) => `field:${candidate.code}` === key);
        return column ? `${column.code}. ${column.name}` : key;
      }
    }
  };

  const setFieldHidden = (codes: readonly string[], hidden: boolean) => {
    const next = new Set(hiddenFields);
    for (const code of codes) {
      if (hidden) next.add(code);
      else next.delete(code);
    }
    setHiddenFields(next);
    // A hidden column cannot show that the table is sorted by it.
    if (hidden && sort.key.startsWith("field:") && codes.includes(sort.key.slice("field:".length))) setSort(DEFAULT_LEAGUE_SORT);
  };

  const sortKeys: LeagueSortKey[] = [...BASE_COLUMNS, ...shownFields.map((column) => `field:${column.code}` as const)];

  return (
    <div className="space-y-3">
      <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
        <div className="flex-1 sm:max-w-sm">
          <label htmlFor={`${id}-filter`} className="block text-sm font-medium text-slate-800">
            {t.filterUnits}
          </label>
          <input
            id={`${id}-filter`}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            aria-describedby={`${id}-filter-hint`}
            autoComplete="off"
            spellCheck={false}
            className={`mt-1 block w-full rounded border border-slate-400 bg-white px-3 py-2 text-base sm:text-sm ${focusRing}`}
          />
          <p id={`${id}-filter-hint`} className="mt-1 text-xs text-slate-600">
            {t.filterHint}
          </p>
        </div>

        {/* Phones see cards, which have no headings to press: sorting is offered as two selects. */}
        <div className="grid grid-cols-2 gap-3 sm:hidden">
          <div>
            <label htmlFor={`${id}-sort`} className="block text-sm font-medium text-slate-800">
              {t.sortBy}
            </label>
            <select
              id={`${id}-sort`}
              value={sort.key}
              onChange={(event) => {
                const key = event.target.value as LeagueSortKey;
                setSort({ key, direction: firstDirection(key) });
              }}
              className={`mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-2 text-base ${focusRing}`}
            >
              {sortKeys.map((key) => (
                <option key={key} value={key}>
                  {labelOf(key)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor={`${id}-order`} className="block text-sm font-medium text-slate-800">
              {t.sortOrder}
            </label>
            <select
              id={`${id}-order`}
              value={sort.direction}
              onChange={(event) => setSort({ key: sort.key, direction: event.target.value as SortDirection })}
              className={`mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-2 text-base ${focusRing}`}
            >
              <option value="ascending">{t.sortAscending}</option>
              <option value="descending">{t.sortDescending}</option>
            </select>
          </div>
        </div>

        {fieldColumns.length > 0 ? (
          <details className="rounded border border-slate-300 bg-white sm:self-end">
            <summary className={`cursor-pointer select-none px-3 py-2 text-sm font-medium text-slate-800 ${focusRing}`}>
              {t.fieldColumnCounts[shownFields.length]}
            </summary>
            <fieldset className="space-y-1 border-t border-slate-200 px-3 py-2">
              <legend className="sr-only">{t.fieldColumnCounts[shownFields.length]}</legend>
              <div className="flex gap-2 pb-1">
                <button
                  type="button"
                  onClick={() => setFieldHidden(fieldColumns.map((column) => column.code), false)}
                  className={`rounded border border-slate-400 px-2 py-1 text-xs hover:bg-slate-100 ${focusRing}`}
                >
                  {t.showAllFields}
                </button>
                <button
                  type="button"
                  onClick={() => setFieldHidden(fieldColumns.map((column) => column.code), true)}
                  className={`rounded border border-slate-400 px-2 py-1 text-xs hover:bg-slate-100 ${focusRing}`}
                >
                  {t.hideAllFields}
                </button>
              </div>
              {fieldColumns.map((column) => (
                <label key={column.code} className="flex items-start gap-2 py-0.5 text-sm text-slate-800">
                  <input
                    type="checkbox"
                    checked={!hiddenFields.has(column.code)}
                    onChange={(event) => setFieldHidden([column.code], !event.target.checked)}
                    className={`mt-0.5 size-5 shrink-0 accent-brand-700 ${focusRing}`}
                  />
                  <span>
                    {column.code}. {column.name}
                  </span>
                </label>
              ))}
            </fieldset>
          </details>
        ) : null}
      </div>

      <p role="status" aria-live="polite" aria-atomic="true" className="text-sm text-slate-700">
        {t.matchCounts[shownRows.length]}
      </p>

      {/* Wide screens: the table scrolls in its own box, so its header row can stay in view. */}
      <div
        role="region"
        aria-labelledby={`${id}-caption`}
        tabIndex={0}
        className={`hidden max-h-[80vh] overflow-auto rounded-lg border border-slate-300 bg-white sm:block ${focusRing}`}
      >
        <table className="league-table w-full border-separate border-spacing-0 text-sm">
          <caption id={`${id}-caption`} className="sr-only">
            {caption}. {t.sortHint}
          </caption>
          <thead>
            <tr>
              {BASE_COLUMNS.map((key) => (
                <SortHeader
                  key={key}
                  sortKey={key}
                  sort={sort}
                  onSort={setSort}
                  align={NUMERIC.has(key) ? "end" : "start"}
                  stickyLeft={key === "unit"}
                >
                  <span className="whitespace-nowrap">{labelOf(key)}</span>
                </SortHeader>
              ))}
              {shownFields.map((column) => (
                <SortHeader key={column.code} sortKey={`field:${column.code}`} sort={sort} onSort={setSort} align="end">
                  {/* Long field names wrap to three lines at most; the full name stays the button's name. */}
                  <span className="line-clamp-3 block w-32" title={`${column.code}. ${column.name}`}>
                    {column.code}. {column.name}
                  </span>
                  <span className="block text-xs font-normal text-slate-700">{t.fieldMaxima[column.position]}</span>
                </SortHeader>
              ))}
            </tr>
          </thead>
          <tbody>
            {visibleRows.map((row) => (
              <tr key={row.unitCode} className="bg-white even:bg-slate-50">
                <td className="font-semibold">{row.rank}</td>
                <td className="whitespace-nowrap">
                  <RankChange change={row.rankChange} text={row.rankChangeText} />
                </td>
                {/* The unit stays in view while the field columns scroll sideways under it. */}
                <th scope="row" className="sticky left-0 z-[1] border-r bg-inherit text-left font-medium">
                  <Link href={unitHref(row.unitCode)} prefetch={false} className={`block w-52 text-brand-800 underline-offset-2 hover:underline ${focusRing}`}>
                    {row.unitName}
                  </Link>
                </th>
                <td>{row.totalShown}</td>
                <td className="font-semibold">{row.indexShown}</td>
                <td className="text-left">
                  <BandBadge label={row.band} level={row.bandLevel} count={bandCount} />
                </td>
                {shownFields.map((column) => (
                  <td key={column.code}>
                    <FieldPoints shown={row.fieldsShown[column.position] ?? null} notApplicable={t.fieldNotApplicable} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        {shownRows.length === 0 ? <p className="px-4 py-6 text-center text-slate-700">{t.noMatches}</p> : null}
      </div>

      {/* Phones: one card per unit, in the same order as the table would be. */}
      <ol className="space-y-3 sm:hidden" aria-label={caption}>
        {visibleRows.map((row) => (
          <li key={row.unitCode} className="rounded-lg border border-slate-300 bg-white p-4 shadow-sm">
            <div className="flex items-start gap-3">
              <p className="min-w-10 rounded bg-slate-100 px-2 py-1 text-center text-xl font-bold tabular-nums text-slate-900">
                <span className="sr-only">{t.rank} </span>
                {row.rank}
              </p>
              <h3 className="min-w-0 flex-1 pt-1 font-semibold leading-snug text-slate-900">
                <Link href={unitHref(row.unitCode)} prefetch={false} className={`text-brand-800 underline-offset-2 hover:underline ${focusRing}`}>
                  {row.unitName}
                </Link>
              </h3>
            </div>
            <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
              <div>
                <dt className="text-slate-600">{t.index}</dt>
                <dd className="text-lg font-semibold tabular-nums text-slate-900">{row.indexShown}</dd>
              </div>
              <div>
                <dt className="text-slate-600">{t.band}</dt>
                <dd className="pt-1">
                  <BandBadge label={row.band} level={row.bandLevel} count={bandCount} />
                </dd>
              </div>
              <div>
                <dt className="text-slate-600">{t.total}</dt>
                <dd className="tabular-nums">{row.totalShown}</dd>
              </div>
              <div>
                <dt className="text-slate-600">{t.rankChange}</dt>
                <dd className="tabular-nums">
                  <RankChange change={row.rankChange} text={row.rankChangeText} />
                </dd>
              </div>
            </dl>
            {shownFields.length > 0 ? (
              <CardFieldScores summary={t.fieldScores}>
                {() => (
                  <dl className="mt-1 divide-y divide-slate-100 text-sm">
                    {shownFields.map((column) => (
                      <div key={column.code} className="flex items-baseline justify-between gap-3 py-1.5">
                        <dt className="text-slate-700">
                          {column.code}. {column.name}
                        </dt>
                        <dd className="shrink-0 text-right tabular-nums">
                          <FieldPoints shown={row.fieldsShown[column.position] ?? null} notApplicable={t.fieldNotApplicable} />
                          <span className="text-slate-600"> / {column.maxShown}</span>
                        </dd>
                      </div>
                    ))}
                  </dl>
                )}
              </CardFieldScores>
            ) : null}
          </li>
        ))}
      </ol>
      {shownRows.length === 0 ? <p className="py-4 text-center text-slate-700 sm:hidden">{t.noMatches}</p> : null}

      {hiddenCount > 0 ? (
        <div className="flex flex-wrap items-center gap-3 pt-1">
          <p className="w-full text-sm text-slate-700">
            {t.partialListNote.replace("{shown}", String(visibleRows.length)).replace("{total}", String(shownRows.length))}
          </p>
          <button
            type="button"
            onClick={() => setLimit(limit + ROWS_PER_PAGE)}
            className={`rounded border border-slate-400 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100 ${focusRing}`}
          >
            {t.showMoreUnits.replace("{count}", String(Math.min(ROWS_PER_PAGE, hiddenCount)))}
          </button>
          <button
            type="button"
            onClick={() => setLimit(shownRows.length)}
            className={`rounded border border-slate-400 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100 ${focusRing}`}
          >
            {t.showAllUnits.replace("{count}", String(shownRows.length))}
          </button>
        </div>
      ) : null}
    </div>
  );
}

/** A card's field points, drawn only once opened: most readers never open most cards. */
function CardFieldScores({ summary, children }: { summary: string; children: () => React.ReactNode }) {
  const [open, setOpen] = useState(false);
  return (
    <details className="mt-3 border-t border-slate-200 pt-2" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary className={`cursor-pointer py-1 text-sm font-medium text-brand-800 ${focusRing}`}>{summary}</summary>
      {open ? children() : null}
    </details>
  );
}

function SortHeader({
  sortKey,
  sort,
  onSort,
  align,
  stickyLeft = false,
  children,
}: {
  sortKey: LeagueSortKey;
  sort: LeagueSort;
  onSort: (sort: LeagueSort) => void;
  align: "start" | "end";
  stickyLeft?: boolean;
  children: React.ReactNode;
}) {
  const active = sort.key === sortKey;
  const arrow = active ? (sort.direction === "ascending" ? "▲" : "▼") : "↕";
  return (
    <th
      scope="col"
      aria-sort={active ? sort.direction : undefined}
      className={`sticky top-0 border-b border-slate-300 bg-slate-100 p-0 align-bottom font-semibold text-slate-800 ${
        stickyLeft ? "left-0 z-20 border-r border-r-slate-200" : "z-10"
      }`}
    >
      <button
        type="button"
        onClick={() => onSort(nextSort(sort, sortKey))}
        className={`flex w-full items-end gap-1 px-3 py-2 hover:bg-slate-200 ${align === "end" ? "justify-end text-right" : "justify-start text-left"} ${focusRing} focus-visible:-outline-offset-2`}
      >
        <span>{children}</span>
        <span aria-hidden="true" className={`text-xs ${active ? "text-slate-900" : "text-slate-500"}`}>
          {arrow}
        </span>
      </button>
    </th>
  );
}

function FieldPoints({ shown, notApplicable }: { shown: string | null; notApplicable: string }) {
  return shown === null ? <span className="text-xs italic text-slate-600">{notApplicable}</span> : <>{shown}</>;
}
