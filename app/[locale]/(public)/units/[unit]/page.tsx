import { cache } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPublishedUnitProfile, type PublishedUnitProfile, type UnitHistoryRow, type UnitPeriodResult } from "@/lib/data/published-unit-profile";
import { unitRequestSchema } from "@/lib/domain/public-api-query";
import { compareHref, parseUnitPageQuery, type PageQueryIssue, type SearchParams } from "@/lib/domain/public-page-query";
import { shareOfMax } from "@/lib/scoring/unit-criterion-breakdown";
import { exactMinus } from "@/lib/scoring/exact-decimal";
import { getLocale } from "@/lib/i18n/get-locale";
import type { Locale } from "@/lib/i18n/locale";
import { formatDate } from "@/lib/i18n/format-date";
import { formatDecimal, formatSignedDecimal } from "@/lib/i18n/format-decimal";
import { formatStatedDecimal } from "@/lib/i18n/format-stated-decimal";
import { unitPageMessagesFor, type UnitPageMessages } from "@/lib/i18n/unit-page-messages";
import { BandBadge } from "@/components/band-badge";
import { RankChange } from "@/components/rank-change";
import { FieldScoreBars } from "@/components/field-score-bars";
import { PublicDataTable } from "@/components/public-data-table";
import { LazyUnitHistoryChart } from "@/components/lazy-unit-history-chart";
import type { HistoryChartPoint, HistoryChartSeries } from "@/components/unit-history-chart";
import { UnitCriteriaBreakdown } from "@/components/unit-criteria-breakdown";
import { TableDownloads } from "@/components/table-downloads";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ unit: string }>; searchParams: Promise<SearchParams> };

/** The largest losses listed before the reader asks for all of them. */
const TOP_LOSSES = 10;

/** generateMetadata and the page ask for the same profile: one set of queries per request. */
const loadProfile = cache(getPublishedUnitProfile);

type Resolved = { profile: PublishedUnitProfile; issues: PageQueryIssue[] };

async function resolve({ params, searchParams }: Props): Promise<Resolved | null> {
  const [parsedUnit, query] = await Promise.all([
    params.then((value) => unitRequestSchema.safeParse(value)),
    searchParams.then((value) => parseUnitPageQuery(value)),
  ]);
  if (!parsedUnit.success) return null;
  // A malformed ?period= is said so on the page, which then shows the latest period.
  const periodCode = query.ok ? query.value.period : undefined;
  const profile = await loadProfile(parsedUnit.data.unit, periodCode);
  return profile ? { profile, issues: query.ok ? [] : query.issues } : null;
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const [resolved, locale] = await Promise.all([resolve(props), getLocale()]);
  if (!resolved) return {};
  const t = unitPageMessagesFor(locale);
  const { unit, selected } = resolved.profile;
  const title = t.unitMetaTitle(unit.name, selected.period.year);
  const description = t.unitMetaDescription(
    unit.name,
    selected.period.name,
    formatDecimal(selected.indexDisplay, locale, 2),
    t.rankOf(selected.rank, selected.group.unitCount, selected.group.name),
    selected.band,
  );
  return { title, description, openGraph: { title, description, type: "website" } };
}

