"use client";

import type { Locale } from "@/lib/i18n/locale";
import { setupConsoleMessagesFor } from "@/lib/i18n/setup-console-messages";
import { unitFieldClass } from "@/components/console/unit-successor-fields";

/** The end of a merge or split form: from when it applies, a note, and the button that records it. */
export function UnitLineageClosingFields({
  locale,
  idPrefix,
  effectiveOn,
  onEffectiveOn,
  note,
  onNote,
  pending,
  submitLabel,
}: {
  locale: Locale;
  idPrefix: "merge" | "split";
  effectiveOn: string;
  onEffectiveOn: (value: string) => void;
  note: string;
  onNote: (value: string) => void;
  pending: boolean;
  submitLabel: string;
}) {
  const t = setupConsoleMessagesFor(locale);
  return (
    <>
      <div className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${idPrefix}-effective-on`} className="block text-sm font-medium">
            {t.effectiveOn}
          </label>
          <input
            id={`${idPrefix}-effective-on`}
            required
            inputMode="numeric"
            placeholder="01/01/2025"
            value={effectiveOn}
            onChange={(event) => onEffectiveOn(event.target.value)}
            className={unitFieldClass}
          />
        </div>
        <div>
          <label htmlFor={`${idPrefix}-note`} className="block text-sm font-medium">
            {t.lineageNote}
          </label>
          <input id={`${idPrefix}-note`} value={note} onChange={(event) => onNote(event.target.value)} className={unitFieldClass} />
        </div>
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
      >
        {pending ? t.working : submitLabel}
      </button>
    </>
  );
}
