"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n/locale";
import { workspaceMessagesFor } from "@/lib/i18n/workspace-messages";
import { formatDateTime } from "@/lib/i18n/format-date-time";
import type { ActionResult } from "@/lib/domain/action-result";
import type { LeafView } from "@/components/console/workspace-types";
import { EvidenceList } from "@/components/console/evidence-list";
import { CommentThread } from "@/components/console/comment-thread";

export type AppraiseInput = {
  criterionCode: string;
  decision: "accept" | "adjust" | "return";
  points?: string | null;
  notApplicable?: boolean;
  reason?: string | null;
  comment?: string | null;
  expectedVersion: number | null;
};

type Mode = "view" | "adjust" | "return";

const field = "mt-1 w-full rounded border border-slate-400 px-3 py-2 focus-visible:outline-2 focus-visible:outline-brand-700";
const button = "rounded px-3 py-1.5 text-sm font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 disabled:opacity-60";

function shown(value: string | null, locale: Locale): string | null {
  return value === null ? null : locale === "vi" ? value.replace(".", ",") : value;
}

/**
 * One sub-criterion as the council reviews it: the unit's claim, note and evidence beside the
 * decision — accept, adjust (with a reason) or return for explanation (with a comment). Each
 * decision names the version it was made on; if a colleague decided in between, nothing is
 * overwritten and the message says who and when.
 */
