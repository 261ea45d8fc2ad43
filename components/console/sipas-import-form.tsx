"use client";

import { useState } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { SIPAS_IMPORT_SOURCES, sipasImportMessagesFor } from "@/lib/i18n/sipas-import-messages";

type UploadAnswer =
  | { ok: true; data: { responses: number; units: number } }
  | { ok: false; code: string; vi: string; en: string; problems?: { key: string | null; vi: string; en: string }[] };

/** Home affairs uploads a CSV or XLSX of paper or contractor forms; the answer lists every problem or the counts stored. */
export function SipasImportForm({ locale, periodCode }: { locale: Locale; periodCode: string }) {
  const t = sipasImportMessagesFor(locale);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<UploadAnswer | null>(null);
  const href = `/api/console/sipas/${encodeURIComponent(periodCode)}/responses`;

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      setAnswer({ ok: false, code: "invalid", vi: t.noFile, en: t.noFile });
      return;
    }
    setBusy(true);
    setAnswer(null);
    try {
      const response = await fetch(href, { method: "POST", body: form });
      setAnswer((await response.json()) as UploadAnswer);
    } catch {
      setAnswer({ ok: false, code: "unexpected", vi: t.unexpected, en: t.unexpected });
    }
    setBusy(false);
  }

  const problems = answer && !answer.ok ? (answer.problems ?? []) : [];
  return (
    <form onSubmit={(event) => void submit(event)} className="max-w-2xl space-y-4 text-sm" aria-busy={busy}>
      <fieldset className="space-y-1">
        <legend className="font-medium">{t.sourceLegend}</legend>
        {SIPAS_IMPORT_SOURCES.map((source, index) => (
          <label key={source} className="flex items-center gap-2">
            <input type="radio" name="source" value={source} defaultChecked={index === 0} disabled={busy} />
            {t.source[source]}
          </label>
        ))}
      </fieldset>
      <div>
        <label htmlFor="sipas-import-file" className="block font-medium">
          {t.fileLabel}
        </label>
        <input
          id="sipas-import-file"
          name="file"
          type="file"
          required
          disabled={busy}
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          className="mt-1 block file:mr-3 file:rounded file:border file:border-slate-400 file:bg-white file:px-3 file:py-1"
        />
      </div>
      <button
        type="submit"
        disabled={busy}
        className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60"
      >
        {busy ? t.uploading : t.submit}
      </button>
      {answer && !answer.ok && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
          <p className="font-semibold">{answer.code === "invalid_rows" ? t.failedTitle : answer[locale]}</p>
          {answer.code === "invalid_rows" && problems.length > 1 && <p>{answer[locale]}</p>}
          {answer.code === "invalid_rows" && problems.length > 0 && (
            <ul className="mt-2 list-disc space-y-0.5 pl-5" data-testid="sipas-import-problems">
              {problems.map((problem, index) => (
                <li key={index}>{problem[locale]}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {answer?.ok && (
        <p role="status" className="rounded border border-green-300 bg-green-50 p-3 font-semibold text-green-900">
          {t.done(answer.data.responses, answer.data.units)}
        </p>
      )}
    </form>
  );
}
