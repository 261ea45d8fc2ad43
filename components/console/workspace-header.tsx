import type { Locale } from "@/lib/i18n/locale";
import { workspaceMessagesFor } from "@/lib/i18n/workspace-messages";
import { formatDecimal } from "@/lib/i18n/format-decimal";
import { formatDateTime } from "@/lib/i18n/format-date-time";

export type WorkspaceHeaderView = {
  title: string;
  periodName: string;
  groupName: string;
  periodStatus: "draft" | "self_assessment" | "appraisal" | "approved" | "published";
  assessmentStatus: "not_started" | "in_progress" | "submitted" | "in_appraisal" | "returned" | "approved";
  deadline: string | null;
  appraisalDeadline: string | null;
  reopenReason: string | null;
  answered: number;
  unitLeaves: number;
  claimed: string;
  claimableMax: string;
  appraised: string | null;
  /** The set's total max points (100 in every set the domain allows). */
  totalMax: string;
  returnedLeaves: number;
};

/** Where the unit stands: status, deadlines, and how far the scoring has come. */
export function WorkspaceHeader({ locale, view }: { locale: Locale; view: WorkspaceHeaderView }) {
  const t = workspaceMessagesFor(locale);
  const share = view.unitLeaves ? Math.round((view.answered / view.unitLeaves) * 100) : 100;
  return (
    <header className="space-y-3">
      <p className="text-sm text-slate-700">
        {view.periodName} · {view.groupName}
      </p>
      <h1 className="text-2xl font-bold">{view.title}</h1>
      <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <dt className="text-slate-600">{t.status}</dt>
          <dd className="font-semibold" data-testid="assessment-status">
            {t.assessmentStatus[view.assessmentStatus]}
          </dd>
        </div>
        <div>
          <dt className="text-slate-600">{t.period}</dt>
          <dd>{t.periodStatus[view.periodStatus]}</dd>
        </div>
        {view.deadline && (
          <div>
            <dt className="text-slate-600">{t.deadline}</dt>
            <dd>{formatDateTime(view.deadline, locale)}</dd>
          </div>
        )}
        {view.appraisalDeadline && (
          <div>
            <dt className="text-slate-600">{t.appraisalDeadline}</dt>
            <dd>{formatDateTime(view.appraisalDeadline, locale)}</dd>
          </div>
        )}
      </dl>
      {view.reopenReason && <p className="rounded border border-sky-300 bg-sky-50 p-3 text-sm">{t.reopened(view.reopenReason)}</p>}
      {view.returnedLeaves > 0 && (
        <p className="rounded border border-amber-400 bg-amber-50 p-3 text-sm font-medium">{t.returnedItems(view.returnedLeaves)}</p>
      )}
      <div>
        <p className="text-sm">
          <span className="font-semibold">{t.progress}:</span> {t.answered(view.answered, view.unitLeaves)} ·{" "}
          {t.claimed(formatDecimal(view.claimed, locale, 2), formatDecimal(view.claimableMax, locale, 2))}
          {view.appraised !== null && <> · {t.appraised(formatDecimal(view.appraised, locale, 2), formatDecimal(view.totalMax, locale, 2))}</>}
        </p>
        <div className="mt-1 h-2 w-full rounded bg-slate-200" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={share} aria-label={t.progress}>
          <div className="h-2 rounded bg-brand-700" style={{ width: `${share}%` }} />
        </div>
      </div>
    </header>
  );
}
