"use client";

import type { Locale } from "@/lib/i18n/locale";
import { setupConsoleMessagesFor } from "@/lib/i18n/setup-console-messages";
import type { UnitKindName } from "@/lib/domain/unit-setup-input";

/** A unit the lineage forms can name: its kind and parent are given to a new successor. */
export type UnitChoice = { code: string; name: string; kind: string; parentCode: string | null };

/** A successor being typed: an existing unit's code, or "" with a new unit's code and name. */
export type SuccessorDraft = { existing: string; code: string; name: string };

export const EMPTY_SUCCESSOR: SuccessorDraft = { existing: "", code: "", name: "" };

export const unitFieldClass =
  "mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2 focus-visible:outline-2 focus-visible:outline-brand-700";

/** One successor of a merge or split: an existing unit, or a new unit's code and name. */
export function UnitSuccessorFields({
  locale,
  idPrefix,
  legend,
  units,
  value,
  onChange,
  children,
}: {
  locale: Locale;
  idPrefix: string;
  legend: string;
  units: UnitChoice[];
  value: SuccessorDraft;
  onChange: (value: SuccessorDraft) => void;
  /** Extra controls for this successor (a split's "remove" button). */
  children?: React.ReactNode;
}) {
  const t = setupConsoleMessagesFor(locale);
  return (
    <fieldset className="space-y-2 rounded border border-slate-300 p-3">
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      <div>
        <label htmlFor={`${idPrefix}-existing`} className="block text-sm font-medium">
          {t.successorChoice}
        </label>
        <select
          id={`${idPrefix}-existing`}
          value={value.existing}
          onChange={(event) => onChange({ ...value, existing: event.target.value })}
          className={unitFieldClass}
        >
          <option value="">{t.successorNewOption}</option>
          {units.map((unit) => (
            <option key={unit.code} value={unit.code}>
              {unit.name} ({unit.code})
            </option>
          ))}
        </select>
      </div>
      {value.existing === "" && (
        <div className="grid gap-2 sm:grid-cols-2">
          <div>
            <label htmlFor={`${idPrefix}-code`} className="block text-sm font-medium">
              {t.newUnitCode}
            </label>
            <input
              id={`${idPrefix}-code`}
              required
              autoComplete="off"
              value={value.code}
              onChange={(event) => onChange({ ...value, code: event.target.value })}
              aria-describedby={`${idPrefix}-code-hint`}
              className={`${unitFieldClass} font-mono`}
            />
            <p id={`${idPrefix}-code-hint`} className="mt-1 text-xs text-slate-700">
              {t.unitCodeHint}
            </p>
          </div>
          <div>
            <label htmlFor={`${idPrefix}-name`} className="block text-sm font-medium">
              {t.newUnitName}
            </label>
            <input
              id={`${idPrefix}-name`}
              required
              autoComplete="off"
              value={value.name}
              onChange={(event) => onChange({ ...value, name: event.target.value })}
              className={unitFieldClass}
            />
          </div>
        </div>
      )}
      {children}
    </fieldset>
  );
}

/** What the lineage actions take for a successor; a new unit borrows the kind and parent of `model`. */
export function successorChoice(draft: SuccessorDraft, model: UnitChoice | undefined) {
  if (draft.existing) return { existingCode: draft.existing };
  return {
    code: draft.code.trim(),
    name: draft.name.trim(),
    kind: (model?.kind ?? "other") as UnitKindName,
    parentUnitCode: model?.parentCode ?? null,
  };
}

/** How the successor reads in a confirmation or a result. */
export function successorLabel(draft: SuccessorDraft, units: UnitChoice[]): string {
  if (draft.existing) return units.find((unit) => unit.code === draft.existing)?.name ?? draft.existing;
  return draft.name.trim() || draft.code.trim();
}