export function CouncilLeafReview({
  locale,
  leaf,
  editable,
  appraise,
}: {
  locale: Locale;
  leaf: LeafView;
  editable: boolean;
  appraise: (input: AppraiseInput) => Promise<ActionResult<unknown>>;
}) {
  const t = workspaceMessagesFor(locale);
  const router = useRouter();
  const [mode, setMode] = useState<Mode>("view");
  const [points, setPoints] = useState(shown(leaf.appraisedPoints ?? leaf.selfPoints, locale) ?? "");
  const [notApplicable, setNotApplicable] = useState(leaf.notApplicable);
  const [text, setText] = useState("");
  const [error, setError] = useState<{ text: string; stale: boolean } | null>(null);
  const [pending, startTransition] = useTransition();
  const id = `leaf-${leaf.code}`;
  const survey = leaf.method === "survey";

  function decide(input: Omit<AppraiseInput, "criterionCode" | "expectedVersion">) {
    setError(null);
    startTransition(async () => {
      const result = await appraise({ ...input, criterionCode: leaf.code, expectedVersion: leaf.version }).catch(() => null);
      if (!result) setError({ text: t.unsaved, stale: false });
      else if (!result.ok) setError({ text: result[locale], stale: result.code === "stale" });
      else {
        setMode("view");
        setText("");
        router.refresh();
      }
    });
  }

  const decided = leaf.reviewState === "accepted" || leaf.reviewState === "adjusted";
  return (
    <article
      id={id}
      aria-labelledby={`${id}-title`}
      className={`rounded-lg border bg-white p-4 ${
        leaf.reviewState === "explained" ? "border-sky-500 ring-2 ring-sky-200" : leaf.reviewState === "returned" ? "border-amber-500" : "border-slate-200"
      }`}
    >
      <header className="flex flex-wrap items-baseline justify-between gap-2">
        <h4 id={`${id}-title`} className="font-semibold">
          <span className="font-mono text-slate-700">{leaf.code}</span> {leaf.name}
        </h4>
        <span className="text-sm text-slate-700">{t.maxPoints(shown(leaf.maxPoints, locale)!)}</span>
      </header>
      <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        <div>
          <dt className="text-slate-600">{survey ? t.surveyPoints : t.selfClaim}</dt>
          <dd className="font-semibold">
            {survey
              ? t.surveyScored
              : leaf.selfNotApplicable
                ? t.claimedNotApplicable(leaf.selfNotApplicableReason ?? "")
                : (shown(leaf.selfPoints, locale) ?? t.noClaim)}
          </dd>
          {leaf.selfNote && <dd className="mt-1 whitespace-pre-wrap text-slate-800">{leaf.selfNote}</dd>}
        </div>
        <div>
          <dt className="text-slate-600">{t.appraisedPoints}</dt>
          <dd>
            <span className="font-semibold">{leaf.notApplicable ? t.notApplicable : (shown(leaf.appraisedPoints, locale) ?? t.notAvailable)}</span>{" "}
            <span className="rounded bg-slate-100 px-2 py-0.5 text-xs font-semibold text-slate-800">{t.reviewState[leaf.reviewState]}</span>
          </dd>
          {leaf.appraisalReason && <dd className="mt-1 whitespace-pre-wrap text-slate-800">{leaf.appraisalReason}</dd>}
          {leaf.updatedByName && leaf.updatedAt && <dd className="mt-1 text-xs text-slate-600">{t.lastChange(leaf.updatedByName, formatDateTime(leaf.updatedAt, locale))}</dd>}
        </div>
      </dl>
      {leaf.comments.length > 0 && <CommentThread locale={locale} comments={leaf.comments} />}
      {!survey && <EvidenceList locale={locale} criterionCode={leaf.code} files={leaf.evidence} editable={false} />}
      {leaf.sipasInput && <p className="mt-3 text-sm text-slate-700">{leaf.sipasInput === "index" ? t.sipasTiedOverall : t.sipasTiedElement(leaf.sipasInput)}</p>}
      {editable && mode === "view" && (
        <div className="mt-3 flex flex-wrap gap-2">
          {leaf.decisions.includes("accept") && leaf.reviewState !== "accepted" && (
            <button type="button" disabled={pending} onClick={() => decide({ decision: "accept" })} className={`${button} bg-green-700 text-white hover:bg-green-800`}>
              {t.accept}
            </button>
          )}
          {leaf.decisions.includes("adjust") && (
            <button type="button" disabled={pending} onClick={() => setMode("adjust")} className={`${button} border border-slate-400 bg-white hover:bg-slate-100`}>
              {survey ? t.surveyPoints : t.adjust}
            </button>
          )}
          {leaf.decisions.includes("return") && (
            <button type="button" disabled={pending} onClick={() => setMode("return")} className={`${button} border border-amber-600 bg-white text-amber-900 hover:bg-amber-50`}>
              {t.returnItem}
            </button>
          )}
          {decided && <span className="sr-only">{t.reviewState[leaf.reviewState]}</span>}
        </div>
      )}
      {editable && mode === "adjust" && (
        <form
          className="mt-3 space-y-2 rounded border border-slate-300 bg-slate-50 p-3"
          onSubmit={(event) => {
            event.preventDefault();
            decide({ decision: "adjust", points: notApplicable ? null : points, notApplicable, reason: text });
          }}
        >
          <div className="flex flex-wrap items-end gap-4">
            <div>
              <label htmlFor={`${id}-appraised`} className="block text-sm font-medium">
                {survey ? t.surveyPoints : t.appraisedPoints}
              </label>
              <input id={`${id}-appraised`} inputMode="decimal" disabled={notApplicable} value={points} onChange={(event) => setPoints(event.target.value)} className={`${field} w-32`} />
            </div>
            {!survey && (
              <label className="flex items-center gap-2 pb-2 text-sm">
                <input type="checkbox" checked={notApplicable} onChange={(event) => setNotApplicable(event.target.checked)} />
                {t.notApplicable}
              </label>
            )}
          </div>
          <div>
            <label htmlFor={`${id}-reason`} className="block text-sm font-medium">
              {survey ? t.surveySource : t.adjustReason}
            </label>
            <textarea id={`${id}-reason`} rows={2} value={text} onChange={(event) => setText(event.target.value)} className={field} />
          </div>
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className={`${button} bg-brand-700 text-white hover:bg-brand-800`}>
              {t.confirm}
            </button>
            <button type="button" onClick={() => setMode("view")} className={`${button} border border-slate-400 bg-white`}>
              {t.cancel}
            </button>
          </div>
        </form>
      )}
      {editable && mode === "return" && (
        <form
          className="mt-3 space-y-2 rounded border border-amber-300 bg-amber-50 p-3"
          onSubmit={(event) => {
            event.preventDefault();
            decide({ decision: "return", comment: text });
          }}
        >
          <label htmlFor={`${id}-comment`} className="block text-sm font-medium">
            {t.returnComment}
          </label>
          <textarea id={`${id}-comment`} rows={3} value={text} onChange={(event) => setText(event.target.value)} className={field} />
          <div className="flex gap-2">
            <button type="submit" disabled={pending} className={`${button} bg-amber-700 text-white hover:bg-amber-800`}>
              {t.returnItem}
            </button>
            <button type="button" onClick={() => setMode("view")} className={`${button} border border-slate-400 bg-white`}>
              {t.cancel}
            </button>
          </div>
        </form>
      )}
      {error && (
        <p role="alert" className="mt-2 text-sm font-medium text-red-800">
          {error.text}{" "}
          {error.stale && (
            <button type="button" onClick={() => window.location.reload()} className="underline">
              {t.reload}
            </button>
          )}
        </p>
      )}
    </article>
  );
}
