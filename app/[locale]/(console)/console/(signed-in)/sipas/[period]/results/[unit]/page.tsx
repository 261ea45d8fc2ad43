import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "@/lib/i18n/get-locale";
import { sipasResultsMessagesFor } from "@/lib/i18n/sipas-results-messages";
import { formatDateTime } from "@/lib/i18n/format-date-time";
import { formatDecimal } from "@/lib/i18n/format-decimal";
import { formatStatedDecimal } from "@/lib/i18n/format-stated-decimal";
import { requireSessionUser } from "@/lib/auth/session";
import { loadSipasResultsConsole } from "@/lib/data/sipas-results-console";
import { ConsoleTable } from "@/components/console/console-table";
import { decodeRouteSegment } from "@/lib/domain/route-segment";

type Props = { params: Promise<{ period: string; unit: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { period, unit } = await params;
  return { title: `SIPAS — ${decodeRouteSegment(unit)} — ${decodeRouteSegment(period)}`, robots: { index: false } };
}

/** One unit's SIPAS figures in full: overall, per element (with its weight) and per question. */
export default async function SipasUnitResultsPage({ params }: Props) {
  const { period: periodParam, unit: unitParam } = await params;
  const periodCode = decodeRouteSegment(periodParam);
  const unitCode = decodeRouteSegment(unitParam);
  const user = await requireSessionUser(`/console/sipas/${encodeURIComponent(periodCode)}/results/${encodeURIComponent(unitCode)}`);
  const view = await loadSipasResultsConsole(user, periodCode);
  const unit = view?.units.find((candidate) => candidate.unitCode === unitCode);
  if (!view || !unit) notFound();
  const locale = await getLocale();
  const t = sipasResultsMessagesFor(locale);
  const two = (value: string) => formatDecimal(value, locale, 2);
  const count = (value: number) => formatDecimal(value, locale, 0);
  const { result, survey } = { result: unit.result, survey: view.survey };
  const questionFigures = new Map(result?.questions.map((question) => [question.code, question]) ?? []);

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-slate-700">
          <Link href={`/console/sipas/${encodeURIComponent(view.period.code)}/results`} className="underline">
            {t.backToResults}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{t.unitTitle(unit.unitName)}</h1>
        <p className="text-slate-700">{view.period.name}</p>
      </header>

      {!result || !survey ? (
        <p>{t.noResult}</p>
      ) : (
        <>
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-4">
            <div>
              <dt className="text-sm text-slate-600">{t.index}</dt>
              <dd className="text-2xl font-bold tabular-nums">{two(result.index)}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{t.responses}</dt>
              <dd className="text-xl tabular-nums">{count(result.responses)}</dd>
              {result.responses < survey.smallSampleThreshold && <dd className="text-sm font-medium text-amber-900">{t.smallSampleLong(count(survey.smallSampleThreshold))}</dd>}
            </div>
            <div>
              <dt className="text-sm text-slate-600">{t.interval}</dt>
              <dd className="text-xl tabular-nums">{result.ciLow !== null && result.ciHigh !== null ? t.intervalShown(two(result.ciLow), two(result.ciHigh)) : t.none}</dd>
            </div>
            <div>
              <dt className="text-sm text-slate-600">{t.state}</dt>
              <dd>
                {result.state === "approved"
                  ? t.approvedState(result.approvedBy ?? "—", result.approvedAt ? formatDateTime(result.approvedAt, locale) : "—")
                  : t.computedState}
              </dd>
            </div>
          </dl>
          <p className="max-w-3xl text-sm text-slate-700">{t.methodology(survey.indexMethod, String(survey.satisfiedFrom))}</p>

          <section aria-labelledby="elements-title" className="space-y-2">
            <h2 id="elements-title" className="text-xl font-semibold">
              {t.elementsTitle}
            </h2>
            <ConsoleTable
              caption={t.elementsCaption}
              minWidth="min-w-[36rem]"
              columns={[t.element, { label: t.weight, align: "right" }, { label: t.elementResponses, align: "right" }, { label: t.index, align: "right" }]}
            >
              {survey.elements.map((element) => {
                const figure = result.elements.get(element.code);
                return (
                  <tr key={element.code} className="border-b border-slate-200">
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      {(locale === "en" && element.nameEn) || element.name}
                    </th>
                    <td className="px-3 py-2 text-right tabular-nums">{formatStatedDecimal(element.weight, locale)}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{figure?.responses != null ? count(figure.responses) : t.none}</td>
                    <td className="px-3 py-2 text-right tabular-nums">{figure ? two(figure.index) : t.none}</td>
                  </tr>
                );
              })}
            </ConsoleTable>
          </section>

          <section aria-labelledby="questions-title" className="space-y-2">
            <h2 id="questions-title" className="text-xl font-semibold">
              {t.questionsTitle}
            </h2>
            <ConsoleTable
              caption={t.questionsCaption}
              minWidth="min-w-[40rem]"
              columns={[t.question, t.element, { label: t.answers, align: "right" }, { label: t.index, align: "right" }]}
            >
              {survey.elements.flatMap((element) =>
                element.questions.map((question) => {
                  const figure = questionFigures.get(question.code);
                  return (
                    <tr key={question.code} className="border-b border-slate-200 align-top">
                      <th scope="row" className="px-3 py-2 text-left font-normal">
                        <span className="font-medium">{question.code}</span> {(locale === "en" && question.textEn) || question.text}
                      </th>
                      <td className="px-3 py-2">{(locale === "en" && element.nameEn) || element.name}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{figure ? count(figure.answers) : t.none}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{figure?.index ? two(figure.index) : t.none}</td>
                    </tr>
                  );
                }),
              )}
            </ConsoleTable>
          </section>
        </>
      )}
    </div>
  );
}
