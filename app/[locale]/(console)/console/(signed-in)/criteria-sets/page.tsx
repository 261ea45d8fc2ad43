import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "@/lib/i18n/get-locale";
import { setupConsoleMessagesFor } from "@/lib/i18n/setup-console-messages";
import { workspaceMessagesFor } from "@/lib/i18n/workspace-messages";
import { requireSessionUser } from "@/lib/auth/session";
import { listCriteriaSets } from "@/lib/services/list-criteria-sets";
import { FieldsActionForm } from "@/components/console/fields-action-form";
import { ConsoleTable } from "@/components/console/console-table";
import { createCriteriaSetVersionAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = setupConsoleMessagesFor(await getLocale());
  return { title: t.setsTitle, robots: { index: false } };
}

/** Home affairs' criteria sets: each version, whether it is locked and why, and a new version from any. */
export default async function CriteriaSetsPage() {
  const user = await requireSessionUser("/console/criteria-sets");
  if (user.role !== "admin") notFound();
  const locale = await getLocale();
  const t = setupConsoleMessagesFor(locale);
  const status = workspaceMessagesFor(locale).periodStatus as Record<string, string>;
  const sets = await listCriteriaSets(user);

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t.setsTitle}</h1>
        <p className="max-w-3xl text-slate-700">{t.setsIntro}</p>
      </header>

      {sets.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-4 text-slate-700">{t.noSets}</p>
      ) : (
        <ConsoleTable
          caption={t.setsTable}
          minWidth="min-w-[60rem]"
          columns={[t.name, t.code, t.version, { label: t.nodes, align: "right" }, t.state, t.periodsUsing, t.newVersion]}
        >
          {sets.map((set) => {
            const published = set.periods.filter((period) => period.status === "published").map((period) => period.code);
            return (
              <tr key={set.code} className="border-b border-slate-200 align-top" data-testid={`criteria-set-${set.code}`}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  <Link href={`/console/criteria-sets/${encodeURIComponent(set.code)}`} className="text-brand-800 underline underline-offset-2">
                    {set.name}
                  </Link>
                </th>
                <td className="px-3 py-2 font-mono text-xs">{set.code}</td>
                <td className="px-3 py-2">
                  {set.version}
                  {set.previousVersionCode && (
                    <span className="block text-xs text-slate-700">
                      {t.previousVersion}: <span className="font-mono">{set.previousVersionCode}</span>
                    </span>
                  )}
                </td>
                <td className="px-3 py-2 text-right tabular-nums">{set.nodes}</td>
                <td className="px-3 py-2">
                  {set.locked ? (
                    <>
                      <span className="font-semibold text-amber-900">{t.locked}</span>
                      <span className="block text-xs text-slate-700">
                        {published.length ? t.lockedBecausePublished(published.join(", ")) : t.lockedAtPublication}
                      </span>
                    </>
                  ) : (
                    <span className="text-green-800">{t.editable}</span>
                  )}
                </td>
                <td className="px-3 py-2">
                  {set.periods.length === 0 ? (
                    <span className="text-slate-700">{t.noPeriods}</span>
                  ) : (
                    <ul className="space-y-1">
                      {set.periods.map((period) => (
                        <li key={period.code}>
                          <Link href={`/console/periods/${encodeURIComponent(period.code)}`} className="underline underline-offset-2">
                            {period.code}
                          </Link>{" "}
                          <span className="text-xs text-slate-700">({status[period.status] ?? period.status})</span>
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                <td className="min-w-72 px-3 py-2">
                  <details>
                    <summary className="cursor-pointer text-brand-800 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700">
                      {t.newVersion}
                      <span className="sr-only"> — {set.name}</span>
                    </summary>
                    <div className="mt-2 space-y-2">
                      <p className="text-xs text-slate-700">{t.newVersionIntro}</p>
                      <FieldsActionForm
                        locale={locale}
                        idPrefix={`version-${set.code}`}
                        submitLabel={t.newVersion}
                        run={createCriteriaSetVersionAction.bind(null, set.code)}
                        fields={[
                          { name: "newCode", label: t.newCode, required: true, hint: t.newCodeHint },
                          { name: "name", label: t.newName, required: true, defaultValue: t.defaultVersionName(set.name, set.version + 1) },
                        ]}
                      />
                    </div>
                  </details>
                </td>
              </tr>
            );
          })}
        </ConsoleTable>
      )}
    </div>
  );
}
