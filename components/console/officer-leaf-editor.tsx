"use client";

import { useRef, useState } from "react";
import type { Locale } from "@/lib/i18n/locale";
import { workspaceMessagesFor } from "@/lib/i18n/workspace-messages";
import { formatDateTime } from "@/lib/i18n/format-date-time";
import type { ActionResult } from "@/lib/domain/action-result";
import type { LeafView } from "@/components/console/workspace-types";
import { EvidenceList } from "@/components/console/evidence-list";
import { CommentThread } from "@/components/console/comment-thread";

export type SelfScoreDraft = { points: string | null; notApplicable: boolean; notApplicableReason: string | null; note: string | null };

export type OfficerLeafActions = {
  save: (input: { criterionCode: string; draft: SelfScoreDraft; expectedVersion: number | null }) => Promise<ActionResult<{ version: number; savedAt: string }>>;
  explain: (input: {
    criterionCode: string;
    explanation: string;
    points: string | null;
    expectedVersion: number | null;
  }) => Promise<ActionResult<{ version: number; savedAt: string }>>;
};

type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved"; at: string } | { kind: "error"; text: string; stale: boolean };

const field = "mt-1 w-full rounded border border-slate-400 px-3 py-2 focus-visible:outline-2 focus-visible:outline-brand-700 disabled:bg-slate-100";

/**
 * One sub-criterion as the officer fills it in. Every change is saved when the officer leaves the
 * field (autosave), naming the version it started from, so a colleague's save in between is
 * reported instead of overwritten.
 */
