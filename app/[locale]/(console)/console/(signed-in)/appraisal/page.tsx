import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "@/lib/i18n/get-locale";
import { workspaceMessagesFor } from "@/lib/i18n/workspace-messages";
import { formatDateTime } from "@/lib/i18n/format-date-time";
import { requireSessionUser } from "@/lib/auth/session";
import { loadAppraisalQueue } from "@/lib/data/appraisal-queue";
import { ConsoleTable } from "@/components/console/console-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = workspaceMessagesFor(await getLocale());
  return { title: t.queueTitle, robots: { index: false } };
}

/** The council's queue: units of each period being worked on, what waits for the council first. */
export default async function AppraisalQueuePage() {
  const user = await requireSessionUser("/console/appraisal");
  if (user.role === "unit_officer") notFound();
  const locale = await getLocale();
  const t = workspaceMessagesFor(locale);
  const periods = await loadAppraisalQueue(user);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{t.queueTitle}</h1>
      {periods.length === 0 && <p className="rounded border border-slate-200 bg-white p-4">{t.queueEmpty}</p>}
      {periods.map((period) => (
        <section key={period.code} aria-labelledby={`queue-${period.code}`} className="space-y-2">
          <h2 id={`queue-${period.code}`} className="text-lg font-semibold">
            {period.name} <span className="text-sm font-normal text-slate-700">· {t.periodStatus[period.status]}</span>
          </h2>
          {period.appraisalDeadline && (
            <p className="text-sm text-slate-700">
              {t.appraisalDeadline}: {formatDateTime(period.appraisalDeadline, locale)}
            </p>
          )}
          <ConsoleTable
            caption={`${t.queueTitle} — ${period.name}`}
            minWidth="min-w-[40rem]"
            columns={[t.queueUnit, t.queueGroup, t.status, t.queueSubmittedAt, t.queueItems]}
          >
                {period.units.map((unit) => (
                  <tr key={unit.unitCode} className="border-b border-slate-200">
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      <Link href={`/console/appraisal/${encodeURIComponent(period.code)}/${encodeURIComponent(unit.unitCode)}`} className="text-brand-800 underline underline-offset-2">
                        {unit.unitName}
                      </Link>
                    </th>
                    <td className="px-3 py-2">{unit.groupName}</td>
                    <td className="px-3 py-2">{t.assessmentStatus[unit.status]}</td>
                    <td className="px-3 py-2">{unit.submittedAt ? formatDateTime(unit.submittedAt, locale) : t.notAvailable}</td>
                    <td className="px-3 py-2">{t.queueCounts(unit.items.pending, unit.items.returned, unit.items.explained)}</td>
                  </tr>
                ))}
          </ConsoleTable>
        </section>
      ))}
    </div>
  );
}
