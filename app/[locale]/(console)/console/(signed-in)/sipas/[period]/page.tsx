import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "@/lib/i18n/get-locale";
import { sipasConsoleMessagesFor } from "@/lib/i18n/sipas-console-messages";
import { formatDateTime } from "@/lib/i18n/format-date-time";
import { formatStatedDecimal } from "@/lib/i18n/format-stated-decimal";
import { toVietnamDateTimeLocal } from "@/lib/i18n/datetime-local-value";
import { requireSessionUser } from "@/lib/auth/session";
import { can } from "@/lib/review/permissions";
import { loadSipasConsoleSurvey, loadSipasUnitCounts } from "@/lib/data/sipas-console";
import { surveyFormPath } from "@/lib/domain/sipas-survey-paths";
import { SIPAS_SURVEY_MOVES } from "@/lib/domain/sipas-survey-input";
import { ConsoleTable } from "@/components/console/console-table";
import { ActionButton } from "@/components/console/action-button";
import { FieldsActionForm, type FormFieldSpec } from "@/components/console/fields-action-form";
import { createSipasSurveyAction } from "../actions";
import {
  addSipasElementAction,
  addSipasQuestionAction,
  deleteSipasElementAction,
  deleteSipasQuestionAction,
  moveSipasElementAction,
  moveSipasQuestionAction,
  transitionSipasSurveyAction,
  updateSipasElementAction,
  updateSipasQuestionAction,
  updateSipasSurveyAction,
} from "./actions";
import { decodeRouteSegment } from "@/lib/domain/route-segment";
import { ConsoleRecordHeader } from "@/components/console-record-header";