export function OfficerLeafEditor({
  locale,
  leaf,
  editable,
  evidenceEditable,
  evidenceRemovable = evidenceEditable,
  actions,
  evidenceUpload,
}: {
  locale: Locale;
  leaf: LeafView;
  editable: boolean;
  /** Whether files may be added to this leaf (its claim is open, or it is being explained). */
  evidenceEditable: boolean;
  /** Whether its files may be removed: not those the council judged; by default as evidenceEditable. */
  evidenceRemovable?: boolean;
  actions: OfficerLeafActions;
  evidenceUpload: { periodCode: string; unitCode: string };
}) {
  const t = workspaceMessagesFor(locale);
  const [draft, setDraft] = useState<SelfScoreDraft>({
    points: leaf.selfPoints?.replace(".", locale === "vi" ? "," : ".") ?? null,
    notApplicable: leaf.selfNotApplicable,
    notApplicableReason: leaf.selfNotApplicableReason,
    note: leaf.selfNote,
  });
  // The version the next save names. A ref, not state: two saves started before the first answer
  // (leave the reason field, then untick) must each name the version the one before produced.
  const version = useRef<number | null>(leaf.version);
  const pendingSaves = useRef<Promise<void>>(Promise.resolve());
  const advanceVersion = (next: number) => {
    if (version.current === null || next > version.current) version.current = next;
  };
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const [explanation, setExplanation] = useState("");
  const lastSaved = useRef(JSON.stringify(draft));
  const id = `leaf-${leaf.code}`;
  const returned = leaf.reviewState === "returned";
  const survey = leaf.method === "survey";

  /** Saves run one after another, in the order the officer made the changes. */
  function save(next: SelfScoreDraft): Promise<void> {
    pendingSaves.current = pendingSaves.current.then(() => saveNow(next));
    return pendingSaves.current;
  }

  async function saveNow(next: SelfScoreDraft) {
    const serialized = JSON.stringify(next);
    if (serialized === lastSaved.current) return;
    if (next.notApplicable && !next.notApplicableReason?.trim()) {
      setState({ kind: "error", text: locale === "vi" ? "Cần nêu lý do không đánh giá." : "Give a reason for not applicable.", stale: false });
      return;
    }
    setState({ kind: "saving" });
    const result = await actions.save({ criterionCode: leaf.code, draft: next, expectedVersion: version.current }).catch(() => null);
    if (!result) {
      setState({ kind: "error", text: t.unsaved, stale: false });
    } else if (result.ok) {
      lastSaved.current = serialized;
      advanceVersion(result.data.version);
      setState({ kind: "saved", at: result.data.savedAt });
    } else {
      setState({ kind: "error", text: result[locale], stale: result.code === "stale" });
    }
  }

  async function sendExplanation() {
    if (!explanation.trim()) {
      setState({ kind: "error", text: t.explanationRequired, stale: false });
      return;
    }
    setState({ kind: "saving" });
    const result = await actions
      .explain({ criterionCode: leaf.code, explanation, points: draft.notApplicable ? null : draft.points, expectedVersion: version.current })
      .catch(() => null);
    if (!result) setState({ kind: "error", text: t.unsaved, stale: false });
    else if (!result.ok) setState({ kind: "error", text: result[locale], stale: result.code === "stale" });
    else {
      // The item leaves the "returned" state: reload so the page shows it with the explanation.
      window.location.reload();
    }
  }

  const canEditScore = editable && !survey;
  return (
    <article
      id={id}
      aria-labelledby={`${id}-title`}
      className={`rounded-lg border bg-white p-4 ${returned ? "border-amber-500 ring-2 ring-amber-300" : "border-slate-200"}`}
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 id={`${id}-title`} className="font-semibold">
          <span className="font-mono text-slate-700">{leaf.code}</span> {leaf.name}
        </h4>
        <span className="text-sm text-slate-700">{t.maxPoints(leaf.maxPoints.replace(".", locale === "vi" ? "," : "."))}</span>
      </header>
      {leaf.reviewState !== "pending" && (
        <p className="mt-1 text-sm">
          <span className={`rounded px-2 py-0.5 text-xs font-semibold ${returned ? "bg-amber-100 text-amber-900" : "bg-slate-100 text-slate-800"}`}>
            {t.reviewState[leaf.reviewState]}
          </span>
        </p>
      )}
      {survey ? (
        <p className="mt-2 text-sm text-slate-700">{t.surveyScored}</p>
      ) : (
        <div className="mt-3 grid gap-3 sm:grid-cols-[12rem_1fr]">
          <div>
            <label htmlFor={`${id}-points`} className="block text-sm font-medium">
              {t.selfPoints}
            </label>
            <input
              id={`${id}-points`}
              inputMode="decimal"
              autoComplete="off"
              aria-describedby={`${id}-hint`}
              disabled={!canEditScore || draft.notApplicable}
              value={draft.points ?? ""}
              onChange={(event) => setDraft({ ...draft, points: event.target.value })}
              onBlur={() => void save(draft)}
              className={field}
            />
            <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
              {t.selfPointsHint}
            </p>
            <label className="mt-2 flex items-center gap-2 text-sm">
              <input
                type="checkbox"
                disabled={!canEditScore}
                checked={draft.notApplicable}
                onChange={(event) => {
                  const next = { ...draft, notApplicable: event.target.checked, points: event.target.checked ? null : draft.points };
                  setDraft(next);
                  if (!event.target.checked || next.notApplicableReason?.trim()) void save(next);
                }}
              />
              {t.notApplicable}
            </label>
          </div>
          <div className="space-y-2">
            {draft.notApplicable && (
              <div>
                <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
                  {t.notApplicableReason}
                </label>
                <input
                  id={`${id}-reason`}
                  disabled={!canEditScore}
                  value={draft.notApplicableReason ?? ""}
                  onChange={(event) => setDraft({ ...draft, notApplicableReason: event.target.value })}
                  onBlur={() => void save(draft)}
                  className={field}
                />
              </div>
            )}
            <div>
              <label htmlFor={`${id}-note`} className="block text-sm font-medium">
                {t.note}
              </label>
              <textarea
                id={`${id}-note`}
                rows={2}
                disabled={!canEditScore}
                value={draft.note ?? ""}
                onChange={(event) => setDraft({ ...draft, note: event.target.value })}
                onBlur={() => void save(draft)}
                className={field}
              />
            </div>
          </div>
        </div>
      )}
      <p role="status" aria-live="polite" className="mt-2 min-h-5 text-sm">
        {state.kind === "saving" && <span className="text-slate-700">{t.saving}</span>}
        {state.kind === "saved" && <span className="text-green-800">{t.savedAt(formatDateTime(state.at, locale).slice(-5))}</span>}
        {state.kind === "error" && (
          <span role="alert" className="font-medium text-red-800">
            {state.text}{" "}
            {state.stale && (
              <button type="button" onClick={() => window.location.reload()} className="underline">
                {t.reload}
              </button>
            )}
          </span>
        )}
        {state.kind === "idle" && leaf.updatedByName && leaf.updatedAt && (
          <span className="text-slate-600">{t.lastChange(leaf.updatedByName, formatDateTime(leaf.updatedAt, locale))}</span>
        )}
      </p>
      {leaf.comments.length > 0 && <CommentThread locale={locale} comments={leaf.comments} />}
      {leaf.canExplain && (
        <div className="mt-3 rounded border border-amber-300 bg-amber-50 p-3">
          <label htmlFor={`${id}-explanation`} className="block text-sm font-medium">
            {t.explanation}
          </label>
          <textarea id={`${id}-explanation`} rows={3} value={explanation} onChange={(event) => setExplanation(event.target.value)} className={field} />
          <button
            type="button"
            onClick={() => void sendExplanation()}
            className="mt-2 rounded bg-brand-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-brand-800"
          >
            {t.explain}
          </button>
        </div>
      )}
      {!survey && (
        <EvidenceList
          locale={locale}
          criterionCode={leaf.code}
          files={leaf.evidence}
          editable={evidenceEditable}
          removable={evidenceRemovable}
          upload={evidenceUpload}
          onScoreVersion={advanceVersion}
        />
      )}
    </article>
  );
}
