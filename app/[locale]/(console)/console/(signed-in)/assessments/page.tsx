import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "@/lib/i18n/get-locale";
import { consoleMessagesFor } from "@/lib/i18n/console-messages";
import { workspaceMessagesFor } from "@/lib/i18n/workspace-messages";
import { formatDateTime } from "@/lib/i18n/format-date-time";
import { requireSessionUser } from "@/lib/auth/session";
import { listOwnAssessments } from "@/lib/data/own-assessments";

export async function generateMetadata(): Promise<Metadata> {
  const t = consoleMessagesFor(await getLocale());
  return { title: t.nav.assessment, robots: { index: false } };
}

/** An officer's periods: the open one to work on, and earlier ones to look back at. */
export default async function OwnAssessmentsPage() {
  const user = await requireSessionUser("/console/assessments");
  if (user.role !== "unit_officer") notFound();
  const locale = await getLocale();
  const t = consoleMessagesFor(locale);
  const w = workspaceMessagesFor(locale);
  const assessments = await listOwnAssessments(user);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t.nav.assessment}</h1>
      {assessments.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-4">{t.inboxEmpty}</p>
      ) : (
        <ul className="space-y-2">
          {assessments.map((assessment) => (
            <li key={assessment.period.code}>
              <Link
                href={`/console/assessments/${encodeURIComponent(assessment.period.code)}/${encodeURIComponent(assessment.unit.code)}`}
                className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-700"
              >
                <span className="block font-semibold text-brand-800">{assessment.period.name}</span>
                <span className="mt-1 block text-sm text-slate-700">
                  {assessment.unit.name} · {w.assessmentStatus[assessment.status]} · {w.periodStatus[assessment.period.status]}
                  {assessment.period.selfAssessmentDeadline ? ` · ${w.deadline}: ${formatDateTime(assessment.period.selfAssessmentDeadline, locale)}` : ""}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
