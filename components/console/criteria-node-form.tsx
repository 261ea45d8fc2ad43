"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n/locale";
import type { ActionResult } from "@/lib/domain/action-result";
import { setupConsoleMessagesFor } from "@/lib/i18n/setup-console-messages";
import { sipasLeafMessagesFor } from "@/lib/i18n/sipas-leaf-messages";
import { UserActionAlert, UNSENT_REQUEST } from "@/components/console/user-action-alert";

type Values = {
  code: string;
  name: string;
  nameEn: string;
  description: string;
  maxPoints: string;
  method: string;
  scoringRule: string;
  /** "none", "index" or "element" (then `sipasElement` holds the element's code). */
  sipasSource: string;
  sipasElement: string;
};

const FIELDS = ["code", "name", "nameEn", "description", "maxPoints", "method", "scoringRule", "sipasSource", "sipasElement"] as const;
type FieldName = (typeof FIELDS)[number];

/** Where a refusal's problem belongs in the form (the services name the edited code "newCode"). */
function fieldOf(key: string | null, sipasSource: string): FieldName | null {
  if (key === "newCode") return "code";
  // The services check the stored value; on the form it is the element code when one is typed.
  if (key === "sipasInput") return sipasSource === "element" ? "sipasElement" : "sipasSource";
  return (FIELDS as readonly string[]).includes(key ?? "") ? (key as FieldName) : null;
}

const inputClass =
  "mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2 focus-visible:outline-2 focus-visible:outline-brand-700 aria-[invalid=true]:border-red-700";

/**
 * A node of a criteria set, new or edited: code, names, description, max points (decimal comma
 * accepted), method and scoring rule as JSON. A refusal keeps what was typed and puts each
 * problem next to its field as well as in the summary.
 */