type Props = { params: Promise<{ period: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = sipasConsoleMessagesFor(await getLocale());
  return { title: `${t.title} · ${decodeRouteSegment((await params).period)}`, robots: { index: false } };
}

/**
 * One period's SIPAS survey: its settings, state, questionnaire and, per unit, the responses so
 * far, the survey link and the QR posters. Home affairs edits; the council reads.
 */
export default async function SipasSurveyConsolePage({ params }: Props) {
  const code = decodeRouteSegment((await params).period);
  const user = await requireSessionUser(`/console/sipas/${encodeURIComponent(code)}`);
  if (!can(user, "sipas.read")) notFound();
  const loaded = await loadSipasConsoleSurvey(user, code);
  if (!loaded) notFound();
  const locale = await getLocale();
  const t = sipasConsoleMessagesFor(locale);
  const { period, survey } = loaded;
  const published = period.status === "published";
  const editor = can(user, "sipas.edit") && !published;
  const base = `/console/sipas/${encodeURIComponent(period.code)}`;

  if (!survey) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-slate-700">
          <Link href="/console/sipas" className="underline">
            {t.back}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{period.name}</h1>
        <p>{t.status.none}</p>
        {editor && (
          <div className="flex flex-wrap gap-2">
            <ActionButton locale={locale} label={t.createFromDefault} done={t.created} run={createSipasSurveyAction.bind(null, { periodCode: period.code, from: "default" })} />
            {period.previousPeriod && (
              <ActionButton
                locale={locale}
                tone="secondary"
                label={t.createFromPrevious}
                done={t.created}
                run={createSipasSurveyAction.bind(null, { periodCode: period.code, from: "previous" })}
              />
            )}
          </div>
        )}
      </div>
    );
  }

  const counts = await loadSipasUnitCounts(user, period.code);
  const units = counts?.units ?? [];
  const flaggedTotal = units.reduce((sum, unit) => sum + unit.flagged, 0);
  const frozen = survey.responses > 0;
  const moves = editor ? SIPAS_SURVEY_MOVES.filter((move) => move.from === survey.status) : [];
  const elementFields = (element?: { code: string; name: string; nameEn: string | null; weight: string }): FormFieldSpec[] => [
    { name: "code", label: t.elementCode, required: true, defaultValue: element?.code, hint: t.codeHint },
    { name: "name", label: t.elementName, required: true, defaultValue: element?.name },
    { name: "nameEn", label: t.elementNameEn, defaultValue: element?.nameEn ?? "" },
    { name: "weight", label: t.weight, required: true, inputMode: "decimal", defaultValue: element ? formatStatedDecimal(element.weight, "vi") : "1", hint: t.weightHint },
  ];
  const questionFields = (question?: { code: string; text: string; textEn: string | null; required: boolean }): FormFieldSpec[] => [
    { name: "code", label: t.questionCode, required: true, defaultValue: question?.code, hint: t.codeHint },
    { name: "text", label: t.questionText, required: true, multiline: true, defaultValue: question?.text },
    { name: "textEn", label: t.questionTextEn, multiline: true, defaultValue: question?.textEn ?? "" },
    {
      name: "required",
      label: t.required,
      defaultValue: question && !question.required ? "no" : "yes",
      options: [
        { value: "yes", label: t.requiredYes },
        { value: "no", label: t.requiredNo },
      ],
    },
  ];

  return (
    <div className="space-y-8">
      <ConsoleRecordHeader
        back={{ href: "/console/sipas", label: t.back }}
        title={survey.name}
        facts={[
          { label: t.period, value: period.name },
          { label: t.stateTitle, value: t.status[survey.status], className: "font-semibold", testId: "sipas-survey-status" },
          { label: t.responses, value: survey.responses, testId: "sipas-response-total" },
          { label: t.indexMethod, value: `${t.methods[survey.indexMethod]} · ${t.scaleSummary(survey.scaleMin, survey.scaleMax, survey.satisfiedFrom)}` },
          { label: t.opensAt, value: survey.opensAt ? formatDateTime(survey.opensAt, locale) : t.none },
          { label: t.closesAt, value: survey.closesAt ? formatDateTime(survey.closesAt, locale) : t.none },
        ]}
      >
        {moves.length > 0 && (
          <div className="flex flex-wrap gap-4 pt-2">
            {moves.map((move) => {
              const key = move.from === "closed" ? "reopen" : (move.to as "open" | "closed");
              return (
                <ActionButton
                  key={move.to}
                  locale={locale}
                  tone={move.to === "closed" ? "secondary" : "primary"}
                  label={t.moveTo[key]}
                  confirm={t.moveConfirm[key]}
                  done={t.moved}
                  run={transitionSipasSurveyAction.bind(null, { periodCode: period.code, to: move.to, expectedStatus: survey.status })}
                />
              );
            })}
          </div>
        )}
        <nav aria-label={t.linksTitle} className="flex flex-wrap gap-x-6 gap-y-1 pt-2">
          <Link href={`${base}/flagged`} className="inline-flex min-h-6 items-center text-brand-800 underline">
            {t.flaggedLink(flaggedTotal)}
          </Link>
          {can(user, "sipas.edit") && (
            <Link href={`${base}/import`} className="inline-flex min-h-6 items-center text-brand-800 underline">
              {t.importLink}
            </Link>
          )}
          <Link href={`${base}/results`} className="inline-flex min-h-6 items-center text-brand-800 underline">
            {t.resultsLink}
          </Link>
        </nav>
        {!can(user, "sipas.edit") && <p className="text-sm text-slate-700">{t.readOnlyNote}</p>}
        {published && <p className="text-sm text-slate-700">{t.publishedNote}</p>}
        {editor && frozen && (
          <p role="note" className="max-w-3xl rounded border border-amber-400 bg-amber-50 p-3 text-sm">
            {t.frozenNote(survey.responses)}
          </p>
        )}
      </ConsoleRecordHeader>

      <section aria-labelledby="units-title" className="space-y-2">
        <h2 id="units-title" className="text-xl font-semibold">
          {t.unitsTitle}
        </h2>
        <ConsoleTable
          caption={t.unitsTitle}
          minWidth="min-w-[60rem]"
          columns={[
            t.unit,
            { label: t.accepted, align: "right" },
            { label: t.flagged, align: "right" },
            { label: t.rejected, align: "right" },
            { label: t.today, align: "right" },
            t.lastResponse,
            t.link,
            ...(can(user, "sipas.edit") ? [t.poster] : []),
          ]}
        >
          {units.map((unit) => {
            const path = surveyFormPath(period.code, unit.unitCode);
            const poster = `/api/console/sipas/${encodeURIComponent(period.code)}/${encodeURIComponent(unit.unitCode)}/poster`;
            return (
              <tr key={unit.unitCode} className="border-b border-slate-200 align-top" data-testid={`sipas-unit-${unit.unitCode}`}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {unit.unitName}
                  <span className="block text-xs font-normal text-slate-600">{unit.groupName}</span>
                </th>
                <td className="px-3 py-2 text-right tabular-nums" data-testid="accepted">
                  {unit.accepted}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{unit.flagged}</td>
                <td className="px-3 py-2 text-right tabular-nums">{unit.rejected}</td>
                <td className="px-3 py-2 text-right tabular-nums">{unit.today}</td>
                <td className="px-3 py-2">{unit.lastAt ? formatDateTime(unit.lastAt, locale) : t.none}</td>
                <td className="px-3 py-2">
                  <a href={path} className="inline-flex min-h-6 items-center break-all text-brand-800 underline">
                    {path}
                  </a>
                </td>
                {can(user, "sipas.edit") && (
                  <td className="px-3 py-2 whitespace-nowrap">
                    <span className="flex gap-4">
                      <a href={`${poster}.png`} download aria-label={t.posterLabel(t.posterPng, unit.unitName)} className="inline-flex min-h-6 items-center text-brand-800 underline">
                        {t.posterPng}
                      </a>
                      <a href={`${poster}.pdf`} download aria-label={t.posterLabel(t.posterPdf, unit.unitName)} className="inline-flex min-h-6 items-center text-brand-800 underline">
                        {t.posterPdf}
                      </a>
                    </span>
                  </td>
                )}
              </tr>
            );
          })}
        </ConsoleTable>
      </section>

      {editor && (
        <details className="rounded-lg border border-slate-200 bg-white p-4">
          <summary className="cursor-pointer font-semibold">{t.settingsTitle}</summary>
          <div className="mt-3 max-w-md">
            <FieldsActionForm
              locale={locale}
              idPrefix="sipas-settings"
              submitLabel={t.saveSettings}
              done={t.saved}
              run={updateSipasSurveyAction.bind(null, period.code)}
              fields={[
                { name: "name", label: t.name, required: true, defaultValue: survey.name },
                { name: "scaleMin", label: t.scaleMin, required: true, inputMode: "numeric", defaultValue: String(survey.scaleMin) },
                { name: "scaleMax", label: t.scaleMax, required: true, inputMode: "numeric", defaultValue: String(survey.scaleMax) },
                { name: "scaleLabels", label: t.scaleLabels, required: true, multiline: true, defaultValue: survey.scaleLabels.join("\n") },
                { name: "satisfiedFrom", label: t.satisfiedFrom, required: true, inputMode: "numeric", defaultValue: String(survey.satisfiedFrom) },
                {
                  name: "indexMethod",
                  label: t.indexMethod,
                  defaultValue: survey.indexMethod,
                  options: [
                    { value: "share_satisfied", label: t.methods.share_satisfied },
                    { value: "mean_scaled", label: t.methods.mean_scaled },
                  ],
                },
                { name: "smallSampleThreshold", label: t.smallSample, required: true, inputMode: "numeric", defaultValue: String(survey.smallSampleThreshold) },
                { name: "opensAt", label: t.opensAt, type: "datetime-local", hint: t.timeHint, defaultValue: toVietnamDateTimeLocal(survey.opensAt) },
                { name: "closesAt", label: t.closesAt, type: "datetime-local", hint: t.timeHint, defaultValue: toVietnamDateTimeLocal(survey.closesAt) },
              ]}
            />
          </div>
        </details>
      )}

      <section aria-labelledby="questionnaire-title" className="space-y-4">
        <h2 id="questionnaire-title" className="text-xl font-semibold">
          {t.questionnaireTitle}
        </h2>
        <p className="text-sm text-slate-700">
          {t.scaleSummary(survey.scaleMin, survey.scaleMax, survey.satisfiedFrom)}:{" "}
          {survey.scaleLabels.map((label, index) => `${survey.scaleMin + index} = ${label}`).join(" · ")}
        </p>
        <ol className="space-y-4">
          {survey.elements.map((element, elementIndex) => (
            <li key={element.code} className="rounded-lg border border-slate-200 bg-white p-4" data-testid={`sipas-element-${element.code}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="text-lg font-semibold">
                  {elementIndex + 1}. {locale === "en" && element.nameEn ? element.nameEn : element.name}{" "}
                  <span className="text-sm font-normal text-slate-600">
                    ({element.code} · {t.weightLabel(formatStatedDecimal(element.weight, locale))})
                  </span>
                </h3>
                {editor && (
                  <div className="flex flex-wrap gap-2 text-sm">
                    {elementIndex > 0 && (
                      <ActionButton
                        locale={locale}
                        tone="secondary"
                        label={t.moveUp}
                        run={moveSipasElementAction.bind(null, { periodCode: period.code, elementCode: element.code, direction: "up" })}
                      />
                    )}
                    {elementIndex < survey.elements.length - 1 && (
                      <ActionButton
                        locale={locale}
                        tone="secondary"
                        label={t.moveDown}
                        run={moveSipasElementAction.bind(null, { periodCode: period.code, elementCode: element.code, direction: "down" })}
                      />
                    )}
                    {!frozen && (
                      <ActionButton
                        locale={locale}
                        tone="secondary"
                        label={t.remove}
                        confirm={t.removeElementConfirm(element.name)}
                        run={deleteSipasElementAction.bind(null, { periodCode: period.code, elementCode: element.code })}
                      />
                    )}
                  </div>
                )}
              </div>
              {editor && (
                <details className="mt-2">
                  <summary className="cursor-pointer py-1 text-sm text-brand-800 underline">
                    {t.edit}: {element.name}
                  </summary>
                  <div className="mt-2 max-w-md">
                    <FieldsActionForm
                      locale={locale}
                      idPrefix={`element-${element.code}`}
                      fields={elementFields(element)}
                      submitLabel={t.save}
                      done={t.saved}
                      run={updateSipasElementAction.bind(null, { periodCode: period.code, elementCode: element.code })}
                    />
                  </div>
                </details>
              )}
              <ol className="mt-3 space-y-3">
                {element.questions.map((question, questionIndex) => (
                  <li key={question.code} className="border-t border-slate-100 pt-2">
                    <p>
                      <span className="font-mono text-xs text-slate-600">{question.code}</span> {locale === "en" && question.textEn ? question.textEn : question.text}
                      {!question.required && <span className="text-sm text-slate-600"> ({t.optional})</span>}
                    </p>
                    {locale === "vi" && question.textEn && <p className="text-sm text-slate-600" lang="en">{question.textEn}</p>}
                    {editor && (
                      <div className="mt-1 flex flex-wrap items-start gap-2 text-sm">
                        {questionIndex > 0 && (
                          <ActionButton
                            locale={locale}
                            tone="secondary"
                            label={t.moveUp}
                            run={moveSipasQuestionAction.bind(null, { periodCode: period.code, questionCode: question.code, direction: "up" })}
                          />
                        )}
                        {questionIndex < element.questions.length - 1 && (
                          <ActionButton
                            locale={locale}
                            tone="secondary"
                            label={t.moveDown}
                            run={moveSipasQuestionAction.bind(null, { periodCode: period.code, questionCode: question.code, direction: "down" })}
                          />
                        )}
                        {!frozen && (
                          <ActionButton
                            locale={locale}
                            tone="secondary"
                            label={t.remove}
                            confirm={t.removeQuestionConfirm(question.code)}
                            run={deleteSipasQuestionAction.bind(null, { periodCode: period.code, questionCode: question.code })}
                          />
                        )}
                        <details className="min-w-64 flex-1">
                          <summary className="cursor-pointer py-2 text-brand-800 underline">
                            {t.edit} {question.code}
                          </summary>
                          <div className="mt-2 max-w-md">
                            <FieldsActionForm
                              locale={locale}
                              idPrefix={`question-${question.code}`}
                              fields={questionFields(question)}
                              submitLabel={t.save}
                              done={t.saved}
                              run={updateSipasQuestionAction.bind(null, { periodCode: period.code, questionCode: question.code })}
                            />
                          </div>
                        </details>
                      </div>
                    )}
                  </li>
                ))}
              </ol>
              {editor && !frozen && (
                <details className="mt-3">
                  <summary className="cursor-pointer py-1 text-sm font-medium text-brand-800 underline">
                    {t.addQuestion}: {element.name}
                  </summary>
                  <div className="mt-2 max-w-md">
                    <FieldsActionForm
                      locale={locale}
                      idPrefix={`add-question-${element.code}`}
                      fields={questionFields()}
                      submitLabel={t.addQuestion}
                      done={t.added}
                      run={addSipasQuestionAction.bind(null, { periodCode: period.code, elementCode: element.code })}
                    />
                  </div>
                </details>
              )}
            </li>
          ))}
        </ol>
        {editor && !frozen && (
          <details className="rounded-lg border border-slate-200 bg-white p-4">
            <summary className="cursor-pointer font-semibold">{t.addElement}</summary>
            <div className="mt-3 max-w-md">
              <FieldsActionForm locale={locale} idPrefix="add-element" fields={elementFields()} submitLabel={t.addElement} done={t.added} run={addSipasElementAction.bind(null, period.code)} />
            </div>
          </details>
        )}
      </section>
    </div>
  );
}
