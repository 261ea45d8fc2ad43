"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n/locale";
import type { ActionResult } from "@/lib/domain/action-result";

export type FormFieldSpec = {
  name: string;
  label: string;
  required?: boolean;
  multiline?: boolean;
  defaultValue?: string;
  inputMode?: "text" | "numeric" | "decimal";
  type?: "text" | "datetime-local" | "date";
  hint?: string;
  /** A choice among these instead of free text. */
  options?: { value: string; label: string }[];
};

/**
 * A short form behind one workflow step (a reopen with its reason, a publication with its
 * decision): the typed values stay in the form when the server refuses, so nothing is lost.
 */
export function FieldsActionForm({
  locale,
  idPrefix,
  fields,
  submitLabel,
  confirm,
  done,
  run,
}: {
  locale: Locale;
  idPrefix: string;
  fields: FormFieldSpec[];
  submitLabel: string;
  confirm?: string;
  done?: string;
  run: (values: Record<string, string>) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = Object.fromEntries(fields.map((field) => [field.name, String(form.get(field.name) ?? "")]));
    if (confirm && !window.confirm(confirm)) return;
    startTransition(async () => {
      const answer = await run(values).catch(
        (): ActionResult<never> => ({ ok: false, code: "unexpected", vi: "Không gửi được yêu cầu; hãy thử lại.", en: "The request could not be sent; try again." }),
      );
      setResult(answer);
      // An action that made something new answers where it lives: go there.
      const href = answer.ok ? (answer.data as { href?: unknown } | undefined)?.href : undefined;
      if (typeof href === "string" && href.startsWith("/console")) router.push(href);
      else if (answer.ok) router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="space-y-2">
      {fields.map((field) => {
        const id = `${idPrefix}-${field.name}`;
        const className = "mt-1 w-full rounded border border-slate-400 px-3 py-2 focus-visible:outline-2 focus-visible:outline-brand-700";
        return (
          <div key={field.name}>
            <label htmlFor={id} className="block text-sm font-medium">
              {field.label}
            </label>
            {field.options ? (
              <select id={id} name={field.name} required={field.required} defaultValue={field.defaultValue} className={className}>
                {field.options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </select>
            ) : field.multiline ? (
              <textarea id={id} name={field.name} rows={2} required={field.required} defaultValue={field.defaultValue} className={className} />
            ) : (
              <input
                id={id}
                name={field.name}
                type={field.type ?? "text"}
                required={field.required}
                defaultValue={field.defaultValue}
                inputMode={field.inputMode}
                className={className}
              />
            )}
            {field.hint && <p className="mt-1 text-xs text-slate-600">{field.hint}</p>}
          </div>
        );
      })}
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
      >
        {submitLabel}
      </button>
      {result && !result.ok && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p>{result[locale]}</p>
          {result.problems && result.problems.length > 1 && (
            <ul className="mt-1 list-disc pl-5">
              {result.problems.map((problem, index) => (
                <li key={index}>{problem[locale]}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {result?.ok && done && (
        <p role="status" className="text-sm font-medium text-green-800">
          {done}
        </p>
      )}
    </form>
  );
}
