"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n/locale";
import type { ActionResult } from "@/lib/domain/action-result";
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

export type SplitInput = {
  predecessorCode: string;
  successors: ReturnType<typeof successorChoice>[];
  effectiveOn: string;
  note: string;
};

/**
 * Records that a unit split into two or more: each successor new or existing, the day and a
 * note. Asked for first; the service's refusal is shown as it says it.
 */
export function UnitSplitForm({ locale, units, run }: { locale: Locale; units: UnitChoice[]; run: (input: SplitInput) => Promise<ActionResult<LineageOutcome>> }) {
  const t = setupConsoleMessagesFor(locale);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<LineageOutcome> | null>(null);
  const [names, setNames] = useState<Map<string, string>>(new Map());
  const [predecessor, setPredecessor] = useState("");
  const [successors, setSuccessors] = useState<SuccessorDraft[]>([EMPTY_SUCCESSOR, EMPTY_SUCCESSOR]);
  const [effectiveOn, setEffectiveOn] = useState("");
  const [note, setNote] = useState("");
  const nameOf = (code: string) => units.find((unit) => unit.code === code)?.name ?? code;

  function update(index: number, value: SuccessorDraft) {
    setSuccessors((current) => current.map((item, position) => (position === index ? value : item)));
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const labels = successors.map((successor) => successorLabel(successor, units)).join(", ");
    if (!window.confirm(t.splitConfirm(nameOf(predecessor), labels, effectiveOn))) return;
    const model = units.find((unit) => unit.code === predecessor);
    const input: SplitInput = { predecessorCode: predecessor, successors: successors.map((successor) => successorChoice(successor, model)), effectiveOn, note };
    const known = new Map(units.map((unit) => [unit.code, unit.name]));
    for (const successor of successors) if (!successor.existing) known.set(successor.code.trim(), successor.name.trim());
    startTransition(async () => {
      const answer = await run(input).catch(() => UNSENT_REQUEST);
      setResult(answer);
      if (answer.ok) {
        setNames(known);
        setPredecessor("");
        setSuccessors([EMPTY_SUCCESSOR, EMPTY_SUCCESSOR]);
        setEffectiveOn("");
        setNote("");
        router.refresh();
      }
    });
  }

  return (
    <form onSubmit={submit} aria-label={t.splitTitle} className="space-y-4">
      <div>
        <label htmlFor="split-predecessor" className="block text-sm font-medium">
          {t.splitPredecessor}
        </label>
        <select id="split-predecessor" required value={predecessor} onChange={(event) => setPredecessor(event.target.value)} className={unitFieldClass}>
          <option value="">{t.chooseUnit}</option>
          {units.map((unit) => (
            <option key={unit.code} value={unit.code}>
              {unit.name} ({unit.code})
            </option>
          ))}
        </select>
      </div>
      {successors.map((successor, index) => (
        <UnitSuccessorFields
          key={index}
          locale={locale}
          idPrefix={`split-successor-${index + 1}`}
          legend={t.splitSuccessor(index + 1)}
          units={units.filter((unit) => unit.code !== predecessor)}
          value={successor}
          onChange={(value) => update(index, value)}
        >
          {successors.length > 2 && (
            <button
              type="button"
              onClick={() => setSuccessors((current) => current.filter((_, position) => position !== index))}
              className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
            >
              {t.removeSuccessor(index + 1)}
            </button>
          )}
        </UnitSuccessorFields>
      ))}
      <p className="text-xs text-slate-700">{t.newUnitHint}</p>
      <button
        type="button"
        onClick={() => setSuccessors((current) => [...current, EMPTY_SUCCESSOR])}
        className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm font-semibold hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
      >
        {t.addSuccessor}
      </button>
      <UnitLineageClosingFields
        locale={locale}
        idPrefix="split"
        effectiveOn={effectiveOn}
        onEffectiveOn={setEffectiveOn}
        note={note}
        onNote={setNote}
        pending={pending}
        submitLabel={t.splitSubmit}
      />
      <UserActionAlert locale={locale} result={result} />
      {result?.ok && <UnitLineageDone locale={locale} outcome={result.data} names={names} />}
    </form>
  );
}
