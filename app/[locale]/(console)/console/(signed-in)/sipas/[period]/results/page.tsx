import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "@/lib/i18n/get-locale";
import type { Locale } from "@/lib/i18n/locale";
import { sipasResultsMessagesFor, type SipasResultsMessages } from "@/lib/i18n/sipas-results-messages";
import { formatDateTime } from "@/lib/i18n/format-date-time";
import { formatDecimal } from "@/lib/i18n/format-decimal";
import { requireSessionUser } from "@/lib/auth/session";
import { can } from "@/lib/review/permissions";
import { loadSipasResultsConsole, type SipasConsoleUnit } from "@/lib/data/sipas-results-console";
import { ConsoleTable } from "@/components/console/console-table";
import { FieldsActionForm } from "@/components/console/fields-action-form";
import { SipasResultButton } from "@/components/console/sipas-result-button";
import { approveSipasResultsAction, computeSipasResultsAction, revokeSipasApprovalAction } from "./actions";
import { decodeRouteSegment } from "@/lib/domain/route-segment";

type Props = { params: Promise<{ period: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `SIPAS — ${decodeRouteSegment((await params).period)}`, robots: { index: false } };
}

/**
 * The council's review of a period's SIPAS figures (home affairs reads them too): per unit the
 * responses, index, 95 % interval, elements and state; recompute, approve one or all, revoke.
 */
export default async function SipasResultsPage({ params }: Props) {
  const code = decodeRouteSegment((await params).period);
  const user = await requireSessionUser(`/console/sipas/${encodeURIComponent(code)}/results`);
  const view = await loadSipasResultsConsole(user, code);
  if (!view) notFound();
  const locale = await getLocale();
  const t = sipasResultsMessagesFor(locale);
  const { period, survey } = view;
  const periodPath = encodeURIComponent(period.code);
  const published = period.status === "published";
  const council = can(user, "sipas.approve") && !published;
  const mayRecompute = (can(user, "sipas.approve") || can(user, "sipas.edit")) && !published && survey !== null;
  const awaiting = view.units.filter((unit) => unit.result?.state === "computed");
  const two = (value: string) => formatDecimal(value, locale, 2);

  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-slate-700">
          <Link href={`/console/sipas/${periodPath}`} className="underline">
            {t.surveyPage}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">
          {t.title} — {period.name}
        </h1>
        {survey ? (
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-3">
            <div>
              <dt className="text-slate-600">{t.surveyStatus}</dt>
              <dd className="font-semibold" data-testid="sipas-survey-status">
                {t.surveyStatuses[survey.status] ?? survey.status}
              </dd>
            </div>
            <div>
              <dt className="text-slate-600">{t.method}</dt>
              <dd>{t.indexMethod[survey.indexMethod]}</dd>
            </div>
            <div>
              <dt className="text-slate-600">{t.smallSampleThreshold}</dt>
              <dd>{t.responsesUnit(formatDecimal(survey.smallSampleThreshold, locale, 0))}</dd>
            </div>
          </dl>
        ) : (
          <p>{t.noSurvey}</p>
        )}
        {survey && <p className="max-w-3xl text-sm text-slate-700">{t.methodology(survey.indexMethod, String(survey.satisfiedFrom))}</p>}
        {published && <p className="rounded border border-slate-300 bg-slate-50 p-3 text-sm">{t.publishedNotice}</p>}
        {!published && survey && survey.status !== "closed" && (
          <p role="note" className="rounded border border-amber-400 bg-amber-50 p-3 text-sm">
            {t.openNotice}
          </p>
        )}
      </header>

      {(mayRecompute || council) && (
        <div className="flex flex-wrap items-start gap-4">
          {mayRecompute && (
            <SipasResultButton
              locale={locale}
              tone="secondary"
              label={t.recompute}
              confirm={t.recomputeConfirm}
              run={computeSipasResultsAction.bind(null, period.code)}
            />
          )}
          {council && survey && (
            <SipasResultButton
              locale={locale}
              label={t.approveAll}
              disabled={awaiting.length === 0}
              confirm={t.approveAllConfirm(formatDecimal(awaiting.length, locale, 0))}
              run={approveSipasResultsAction.bind(null, period.code, awaiting.map(shownFigures))}
            />
          )}
        </div>
      )}

      {survey && (
        <ConsoleTable
          caption={t.tableCaption}
          showCaption
          minWidth="min-w-[56rem]"
          columns={[
            t.unit,
            { label: t.responses, align: "right" },
            { label: t.index, align: "right" },
            { label: t.interval, align: "right" },
            ...survey.elements.map((element) => ({ label: (locale === "en" && element.nameEn) || element.name, align: "right" as const })),
            t.state,
            ...(council ? [t.actions] : []),
          ]}
        >
          {view.units.map((unit) => (
            <UnitRow
              key={unit.unitCode}
              unit={unit}
              periodCode={period.code}
              elementCodes={survey.elements.map((element) => element.code)}
              threshold={survey.smallSampleThreshold}
              council={council}
              locale={locale}
              t={t}
              two={two}
            />
          ))}
        </ConsoleTable>
      )}
    </div>
  );
}

