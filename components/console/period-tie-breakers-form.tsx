"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n/locale";
import type { ActionResult } from "@/lib/domain/action-result";
import type { TieBreaker } from "@/lib/domain/results-package";
import { periodConsoleMessagesFor } from "@/lib/i18n/period-console-messages";
import { methodologyMessagesFor } from "@/lib/i18n/methodology-messages";
import { workspaceMessagesFor } from "@/lib/i18n/workspace-messages";
import { UserActionAlert, UNSENT_REQUEST } from "@/components/console/user-action-alert";

const METHOD_OF: Record<TieBreaker, "appraisal" | "survey"> = { appraisalPoints: "appraisal", surveyPoints: "survey" };

const smallButton =
  "rounded border border-slate-400 bg-white px-2 py-1 text-sm font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700";

/** The ranking rule in the words of the public methodology page: exact index, the chosen tie-breakers in order, then shared ranks. */
export function TieRuleList({ locale, tieBreakers }: { locale: Locale; tieBreakers: readonly TieBreaker[] }) {
  const m = methodologyMessagesFor(locale);
  return (
    <ol className="list-decimal space-y-1 pl-5 text-sm text-slate-800">
      <li>{m.tieExactIndex}</li>
      {tieBreakers.map((key, position) => (
        <li key={key}>{m.tieBreaker(key, position === 0)}</li>
      ))}
      <li>{m.tieShared(tieBreakers.length > 0)}</li>
    </ol>
  );
}

/** Whether self-assessed points are published, as a sentence (read-only pages). */
export function SelfPointsPublication({ locale, publishSelfPoints }: { locale: Locale; publishSelfPoints: boolean }) {
  const t = periodConsoleMessagesFor(locale);
  return <p className="text-sm text-slate-800">{publishSelfPoints ? t.selfPointsShown : t.selfPointsHidden}</p>;
}

/**
 * The period's tie-breakers, ticked and put in order, and whether self-assessed points are
 * published, saved against the period as the page read it: a save over someone else's change is
 * refused with a way to reload. The rule as the methodology page will word it follows the choice.
 */
export function PeriodTieBreakersForm({
  locale,
  available,
  tieBreakers,
  publishSelfPoints,
  save,
}: {
  locale: Locale;
  /** Every tie-breaker the ranking knows. */
  available: readonly TieBreaker[];
  tieBreakers: readonly TieBreaker[];
  publishSelfPoints: boolean;
  save: (values: { tieBreakers: TieBreaker[]; publishSelfPoints: boolean }) => Promise<ActionResult<unknown>>;
}) {
  const t = periodConsoleMessagesFor(locale);
  const m = methodologyMessagesFor(locale);
  const w = workspaceMessagesFor(locale);
  const router = useRouter();
  // The chosen ones first, in their order; the others after them, to be ticked and moved up.
  const [order, setOrder] = useState<TieBreaker[]>(() => [...tieBreakers, ...available.filter((key) => !tieBreakers.includes(key))]);
  const [chosen, setChosen] = useState<Set<TieBreaker>>(() => new Set(tieBreakers));
  const [selfPoints, setSelfPoints] = useState(publishSelfPoints);
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  /** A moved line's button, focused again once the list is drawn in its new order. */
  const focusTarget = useRef<string | null>(null);

  useEffect(() => {
    if (!focusTarget.current) return;
    document.getElementById(focusTarget.current)?.focus();
    focusTarget.current = null;
  });

  const name = (key: TieBreaker) => t.tieBreakerName(m.method[METHOD_OF[key]]);
  const id = (key: TieBreaker, part: string) => `tie-breaker-${key}-${part}`;
  const selected = order.filter((key) => chosen.has(key));

  function move(position: number, by: -1 | 1) {
    const next = [...order];
    const [key] = next.splice(position, 1);
    next.splice(position + by, 0, key!);
    setOrder(next);
    const target = position + by;
    const edge = by === -1 ? target === 0 : target === next.length - 1;
    focusTarget.current = id(key!, edge ? (by === -1 ? "down" : "up") : by === -1 ? "up" : "down");
  }

  function toggle(key: TieBreaker, on: boolean) {
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const answer = await save({ tieBreakers: selected, publishSelfPoints: selfPoints }).catch(() => UNSENT_REQUEST);
      setResult(answer);
      // The page's read time moves on with the save, so the next save (here or in the settings) is not stale.
      if (answer.ok) router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="text-sm text-slate-700">{t.tieBreakersIntro}</legend>
        <ol className="space-y-2">
          {order.map((key, position) => (
            <li key={key} className="flex flex-wrap items-center gap-3 rounded border border-slate-300 p-2">
              <label className="flex grow items-center gap-2 text-sm">
                <input type="checkbox" id={id(key, "chosen")} checked={chosen.has(key)} onChange={(event) => toggle(key, event.target.checked)} />
                {name(key)}
              </label>
              <span className="flex gap-2">
                <button type="button" id={id(key, "up")} className={smallButton} disabled={pending || position === 0} onClick={() => move(position, -1)}>
                  <span aria-hidden="true">↑ </span>
                  {t.moveUp}
                  <span className="sr-only"> — {name(key)}</span>
                </button>
                <button
                  type="button"
                  id={id(key, "down")}
                  className={smallButton}
                  disabled={pending || position === order.length - 1}
                  onClick={() => move(position, 1)}
                >
                  <span aria-hidden="true">↓ </span>
                  {t.moveDown}
                  <span className="sr-only"> — {name(key)}</span>
                </button>
              </span>
            </li>
          ))}
        </ol>
      </fieldset>
      <div className="space-y-1" aria-live="polite">
        <p className="text-sm font-medium">{t.tieRulePreview}</p>
        <TieRuleList locale={locale} tieBreakers={selected} />
      </div>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" className="mt-1" checked={selfPoints} onChange={(event) => setSelfPoints(event.target.checked)} />
        {t.publishSelfPoints}
      </label>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
      >
        {t.saveTieBreakers}
      </button>
      <UserActionAlert locale={locale} result={result} />
      {result && !result.ok && result.code === "stale" && (
        <button type="button" onClick={() => window.location.reload()} className="text-sm text-brand-800 underline">
          {w.reload}
        </button>
      )}
      {result?.ok && (
        <p role="status" className="text-sm font-medium text-green-800">
          {t.tieBreakersSaved}
        </p>
      )}
    </form>
  );
}
