"use client";

import { useState } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { workspaceMessagesFor } from "@/lib/i18n/workspace-messages";

type UploadAnswer = { ok: true; data: { saved: number } } | { ok: false; code: string; vi: string; en: string; problems?: { key: string | null; vi: string; en: string }[] };

/** Download the unit's scoring sheet; while editable, upload it filled in (all rows or none). */
export function SelfAssessmentSpreadsheet({ locale, periodCode, unitCode, uploadable }: { locale: Locale; periodCode: string; unitCode: string; uploadable: boolean }) {
  const t = workspaceMessagesFor(locale);
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<UploadAnswer | null>(null);
  const href = `/api/console/self-assessment/${encodeURIComponent(periodCode)}/${encodeURIComponent(unitCode)}`;

  async function upload(files: FileList | null) {
    const file = files?.[0];
    if (!file) return;
    setBusy(true);
    setAnswer(null);
    const form = new FormData();
    form.set("file", file);
    try {
      const response = await fetch(href, { method: "POST", body: form });
      const result = (await response.json()) as UploadAnswer;
      setAnswer(result);
      if (result.ok) window.location.reload();
    } catch {
      setAnswer({ ok: false, code: "unexpected", vi: t.unsaved, en: t.unsaved });
    }
    setBusy(false);
  }

  return (
    <div className="space-y-2 text-sm">
      <a href={href} className="inline-block rounded border border-slate-400 bg-white px-3 py-2 font-medium hover:bg-slate-100">
        {t.downloadXlsx}
      </a>
      {uploadable && (
        <div>
          <label htmlFor="self-assessment-xlsx" className="block font-medium">
            {t.uploadXlsx}
          </label>
          <input
            id="self-assessment-xlsx"
            type="file"
            disabled={busy}
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(event) => {
              void upload(event.target.files);
              event.target.value = "";
            }}
            className="mt-1 block file:mr-3 file:rounded file:border file:border-slate-400 file:bg-white file:px-3 file:py-1"
          />
        </div>
      )}
      {busy && <p>{t.uploading}</p>}
      {answer && !answer.ok && (
        <div role="alert" className="max-w-xl rounded border border-red-300 bg-red-50 p-3 text-red-900">
          <p>{answer[locale]}</p>
          {answer.problems && answer.problems.length > 1 && (
            <ul className="mt-1 list-disc pl-5">
              {answer.problems.slice(0, 50).map((problem, index) => (
                <li key={index}>{problem[locale]}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {answer?.ok && <p role="status">{t.uploadXlsxDone(answer.data.saved)}</p>}
    </div>
  );
}
