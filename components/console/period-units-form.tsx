"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n/locale";
import type { ActionResult } from "@/lib/domain/action-result";
import { periodConsoleMessagesFor } from "@/lib/i18n/period-console-messages";

type GroupView = { code: string; name: string; units: { code: string; name: string; scoreRows: number; dissolved: boolean }[] };

/**
 * Which units a period evaluates, group by group: unticking a unit takes it out of the period
 * (refused for a unit that has already scored), and a whole group can be ticked or unticked.
 */
export function PeriodUnitsForm({
  locale,
  groups,
  save,
}: {
  locale: Locale;
  groups: GroupView[];
  save: (units: { unitCode: string; groupCode: string }[]) => Promise<ActionResult<unknown>>;
}) {
  const t = periodConsoleMessagesFor(locale);
  const router = useRouter();
  const [kept, setKept] = useState(() => new Set(groups.flatMap((group) => group.units.map((unit) => unit.code))));
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);

  function toggle(codes: string[], on: boolean) {
    setKept((current) => {
      const next = new Set(current);
      for (const code of codes) {
        if (on) next.add(code);
        else next.delete(code);
      }
      return next;
    });
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const units = groups.flatMap((group) => group.units.filter((unit) => kept.has(unit.code)).map((unit) => ({ unitCode: unit.code, groupCode: group.code })));
    startTransition(async () => {
      const answer = await save(units).catch((): ActionResult<never> => ({ ok: false, code: "unexpected", vi: t.unitsSaveFailed, en: t.unitsSaveFailed }));
      setResult(answer);
      if (answer.ok) router.refresh();
    });
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      {groups.map((group) => {
        const codes = group.units.map((unit) => unit.code);
        const all = codes.every((code) => kept.has(code));
        return (
          <fieldset key={group.code} className="rounded border border-slate-300 bg-white p-3">
            <legend className="px-1 font-semibold">
              {group.name} ({codes.filter((code) => kept.has(code)).length}/{codes.length})
            </legend>
            <button type="button" onClick={() => toggle(codes, !all)} className="mb-2 text-sm text-brand-800 underline">
              {all ? t.untickGroup : t.tickGroup}
            </button>
            <ul className="grid gap-1 sm:grid-cols-2">
              {group.units.map((unit) => (
                <li key={unit.code}>
                  <label className="flex items-center gap-2 text-sm">
                    <input type="checkbox" checked={kept.has(unit.code)} onChange={(event) => toggle([unit.code], event.target.checked)} />
                    {unit.name}
                    {unit.scoreRows > 0 && <span className="text-xs text-slate-600">({t.hasScores})</span>}
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
        );
      })}
      <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60">
        {t.saveUnits}
      </button>
      {result && !result.ok && (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {result[locale]}
        </p>
      )}
      {result?.ok && (
        <p role="status" className="text-sm font-medium text-green-800">
          {t.unitsSaved}
        </p>
      )}
    </form>
  );
}
