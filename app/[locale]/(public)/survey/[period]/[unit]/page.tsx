import { cache } from "react";
import type { Metadata } from "next";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { issueSurveyToken } from "@/lib/auth/sipas-survey-token";
import { loadSurveyFormTarget, type SurveyFormTarget } from "@/lib/data/sipas-survey-form";
import { decodeSurveyDraft, SURVEY_DRAFT_COOKIE } from "@/lib/domain/sipas-survey-draft";
import { answerFieldName, SURVEY_MIN_FILL_MS } from "@/lib/domain/sipas-survey-fields";
import { surveySubmitPath } from "@/lib/domain/sipas-survey-paths";
import { surveyAvailability } from "@/lib/domain/sipas-survey-availability";
import { getLocale } from "@/lib/i18n/get-locale";
import type { Locale } from "@/lib/i18n/locale";
import { formatDayInVietnam } from "@/lib/i18n/format-date-time";
import { sipasSurveyMessagesFor } from "@/lib/i18n/sipas-survey-messages";
import { SipasSurveyForm, type SurveyRefusalView, type SurveyStepView } from "@/components/sipas-survey-form";
import { decodeRouteSegment } from "@/lib/domain/route-segment";

// Every visit gets its own one-time token, and a refused form comes back with its answers: the
// page is never served from Next's page cache (nor from a shared cache: Next sends no-store).
export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ period: string; unit: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const loadTarget = cache(async (period: string, unit: string) => loadSurveyFormTarget(decodeRouteSegment(period), decodeRouteSegment(unit)));

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { period, unit } = await params;
  const [target, locale] = await Promise.all([loadTarget(period, unit), getLocale()]);
  if (!target) return {};
  const t = sipasSurveyMessagesFor(locale);
  const unitName = unitNameIn(target, locale);
  // A survey address is for the people at the desk, not for search engines.
  return { title: t.metaTitle(unitName), description: t.metaDescription(unitName, target.period.name), robots: { index: false } };
}

function unitNameIn(target: SurveyFormTarget, locale: Locale): string {
  return locale === "en" && target.unit.nameEn ? target.unit.nameEn : target.unit.name;
}

export default async function SurveyPage({ params, searchParams }: Props) {
  const { period, unit } = await params;
  const [target, locale, query, jar] = await Promise.all([loadTarget(period, unit), getLocale(), searchParams, cookies()]);
  if (!target) notFound();
  const t = sipasSurveyMessagesFor(locale);
  const now = new Date();
  const availability = surveyAvailability(target.survey, now);
  const other = locale === "vi" ? undefined : ("vi" as const);
  const unitName = unitNameIn(target, locale);
  const unitLang = locale === "en" && !target.unit.nameEn ? "vi" : undefined;

  const header = (title: string) => (
    <header className="space-y-1">
      <h1 className="text-2xl font-bold text-balance">{title}</h1>
      <p className="text-lg font-medium text-slate-900">
        <span className="sr-only">{t.unitLabel}: </span>
        <span lang={unitLang}>{unitName}</span>
      </p>
      <p className="text-slate-700" lang={other}>
        {target.period.name}
      </p>
    </header>
  );

  if (availability !== "open" || !target.survey) {
    const survey = target.survey;
    const window = t.window(
      survey?.opensAt ? formatDayInVietnam(survey.opensAt, locale) : null,
      survey?.closesAt ? formatDayInVietnam(survey.closesAt, locale) : null,
    );
    return (
      <div className="mx-auto max-w-xl space-y-4">
        {header(availability === "closed" ? t.closedTitle : t.notOpenTitle)}
        <p className="rounded-md border border-slate-300 bg-white p-4 text-slate-900">{availability === "closed" ? t.closedText : t.notOpenText}</p>
        {window ? <p className="text-slate-800">{window}</p> : null}
      </div>
    );
  }

  const { questionnaire } = target.survey;
  const periodCode = target.period.code;
  const unitCode = target.unit.code;
  const retry = typeof query.retry === "string" ? query.retry : null;
  const stored = retry ? decodeSurveyDraft(jar.get(SURVEY_DRAFT_COOKIE)?.value) : null;
  // Only the draft this address was sent back with, and only for this form.
  const draft = stored && stored.retry === retry && stored.periodCode === periodCode && stored.unitCode === unitCode ? stored : null;
  const refusal: SurveyRefusalView | null = draft
    ? {
        message: locale === "vi" ? draft.refusal.vi : draft.refusal.en,
        problems: draft.refusal.problems.map((problem) => ({ key: problem.key, message: locale === "vi" ? problem.vi : problem.en })),
      }
    : null;

  const steps: SurveyStepView[] = questionnaire.elements.map((element) => ({
    code: element.code,
    title: locale === "en" && element.nameEn ? element.nameEn : element.name,
    lang: locale === "en" && !element.nameEn ? "vi" : undefined,
    questions: element.questions.map((question) => ({
      code: question.code,
      field: answerFieldName(question.code),
      text: locale === "en" && question.textEn ? question.textEn : question.text,
      lang: locale === "en" && !question.textEn ? "vi" : undefined,
      required: question.required,
    })),
  }));
  const { min, max, labels } = questionnaire.scale;
  const scale = Array.from({ length: max - min + 1 }, (_, index) => ({
    value: min + index,
    label: labels[index] ?? String(min + index),
    lang: other,
  }));

  return (
    <div className="mx-auto max-w-xl space-y-5">
      {header(t.title)}
      <p className="text-slate-800">{t.intro(min, max, scale[0]!.label, scale[scale.length - 1]!.label)}</p>
      <p className="text-sm text-slate-700">{t.requiredNote}</p>
      <SipasSurveyForm
        locale={locale}
        action={surveySubmitPath(periodCode, unitCode)}
        // A form sent back after a refusal was filled in already: sending it again at once is not "too fast".
        token={issueSurveyToken({ periodCode, unitCode }, draft ? new Date(now.getTime() - SURVEY_MIN_FILL_MS) : now)}
        steps={steps}
        scale={scale}
        initial={{ answers: draft?.answers ?? {}, dossierCode: draft?.dossierCode ?? "", comment: draft?.comment ?? "" }}
        refusal={refusal}
      />
    </div>
  );
}