function shownFigures(unit: SipasConsoleUnit) {
  return { unitCode: unit.unitCode, expectedIndex: unit.result!.index, expectedResponses: unit.result!.responses };
}

function NoFigure({ t }: { t: SipasResultsMessages }) {
  return (
    <>
      <span aria-hidden="true">{t.none}</span>
      <span className="sr-only">{t.noFigureSpoken}</span>
    </>
  );
}

function UnitRow({
  unit,
  periodCode,
  elementCodes,
  threshold,
  council,
  locale,
  t,
  two,
}: {
  unit: SipasConsoleUnit;
  periodCode: string;
  elementCodes: string[];
  threshold: number;
  council: boolean;
  locale: Locale;
  t: SipasResultsMessages;
  two: (value: string) => string;
}) {
  const { result } = unit;
  const count = (value: number) => formatDecimal(value, locale, 0);
  const detailHref = `/console/sipas/${encodeURIComponent(periodCode)}/results/${encodeURIComponent(unit.unitCode)}`;
  const changedSince = result ? result.responses !== unit.acceptedNow : unit.acceptedNow > 0;
  return (
    <tr className="border-b border-slate-200 align-top" data-testid={`sipas-row-${unit.unitCode}`}>
      <th scope="row" className="px-3 py-2 text-left font-medium">
        <Link href={detailHref} className="text-brand-800 underline underline-offset-2">
          {unit.unitName}
        </Link>
        <span className="block text-xs font-normal text-slate-600">{unit.groupName}</span>
        {result && result.responses < threshold && (
          <span className="mt-1 block w-fit rounded bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-700/50">
            <span aria-hidden="true">⚠ </span>
            {t.smallSampleLong(count(threshold))}
          </span>
        )}
      </th>
      <td className="px-3 py-2 text-right tabular-nums" data-testid="sipas-responses">
        {result ? count(result.responses) : <NoFigure t={t} />}
      </td>
      <td className="px-3 py-2 text-right font-semibold tabular-nums" data-testid="sipas-index">
        {result ? two(result.index) : <NoFigure t={t} />}
      </td>
      <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
        {result?.ciLow != null && result.ciHigh != null ? t.intervalShown(two(result.ciLow), two(result.ciHigh)) : <NoFigure t={t} />}
      </td>
      {elementCodes.map((code) => {
        const element = result?.elements.get(code);
        return (
          <td key={code} className="px-3 py-2 text-right tabular-nums">
            {element ? two(element.index) : <NoFigure t={t} />}
          </td>
        );
      })}
      <td className="px-3 py-2 text-sm" data-testid="sipas-state">
        <p>
          {result
            ? result.state === "approved"
              ? t.approvedState(result.approvedBy ?? "—", result.approvedAt ? formatDateTime(result.approvedAt, locale) : "—")
              : t.computedState
            : unit.acceptedNow > 0
              ? t.notComputed
              : t.noResponses}
        </p>
        {(unit.acceptedNow > 0 || unit.flaggedNow > 0) && <p className="text-xs text-slate-600">{t.pending(count(unit.acceptedNow), count(unit.flaggedNow))}</p>}
        {changedSince && result && <p className="text-xs font-medium text-amber-900">{t.needsRecompute}</p>}
      </td>
      {council && (
        <td className="px-3 py-2">
          {result?.state === "computed" && (
            <SipasResultButton
              locale={locale}
              label={t.approve}
              accessibleLabel={t.approveLabel(unit.unitName)}
              confirm={t.approveConfirm(unit.unitName, two(result.index), count(result.responses))}
              run={approveSipasResultsAction.bind(null, periodCode, [shownFigures(unit)])}
            />
          )}
          {result?.state === "approved" && (
            <details>
              <summary className="cursor-pointer text-sm font-medium text-brand-800 underline">{t.revoke}</summary>
              <div className="mt-2 w-64">
                <FieldsActionForm
                  locale={locale}
                  idPrefix={`revoke-${unit.unitCode}`}
                  fields={[{ name: "reason", label: t.revokeReason, required: true, multiline: true }]}
                  submitLabel={t.revoke}
                  confirm={t.revokeConfirm}
                  done={t.revoked}
                  run={revokeSipasApprovalAction.bind(null, { periodCode, unitCode: unit.unitCode })}
                />
              </div>
            </details>
          )}
        </td>
      )}
    </tr>
  );
}
