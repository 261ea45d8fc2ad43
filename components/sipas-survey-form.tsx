"use client";

import { useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { sipasSurveyMessagesFor } from "@/lib/i18n/sipas-survey-messages";
import { SURVEY_COMMENT_MAX, SURVEY_DOSSIER_CODE_MAX, SURVEY_FIELDS } from "@/lib/domain/sipas-survey-fields";

export type SurveyQuestionView = { code: string; field: string; text: string; lang?: "vi"; required: boolean };
export type SurveyStepView = { code: string; title: string; lang?: "vi"; questions: SurveyQuestionView[] };
export type SurveyScalePoint = { value: number; label: string; lang?: "vi" };
export type SurveyRefusalView = { message: string; problems: { key: string | null; message: string }[] };

type Props = {
  locale: Locale;
  action: string;
  token: string;
  steps: SurveyStepView[];
  scale: SurveyScalePoint[];
  initial: { answers: Record<string, string>; dossierCode: string; comment: string };
  refusal: SurveyRefusalView | null;
};

const focusRing = "focus-visible:outline-3 focus-visible:outline-offset-2 focus-visible:outline-brand-700";
const buttonBase = `inline-flex min-h-12 items-center justify-center rounded-md px-5 py-3 text-base font-semibold ${focusRing}`;

const subscribeToNothing = () => () => {};

const domId = (code: string) => `q-${code.replace(/[^A-Za-z0-9_-]/g, "_")}`;

/**
 * The survey as one plain HTML form: without JavaScript (or before it loads, on a slow
 * connection) every step shows and the browser posts the form. Once hydrated, the same markup
 * becomes one question group per step with progress and Back/Next; the steps are hidden, not
 * removed, so answers stay in the form across steps, and sending uses fetch so a refusal is shown
 * in place with nothing lost.
 */
export function SipasSurveyForm({ locale, action, token: issuedToken, steps, scale, initial, refusal }: Props) {
  const t = sipasSurveyMessagesFor(locale);
  // Intl rather than the portal's decimal formatter: whole numbers only, and no decimal library in the form's bundle.
  const count = new Intl.NumberFormat(locale === "vi" ? "vi-VN" : "en-GB");
  const total = steps.length + 1;
  // false in the server's HTML and during hydration, true once the browser runs this code.
  const enhanced = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  const stepOf = (questionCode: string) => {
    const index = steps.findIndex((candidate) => candidate.questions.some((question) => question.code === questionCode));
    return index === -1 ? steps.length : index;
  };
  // A form shown again after a refusal opens at the first question in question.
  const [step, setStep] = useState(() => {
    const first = refusal?.problems.find((problem) => problem.key !== null);
    return first?.key ? stepOf(first.key) : 0;
  });
  const [token, setToken] = useState(issuedToken);
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const [serverProblems, setServerProblems] = useState<ReadonlyMap<string, string>>(
    new Map((refusal?.problems ?? []).filter((problem) => problem.key !== null).map((problem) => [problem.key!, problem.message])),
  );
  const [formMessage, setFormMessage] = useState<SurveyRefusalView | null>(refusal);
  const [sending, setSending] = useState(false);
  const [commentLength, setCommentLength] = useState(initial.comment.length);
  const formRef = useRef<HTMLFormElement>(null);
  const headingRefs = useRef<(HTMLHeadingElement | null)[]>([]);
  const errorBoxRef = useRef<HTMLDivElement>(null);
  const moved = useRef(false);

  useEffect(() => {
    // Focus follows the step the visitor moved to, never the first render.
    if (!moved.current) return;
    headingRefs.current[step]?.focus();
  }, [step]);

  const errorOf = (code: string) => serverProblems.get(code) ?? (missing.has(code) ? t.missingAnswer : null);

  const unanswered = (questions: SurveyQuestionView[]) => {
    const form = formRef.current;
    if (!form) return [];
    return questions.filter((question) => {
      if (!question.required) return false;
      const chosen = form.elements.namedItem(question.field) as RadioNodeList | null;
      return !chosen || chosen.value === "";
    });
  };

  const goTo = (next: number) => {
    moved.current = true;
    setStep(Math.max(0, Math.min(total - 1, next)));
  };

  const showMissing = (questions: SurveyQuestionView[]) => {
    setMissing(new Set(questions.map((question) => question.code)));
    setFormMessage({ message: t.stepIncomplete(questions.length), problems: [] });
  };

  const onNext = () => {
    const gaps = unanswered(steps[step]?.questions ?? []);
    if (gaps.length) {
      showMissing(gaps);
      document.getElementById(`${domId(gaps[0]!.code)}-option-0`)?.focus();
      return;
    }
    setFormMessage(null);
    goTo(step + 1);
  };

  const onChange = (event: FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLInputElement;
    if (!target.name?.startsWith(SURVEY_FIELDS.answerPrefix)) return;
    const code = target.name.slice(SURVEY_FIELDS.answerPrefix.length);
    if (missing.has(code)) setMissing(new Set([...missing].filter((other) => other !== code)));
    if (serverProblems.has(code)) setServerProblems(new Map([...serverProblems].filter(([other]) => other !== code)));
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    if (!enhanced) return;
    event.preventDefault();
    if (sending) return;
    const gaps = unanswered(steps.flatMap((candidate) => candidate.questions));
    if (gaps.length) {
      showMissing(gaps.filter((gap) => stepOf(gap.code) === stepOf(gaps[0]!.code)));
      goTo(stepOf(gaps[0]!.code));
      return;
    }
    setSending(true);
    try {
      const body = new URLSearchParams();
      for (const [name, value] of new FormData(event.currentTarget)) if (typeof value === "string") body.append(name, value);
      const response = await fetch(action, { method: "POST", body, headers: { accept: "application/json" } });
      const answer = (await response.json()) as
        | { ok: true; redirect: string }
        | { ok: false; vi: string; en: string; problems?: { key: string | null; vi: string; en: string }[]; freshToken?: string };
      if (answer.ok) {
        window.location.assign(answer.redirect);
        return;
      }
      if (answer.freshToken) setToken(answer.freshToken);
      const problems = (answer.problems ?? []).map((problem) => ({ key: problem.key, message: locale === "vi" ? problem.vi : problem.en }));
      setServerProblems(new Map(problems.filter((problem) => problem.key !== null).map((problem) => [problem.key!, problem.message])));
      setFormMessage({ message: locale === "vi" ? answer.vi : answer.en, problems });
      const first = problems.find((problem) => problem.key !== null);
      if (first?.key) goTo(stepOf(first.key));
      setSending(false);
      requestAnimationFrame(() => errorBoxRef.current?.focus());
    } catch {
      setFormMessage({ message: t.networkError, problems: [] });
      setSending(false);
      requestAnimationFrame(() => errorBoxRef.current?.focus());
    }
  };

  const errorBox = formMessage ? (
    <div
      id="survey-errors"
      ref={errorBoxRef}
      tabIndex={-1}
      role="alert"
      className="space-y-2 rounded-md border-2 border-red-700 bg-red-50 p-4 text-red-900 focus-visible:outline-3 focus-visible:outline-red-800"
    >
      <p className="font-semibold">{t.errorHeading}</p>
      <p>{formMessage.message}</p>
      {formMessage.problems.length > 1 ? (
        <>
          <p>{t.errorsIntro}</p>
          <ul className="list-disc space-y-1 pl-5">
            {formMessage.problems.map((problem, index) => (
              <li key={`${problem.key}-${index}`}>
                {problem.key ? (
                  <a
                    href={`#${domId(problem.key)}`}
                    className="underline underline-offset-2"
                    onClick={(event) => {
                      if (!enhanced || !problem.key) return;
                      event.preventDefault();
                      goTo(stepOf(problem.key));
                    }}
                  >
                    {problem.message}
                  </a>
                ) : (
                  problem.message
                )}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </div>
  ) : null;

  return (
    <form
      ref={formRef}
      action={action}
      method="post"
      noValidate={enhanced}
      onSubmit={onSubmit}
      onChange={onChange}
      className="space-y-6"
      aria-describedby={formMessage ? "survey-errors" : undefined}
    >
      <input type="hidden" name={SURVEY_FIELDS.token} value={token} />
      {enhanced ? (
        <div className="space-y-2">
          <p className="text-base font-semibold text-slate-900" aria-live="polite">
            {t.step(step + 1, total)}
          </p>
          <div aria-hidden="true" className="h-2 w-full overflow-hidden rounded-full bg-slate-200">
            <div className="h-full rounded-full bg-brand-700" style={{ width: `${((step + 1) / total) * 100}%` }} />
          </div>
        </div>
      ) : null}
      {errorBox}

      {steps.map((section, index) => (
        <section key={section.code} hidden={enhanced && index !== step} className="space-y-4">
          <fieldset className="space-y-5 rounded-lg border border-slate-300 bg-white p-4 sm:p-5">
            <legend className="px-1">
              <h2
                ref={(element) => {
                  headingRefs.current[index] = element;
                }}
                tabIndex={-1}
                lang={section.lang}
                className="text-lg font-semibold text-slate-900 focus:outline-none"
              >
                {section.title}
              </h2>
            </legend>
            {section.questions.map((question) => {
              const error = errorOf(question.code);
              const id = domId(question.code);
              return (
                <fieldset key={question.code} id={id} aria-describedby={error ? `${id}-error` : undefined} className="scroll-mt-4 space-y-2">
                  <legend className="text-base font-medium text-slate-900" lang={question.lang}>
                    {question.text}
                  </legend>
                  {error ? (
                    <p id={`${id}-error`} className="font-medium text-red-800">
                      {error}
                    </p>
                  ) : null}
                  <div className="grid gap-2">
                    {scale.map((point, position) => (
                      <label
                        key={point.value}
                        className={`flex min-h-12 cursor-pointer items-center gap-3 rounded-md border px-3 py-2 focus-within:outline-3 focus-within:outline-offset-1 focus-within:outline-brand-700 has-[:checked]:border-brand-700 has-[:checked]:bg-red-50 ${
                          error ? "border-red-700" : "border-slate-400"
                        }`}
                      >
                        <input
                          type="radio"
                          id={`${id}-option-${position}`}
                          name={question.field}
                          value={point.value}
                          required={question.required}
                          defaultChecked={initial.answers[question.code] === String(point.value)}
                          className="size-5 shrink-0 accent-brand-700"
                        />
                        <span>
                          <span className="font-semibold">{point.value}</span> — <span lang={point.lang}>{point.label}</span>
                        </span>
                      </label>
                    ))}
                  </div>
                </fieldset>
              );
            })}
          </fieldset>
          {enhanced ? (
            <div className="flex gap-3">
              {index > 0 ? (
                <button type="button" onClick={() => goTo(index - 1)} className={`${buttonBase} border border-slate-500 bg-white text-slate-900`}>
                  {t.back}
                </button>
              ) : null}
              <button type="button" onClick={onNext} className={`${buttonBase} ml-auto bg-brand-800 text-white`}>
                {t.next}
              </button>
            </div>
          ) : null}
        </section>
      ))}

      <section hidden={enhanced && step !== steps.length} className="space-y-5">
        <fieldset className="space-y-5 rounded-lg border border-slate-300 bg-white p-4 sm:p-5">
          <legend className="px-1">
            <h2
              ref={(element) => {
                headingRefs.current[steps.length] = element;
              }}
              tabIndex={-1}
              className="text-lg font-semibold text-slate-900 focus:outline-none"
            >
              {t.finalStepTitle}
            </h2>
          </legend>
          <div className="space-y-1">
            <label htmlFor="survey-dossier" className="block font-medium">
              {t.dossierCode}
            </label>
            <p id="survey-dossier-hint" className="text-sm text-slate-700">
              {t.dossierCodeHint}
            </p>
            <input
              id="survey-dossier"
              name={SURVEY_FIELDS.dossierCode}
              defaultValue={initial.dossierCode}
              maxLength={SURVEY_DOSSIER_CODE_MAX}
              autoComplete="off"
              aria-describedby="survey-dossier-hint"
              className={`block min-h-12 w-full rounded-md border border-slate-500 px-3 py-2 text-base ${focusRing}`}
            />
          </div>
          <div className="space-y-1">
            <label htmlFor="survey-comment" className="block font-medium">
              {t.comment}
            </label>
            <textarea
              id="survey-comment"
              name={SURVEY_FIELDS.comment}
              defaultValue={initial.comment}
              maxLength={SURVEY_COMMENT_MAX}
              rows={5}
              aria-describedby="survey-comment-count"
              onInput={(event) => setCommentLength(event.currentTarget.value.length)}
              className={`block w-full rounded-md border border-slate-500 px-3 py-2 text-base ${focusRing}`}
            />
            <p id="survey-comment-count" className="text-right text-sm text-slate-700">
              {t.commentCount(count.format(commentLength), count.format(SURVEY_COMMENT_MAX))}
            </p>
          </div>
          {/* Hidden from people and assistive technology; a bot filling every field reveals itself. */}
          <div aria-hidden="true" className="absolute -left-[10000px] top-auto h-px w-px overflow-hidden">
            <label htmlFor="survey-contact">{t.honeypotLabel}</label>
            <input id="survey-contact" type="text" name={SURVEY_FIELDS.honeypot} tabIndex={-1} autoComplete="off" defaultValue="" />
          </div>
          <section aria-labelledby="survey-privacy" className="space-y-2 rounded-md bg-slate-100 p-3 text-sm text-slate-800">
            <h3 id="survey-privacy" className="font-semibold text-slate-900">
              {t.privacyTitle}
            </h3>
            {t.privacy.map((line) => (
              <p key={line}>{line}</p>
            ))}
          </section>
        </fieldset>
        <div className="flex gap-3">
          {enhanced ? (
            <button type="button" onClick={() => goTo(steps.length - 1)} className={`${buttonBase} border border-slate-500 bg-white text-slate-900`}>
              {t.back}
            </button>
          ) : null}
          <button type="submit" disabled={sending} className={`${buttonBase} ml-auto bg-brand-800 text-white disabled:opacity-70`}>
            {sending ? t.submitting : t.submit}
          </button>
        </div>
      </section>
    </form>
  );
}
