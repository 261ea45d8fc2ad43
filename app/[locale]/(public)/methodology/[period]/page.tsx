import { cache } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getPublishedMethodology, type PublishedMethodology } from "@/lib/data/published-methodology";
import { getLocale } from "@/lib/i18n/get-locale";
import type { Locale } from "@/lib/i18n/locale";
import { methodologyMessagesFor, type MethodologyMessages } from "@/lib/i18n/methodology-messages";
import { formatDate } from "@/lib/i18n/format-date";
import { formatStatedDecimal } from "@/lib/i18n/format-stated-decimal";
import { MethodologyCriteriaTree } from "@/components/methodology-criteria-tree";
import { PeriodBreadcrumb } from "@/components/period-breadcrumb";

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

/** generateMetadata and the page ask for the same period: one set of queries per request. */
const loadMethodology = cache(getPublishedMethodology);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [methodology, locale] = await Promise.all([loadMethodology((await params).period), getLocale()]);
  if (!methodology) return {};
  const t = methodologyMessagesFor(locale);
  const title = t.metaTitle(methodology.name);
  const description = t.metaDescription(methodology.name, methodology.authority);
  return { title, description, openGraph: { title, description, type: "website" } };
}

const SECTIONS = ["criteria", "computation", "bands", "ties", "decision", "errata"] as const;
type Section = (typeof SECTIONS)[number];

export default async function MethodologyPage({ params }: Props) {
  const [methodology, locale] = await Promise.all([loadMethodology((await params).period), getLocale()]);
  if (!methodology) notFound();
  const t = methodologyMessagesFor(locale);
  const headings: Record<Section, string> = {
    criteria: t.criteriaHeading,
    computation: t.computationHeading,
    bands: t.bandsHeading,
    ties: t.tiesHeading,
    decision: t.decisionHeading,
    errata: t.errataHeading,
  };
  const periodPath = encodeURIComponent(methodology.code);
  // Period names are always Vietnamese, whatever the page's language.
  const dataLang = locale === "vi" ? undefined : "vi";

  return (
    <div className="space-y-8">
      <PeriodBreadcrumb label={t.breadcrumb} homeLabel={t.home} periodCode={methodology.code} periodName={methodology.name} nameLang={dataLang} />

      <header className="space-y-2">
        <h1 className="text-2xl font-bold text-balance sm:text-3xl">{t.title}</h1>
        <p className="text-lg font-medium text-slate-900" lang={dataLang}>
          {methodology.name}
        </p>
        <p className="text-slate-700" lang={dataLang}>
          {methodology.authority}
        </p>
        {methodology.illustrative ? (
          <p className="rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">{t.demoNotice}</p>
        ) : null}
        <nav aria-label={t.relatedPages} className="pt-1 text-sm">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            <li>
              <Link href={`/${periodPath}`} className="inline-block py-1 font-medium text-brand-800 underline underline-offset-2">
                {t.leagueTables}
              </Link>
            </li>
            <li>
              <Link href={`/sipas/${periodPath}`} className="inline-block py-1 font-medium text-brand-800 underline underline-offset-2">
                {t.sipasPage}
              </Link>
            </li>
          </ul>
        </nav>
      </header>

      <nav aria-labelledby="contents-heading" className="rounded-lg border border-slate-300 bg-white p-4 text-sm">
        <h2 id="contents-heading" className="font-semibold text-slate-900">
          {t.contents}
        </h2>
        <ol className="mt-2 grid gap-x-6 gap-y-1 sm:grid-cols-2">
          {SECTIONS.map((section) => (
            <li key={section}>
              <a href={`#${section}`} className="inline-block py-1 text-brand-800 underline underline-offset-2">
                {headings[section]}
              </a>
            </li>
          ))}
        </ol>
      </nav>

      <Criteria methodology={methodology} heading={headings.criteria} locale={locale} t={t} />
      <Computation heading={headings.computation} t={t} />
      <Bands methodology={methodology} heading={headings.bands} locale={locale} t={t} />
      <Ties methodology={methodology} heading={headings.ties} t={t} />
      <Decision methodology={methodology} heading={headings.decision} locale={locale} t={t} />
      <Errata methodology={methodology} heading={headings.errata} locale={locale} t={t} />
    </div>
  );
}

