import { cache } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPublishedSipas, type PublishedSipas, type PublishedSipasGroup } from "@/lib/data/published-sipas";
import { SIPAS_SORTS, DEFAULT_SIPAS_SORT, parseSipasSort, sortSipasRows, type SipasSort } from "@/lib/domain/sipas-results";
import { getLocale } from "@/lib/i18n/get-locale";
import type { Locale } from "@/lib/i18n/locale";
import { sipasMessagesFor, type SipasMessages } from "@/lib/i18n/sipas-messages";
import { sipasResultsMessagesFor } from "@/lib/i18n/sipas-results-messages";
import { formatDate } from "@/lib/i18n/format-date";
import { formatDecimal } from "@/lib/i18n/format-decimal";
import { SipasIndexChart } from "@/components/sipas-index-chart";
import { SipasResultsTable, type SipasTableRow } from "@/components/sipas-results-table";
import { PeriodBreadcrumb } from "@/components/period-breadcrumb";
import { TableDownloads } from "@/components/table-downloads";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ period: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

/** generateMetadata and the page ask for the same period: one set of queries per request. */
const loadSipas = cache(getPublishedSipas);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [sipas, locale] = await Promise.all([loadSipas((await params).period), getLocale()]);
  if (!sipas) return {};
  const t = sipasMessagesFor(locale);
  const units = sipas.groups.reduce((count, group) => count + group.units.length, 0);
  const title = t.metaTitle(sipas.name);
  const description = t.metaDescription(sipas.name, sipas.authority, units);
  return { title, description, openGraph: { title, description, type: "website" } };
}

export default async function SipasPage({ params, searchParams }: Props) {
  const [sipas, locale, query] = await Promise.all([loadSipas((await params).period), getLocale(), searchParams]);
  if (!sipas) notFound();
  const t = sipasMessagesFor(locale);
  const sort = parseSipasSort(query.sort);
  const periodPath = encodeURIComponent(sipas.code);
  // Period names are always Vietnamese, whatever the page's language.
  const dataLang = locale === "vi" ? undefined : "vi";

  return (
    <div className="space-y-8">
      <PeriodBreadcrumb label={t.breadcrumb} homeLabel={t.home} periodCode={sipas.code} periodName={sipas.name} nameLang={dataLang} />

      <header className="space-y-2">
        <h1 className="text-2xl font-bold text-balance sm:text-3xl">{t.title}</h1>
        <p className="text-lg font-medium text-slate-900" lang={dataLang}>
          {sipas.name}
        </p>
        <p className="text-slate-700" lang={dataLang}>
          {sipas.authority}
        </p>
        <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-700">
          {sipas.decisionNumber && sipas.decisionDate ? (
            <span>{t.decisionOf(sipas.decisionNumber, formatDate(sipas.decisionDate, locale))}</span>
          ) : null}
          <span>{t.publishedOn(formatDate(sipas.publishedAt, locale))}</span>
        </p>
        {sipas.illustrative ? (
          <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t.demoNotice}</p>
        ) : null}
        <RelatedPages periodPath={periodPath} t={t} />
      </header>

      {sipas.groups.length === 0 ? (
        <section aria-labelledby="empty-heading" className="space-y-2 rounded-lg border border-slate-300 bg-white p-4">
          <h2 id="empty-heading" className="text-xl font-semibold">
            {t.emptyHeading}
          </h2>
          <p className="text-slate-800">{t.emptyText}</p>
        </section>
      ) : (
        <Results sipas={sipas} sort={sort} locale={locale} t={t} />
      )}
    </div>
  );
}

function RelatedPages({ periodPath, t }: { periodPath: string; t: SipasMessages }) {
  return (
    <nav aria-label={t.relatedPages} className="pt-1 text-sm">
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        <li>
          <Link href={`/${periodPath}`} className="inline-block py-1 font-medium text-brand-800 underline underline-offset-2">
            {t.leagueTables}
          </Link>
        </li>
        <li>
          <Link href={`/methodology/${periodPath}`} className="inline-block py-1 font-medium text-brand-800 underline underline-offset-2">
            {t.methodologyPage}
          </Link>
        </li>
      </ul>
    </nav>
  );
}

