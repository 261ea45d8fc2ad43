"use client";

import { useMemo, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n/locale";
import type { ActionResult } from "@/lib/domain/action-result";
import { foldDiacritics, matchesFoldedQuery } from "@/lib/domain/fold-diacritics";
import { setupConsoleMessagesFor } from "@/lib/i18n/setup-console-messages";
import { UserActionAlert, UNSENT_REQUEST } from "@/components/console/user-action-alert";
import {
  EMPTY_SUCCESSOR,
  successorChoice,
  successorLabel,
  UnitSuccessorFields,
  unitFieldClass,
  type SuccessorDraft,
  type UnitChoice,
} from "@/components/console/unit-successor-fields";
import { UnitLineageClosingFields } from "@/components/console/unit-lineage-closing-fields";
import { UnitLineageDone, type LineageOutcome } from "@/components/console/unit-lineage-done";

export type MergeInput = {
  predecessorCodes: string[];
  successor: ReturnType<typeof successorChoice>;
  effectiveOn: string;
  note: string;
};

/**
 * Records that units merged: the units merged (ticked from a list that can be narrowed by name,
 * with or without diacritics), the unit they became (new, or one that absorbs them), the day
 * and a note. Asked for first; the service's refusal (a unit in a period under way, already
 * dissolved…) is shown as it says it.
 */
export function UnitMergeForm({ locale, units, run }: { locale: Locale; units: UnitChoice[]; run: (input: MergeInput) => Promise<ActionResult<LineageOutcome>> }) {
  const t = setupConsoleMessagesFor(locale);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<LineageOutcome> | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [chosen, setChosen] = useState<string[]>([]);
  const [filter, setFilter] = useState("");
  const [successor, setSuccessor] = useState<SuccessorDraft>(EMPTY_SUCCESSOR);
  const [effectiveOn, setEffectiveOn] = useState("");
  const [note, setNote] = useState("");

  const folded = useMemo(() => units.map((unit) => ({ unit, text: foldDiacritics(`${unit.name} ${unit.code}`) })), [units]);
  const shown = folded.filter(({ unit, text }) => chosen.includes(unit.code) || matchesFoldedQuery(text, filter)).map(({ unit }) => unit);
  const nameOf = (code: string) => units.find((unit) => unit.code === code)?.name ?? code;

  function toggle(code: string, on: boolean) {
    setChosen((current) => (on ? [...current, code] : current.filter((item) => item !== code)));
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const successorName = successorLabel(successor, units);
    if (!window.confirm(t.mergeConfirm(chosen.map(nameOf).join(", "), successorName, effectiveOn))) return;
    const first = units.find((unit) => unit.code === chosen[0]);
    const input: MergeInput = { predecessorCodes: chosen, successor: successorChoice(successor, first), effectiveOn, note };
    const known = new Map(units.map((unit) => [unit.code, unit.name]));
    if (!successor.existing) known.set(successor.code.trim(), successor.name.trim());
    startTransition(async () => {
      const answer = await run(input).catch(() => UNSENT_REQUEST);
      setResult(answer);
      if (answer.ok) {
        setNames(known);
        setChosen([]);
        setSuccessor(EMPTY_SUCCESSOR);
        setEffectiveOn("");
        setNote("");
        setFilter("");
        router.refresh();
      }
    });
  }

  return (
    <form onSubmit={submit} aria-label={t.mergeTitle} className="space-y-4">
      <fieldset className="space-y-2" aria-describedby="merge-predecessors-hint">
        <legend className="text-sm font-semibold">{t.mergePredecessors}</legend>
        <p id="merge-predecessors-hint" className="text-xs text-slate-700">
          {t.mergePredecessorsHint}
        </p>
        <div>
          <label htmlFor="merge-filter" className="block text-sm font-medium">
            {t.filterUnits}
          </label>
          <input id="merge-filter" type="search" value={filter} onChange={(event) => setFilter(event.target.value)} className={unitFieldClass} autoComplete="off" />
        </div>
        <ul className="max-h-64 space-y-1 overflow-y-auto rounded border border-slate-300 p-2">
          {shown.map((unit) => (
            <li key={unit.code} className="flex items-center gap-2">
              <input
                id={`merge-${unit.code}`}
                type="checkbox"
                checked={chosen.includes(unit.code)}
                onChange={(event) => toggle(unit.code, event.target.checked)}
                className="h-5 w-5 shrink-0 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
              />
              <label htmlFor={`merge-${unit.code}`} className="text-sm">
                {unit.name} <span className="font-mono text-xs text-slate-700">({unit.code})</span>
              </label>
            </li>
          ))}
        </ul>
        <p className="text-sm" aria-live="polite">
          {chosen.length ? t.chosenUnits(chosen.map(nameOf).join(", ")) : t.noneChosen}
        </p>
      </fieldset>
      <UnitSuccessorFields
        locale={locale}
        idPrefix="merge-successor"
        legend={t.successorLegend}
        units={units.filter((unit) => !chosen.includes(unit.code))}
        value={successor}
        onChange={setSuccessor}
      >
        {successor.existing === "" && <p className="text-xs text-slate-700">{t.newUnitHint}</p>}
      </UnitSuccessorFields>
      <UnitLineageClosingFields
        locale={locale}
        idPrefix="merge"
        effectiveOn={effectiveOn}
        onEffectiveOn={setEffectiveOn}
        note={note}
        onNote={setNote}
        pending={pending}
        submitLabel={t.mergeSubmit}
      />
      <UserActionAlert locale={locale} result={result} />
      {result?.ok && <UnitLineageDone locale={locale} outcome={result.data} names={names} />}
    </form>
  );
}