export function CriteriaNodeForm({
  locale,
  idPrefix,
  label,
  mode,
  initial,
  sipas = true,
  run,
}: {
  locale: Locale;
  idPrefix: string;
  /** The form's accessible name, e.g. "Sửa mục 1.2". */
  label: string;
  mode: "add" | "edit";
  initial?: Partial<Values>;
  /** Whether to offer "points from SIPAS" (only a leaf can take them; a new node is a leaf). */
  sipas?: boolean;
  run: (values: Values) => Promise<ActionResult<{ problems: number }>>;
}) {
  const t = setupConsoleMessagesFor(locale);
  const s = sipasLeafMessagesFor(locale);
  const router = useRouter();
  const [sipasSource, setSipasSource] = useState(initial?.sipasSource ?? "none");
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<{ problems: number }> | null>(null);

  const fieldProblems = new Map<FieldName, string[]>();
  if (result && !result.ok) {
    for (const problem of result.problems ?? []) {
      const field = fieldOf(problem.key, sipasSource);
      if (field) fieldProblems.set(field, [...(fieldProblems.get(field) ?? []), problem[locale]]);
    }
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const values = Object.fromEntries(FIELDS.map((field) => [field, String(form.get(field) ?? "")])) as Values;
    startTransition(async () => {
      const answer = await run(values).catch(() => UNSENT_REQUEST);
      setResult(answer);
      if (answer.ok) {
        // A new node is added; the emptied form is ready for the next one.
        if (mode === "add") {
          formElement.reset();
          setSipasSource("none");
        }
        router.refresh();
      }
    });
  }

  const describedBy = (field: FieldName, hint: boolean) =>
    [hint ? `${idPrefix}-${field}-hint` : null, fieldProblems.has(field) ? `${idPrefix}-${field}-error` : null].filter(Boolean).join(" ") || undefined;

  const errorOf = (field: FieldName) =>
    fieldProblems.has(field) ? (
      <p id={`${idPrefix}-${field}-error`} className="mt-1 text-sm text-red-800">
        {fieldProblems.get(field)!.join(" ")}
      </p>
    ) : null;

  const text = (field: FieldName, fieldLabel: string, options: { required?: boolean; hint?: string; inputMode?: "decimal"; mono?: boolean } = {}) => (
    <div>
      <label htmlFor={`${idPrefix}-${field}`} className="block text-sm font-medium">
        {fieldLabel}
      </label>
      <input
        id={`${idPrefix}-${field}`}
        name={field}
        required={options.required}
        defaultValue={initial?.[field] ?? ""}
        inputMode={options.inputMode}
        autoComplete="off"
        aria-invalid={fieldProblems.has(field) || undefined}
        aria-describedby={describedBy(field, Boolean(options.hint))}
        className={`${inputClass} ${options.mono ? "font-mono" : ""}`}
      />
      {options.hint && (
        <p id={`${idPrefix}-${field}-hint`} className="mt-1 text-xs text-slate-700">
          {options.hint}
        </p>
      )}
      {errorOf(field)}
    </div>
  );

  return (
    <form onSubmit={submit} aria-label={label} className="space-y-3">
      {text("code", t.criterionCode, { required: true, hint: t.criterionCodeHint, mono: true })}
      {text("maxPoints", t.maxPoints, { required: true, hint: t.maxPointsHint, inputMode: "decimal" })}
      {text("name", t.criterionName, { required: true })}
      {text("nameEn", t.criterionNameEn)}
      <div>
        <label htmlFor={`${idPrefix}-description`} className="block text-sm font-medium">
          {t.description}
        </label>
        <textarea
          id={`${idPrefix}-description`}
          name="description"
          rows={2}
          defaultValue={initial?.description ?? ""}
          aria-invalid={fieldProblems.has("description") || undefined}
          aria-describedby={describedBy("description", false)}
          className={inputClass}
        />
        {errorOf("description")}
      </div>
      <div>
        <label htmlFor={`${idPrefix}-method`} className="block text-sm font-medium">
          {t.method}
        </label>
        <select
          id={`${idPrefix}-method`}
          name="method"
          defaultValue={initial?.method ?? "appraisal"}
          aria-invalid={fieldProblems.has("method") || undefined}
          aria-describedby={describedBy("method", false)}
          className={inputClass}
        >
          <option value="appraisal">{t.methods.appraisal}</option>
          <option value="survey">{t.methods.survey}</option>
        </select>
        {errorOf("method")}
      </div>
      <div>
        <label htmlFor={`${idPrefix}-scoringRule`} className="block text-sm font-medium">
          {t.scoringRule}
        </label>
        <textarea
          id={`${idPrefix}-scoringRule`}
          name="scoringRule"
          rows={4}
          spellCheck={false}
          defaultValue={initial?.scoringRule ?? ""}
          aria-invalid={fieldProblems.has("scoringRule") || undefined}
          aria-describedby={describedBy("scoringRule", true)}
          className={`${inputClass} font-mono text-xs`}
        />
        <p id={`${idPrefix}-scoringRule-hint`} className="mt-1 text-xs text-slate-700">
          {t.scoringRuleHint}
        </p>
        {errorOf("scoringRule")}
      </div>
      {sipas && (
        <div className="space-y-3 rounded border border-slate-200 p-3">
          <div>
            <label htmlFor={`${idPrefix}-sipasSource`} className="block text-sm font-medium">
              {s.sipasSource}
            </label>
            <select
              id={`${idPrefix}-sipasSource`}
              name="sipasSource"
              value={sipasSource}
              onChange={(event) => setSipasSource(event.target.value)}
              aria-invalid={fieldProblems.has("sipasSource") || undefined}
              aria-describedby={[`${idPrefix}-sipasSource-hint`, fieldProblems.has("sipasSource") ? `${idPrefix}-sipasSource-error` : null].filter(Boolean).join(" ")}
              className={inputClass}
            >
              {(["none", "index", "element"] as const).map((source) => (
                <option key={source} value={source}>
                  {s.sipasSources[source]}
                </option>
              ))}
            </select>
            <p id={`${idPrefix}-sipasSource-hint`} className="mt-1 text-xs text-slate-700">
              {s.sipasSourceHint}
            </p>
            {errorOf("sipasSource")}
          </div>
          {sipasSource === "element" && (
            <div>
              <label htmlFor={`${idPrefix}-sipasElement`} className="block text-sm font-medium">
                {s.sipasElement}
              </label>
              <input
                id={`${idPrefix}-sipasElement`}
                name="sipasElement"
                required
                defaultValue={initial?.sipasElement ?? ""}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={fieldProblems.has("sipasElement") || undefined}
                aria-describedby={describedBy("sipasElement", true)}
                className={`${inputClass} font-mono`}
              />
              <p id={`${idPrefix}-sipasElement-hint`} className="mt-1 text-xs text-slate-700">
                {s.sipasElementHint}
              </p>
              {errorOf("sipasElement")}
            </div>
          )}
        </div>
      )}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
      >
        {pending ? t.working : mode === "add" ? t.add : t.save}
      </button>
      <UserActionAlert locale={locale} result={result} />
      {result?.ok && (
        <p role="status" className="text-sm font-medium text-green-800">
          {mode === "add" ? t.added : t.saved}
          {result.data.problems > 0 ? ` ${t.problemsAfter(result.data.problems)}` : ""}
        </p>
      )}
    </form>
  );
}