type SectionProps = { methodology: PublishedMethodology; heading: string; locale: Locale; t: MethodologyMessages };

function SectionHeading({ id, children }: { id: Section; children: React.ReactNode }) {
  return (
    <h2 id={`${id}-heading`} className="scroll-mt-4 border-b border-slate-300 pb-2 text-xl font-semibold">
      {children}
    </h2>
  );
}

function Criteria({ methodology, heading, locale, t }: SectionProps) {
  const { tree, criteriaSet } = methodology;
  const n = (value: string) => formatStatedDecimal(value, locale);
  const appraisal = tree.appraisalMax === "0" ? null : n(tree.appraisalMax);
  const survey = tree.surveyMax === "0" ? null : n(tree.surveyMax);
  return (
    <section id="criteria" aria-labelledby="criteria-heading" className="scroll-mt-4 space-y-4">
      <SectionHeading id="criteria">{heading}</SectionHeading>
      <div className="space-y-1 text-slate-800">
        <p lang={locale === "vi" ? undefined : "vi"}>{t.criteriaSet(criteriaSet.name, criteriaSet.code, criteriaSet.version)}</p>
        <p>{t.treeCounts(tree.countsByLevel.map((count, position) => t.levelCount(position + 1, count)))}</p>
        <p>{t.maxSummary(n(tree.totalMax), appraisal, survey)}</p>
      </div>
      <div className="space-y-1 text-sm">
        <h3 className="font-semibold text-slate-900">{t.methodsHeading}</h3>
        <dl className="space-y-1 text-slate-800">
          {(["appraisal", "survey"] as const).map((method) => (
            <div key={method}>
              <dt className="inline font-medium">{t.method[method]}: </dt>
              <dd className="inline">{t.methodExplanations[method]}</dd>
            </div>
          ))}
        </dl>
      </div>
      <p className="text-sm text-slate-700">{t.treeHint}</p>
      <MethodologyCriteriaTree fields={tree.fields} locale={locale} t={t} />
    </section>
  );
}

function Computation({ heading, t }: { heading: string; t: MethodologyMessages }) {
  return (
    <section id="computation" aria-labelledby="computation-heading" className="scroll-mt-4 space-y-3">
      <SectionHeading id="computation">{heading}</SectionHeading>
      <ul className="list-disc space-y-1 pl-5 text-slate-800">
        {t.computationPoints.map((point) => (
          <li key={point}>{point}</li>
        ))}
      </ul>
    </section>
  );
}

