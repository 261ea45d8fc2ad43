import type { Locale } from "@/lib/i18n/locale";
import { adminConsoleMessagesFor } from "@/lib/i18n/admin-console-messages";

/** The shared look of the console's filter fields. */
export const filterFieldClass = "mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2 focus-visible:outline-2 focus-visible:outline-brand-700";

/** A filter form's choice of unit: any, or one of them (dissolved ones marked). */
export function UnitFilterSelect({
  locale,
  id,
  name,
  defaultValue,
  units,
}: {
  locale: Locale;
  id: string;
  name: string;
  defaultValue: string | undefined;
  units: { code: string; name: string; dissolved: boolean }[];
}) {
  const t = adminConsoleMessagesFor(locale);
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-medium">
        {t.unit}
      </label>
      <select id={id} name={name} defaultValue={defaultValue} className={filterFieldClass}>
        <option value="">{t.anyUnit}</option>
        {units.map((unit) => (
          <option key={unit.code} value={unit.code}>
            {unit.dissolved ? t.dissolvedUnit(unit.name) : unit.name}
          </option>
        ))}
      </select>
    </div>
  );
}
