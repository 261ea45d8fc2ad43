"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n/locale";
import type { ActionResult } from "@/lib/domain/action-result";
import { setupConsoleMessagesFor } from "@/lib/i18n/setup-console-messages";
import { UserActionAlert, UNSENT_REQUEST } from "@/components/console/user-action-alert";
import { ConsoleTable } from "@/components/console/console-table";

export type MappingField = { code: string; name: string; mappedTo: string[] };

/**
 * For each field of this version, the field of the previous version it continues (or none).
 * Only the rows whose choice changed are sent, so a field mapped to several previous fields
 * keeps them unless its row is touched.
 */
export function CriteriaMappingForm({
  locale,
  fields,
  previousFields,
  run,
}: {
  locale: Locale;
  fields: MappingField[];
  previousFields: { code: string; name: string }[];
  run: (changes: { field: string; previous: string }[]) => Promise<ActionResult<{ added: number; removed: number }>>;
}) {
  const t = setupConsoleMessagesFor(locale);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<{ added: number; removed: number }> | null>(null);
  const [unchanged, setUnchanged] = useState(false);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const changes = fields
      .map((field) => ({ field: field.code, previous: String(form.get(`map-${field.code}`) ?? "") }))
      .filter((change, index) => change.previous !== (fields[index]!.mappedTo[0] ?? ""));
    if (changes.length === 0) {
      setResult(null);
      setUnchanged(true);
      return;
    }
    setUnchanged(false);
    startTransition(async () => {
      const answer = await run(changes).catch(() => UNSENT_REQUEST);
      setResult(answer);
      if (answer.ok) router.refresh();
    });
  }

  return (
    <form onSubmit={submit} aria-label={t.mappingTitle} className="space-y-3">
      <ConsoleTable caption={t.mappingCaption} minWidth="min-w-[36rem]" columns={[t.mappingField, t.mappingPrevious]}>
        {fields.map((field) => (
          <tr key={field.code} className="border-b border-slate-200 align-top">
            <th scope="row" className="px-3 py-2 text-left font-medium">
              <span className="font-mono">{field.code}</span> {field.name}
            </th>
            <td className="px-3 py-2">
              <label htmlFor={`map-${field.code}`} className="sr-only">
                {t.mappingSelect(field.code)}
              </label>
              <select
                id={`map-${field.code}`}
                name={`map-${field.code}`}
                defaultValue={field.mappedTo[0] ?? ""}
                aria-describedby={field.mappedTo.length > 1 ? `map-${field.code}-more` : undefined}
                className="w-full rounded border border-slate-400 bg-white px-3 py-2 focus-visible:outline-2 focus-visible:outline-brand-700"
              >
                <option value="">{t.noCounterpart}</option>
                {previousFields.map((previous) => (
                  <option key={previous.code} value={previous.code}>
                    {previous.code} — {previous.name}
                  </option>
                ))}
              </select>
              {field.mappedTo.length > 1 && (
                <p id={`map-${field.code}-more`} className="mt-1 text-xs text-slate-700">
                  {t.mappingMore(field.mappedTo.join(", "))}
                </p>
              )}
            </td>
          </tr>
        ))}
      </ConsoleTable>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
      >
        {pending ? t.working : t.saveMapping}
      </button>
      <UserActionAlert locale={locale} result={result} />
      {(result?.ok || unchanged) && (
        <p role="status" className="text-sm font-medium text-green-800">
          {unchanged ? t.mappingUnchanged : t.mappingSaved}
        </p>
      )}
    </form>
  );
}
