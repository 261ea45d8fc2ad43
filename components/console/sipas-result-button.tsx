"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n/locale";
import type { ActionResult } from "@/lib/domain/action-result";
import type { SipasResultsOutcome } from "@/lib/domain/sipas-result-input";
import { sipasResultsMessagesFor } from "@/lib/i18n/sipas-results-messages";

/**
 * A step of the council's SIPAS review (recompute, approve one, approve all): like ActionButton,
 * but its success message says what happened — how many units changed, which approvals were
 * dropped, which survey leaves took points from the approved figures.
 */
export function SipasResultButton({
  locale,
  label,
  accessibleLabel,
  confirm,
  run,
  tone = "primary",
  disabled = false,
}: {
  locale: Locale;
  label: string;
  accessibleLabel?: string;
  confirm?: string;
  run: () => Promise<ActionResult<SipasResultsOutcome>>;
  tone?: "primary" | "secondary";
  /** Kept on the page (disabled) when there is nothing to do, so the last outcome stays readable. */
  disabled?: boolean;
}) {
  const t = sipasResultsMessagesFor(locale);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<SipasResultsOutcome> | null>(null);

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

  const style = tone === "primary" ? "bg-brand-700 text-white hover:bg-brand-800" : "border border-slate-400 bg-white text-slate-900 hover:bg-slate-100";
  const outcome = result?.ok ? result.data : null;
  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled={pending || disabled}
        onClick={click}
        aria-label={accessibleLabel}
        className={`rounded px-3 py-2 text-sm font-semibold disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 ${style}`}
      >
        {label}
      </button>
      {result && !result.ok && (
        <div role="alert" className="max-w-2xl rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p>{result[locale]}</p>
        </div>
      )}
      {outcome && (
        <p role="status" className="max-w-2xl text-sm font-medium text-green-800">
          {outcome.kind === "recomputed" ? t.recomputed(outcome) : t.approved(outcome.units)}
        </p>
      )}
    </div>
  );
}