function Results({ sipas, sort, locale, t }: { sipas: PublishedSipas; sort: SipasSort; locale: Locale; t: SipasMessages }) {
  const periodPath = encodeURIComponent(sipas.code);
  const elements = sipas.elements.map((element) => ({ code: element.code, name: t.element(element) }));
  const showInterval = sipas.groups.some((group) => group.units.some((unit) => unit.ciLow !== null && unit.ciHigh !== null));
  const sortLabel = t.sortOptions[sort];

  return (
    <div id="results" className="scroll-mt-4 space-y-8">
      <div className="space-y-3">
        <p className="max-w-3xl text-slate-800">{t.intro}</p>
        <p className="max-w-3xl text-sm text-slate-700">{t.smallSampleExplained(formatDecimal(sipas.smallSampleThreshold, locale, 0))}</p>
        {showInterval && sipas.method ? (
          <p className="max-w-3xl text-sm text-slate-700">
            {sipasResultsMessagesFor(locale).methodology(sipas.method.indexMethod, String(sipas.method.satisfiedFrom))}
          </p>
        ) : null}
        <nav aria-label={t.sortLabel}>
          <p aria-hidden="true" className="mb-1 text-sm font-medium text-slate-800">
            {t.sortLabel}
          </p>
          <ul className="flex flex-wrap gap-2">
            {SIPAS_SORTS.map((option) => {
              const current = option === sort;
              const href = option === DEFAULT_SIPAS_SORT ? `/sipas/${periodPath}#results` : `/sipas/${periodPath}?sort=${option}#results`;
              return (
                <li key={option}>
                  <Link
                    href={href}
                    aria-current={current ? "true" : undefined}
                    scroll={false}
                    className={`inline-flex min-h-11 items-center rounded border px-3 py-2 text-sm font-medium ${
                      current ? "border-slate-900 bg-slate-900 text-white" : "border-slate-400 bg-white text-brand-800 underline underline-offset-2"
                    }`}
                  >
                    {t.sortOptions[option]}
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
      </div>

      {sipas.groups.map((group) => (
        <GroupResults
          key={group.code}
          group={group}
          sort={sort}
          sortLabel={sortLabel}
          periodCode={sipas.code}
          elements={elements}
          showInterval={showInterval}
          locale={locale}
          t={t}
        />
      ))}
    </div>
  );
}

function GroupResults({
  group,
  sort,
  sortLabel,
  periodCode,
  elements,
  showInterval,
  locale,
  t,
}: {
  group: PublishedSipasGroup;
  sort: SipasSort;
  sortLabel: string;
  periodCode: string;
  elements: { code: string; name: string }[];
  showInterval: boolean;
  locale: Locale;
  t: SipasMessages;
}) {
  const units = sortSipasRows(group.units, sort);
  const counted = units.filter((unit) => unit.responses !== null);
  const responses = counted.length === 0 ? null : counted.reduce((sum, unit) => sum + (unit.responses ?? 0), 0);
  const two = (value: string) => formatDecimal(value, locale, 2);
  const headingId = `group-${group.code}`;
  const rows: SipasTableRow[] = units.map((unit) => ({
    unitCode: unit.unitCode,
    unitName: unit.unitName,
    href: `/units/${encodeURIComponent(unit.unitCode)}?period=${encodeURIComponent(periodCode)}`,
    indexShown: two(unit.index),
    responsesShown: unit.responses === null ? null : formatDecimal(unit.responses, locale, 0),
    smallSample: unit.smallSample,
    intervalShown: unit.ciLow !== null && unit.ciHigh !== null ? t.interval(two(unit.ciLow), two(unit.ciHigh)) : null,
    elementsShown: unit.elements.map((value) => (value === null ? null : two(value))),
  }));

  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <div className="space-y-1 border-b border-slate-300 pb-2">
        <h2 id={headingId} className="text-xl font-semibold">
          {group.name}
        </h2>
        <p className="text-sm text-slate-700">
          {t.groupSummary(formatDecimal(units.length, locale, 0), responses === null ? null : formatDecimal(responses, locale, 0))}
        </p>
      </div>
      <SipasIndexChart
        rows={units.map((unit, position) => ({
          unitCode: unit.unitCode,
          unitName: unit.unitName,
          index: unit.index,
          indexShown: rows[position]!.indexShown,
          smallSample: unit.smallSample,
        }))}
        groupName={group.name}
        headingId={`chart-${group.code}`}
        sortLabel={sortLabel}
        t={t}
      />
      <SipasResultsTable
        rows={rows}
        elements={elements}
        showInterval={showInterval}
        sort={sort}
        caption={t.tableCaption(group.name, sortLabel)}
        regionLabel={t.tableRegion(group.name)}
        cardsLabel={t.cardsLabel(group.name)}
        t={t}
      />
      <TableDownloads
        t={t}
        headingLevel={3}
        downloads={[
          {
            key: group.code,
            path: `/api/v1/periods/${encodeURIComponent(periodCode)}/sipas`,
            query: `group=${encodeURIComponent(group.code)}`,
            tableName: t.tableRegion(group.name),
          },
        ]}
      />
    </section>
  );
}