function Bands({ methodology, heading, locale, t }: SectionProps) {
  const { bands, unbandedBelow } = methodology.bands;
  const n = (value: string) => formatStatedDecimal(value, locale);
  const withHead = bands.some((band) => band.headAssessment);
  return (
    <section id="bands" aria-labelledby="bands-heading" className="scroll-mt-4 space-y-3">
      <SectionHeading id="bands">{heading}</SectionHeading>
      {bands.length === 0 ? (
        <p className="text-slate-800">{t.noBands}</p>
      ) : (
        <>
          <p className="text-slate-800">{t.bandsIntro}</p>
          <table className="w-full max-w-2xl border-collapse rounded-lg bg-white text-sm">
            <caption className="sr-only">{t.bandsCaption}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t.bandColumn}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {t.rangeColumn}
                </th>
                {withHead ? (
                  <th scope="col" className="px-3 py-2 font-semibold">
                    {t.headColumn}
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {bands.map((band) => (
                <tr key={band.label} className="border-b border-slate-200 align-top">
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {locale === "en" && band.labelEn ? band.labelEn : <span lang={locale === "vi" ? undefined : "vi"}>{band.label}</span>}
                  </th>
                  <td className="px-3 py-2 tabular-nums">
                    {band.below !== null && band.below === band.minIndex ? t.emptyBandRange : t.bandRange(n(band.minIndex), band.below === null ? null : n(band.below))}
                  </td>
                  {withHead ? <td className="px-3 py-2">{band.headAssessment ?? ""}</td> : null}
                </tr>
              ))}
            </tbody>
          </table>
          {unbandedBelow !== null ? <p className="text-slate-800">{t.unbanded(n(unbandedBelow))}</p> : null}
        </>
      )}
    </section>
  );
}

function Ties({ methodology, heading, t }: Omit<SectionProps, "locale">) {
  const groups = methodology.groups.map((group) => group.name).join(", ");
  return (
    <section id="ties" aria-labelledby="ties-heading" className="scroll-mt-4 space-y-3">
      <SectionHeading id="ties">{heading}</SectionHeading>
      <p className="text-slate-800">{t.tiesIntro(groups)}</p>
      <ol className="list-decimal space-y-1 pl-5 text-slate-800">
        <li>{t.tieExactIndex}</li>
        {methodology.tieBreakers.map((key, position) => (
          <li key={key}>{t.tieBreaker(key, position === 0)}</li>
        ))}
        <li>{t.tieShared(methodology.tieBreakers.length > 0)}</li>
      </ol>
    </section>
  );
}

function Decision({ methodology, heading, locale, t }: SectionProps) {
  return (
    <section id="decision" aria-labelledby="decision-heading" className="scroll-mt-4 space-y-3">
      <SectionHeading id="decision">{heading}</SectionHeading>
      <p className="text-slate-800">
        {t.decision(methodology.decisionNumber, methodology.decisionDate ? formatDate(methodology.decisionDate, locale) : null)}{" "}
        {t.publishedOn(formatDate(methodology.publishedAt, locale))}
      </p>
    </section>
  );
}

function Errata({ methodology, heading, locale, t }: SectionProps) {
  const corrections = methodology.publications.filter((publication) => publication.version > 1).length;
  return (
    <section id="errata" aria-labelledby="errata-heading" className="scroll-mt-4 space-y-3">
      <SectionHeading id="errata">{heading}</SectionHeading>
      <p className="text-slate-800">{t.errataIntro(corrections)}</p>
      <ol aria-label={t.errataLabel} className="space-y-3">
        {methodology.publications.map((publication) => (
          <li
            key={publication.version}
            className={`rounded-lg border bg-white p-3 ${publication.current ? "border-slate-900 ring-1 ring-slate-900" : "border-slate-300"}`}
          >
            <h3 className="flex flex-wrap items-center gap-x-3 gap-y-1 font-semibold text-slate-900">
              {t.versionTitle(publication.version)}
              <span
                className={`rounded px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${
                  publication.current ? "bg-emerald-50 text-emerald-900 ring-emerald-700/50" : "bg-slate-100 text-slate-800 ring-slate-500/50"
                }`}
              >
                {publication.current ? t.currentVersion : t.supersededVersion}
              </span>
            </h3>
            <dl className="mt-2 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
              <dt className="text-slate-700">{t.publishedOnLabel}</dt>
              <dd className="tabular-nums">{formatDate(publication.publishedAt, locale)}</dd>
              <dt className="text-slate-700">{t.decisionLabel}</dt>
              <dd>{t.decisionOf(publication.decisionNumber, publication.decisionDate ? formatDate(publication.decisionDate, locale) : null)}</dd>
              {publication.version > 1 ? (
                <>
                  <dt className="text-slate-700">{t.reasonLabel}</dt>
                  <dd>{publication.reason ?? t.noReason}</dd>
                </>
              ) : null}
            </dl>
          </li>
        ))}
      </ol>
    </section>
  );
}
