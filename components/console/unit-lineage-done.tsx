import type { Locale } from "@/lib/i18n/locale";
import { setupConsoleMessagesFor } from "@/lib/i18n/setup-console-messages";
import { formatDate } from "@/lib/i18n/format-date";

/** What a recorded merge or split answers (the services' UnitLineageResult). */
export type LineageOutcome = {
  predecessors: string[];
  successors: { code: string; created: boolean }[];
  effectiveOn: string;
  draftPeriods: { periodCode: string }[];
};

/** A recorded merge or split, by name, with the periods being prepared that now evaluate the successors. */
export function UnitLineageDone({ locale, outcome, names }: { locale: Locale; outcome: LineageOutcome; names: ReadonlyMap<string, string> }) {
  const t = setupConsoleMessagesFor(locale);
  const name = (code: string) => names.get(code) ?? code;
  return (
    <div role="status" className="space-y-1 text-sm font-medium text-green-800">
      <p>
        {t.lineageRecorded(
          outcome.predecessors.map(name).join(", "),
          outcome.successors.map((successor) => name(successor.code)).join(", "),
          formatDate(outcome.effectiveOn, locale),
        )}
      </p>
      {outcome.draftPeriods.map((period) => (
        <p key={period.periodCode}>{t.draftPeriodChanged(period.periodCode)}</p>
      ))}
    </div>
  );
}
