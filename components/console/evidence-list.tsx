"use client";

import { useEffect, useState } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { workspaceMessagesFor } from "@/lib/i18n/workspace-messages";
import { formatDateTime } from "@/lib/i18n/format-date-time";
import type { EvidenceView } from "@/components/console/workspace-types";

type UploadAnswer = { ok: true; data: EvidenceView & { scoreVersion: number } } | { ok: false; code: string; vi: string; en: string };

function sizeText(bytes: number, locale: Locale): string {
  const format = (value: number) => value.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB", { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${format(bytes / 1024)} KB`;
  return `${format(bytes / 1024 / 1024)} MB`;
}

const PREVIEWABLE = /^(application\/pdf|image\/(png|jpeg|gif|webp))$/;

/**
 * A leaf's evidence files: viewed in the page (PDF and images, fetched and shown from memory, since
 * the server always sends files as downloads), downloaded, and — while the unit may still edit —
 * added or removed. While the officer answers a returned leaf, files may be added but none removed:
 * the council has judged them.
 */
export function EvidenceList({
  locale,
  criterionCode,
  files: initialFiles,
  editable,
  removable = editable,
  upload,
  onScoreVersion,
}: {
  locale: Locale;
  criterionCode: string;
  files: EvidenceView[];
  /** Whether files may be added. */
  editable: boolean;
  /** Whether files may be removed; by default whenever they may be added. */
  removable?: boolean;
  upload?: { periodCode: string; unitCode: string };
  /** The leaf's score row version after an upload (the upload may have created the row). */
  onScoreVersion?: (version: number) => void;
}) {
  const t = workspaceMessagesFor(locale);
  const [files, setFiles] = useState(initialFiles);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [preview, setPreview] = useState<{ file: EvidenceView; url: string } | null>(null);
  const inputId = `evidence-${criterionCode}`;

  useEffect(() => () => (preview ? URL.revokeObjectURL(preview.url) : undefined), [preview]);

  async function add(fileList: FileList | null) {
    const file = fileList?.[0];
    if (!file || !upload) return;
    setBusy(true);
    setError(null);
    const form = new FormData();
    form.set("periodCode", upload.periodCode);
    form.set("unitCode", upload.unitCode);
    form.set("criterionCode", criterionCode);
    form.set("file", file);
    try {
      const response = await fetch("/api/console/evidence", { method: "POST", body: form, headers: { "accept-language": locale } });
      const answer = (await response.json()) as UploadAnswer;
      if (answer.ok) {
        setFiles((current) => [...current, answer.data]);
        onScoreVersion?.(answer.data.scoreVersion);
      }
      else setError(answer[locale]);
    } catch {
      setError(t.unsaved);
    }
    setBusy(false);
  }

  async function remove(file: EvidenceView) {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch(`/api/console/evidence/${encodeURIComponent(file.id)}`, { method: "DELETE" });
      const answer = (await response.json()) as { ok: boolean; vi?: string; en?: string };
      if (answer.ok) setFiles((current) => current.filter((other) => other.id !== file.id));
      else setError(answer[locale] ?? t.unsaved);
    } catch {
      setError(t.unsaved);
    }
    setBusy(false);
  }

  async function show(file: EvidenceView) {
    const response = await fetch(`/api/console/evidence/${encodeURIComponent(file.id)}`);
    if (!response.ok) {
      setError(t.previewUnavailable);
      return;
    }
    const blob = new Blob([await response.arrayBuffer()], { type: file.mimeType });
    setPreview({ file, url: URL.createObjectURL(blob) });
  }

  return (
    <section className="mt-3 text-sm" aria-label={`${t.evidence} ${criterionCode}`}>
      <h5 className="font-semibold">{t.evidence}</h5>
      {files.length === 0 ? (
        <p className="text-slate-600">{t.noEvidence}</p>
      ) : (
        <ul className="mt-1 space-y-1">
          {files.map((file) => (
            <li key={file.id} className="flex flex-wrap items-center gap-x-3 gap-y-1">
              <span className="break-all">{file.name}</span>
              <span className="text-xs text-slate-600">
                {sizeText(file.sizeBytes, locale)} · {formatDateTime(file.uploadedAt, locale)}
              </span>
              {PREVIEWABLE.test(file.mimeType) && (
                <button type="button" onClick={() => void show(file)} className="text-brand-800 underline" aria-label={t.viewEvidence(file.name)}>
                  {locale === "vi" ? "Xem" : "View"}
                </button>
              )}
              <a href={`/api/console/evidence/${encodeURIComponent(file.id)}`} className="text-brand-800 underline">
                {t.download}
              </a>
              {removable && (
                <button type="button" disabled={busy} onClick={() => void remove(file)} className="text-red-800 underline" aria-label={t.removeEvidence(file.name)}>
                  {locale === "vi" ? "Xóa" : "Remove"}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && upload && (
        <div className="mt-2">
          <label htmlFor={inputId} className="block text-sm font-medium">
            {t.addEvidence}
          </label>
          <input
            id={inputId}
            type="file"
            disabled={busy}
            accept=".pdf,.png,.jpg,.jpeg,.gif,.webp,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.odt,.ods"
            onChange={(event) => {
              void add(event.target.files);
              event.target.value = "";
            }}
            className="mt-1 block text-sm file:mr-3 file:rounded file:border file:border-slate-400 file:bg-white file:px-3 file:py-1"
          />
          {busy && <p className="text-slate-700">{t.uploading}</p>}
        </div>
      )}
      {error && (
        <p role="alert" className="mt-1 font-medium text-red-800">
          {error}
        </p>
      )}
      {preview && (
        <div role="dialog" aria-modal="true" aria-label={preview.file.name} className="fixed inset-0 z-50 flex flex-col bg-black/70 p-4">
          <div className="mb-2 flex items-center justify-between text-white">
            <span className="truncate">{preview.file.name}</span>
            <button type="button" autoFocus onClick={() => setPreview(null)} className="rounded bg-white px-3 py-1 text-slate-900">
              {t.closePreview}
            </button>
          </div>
          {preview.file.mimeType === "application/pdf" ? (
            <iframe title={preview.file.name} src={preview.url} className="min-h-0 flex-1 rounded bg-white" />
          ) : (
            // eslint-disable-next-line @next/next/no-img-element -- a local object URL, nothing for next/image to optimise
            <img src={preview.url} alt={preview.file.name} className="mx-auto min-h-0 max-w-full flex-1 object-contain" />
          )}
        </div>
      )}
    </section>
  );
}
