"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n/locale";
import type { ActionResult } from "@/lib/domain/action-result";

/**
 * One step of the workflow behind a button (submit, accept the rest, approve, move a period on):
 * asks for confirmation when the step cannot be undone by the same person, runs the server
 * action, and shows its refusal — with every problem listed and linked to its leaf — or its
 * outcome, then refreshes the page's data.
 */
export function ActionButton<T = unknown>({
  locale,
  label,
  accessibleLabel,
  confirm,
  done,
  run,
  tone = "primary",
  size = "normal",
  disabled = false,
}: {
  locale: Locale;
  label: string;
  accessibleLabel?: string;
  confirm?: string;
  /** The outcome's sentence: fixed, or told from what the action answered. */
  done?: string | ((data: T) => string);
  run: () => Promise<ActionResult<T>>;
  tone?: "primary" | "secondary";
  size?: "normal" | "small";
  /** Kept on the page (disabled) when there is nothing to do, so the last outcome stays readable. */
  disabled?: boolean;
}) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<T> | null>(null);

  function click() {
    if (confirm && !window.confirm(confirm)) return;
    startTransition(async () => {
      const answer = await run().catch(
        (): ActionResult<never> => ({ ok: false, code: "unexpected", vi: "Không gửi được yêu cầu; hãy thử lại.", en: "The request could not be sent; try again." }),
      );
      setResult(answer);
      if (answer.ok) router.refresh();
    });
  }

  const style =
    tone === "primary"
      ? "bg-brand-700 text-white hover:bg-brand-800"
      : "border border-slate-400 bg-white text-slate-900 hover:bg-slate-100";
  const doneText = result?.ok && done !== undefined ? (typeof done === "string" ? done : done(result.data)) : null;
  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled={pending || disabled}
        onClick={click}
        aria-label={accessibleLabel}
        className={`rounded py-2 font-semibold ${size === "small" ? "px-3 text-sm" : "px-4"} disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 ${style}`}
      >
        {label}
      </button>
      {result && !result.ok && (
        <div role="alert" className="max-w-2xl rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p>{result[locale]}</p>
          {result.problems && result.problems.length > 1 && (
            <ul className="mt-1 list-disc space-y-1 pl-5">
              {result.problems.map((problem, index) => (
                <li key={index}>
                  {problem.key ? (
                    <a href={`#leaf-${problem.key}`} className="underline">
                      {problem[locale]}
                    </a>
                  ) : (
                    problem[locale]
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {doneText && (
        <p role="status" className="max-w-2xl text-sm font-medium text-green-800">
          {doneText}
        </p>
      )}
    </div>
  );
}
