import { cache } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { listPublishedPeriods, type PublishedPeriodSummary } from "@/lib/data/published-periods";
import { getPublishedComparison, type PublishedComparison } from "@/lib/data/published-unit-comparison";
import {
  COMPARE_MAX_UNITS,
  compareHref,
  parseCompareQuery,
  parseUnitPageQuery,
  type PageQueryIssue,
  type SearchParams,
} from "@/lib/domain/public-page-query";
import { shareOfMax } from "@/lib/scoring/unit-criterion-breakdown";
import { getLocale } from "@/lib/i18n/get-locale";
import type { Locale } from "@/lib/i18n/locale";
import { formatDate } from "@/lib/i18n/format-date";
import { formatDecimal } from "@/lib/i18n/format-decimal";
import { formatStatedDecimal } from "@/lib/i18n/format-stated-decimal";
import { unitPageMessagesFor, type UnitPageMessages } from "@/lib/i18n/unit-page-messages";
import { BandBadge } from "@/components/band-badge";
import { RankChange } from "@/components/rank-change";
import { ScrollRegion } from "@/components/scroll-region";
import { seriesColour } from "@/components/chart-colours";
import { LazyCompareFieldsChart } from "@/components/lazy-compare-fields-chart";
import { TableDownloads } from "@/components/table-downloads";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<SearchParams> };

const loadPeriods = cache(listPublishedPeriods);
// Keyed by strings: React's cache compares arguments by identity, and arrays are new each call.
const loadComparison = cache((periodCode: string, unitCodes: string) => getPublishedComparison(periodCode, unitCodes ? unitCodes.split("\n") : []));

type Resolved =
  | { kind: "no-periods" }
  | { kind: "invalid"; issues: PageQueryIssue[]; periods: PublishedPeriodSummary[]; comparison: PublishedComparison }
  | { kind: "ok"; periods: PublishedPeriodSummary[]; comparison: PublishedComparison; unitCodes: string[] };

async function resolve(searchParams: SearchParams): Promise<Resolved | null> {
  const periods = await loadPeriods();
  const latest = periods[0];
  if (!latest) return { kind: "no-periods" };
  const query = parseCompareQuery(searchParams);
  if (!query.ok) {
    // The form is still offered, for the period asked for when that part of the address is sound
    // and names a published period, else the latest, so that the reader can start again from here.
    const period = parseUnitPageQuery(searchParams);
    const asked = period.ok && period.value.period ? await loadComparison(period.value.period, "") : null;
    const comparison = asked ?? (await loadComparison(latest.code, ""));
    return comparison ? { kind: "invalid", issues: query.issues, periods, comparison } : null;
  }
  const unitCodes = query.value.units;
  const comparison = await loadComparison(query.value.period ?? latest.code, unitCodes.join("\n"));
  return comparison ? { kind: "ok", periods, comparison, unitCodes } : null;
}

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [resolved, locale] = await Promise.all([resolve(await searchParams), getLocale()]);
  const t = unitPageMessagesFor(locale);
  if (!resolved || resolved.kind === "no-periods") return { title: t.compareTitle };
  const { comparison } = resolved;
  const title =
    comparison.rows.length > 0 ? t.compareMetaTitleWith(comparison.rows.map((row) => row.unitName).join(", "), comparison.name) : t.compareTitle;
  const description = t.compareMetaDescription(comparison.name);
  return { title, description, openGraph: { title, description, type: "website" } };
}

