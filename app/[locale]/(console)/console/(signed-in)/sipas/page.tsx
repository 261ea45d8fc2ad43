import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "@/lib/i18n/get-locale";
import { sipasConsoleMessagesFor } from "@/lib/i18n/sipas-console-messages";
import { workspaceMessagesFor } from "@/lib/i18n/workspace-messages";
import { requireSessionUser } from "@/lib/auth/session";
import { can } from "@/lib/review/permissions";
import { listSipasConsolePeriods } from "@/lib/data/sipas-console";
import { ConsoleTable } from "@/components/console/console-table";
import { ActionButton } from "@/components/console/action-button";
import { createSipasSurveyAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = sipasConsoleMessagesFor(await getLocale());
  return { title: t.title, robots: { index: false } };
}

/** Every period with its SIPAS survey: home affairs creates and runs them, the council follows and reviews results. */
export default async function SipasConsolePage() {
  const user = await requireSessionUser("/console/sipas");
  if (!can(user, "sipas.read")) notFound();
  const editor = can(user, "sipas.edit");
  const locale = await getLocale();
  const t = sipasConsoleMessagesFor(locale);
  const w = workspaceMessagesFor(locale);
  const periods = await listSipasConsolePeriods(user);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t.title}</h1>
      <p className="max-w-3xl text-slate-700">{t.intro}</p>
      <ConsoleTable caption={t.title} minWidth="min-w-[48rem]" columns={[t.period, t.year, t.surveyStatus, t.responses, t.units]}>
        {periods.map((period) => {
          const href = `/console/sipas/${encodeURIComponent(period.code)}`;
          const creatable = editor && !period.survey && period.status !== "published";
          return (
            <tr key={period.code} className="border-b border-slate-200 align-top" data-testid={`sipas-period-${period.code}`}>
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {period.survey ? (
                  <Link href={href} className="text-brand-800 underline underline-offset-2">
                    {period.name}
                  </Link>
                ) : (
                  period.name
                )}
                <span className="block text-xs font-normal text-slate-600">{w.periodStatus[period.status as keyof typeof w.periodStatus] ?? period.status}</span>
              </th>
              <td className="px-3 py-2">{period.year}</td>
              <td className="px-3 py-2">
                <span className="font-medium">{t.status[period.survey?.status ?? "none"]}</span>
                {creatable && (
                  <div className="mt-2 flex flex-wrap gap-2">
                    <ActionButton
                      locale={locale}
                      tone="secondary"
                      label={t.createFromDefault}
                      done={t.created}
                      run={createSipasSurveyAction.bind(null, { periodCode: period.code, from: "default" })}
                    />
                    {period.previousHasSurvey && (
                      <ActionButton
                        locale={locale}
                        tone="secondary"
                        label={t.createFromPrevious}
                        done={t.created}
                        run={createSipasSurveyAction.bind(null, { periodCode: period.code, from: "previous" })}
                      />
                    )}
                  </div>
                )}
              </td>
              <td className="px-3 py-2">{period.survey ? t.countsLine(period.survey.accepted, period.survey.flagged, period.survey.rejected) : t.none}</td>
              <td className="px-3 py-2">
                <span>{period.units}</span>
                {period.survey && (
                  <span className="mt-1 flex flex-wrap gap-x-4">
                    <Link href={href} className="inline-flex min-h-6 items-center text-brand-800 underline">
                      {t.openQuestionnaire}
                    </Link>
                    <Link href={`${href}/results`} className="inline-flex min-h-6 items-center text-brand-800 underline">
                      {t.results}
                    </Link>
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </ConsoleTable>
    </div>
  );
}
