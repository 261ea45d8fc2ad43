"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n/locale";
import type { ActionResult } from "@/lib/domain/action-result";
import { setupConsoleMessagesFor } from "@/lib/i18n/setup-console-messages";
import { UserActionAlert, UNSENT_REQUEST } from "@/components/console/user-action-alert";

const baseClass =
  "rounded border bg-white px-3 py-1.5 text-sm font-semibold disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700";
const buttonClass = `${baseClass} border-slate-400 text-slate-900 hover:bg-slate-100`;
const deleteClass = `${baseClass} border-red-700 text-red-800 hover:bg-red-50`;

/**
 * A node's place among its siblings (one step up or down) and its deletion, asked for first
 * since the subtree goes with it. A refusal (the node or one below it already scored) is shown
 * under the buttons in the visitor's language.
 */
export function CriteriaNodeButtons({
  locale,
  code,
  first,
  last,
  below,
  moveUp,
  moveDown,
  remove,
}: {
  locale: Locale;
  code: string;
  first: boolean;
  last: boolean;
  /** How many nodes lie below this one (deleted with it). */
  below: number;
  moveUp: () => Promise<ActionResult<unknown>>;
  moveDown: () => Promise<ActionResult<unknown>>;
  remove: () => Promise<ActionResult<unknown>>;
}) {
  const t = setupConsoleMessagesFor(locale);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);

  function act(run: () => Promise<ActionResult<unknown>>, confirm?: string) {
    if (confirm && !window.confirm(confirm)) return;
    startTransition(async () => {
      const answer = await run().catch(() => UNSENT_REQUEST);
      setResult(answer.ok ? null : answer);
      if (answer.ok) router.refresh();
    });
  }

  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <button type="button" className={buttonClass} disabled={pending || first} onClick={() => act(moveUp)}>
          <span aria-hidden="true">↑ </span>
          {t.moveUp}
          <span className="sr-only"> — {t.moveUpLabel(code)}</span>
        </button>
        <button type="button" className={buttonClass} disabled={pending || last} onClick={() => act(moveDown)}>
          <span aria-hidden="true">↓ </span>
          {t.moveDown}
          <span className="sr-only"> — {t.moveDownLabel(code)}</span>
        </button>
        <button
          type="button"
          className={deleteClass}
          disabled={pending}
          onClick={() => act(remove, t.deleteConfirm(code, below))}
        >
          {t.deleteNode}
          <span className="sr-only"> — {t.deleteLabel(code)}</span>
        </button>
      </div>
      <UserActionAlert locale={locale} result={result} />
    </div>
  );
}