export default async function ComparePage({ searchParams }: Props) {
  const raw = await searchParams;
  const [resolved, locale] = await Promise.all([resolve(raw), getLocale()]);
  if (!resolved) notFound();
  const t = unitPageMessagesFor(locale);

  if (resolved.kind === "ok") {
    // One address per comparison: what a form sends (units=a&units=&units=b) becomes units=a,b.
    const units = resolved.unitCodes;
    if (raw.units !== undefined && (raw.units !== units.join(",") || typeof raw.period !== "string")) {
      redirect(compareHref(resolved.comparison.code, units));
    }
  }

  return (
    <div className="space-y-8">
      <nav aria-label={t.breadcrumb} className="text-sm">
        <Link href="/" className="inline-block py-1 text-brand-800 underline underline-offset-2">
          ← {t.home}
        </Link>
      </nav>
      <header className="space-y-2">
        <h1 className="text-2xl font-bold sm:text-3xl">{t.compareTitle}</h1>
        <p className="max-w-3xl text-slate-700">{t.compareIntro}</p>
      </header>

      {resolved.kind === "no-periods" ? (
        <p>{t.compareNoPeriods}</p>
      ) : (
        <>
          {resolved.kind === "invalid" ? (
            <div role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
              <p className="font-semibold">{t.compareInvalid}</p>
              <ul className="list-disc pl-5">
                {resolved.issues.map((issue) => (
                  <li key={issue.parameter}>{t.invalidParameter(issue.parameter, issue.problem)}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <Pickers
            periods={resolved.periods}
            comparison={resolved.comparison}
            chosen={resolved.kind === "ok" ? resolved.comparison.rows.map((row) => row.unitCode) : []}
            t={t}
          />
          {resolved.kind === "ok" ? <Results comparison={resolved.comparison} locale={locale} t={t} /> : null}
        </>
      )}
    </div>
  );
}

const selectClass =
  "mt-1 block w-full max-w-md rounded border border-slate-500 bg-white px-3 py-2 text-base focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700";
const buttonClass =
  "min-h-11 rounded bg-brand-800 px-4 py-2 font-medium text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700";

/**
 * Two plain GET forms, so that choosing works without JavaScript: the first changes the period
 * (whose units the second then offers), the second picks the units of the shown period.
 */
function Pickers({
  periods,
  comparison,
  chosen,
  t,
}: {
  periods: PublishedPeriodSummary[];
  comparison: PublishedComparison;
  chosen: string[];
  t: UnitPageMessages;
}) {
  const groupsWithUnits = comparison.groups
    .map((group) => ({ ...group, options: comparison.options.filter((option) => option.groupCode === group.code) }))
    .filter((group) => group.options.length > 0);
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      <form method="get" action="/compare" className="space-y-3 rounded-lg border border-slate-300 bg-white p-4">
        <div>
          <label htmlFor="compare-period" className="font-medium">
            {t.comparePeriodLabel}
          </label>
          <select id="compare-period" name="period" defaultValue={comparison.code} className={selectClass}>
            {periods.map((period) => (
              <option key={period.code} value={period.code}>
                {period.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClass}>
          {t.compareChoosePeriod}
        </button>
      </form>

      <form method="get" action="/compare" className="rounded-lg border border-slate-300 bg-white p-4">
        <input type="hidden" name="period" value={comparison.code} />
        <fieldset className="space-y-3">
          <legend className="font-medium">{t.compareUnitsLegend(comparison.name)}</legend>
          {Array.from({ length: COMPARE_MAX_UNITS }, (_, slot) => (
            <div key={slot}>
              <label htmlFor={`compare-unit-${slot + 1}`} className="text-sm font-medium">
                {t.compareUnitLabel(slot + 1)}
              </label>
              <select id={`compare-unit-${slot + 1}`} name="units" defaultValue={chosen[slot] ?? ""} className={selectClass}>
                <option value="">{t.compareNoUnit}</option>
                {groupsWithUnits.length === 1
                  ? groupsWithUnits[0]!.options.map((option) => (
                      <option key={option.code} value={option.code}>
                        {option.name}
                      </option>
                    ))
                  : groupsWithUnits.map((group) => (
                      <optgroup key={group.code} label={group.name}>
                        {group.options.map((option) => (
                          <option key={option.code} value={option.code}>
                            {option.name}
                          </option>
                        ))}
                      </optgroup>
                    ))}
              </select>
            </div>
          ))}
        </fieldset>
        <button type="submit" className={`${buttonClass} mt-4`}>
          {t.compareSubmit}
        </button>
      </form>
    </div>
  );
}

async function Results({ comparison, locale, t }: { comparison: PublishedComparison; locale: Locale; t: UnitPageMessages }) {
  const { rows } = comparison;
  const unknown =
    comparison.unknownUnits.length > 0 ? (
      <p role="alert" className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
        {t.compareUnknownUnits(comparison.unknownUnits.join(", "))}
      </p>
    ) : null;
  if (rows.length === 0) {
    return (
      <>
        {unknown}
        <p className="text-slate-700">{t.compareHint}</p>
      </>
    );
  }

  const href = compareHref(comparison.code, rows.map((row) => row.unitCode));
  const requestHeaders = await headers();
  // Behind proxies these may list every hop; the first is the address the reader used.
  const host = (requestHeaders.get("x-forwarded-host") ?? requestHeaders.get("host"))?.split(",")[0]?.trim();
  const protocol = requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim() ?? "http";
  const absolute = host ? `${protocol}://${host}${href}` : href;
  const fieldColumns = rows[0]!.fields.map(({ code, name, maxPoints }) => ({ code, name, maxPoints }));
  const caption = t.compareCaption(comparison.name);
  const cell = "px-3 py-2 text-right tabular-nums";

  return (
    <section aria-labelledby="compare-results" className="space-y-6">
      {unknown}
      <div className="space-y-1">
        <h2 id="compare-results" className="text-xl font-semibold">
          {comparison.name}
        </h2>
        <p className="text-sm text-slate-700">
          {comparison.authority}
          {comparison.decisionNumber && comparison.decisionDate
            ? ` · ${t.decisionOf(comparison.decisionNumber, formatDate(comparison.decisionDate, locale))}`
            : null}
        </p>
        {comparison.illustrative ? (
          <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t.demoNotice}</p>
        ) : null}
        <p className="text-sm break-all">
          {t.compareShare}:{" "}
          <a href={href} className="font-medium text-brand-800 underline underline-offset-2">
            {absolute}
          </a>
        </p>
      </div>

      <figure className="space-y-3 rounded-lg border border-slate-300 bg-white p-4" aria-labelledby="compare-chart-heading">
        <h3 id="compare-chart-heading" className="font-semibold">
          {t.compareChartHeading}
        </h3>
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          {rows.map((row, position) => (
            <li key={row.unitCode} className="flex items-center gap-2">
              <span aria-hidden="true" className="inline-block size-3 rounded-sm" style={{ backgroundColor: seriesColour(position) }} />
              {row.unitName}
            </li>
          ))}
        </ul>
        <LazyCompareFieldsChart
          units={rows.map((row) => ({ key: row.unitCode, label: row.unitName }))}
          fields={fieldColumns.map((column) => ({
            code: column.code,
            name: column.name,
            values: Object.fromEntries(
              rows.map((row) => {
                const field = row.fields.find((candidate) => candidate.code === column.code);
                const share = field && !field.notApplicable ? shareOfMax(field.points, field.applicableMax) : null;
                return [
                  row.unitCode,
                  {
                    share: share === null ? null : Number(share),
                    shown:
                      share === null || !field
                        ? t.notApplicable
                        : `${formatDecimal(share, locale, 2)}% (${formatDecimal(field.points, locale, 2)} / ${formatStatedDecimal(field.applicableMax, locale)})`,
                  },
                ];
              }),
            ),
          }))}
          labels={{ chartName: t.compareChartHeading }}
        />
        <figcaption className="text-sm text-slate-700">{t.compareChartLabel}</figcaption>
      </figure>

      <div className="space-y-2">
        <h3 className="font-semibold">{t.compareTableHeading}</h3>
        <ScrollRegion label={t.compareScrollHint}>
          <table className="w-full border-collapse text-sm">
            <caption className="sr-only">{caption}</caption>
            <thead className="bg-slate-100">
              <tr>
                <td className="sticky left-0 z-[1] bg-slate-100 px-3 py-2" />
                {rows.map((row, position) => (
                  <th key={row.unitCode} scope="col" className="min-w-36 px-3 py-2 text-right align-bottom font-semibold">
                    <span aria-hidden="true" className="mr-1 inline-block size-3 rounded-sm" style={{ backgroundColor: seriesColour(position) }} />
                    <Link href={`/units/${encodeURIComponent(row.unitCode)}?period=${encodeURIComponent(comparison.code)}`} className="text-brand-800 underline underline-offset-2">
                      {row.unitName}
                    </Link>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr className="border-t border-slate-200">
                <th scope="row" className="sticky left-0 z-[1] bg-white px-3 py-2 text-left font-medium">
                  {t.group}
                </th>
                {rows.map((row) => (
                  <td key={row.unitCode} className="px-3 py-2 text-right">
                    {row.groupName}
                  </td>
                ))}
              </tr>
              <tr className="border-t border-slate-200">
                <th scope="row" className="sticky left-0 z-[1] bg-white px-3 py-2 text-left font-medium">
                  {t.total}
                </th>
                {rows.map((row) => (
                  <td key={row.unitCode} className={cell}>
                    {formatDecimal(row.total, locale, 2)}
                    <span className="block text-xs text-slate-700">{t.outOfApplicableMax(formatStatedDecimal(row.applicableMax, locale))}</span>
                  </td>
                ))}
              </tr>
              <tr className="border-t border-slate-200">
                <th scope="row" className="sticky left-0 z-[1] bg-white px-3 py-2 text-left font-medium">
                  {t.index}
                </th>
                {rows.map((row) => (
                  <td key={row.unitCode} className={`${cell} font-semibold`}>
                    {formatDecimal(row.indexDisplay, locale, 2)}
                  </td>
                ))}
              </tr>
              <tr className="border-t border-slate-200">
                <th scope="row" className="sticky left-0 z-[1] bg-white px-3 py-2 text-left font-medium">
                  {t.rank}
                </th>
                {rows.map((row) => (
                  <td key={row.unitCode} className={`${cell} whitespace-nowrap`}>
                    {t.rankShort(row.rank, row.groupSize)}{" "}
                    <RankChange
                      change={row.rankChange}
                      text={
                        row.rankChange === null
                          ? t.notDirectlyComparable
                          : row.rankChange === 0
                            ? t.unchanged
                            : row.rankChange > 0
                              ? t.movedUp(row.rankChange)
                              : t.movedDown(-row.rankChange)
                      }
                    />
                  </td>
                ))}
              </tr>
              <tr className="border-t border-slate-200">
                <th scope="row" className="sticky left-0 z-[1] bg-white px-3 py-2 text-left font-medium">
                  {t.band}
                </th>
                {rows.map((row) => (
                  <td key={row.unitCode} className="px-3 py-2 text-right">
                    {row.band === null ? t.none : <BandBadge label={row.band} level={row.bandLevel} count={comparison.bandCount} />}
                  </td>
                ))}
              </tr>
              {fieldColumns.map((column) => (
                <tr key={column.code} className="border-t border-slate-200 align-top">
                  <th scope="row" className="sticky left-0 z-[1] min-w-40 bg-white px-3 py-2 text-left font-normal sm:min-w-56">
                    <span className="font-semibold">{column.code}.</span> {column.name}
                    <span className="block text-xs text-slate-700">{t.compareFieldMax(formatStatedDecimal(column.maxPoints, locale))}</span>
                  </th>
                  {rows.map((row) => {
                    const field = row.fields.find((candidate) => candidate.code === column.code);
                    const share = field && !field.notApplicable ? shareOfMax(field.points, field.applicableMax) : null;
                    return (
                      <td key={row.unitCode} className={cell}>
                        {!field || field.notApplicable ? (
                          t.notApplicable
                        ) : (
                          <>
                            {formatDecimal(field.points, locale, 2)}
                            {share !== null ? <span className="block text-xs text-slate-700">{formatDecimal(share, locale, 2)}%</span> : null}
                          </>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      </div>
      <TableDownloads
        t={t}
        headingLevel={3}
        downloads={[
          {
            key: "comparison",
            path: `/api/v1/periods/${encodeURIComponent(comparison.code)}/compare`,
            query: `units=${rows.map((row) => encodeURIComponent(row.unitCode)).join(",")}`,
            tableName: caption,
          },
        ]}
      />
    </section>
  );
}