export default async function UnitPage(props: Props) {
  const [resolved, locale] = await Promise.all([resolve(props), getLocale()]);
  if (!resolved) notFound();
  const { profile, issues } = resolved;
  const t = unitPageMessagesFor(locale);
  const { unit, selected } = profile;
  const latestCode = profile.periods[0]?.code;

  return (
    <div className="space-y-8">
      <nav aria-label={t.breadcrumb} className="text-sm">
        <ol className="flex flex-wrap items-baseline gap-x-2 text-slate-700">
          <li>
            <Link href="/" className="inline-block py-1 text-brand-800 underline underline-offset-2">
              {t.home}
            </Link>
          </li>
          <li aria-hidden="true">›</li>
          <li>
            <Link href={`/${encodeURIComponent(selected.period.code)}`} className="inline-block py-1 text-brand-800 underline underline-offset-2">
              {selected.period.name}
            </Link>
          </li>
        </ol>
      </nav>

      {issues.length > 0 ? (
        <div role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {issues.map((issue) => (
            <p key={issue.parameter}>{t.invalidParameter(issue.parameter, issue.problem)}</p>
          ))}
        </div>
      ) : null}

      <header className="space-y-3">
        <h1 className="text-2xl font-bold text-balance sm:text-3xl">{unit.name}</h1>
        <p className="text-slate-700">{t.kinds[unit.kind as keyof UnitPageMessages["kinds"]] ?? t.kinds.other}</p>
        {selected.unitName !== unit.name ? <p className="text-sm text-slate-700">{t.nameInPeriod(selected.unitName)}</p> : null}
        <Lineage profile={profile} locale={locale} t={t} />
        {profile.periods.length > 1 ? (
          <nav aria-labelledby="periods-nav">
            <p id="periods-nav" className="mb-1 text-sm font-medium text-slate-800">
              {t.periodsNav}
            </p>
            <ul className="flex flex-wrap gap-2">
              {profile.periods.map((period) => {
                const current = period.code === selected.period.code;
                const href = period.code === latestCode ? unitHref(unit.code) : unitHref(unit.code, period.code);
                return (
                  <li key={period.code}>
                    <Link
                      href={href}
                      aria-current={current ? "page" : undefined}
                      className={`inline-block min-h-11 min-w-11 rounded border px-3 py-2 text-center text-sm font-medium ${
                        current ? "border-slate-900 bg-slate-900 text-white" : "border-slate-400 bg-white text-brand-800 underline underline-offset-2"
                      }`}
                    >
                      {period.year}
                      <span className="sr-only"> — {period.name}</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        ) : null}
      </header>

      <Summary profile={profile} locale={locale} t={t} />
      <Fields unitName={unit.name} result={selected} locale={locale} t={t} />
      <PointsLost unitName={unit.name} result={selected} locale={locale} t={t} />
      <History profile={profile} locale={locale} t={t} />
      {selected.sipas ? <Sipas unitName={unit.name} sipas={selected.sipas} locale={locale} t={t} /> : null}
      {selected.selfAppraisal ? <SelfAppraisal unitName={unit.name} result={selected} locale={locale} t={t} /> : null}
      <section aria-labelledby="criteria-heading" className="space-y-3">
        <h2 id="criteria-heading" className="text-xl font-semibold">
          {t.criteriaHeading}
        </h2>
        {selected.breakdown ? (
          <>
            <p className="text-sm text-slate-700">{t.criteriaIntro}</p>
            <UnitCriteriaBreakdown
              rows={selected.breakdown.rows}
              showSelfPoints={selected.period.publishSelfPoints}
              locale={locale}
              t={t}
            />
          </>
        ) : (
          <p className="text-slate-700">{t.criteriaUnavailable}</p>
        )}
      </section>
    </div>
  );
}

function unitHref(unitCode: string, periodCode?: string): string {
  const path = `/units/${encodeURIComponent(unitCode)}`;
  return periodCode === undefined ? path : `${path}?period=${encodeURIComponent(periodCode)}`;
}

type SectionProps = { locale: Locale; t: UnitPageMessages };

function Lineage({ profile, locale, t }: SectionProps & { profile: PublishedUnitProfile }) {
  const { predecessors, successors } = profile.lineage;
  if (predecessors.length === 0 && successors.length === 0) return null;
  const groups = [
    { label: t.mergedFrom, links: predecessors.filter((link) => link.kind === "merge") },
    { label: t.splitFrom, links: predecessors.filter((link) => link.kind === "split") },
    { label: t.mergedInto, links: successors.filter((link) => link.kind === "merge") },
    { label: t.splitInto, links: successors.filter((link) => link.kind === "split") },
  ].filter((group) => group.links.length > 0);
  return (
    <div className="rounded-lg border border-slate-300 bg-white p-3 text-sm">
      <h2 className="font-semibold text-slate-900">{t.lineageHeading}</h2>
      <dl className="mt-1 space-y-1">
        {groups.map((group) => (
          <div key={group.label} className="flex flex-wrap gap-x-2">
            <dt className="text-slate-700">{group.label}:</dt>
            <dd>
              <ul className="inline">
                {group.links.map((link, position) => (
                  <li key={link.code} className="inline">
                    {position > 0 ? ", " : null}
                    {link.name ? (
                      <Link href={unitHref(link.code)} className="font-medium text-brand-800 underline underline-offset-2">
                        {link.name}
                      </Link>
                    ) : (
                      <span>
                        {link.code} ({t.noPublishedPage})
                      </span>
                    )}{" "}
                    <span className="text-slate-700">{t.effectiveOn(formatDate(link.effectiveOn, locale))}</span>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

function Summary({ profile, locale, t }: SectionProps & { profile: PublishedUnitProfile }) {
  const result = profile.selected;
  const { period, group } = result;
  const difference = exactMinus(result.indexDisplay, group.meanDisplay);
  const versusAverage = difference.isZero()
    ? t.atAverage
    : difference.isPositive()
      ? t.aboveAverage(formatDecimal(difference, locale, 2))
      : t.belowAverage(formatDecimal(difference.abs(), locale, 2));
  const comparabilityNote = t.rankComparability[result.rankComparability as keyof UnitPageMessages["rankComparability"]] ?? "";

  return (
    <section aria-labelledby="summary-heading" className="space-y-4">
      <div className="space-y-1">
        <h2 id="summary-heading" className="text-xl font-semibold">
          {t.summaryHeading}: {period.name}
        </h2>
        <p className="text-sm text-slate-700">{period.authority}</p>
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
          {period.decisionNumber && period.decisionDate ? (
            <span>{t.decisionOf(period.decisionNumber, formatDate(period.decisionDate, locale))}</span>
          ) : null}
          <span>{t.publishedOn(formatDate(period.publishedAt, locale))}</span>
        </p>
        {period.illustrative ? (
          <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t.demoNotice}</p>
        ) : null}
      </div>

      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <div className="rounded-lg border border-slate-300 bg-white p-3">
          <dt className="text-sm text-slate-700">{t.total}</dt>
          <dd className="text-2xl font-bold tabular-nums">{formatDecimal(result.total, locale, 2)}</dd>
          <dd className="text-xs text-slate-700">{t.outOfApplicableMax(formatStatedDecimal(result.applicableMax, locale))}</dd>
        </div>
        <div className="rounded-lg border border-slate-300 bg-white p-3">
          <dt className="text-sm text-slate-700">{t.index}</dt>
          <dd className="text-2xl font-bold tabular-nums">{t.indexPercent(formatDecimal(result.indexDisplay, locale, 2))}</dd>
        </div>
        <div className="rounded-lg border border-slate-300 bg-white p-3">
          <dt className="text-sm text-slate-700">{t.rank}</dt>
          <dd className="text-2xl font-bold tabular-nums">
            {t.rankShort(result.rank, group.unitCount)}{" "}
            <span className="text-base font-medium">
              <RankChange change={result.rankChange} text={rankChangeText(result.rankChange, t, "")} />
            </span>
          </dd>
          <dd className="text-xs text-slate-700">{t.rankOf(result.rank, group.unitCount, group.name)}</dd>
        </div>
        <div className="rounded-lg border border-slate-300 bg-white p-3">
          <dt className="text-sm text-slate-700">{t.band}</dt>
          <dd className="pt-1 text-lg">
            {result.band === null ? (
              <span className="text-sm text-slate-700">{t.noBand}</span>
            ) : (
              <BandBadge label={result.band} level={result.bandLevel} count={result.bandCount} />
            )}
          </dd>
        </div>
      </dl>

      <ul className="space-y-1 text-sm text-slate-800">
        <li>
          {t.groupAverage} ({group.name}): <strong>{formatDecimal(group.meanDisplay, locale, 2)}</strong>
          {group.meanChangeDisplay !== null ? ` (${t.groupAverageChange(formatSignedDecimal(group.meanChangeDisplay, locale, 2))})` : null}.{" "}
          {versusAverage}.
        </li>
        <li>
          {t.appraisalPoints}: {formatDecimal(result.appraisalPoints, locale, 2)} · {t.surveyPoints}:{" "}
          {formatDecimal(result.surveyPoints, locale, 2)}
        </li>
        {result.rankChange !== null ? (
          <li>{sentence(rankChangeText(result.rankChange, t, ""))}</li>
        ) : comparabilityNote ? (
          <li>{comparabilityNote}</li>
        ) : null}
        {result.predecessorRanks.length > 0 ? (
          <li>
            {t.predecessorRanksIntro}{" "}
            {result.predecessorRanks.map((rank, position) => (
              <span key={`${rank.unitCode}/${rank.groupCode}`}>
                {position > 0 ? "; " : null}
                {t.predecessorRank(rank.unitName ?? rank.unitCode, rank.rank)}
              </span>
            ))}
            .
          </li>
        ) : null}
      </ul>

      <p className="flex flex-wrap gap-x-6 gap-y-2 text-sm">
        <Link href={`/${encodeURIComponent(period.code)}`} className="inline-block py-1 font-medium text-brand-800 underline underline-offset-2">
          {t.viewLeagueTable}
        </Link>
        <Link href={compareHref(period.code, [profile.unit.code])} className="inline-block py-1 font-medium text-brand-800 underline underline-offset-2">
          {t.compareWithOthers}
        </Link>
      </p>
    </section>
  );
}

function sentence(text: string): string {
  return `${text.charAt(0).toLocaleUpperCase("vi")}${text.slice(1)}.`;
}

function rankChangeText(change: number | null, t: UnitPageMessages, notComparable: string): string {
  if (change === null) return notComparable || t.notDirectlyComparable;
  if (change === 0) return t.unchanged;
  return change > 0 ? t.movedUp(change) : t.movedDown(-change);
}

function Fields({ unitName, result, locale, t }: SectionProps & { unitName: string; result: UnitPeriodResult }) {
  const rows = result.fields.map((field) => {
    const share = field.notApplicable ? null : shareOfMax(field.points, field.applicableMax);
    return {
      field,
      share,
      lost: field.notApplicable ? null : exactMinus(field.applicableMax, field.points),
      partlyApplicable: !field.notApplicable && field.applicableMax !== field.maxPoints,
    };
  });
  return (
    <section aria-labelledby="fields-heading" className="space-y-3">
      <h2 id="fields-heading" className="text-xl font-semibold">
        {t.fieldsHeading}
      </h2>
      <p className="text-sm text-slate-700">{t.fieldsIntro}</p>
      <div className="rounded-lg border border-slate-300 bg-white p-4">
        <FieldScoreBars
          label={t.fieldsChartLabel(unitName)}
          bars={rows.map(({ field, share }) => ({
            code: field.code,
            name: field.name,
            share: share === null ? null : Number(share),
            text: field.notApplicable
              ? t.notApplicable
              : `${formatDecimal(field.points, locale, 2)} / ${formatStatedDecimal(field.applicableMax, locale)}`,
          }))}
        />
      </div>
      <PublicDataTable
        caption={t.fieldsCaption(unitName, result.period.name)}
        columns={[
          { key: "field", label: t.field },
          { key: "pointsOfMax", label: t.pointsOfMax, align: "end", className: "px-2 py-2" },
          { key: "shareAchieved", label: t.shareAchieved, align: "end", className: "px-2 py-2" },
          { key: "pointsLost", label: t.pointsLost, align: "end", className: "py-2 pr-3 pl-2" },
        ]}
      >
        <tbody>
          {rows.map(({ field, share, lost, partlyApplicable }) => (
            <tr key={field.code} className="border-t border-slate-200 align-top">
              <th scope="row" className="py-2 pr-2 pl-3 text-left font-normal">
                <span className="font-semibold">{field.code}.</span> {field.name}
              </th>
              <td className="px-2 py-2 text-right whitespace-nowrap tabular-nums">
                {field.notApplicable
                  ? `${t.notApplicable} / ${formatStatedDecimal(field.maxPoints, locale)}`
                  : `${formatDecimal(field.points, locale, 2)} / ${formatStatedDecimal(field.maxPoints, locale)}`}
                {partlyApplicable ? (
                  <span className="block text-xs text-slate-700">{t.applicableMaxNote(formatStatedDecimal(field.applicableMax, locale))}</span>
                ) : null}
              </td>
              <td className="px-2 py-2 text-right tabular-nums">{share === null ? t.none : `${formatDecimal(share, locale, 2)}%`}</td>
              <td className="py-2 pr-3 pl-2 text-right tabular-nums">{lost === null ? t.none : formatDecimal(lost, locale, 2)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr className="border-t-2 border-slate-400 font-semibold">
            <th scope="row" className="py-2 pr-2 pl-3 text-left">
              {t.sumRow}
            </th>
            <td className="px-2 py-2 text-right whitespace-nowrap tabular-nums">
              {formatDecimal(result.total, locale, 2)} / {formatStatedDecimal(result.applicableMax, locale)}
            </td>
            <td className="px-2 py-2 text-right tabular-nums">{formatDecimal(result.indexDisplay, locale, 2)}%</td>
            <td className="py-2 pr-3 pl-2 text-right tabular-nums">{formatDecimal(exactMinus(result.applicableMax, result.total), locale, 2)}</td>
          </tr>
        </tfoot>
      </PublicDataTable>
    </section>
  );
}

function PointsLost({ unitName, result, locale, t }: SectionProps & { unitName: string; result: UnitPeriodResult }) {
  if (!result.breakdown) return null;
  const losses = result.breakdown.pointsLost;
  const table = (rows: typeof losses, caption: string) => (
    <PublicDataTable
      caption={caption}
      columns={[
        { key: "criterion", label: t.criterion },
        { key: "pointsLost", label: t.pointsLost, align: "end" },
        { key: "pointsOfMax", label: t.pointsOfMax, align: "end" },
      ]}
    >
      <tbody>
        {rows.map((loss) => (
          <tr key={loss.code} className="border-t border-slate-200 align-top">
            <th scope="row" className="px-3 py-2 text-left font-normal">
              <span className="font-semibold">{loss.code}</span> {loss.name}
              <span className="block text-xs text-slate-700">
                {t.field} {loss.fieldCode}. {loss.fieldName}
              </span>
            </th>
            <td className="px-3 py-2 text-right font-semibold text-red-800 tabular-nums">{formatDecimal(loss.lost, locale, 2)}</td>
            <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">
              {formatDecimal(loss.points, locale, 2)} / {formatStatedDecimal(loss.applicableMax, locale)}
            </td>
          </tr>
        ))}
      </tbody>
    </PublicDataTable>
  );
  return (
    <section aria-labelledby="lost-heading" className="space-y-3">
      <h2 id="lost-heading" className="text-xl font-semibold">
        {t.lostHeading}
      </h2>
      <p className="text-sm text-slate-700">{t.lostIntro}</p>
      {losses.length === 0 ? (
        <p>{t.lostNone}</p>
      ) : losses.length <= TOP_LOSSES ? (
        table(losses, t.lostCaption(unitName))
      ) : (
        <>
          {table(losses.slice(0, TOP_LOSSES), t.lostTop(TOP_LOSSES, losses.length))}
          <details className="text-sm">
            <summary className="cursor-pointer py-2 font-medium text-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700">
              {t.lostShowAll(losses.length)}
            </summary>
            <div className="mt-2">{table(losses, t.lostCaption(unitName))}</div>
          </details>
        </>
      )}
    </section>
  );
}

function History({ profile, locale, t }: SectionProps & { profile: PublishedUnitProfile }) {
  const { history, breaks, unit, selected } = profile;
  const breakAt = new Map(breaks.map((entry) => [entry.periodCode, entry]));
  const reasonsText = (reasons: readonly (keyof UnitPageMessages["reasons"])[]) => reasons.map((reason) => t.reasons[reason]).join("; ");
  const unitLabel = (row: UnitHistoryRow) => (row.relation === "self" ? row.unitName : `${row.unitName} (${t.relation[row.relation]})`);

  const seriesCodes = [...new Set(history.map((row) => row.unitCode))].sort((a, b) =>
    a === unit.code ? -1 : b === unit.code ? 1 : 0,
  );
  const series: HistoryChartSeries[] = seriesCodes.map((code) => {
    const row = [...history].reverse().find((candidate) => candidate.unitCode === code)!;
    return { key: code, label: unitLabel(row), lineage: row.relation !== "self" };
  });
  const periodCodes = [...new Set(history.map((row) => row.periodCode))];
  const points: HistoryChartPoint[] = periodCodes.map((periodCode) => {
    const rows = history.filter((row) => row.periodCode === periodCode);
    return {
      periodCode,
      label: String(rows[0]!.year),
      name: rows[0]!.periodName,
      values: Object.fromEntries(
        rows.map((row) => [
          row.unitCode,
          {
            index: Number(row.indexDisplay),
            indexShown: `${formatDecimal(row.indexDisplay, locale, 2)}%`,
            rank: row.rank,
            rankShown: t.rankShort(row.rank, row.groupSize),
          },
        ]),
      ),
    };
  });
  const caption = t.historyCaption(unit.name);
  const withLineage = history.some((row) => row.relation !== "self");

  return (
    <section aria-labelledby="history-heading" className="space-y-3">
      <h2 id="history-heading" className="text-xl font-semibold">
        {t.historyHeading}
      </h2>
      <p className="text-sm text-slate-700">{t.historyIntro}</p>
      {periodCodes.length > 1 ? (
        <figure className="rounded-lg border border-slate-300 bg-white p-4" aria-label={t.historyChartLabel(unit.name)}>
          <LazyUnitHistoryChart
            series={series}
            points={points}
            breakPeriods={breaks.map((entry) => entry.periodCode)}
            maxRank={Math.max(...history.map((row) => row.groupSize))}
            labels={{
              indexTitle: t.historyIndexChart,
              rankTitle: t.historyRankChart,
              indexChartName: `${t.historyIndexChart} — ${unit.name}`,
              rankChartName: `${t.historyRankChart} — ${unit.name}`,
              breakMark: t.notDirectlyComparableMark,
              breakLegend: `${t.notDirectlyComparableMark} ${breaks
                .map((entry) => t.breakNote(entry.previousYear, entry.year, reasonsText(entry.reasons)))
                .join(" ")}`,
              index: t.index,
              rank: t.rank,
            }}
          />
        </figure>
      ) : (
        <p className="text-slate-700">{t.historySingle}</p>
      )}
      <PublicDataTable
        caption={caption}
        columns={[
          { key: "period", label: t.period },
          ...(withLineage ? [{ key: "unit", label: t.unit }] : []),
          { key: "total", label: t.total, align: "end" },
          { key: "index", label: t.index, align: "end" },
          { key: "rank", label: t.rank, align: "end" },
          { key: "rankChange", label: t.rankChange, align: "end" },
          { key: "band", label: t.band },
        ]}
      >
        <tbody>
          {history.map((row) => {
            const crossing = breakAt.get(row.periodCode);
            const isSelected = row.relation === "self" && row.periodCode === selected.period.code;
            return (
              <tr key={`${row.periodCode}/${row.unitCode}`} className={`border-t border-slate-200 ${isSelected ? "bg-sky-50" : ""}`}>
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  {row.relation === "self" ? (
                    <Link
                      href={unitHref(unit.code, row.periodCode)}
                      className="font-medium text-brand-800 underline underline-offset-2"
                      aria-current={isSelected ? "page" : undefined}
                    >
                      {row.year}
                      <span className="sr-only"> — {row.periodName}</span>
                    </Link>
                  ) : (
                    <span>
                      {row.year}
                      <span className="sr-only"> — {row.periodName}</span>
                    </span>
                  )}
                  {crossing ? (
                    <span className="ml-1 font-semibold" title={t.notDirectlyComparable}>
                      <span aria-hidden="true">{t.notDirectlyComparableMark}</span>
                      <span className="sr-only">
                        {" "}
                        {t.breakNote(crossing.previousYear, crossing.year, reasonsText(crossing.reasons))}
                      </span>
                    </span>
                  ) : null}
                  <span className="block min-w-24 text-xs text-slate-700">{row.groupName}</span>
                </th>
                {withLineage ? (
                  <td className="min-w-40 px-3 py-2">
                    {row.relation === "self" ? (
                      row.unitName
                    ) : (
                      <>
                        <Link href={unitHref(row.unitCode, row.periodCode)} className="text-brand-800 underline underline-offset-2">
                          {row.unitName}
                        </Link>{" "}
                        <span className="text-xs text-slate-700">({t.relation[row.relation]})</span>
                      </>
                    )}
                  </td>
                ) : null}
                <td className="px-3 py-2 text-right tabular-nums">{formatDecimal(row.total, locale, 2)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatDecimal(row.indexDisplay, locale, 2)}</td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{t.rankShort(row.rank, row.groupSize)}</td>
                <td className="px-3 py-2 text-right whitespace-nowrap">
                  <RankChange change={row.rankChange} text={rankChangeText(row.rankChange, t, t.notDirectlyComparable)} />
                </td>
                <td className="px-3 py-2">
                  {row.band === null ? t.none : <BandBadge label={row.band} level={row.bandLevel} count={row.bandCount} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </PublicDataTable>
      {breaks.length > 0 ? (
        <ul className="space-y-1 text-sm text-slate-800">
          {breaks.map((entry) => (
            <li key={entry.periodCode}>
              <span aria-hidden="true">{t.notDirectlyComparableMark} </span>
              {t.breakNote(entry.previousYear, entry.year, reasonsText(entry.reasons))}
            </li>
          ))}
        </ul>
      ) : null}
      <TableDownloads
        t={t}
        headingLevel={3}
        downloads={[{ key: unit.code, path: `/api/v1/units/${encodeURIComponent(unit.code)}/history`, tableName: caption }]}
      />
    </section>
  );
}

function Sipas({ unitName, sipas, locale, t }: SectionProps & { unitName: string; sipas: NonNullable<UnitPeriodResult["sipas"]> }) {
  const small = sipas.responses !== null && sipas.responses < sipas.smallSampleThreshold;
  return (
    <section aria-labelledby="sipas-heading" className="space-y-3">
      <h2 id="sipas-heading" className="text-xl font-semibold">
        {t.sipasHeading}
      </h2>
      <p>
        {t.sipasIndex}: <strong className="text-lg tabular-nums">{formatDecimal(sipas.index, locale, 2)}%</strong>{" "}
        <span className="text-sm text-slate-700">({sipas.responses === null ? t.sipasResponsesUnknown : t.sipasResponses(sipas.responses)})</span>
      </p>
      {sipas.ciLow !== null && sipas.ciHigh !== null ? (
        <p className="text-sm text-slate-700">{t.sipasInterval(formatDecimal(sipas.ciLow, locale, 2), formatDecimal(sipas.ciHigh, locale, 2))}</p>
      ) : null}
      {small ? (
        <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {t.sipasSmallSample(sipas.responses!, sipas.smallSampleThreshold)}
        </p>
      ) : null}
      {sipas.elements.length > 0 ? (
        <PublicDataTable
          caption={t.sipasElementsCaption(unitName)}
          columns={[
            { key: "sipasElement", label: t.sipasElement },
            { key: "sipasElementIndex", label: t.sipasElementIndex, align: "end" },
            ...(sipas.elements.some((element) => element.responses !== null) ? [{ key: "sipasElementResponses", label: t.sipasElementResponses, align: "end" as const }] : []),
          ]}
        >
          <tbody>
            {sipas.elements.map((element) => (
              <tr key={element.code} className="border-t border-slate-200">
                <th scope="row" className="px-3 py-2 text-left font-normal">
                  {t.sipasElements[element.code] ?? element.name ?? element.code}
                </th>
                <td className="px-3 py-2 text-right tabular-nums">{formatDecimal(element.index, locale, 2)}</td>
                {sipas.elements.some((other) => other.responses !== null) ? (
                  <td className="px-3 py-2 text-right tabular-nums">
                    {element.responses ?? t.none}
                    {element.responses !== null && element.responses < sipas.smallSampleThreshold ? (
                      <span className="block text-xs text-amber-900">{t.sipasSmallSample(element.responses, sipas.smallSampleThreshold)}</span>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </PublicDataTable>
      ) : null}
    </section>
  );
}

function SelfAppraisal({ unitName, result, locale, t }: SectionProps & { unitName: string; result: UnitPeriodResult }) {
  const comparison = result.selfAppraisal!;
  const rest = comparison.claimedLeaves - comparison.differences.length;
  const points = (value: string | null, notApplicable: boolean) => (notApplicable ? t.notApplicable : value === null ? t.none : formatDecimal(value, locale, 2));
  return (
    <section aria-labelledby="self-heading" className="space-y-3">
      <h2 id="self-heading" className="text-xl font-semibold">
        {t.selfHeading}
      </h2>
      <p className="text-sm text-slate-700">{t.selfIntro}</p>
      <p>
        {t.selfTotals(comparison.claimedLeaves, formatDecimal(comparison.selfTotal, locale, 2), formatDecimal(comparison.appraisedTotal, locale, 2))}
      </p>
      {comparison.differences.length === 0 ? (
        <p>{t.selfAllRecognised}</p>
      ) : (
        <>
          <PublicDataTable
            caption={t.selfCaption(unitName)}
            columns={[
              { key: "criterion", label: t.criterion },
              { key: "selfPoints", label: t.selfPoints, align: "end" },
              { key: "appraisedPoints", label: t.appraisedPoints, align: "end" },
              { key: "difference", label: t.difference, align: "end" },
              { key: "councilReason", label: t.councilReason },
            ]}
          >
            <tbody>
              {comparison.differences.map((row) => (
                <tr key={row.code} className="border-t border-slate-200 align-top">
                  <th scope="row" className="px-3 py-2 text-left font-normal">
                    <span className="font-semibold">{row.code}</span> {row.name}
                    <span className="block text-xs text-slate-700">
                      {t.maxPoints}: {formatStatedDecimal(row.maxPoints, locale)}
                    </span>
                  </th>
                  <td className="px-3 py-2 text-right tabular-nums">{points(row.selfPoints, row.selfNotApplicable)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">{points(row.appraisedPoints, row.notApplicable)}</td>
                  <td className="px-3 py-2 text-right tabular-nums">
                    {row.difference === null ? t.none : formatSignedDecimal(row.difference, locale, 2)}
                  </td>
                  <td className="min-w-48 px-3 py-2">{row.reason ?? t.none}</td>
                </tr>
              ))}
            </tbody>
          </PublicDataTable>
          {rest > 0 ? <p className="text-sm text-slate-700">{t.selfRecognisedRest(rest)}</p> : null}
        </>
      )}
    </section>
  );
}
