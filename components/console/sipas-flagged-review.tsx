"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n/locale";
import type { ActionResult } from "@/lib/domain/action-result";
import { sipasConsoleMessagesFor } from "@/lib/i18n/sipas-console-messages";
import { ConsoleTable } from "@/components/console/console-table";

export type FlaggedResponseRow = {
  id: string;
  unitName: string;
  /** Already formatted on the server, in Vietnam's time. */
  submittedAtText: string;
  flagReason: string | null;
  source: string;
  dossierCode: string | null;
  comment: string | null;
  answers: { code: string; value: number }[];
};

type Review = (responseIds: string[]) => Promise<ActionResult<{ reviewed: number }>>;

/**
 * Flagged responses with "Accept" and "Reject", one at a time or for the ticked ones. A comment
 * is rendered by React as text only, whatever it contains. A refusal (someone reviewed one of
 * them meanwhile) changes nothing and says so.
 */
export function SipasFlaggedReview({ locale, responses, accept, reject }: { locale: Locale; responses: FlaggedResponseRow[]; accept: Review; reject: Review }) {
  const t = sipasConsoleMessagesFor(locale);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<ActionResult<{ reviewed: number }> | null>(null);

  function decide(decision: "accept" | "reject", ids: string[]) {
    if (!ids.length) return;
    const confirmText = decision === "accept" ? t.acceptConfirm(ids.length) : t.rejectConfirm(ids.length);
    if (!window.confirm(confirmText)) return;
    startTransition(async () => {
      const answer = await (decision === "accept" ? accept : reject)(ids).catch(
        (): ActionResult<never> => ({ ok: false, code: "unexpected", vi: sipasConsoleMessagesFor("vi").sendFailed, en: sipasConsoleMessagesFor("en").sendFailed }),
      );
      setResult(answer);
      if (answer.ok) {
        setSelected(new Set());
        router.refresh();
      }
    });
  }

  function toggle(id: string, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  const all = responses.length > 0 && responses.every((response) => selected.has(response.id));
  const chosen = responses.filter((response) => selected.has(response.id)).map((response) => response.id);
  const buttonClass = "rounded px-3 py-2 text-sm font-semibold disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700";
  const outcome = (
    <>
      {result && !result.ok && (
        <div role="alert" className="max-w-2xl rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {result[locale]}
        </div>
      )}
      {result?.ok && (
        <p role="status" className="text-sm font-medium text-green-800">
          {t.reviewed(result.data.reviewed)}
        </p>
      )}
    </>
  );
  if (responses.length === 0) {
    return (
      <div className="space-y-3">
        {outcome}
        <p role="status">{t.flaggedNone}</p>
      </div>
    );
  }
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center gap-3">
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            className="h-6 w-6"
            checked={all}
            onChange={(event) => setSelected(event.currentTarget.checked ? new Set(responses.map((response) => response.id)) : new Set())}
          />
          {t.selectAll}
        </label>
        <button type="button" disabled={pending || !chosen.length} onClick={() => decide("accept", chosen)} className={`${buttonClass} bg-brand-700 text-white hover:bg-brand-800`}>
          {t.acceptSelected(chosen.length)}
        </button>
        <button
          type="button"
          disabled={pending || !chosen.length}
          onClick={() => decide("reject", chosen)}
          className={`${buttonClass} border border-red-700 bg-white text-red-800 hover:bg-red-50`}
        >
          {t.rejectSelected(chosen.length)}
        </button>
      </div>
      {outcome}
      <ConsoleTable caption={t.flaggedTitle} minWidth="min-w-[60rem]" columns={[t.selectColumn, t.unit, t.submittedAt, t.reason, t.dossierCode, t.comment, t.answers, t.decideColumn]}>
        {responses.map((response) => (
          <tr key={response.id} className="border-b border-slate-200 align-top" data-testid="flagged-response">
            <td className="px-3 py-2">
              <input
                type="checkbox"
                className="h-6 w-6"
                aria-label={t.select(response.unitName, response.submittedAtText)}
                checked={selected.has(response.id)}
                onChange={(event) => toggle(response.id, event.currentTarget.checked)}
              />
            </td>
            <th scope="row" className="px-3 py-2 text-left font-medium">
              {response.unitName}
              <span className="block text-xs font-normal text-slate-600">{t.source[response.source] ?? response.source}</span>
            </th>
            <td className="px-3 py-2 whitespace-nowrap">{response.submittedAtText}</td>
            <td className="px-3 py-2">{response.flagReason ? (t.reasons[response.flagReason] ?? response.flagReason) : t.none}</td>
            <td className="px-3 py-2 break-all">{response.dossierCode ?? t.none}</td>
            <td className="max-w-xs px-3 py-2 whitespace-pre-wrap break-words">{response.comment ?? t.none}</td>
            <td className="px-3 py-2 font-mono text-xs">{response.answers.map((answer) => `${answer.code}=${answer.value}`).join(" ")}</td>
            <td className="px-3 py-2">
              <div className="flex gap-2">
                <button type="button" disabled={pending} onClick={() => decide("accept", [response.id])} className={`${buttonClass} bg-brand-700 text-white hover:bg-brand-800`}>
                  {t.accept}
                </button>
                <button
                  type="button"
                  disabled={pending}
                  onClick={() => decide("reject", [response.id])}
                  className={`${buttonClass} border border-red-700 bg-white text-red-800 hover:bg-red-50`}
                >
                  {t.reject}
                </button>
              </div>
            </td>
          </tr>
        ))}
      </ConsoleTable>
    </div>
  );
}
