import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "@/lib/i18n/get-locale";
import { periodConsoleMessagesFor } from "@/lib/i18n/period-console-messages";
import { workspaceMessagesFor } from "@/lib/i18n/workspace-messages";
import { formatDateTime } from "@/lib/i18n/format-date-time";
import { requireSessionUser } from "@/lib/auth/session";
import { listConsolePeriods } from "@/lib/data/console-periods";
import { ConsoleTable } from "@/components/console/console-table";

export async function generateMetadata(): Promise<Metadata> {
  const t = periodConsoleMessagesFor(await getLocale());
  return { title: t.periodsTitle, robots: { index: false } };
}

export default async function ConsolePeriodsPage() {
  const user = await requireSessionUser("/console/periods");
  if (user.role !== "admin") notFound();
  const locale = await getLocale();
  const t = periodConsoleMessagesFor(locale);
  const w = workspaceMessagesFor(locale);
  const periods = await listConsolePeriods(user);
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h1 className="text-2xl font-bold">{t.periodsTitle}</h1>
        <Link href="/console/periods/new" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          {t.newPeriod}
        </Link>
      </div>
      <ConsoleTable caption={t.periodsTitle} minWidth="min-w-[44rem]" columns={[t.name, t.year, t.status, t.units, t.publication]}>
            {periods.map((period) => {
              const total = Object.values(period.unitsByStatus).reduce((sum, count) => sum + count, 0);
              const done = period.unitsByStatus.approved ?? 0;
              return (
                <tr key={period.code} className="border-b border-slate-200">
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    <Link href={`/console/periods/${encodeURIComponent(period.code)}`} className="text-brand-800 underline underline-offset-2">
                      {period.name}
                    </Link>
                  </th>
                  <td className="px-3 py-2">{period.year}</td>
                  <td className="px-3 py-2">{w.periodStatus[period.status]}</td>
                  <td className="px-3 py-2">{period.status === "published" ? total : `${done}/${total} ${w.assessmentStatus.approved.toLowerCase()}`}</td>
                  <td className="px-3 py-2">
                    {period.currentPublication ? t.publishedVersion(period.currentPublication.version, formatDateTime(period.currentPublication.publishedAt, locale)) : t.notPublished}
                  </td>
                </tr>
              );
            })}
      </ConsoleTable>
    </div>
  );
}
