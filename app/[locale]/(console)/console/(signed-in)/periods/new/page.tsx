import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "@/lib/i18n/get-locale";
import { periodConsoleMessagesFor } from "@/lib/i18n/period-console-messages";
import { requireSessionUser } from "@/lib/auth/session";
import { listConsolePeriods } from "@/lib/data/console-periods";
import { listCriteriaSets } from "@/lib/services/list-criteria-sets";
import { FieldsActionForm } from "@/components/console/fields-action-form";
import { clonePeriodAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = periodConsoleMessagesFor(await getLocale());
  return { title: t.newPeriod, robots: { index: false } };
}

/** A new period starts as a copy of last year's: units, groups, bands, tie-breakers, deadlines a year on. */
export default async function NewPeriodPage() {
  const user = await requireSessionUser("/console/periods/new");
  if (user.role !== "admin") notFound();
  const locale = await getLocale();
  const t = periodConsoleMessagesFor(locale);
  const [periods, sets] = await Promise.all([listConsolePeriods(user), listCriteriaSets(user)]);
  const latest = periods[0];
  return (
    <div className="max-w-xl space-y-4">
      <p className="text-sm">
        <Link href="/console/periods" className="underline">
          {t.periodsTitle}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t.newPeriod}</h1>
      <p className="text-slate-700">{t.cloneIntro}</p>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <FieldsActionForm
          locale={locale}
          idPrefix="clone"
          submitLabel={t.createPeriod}
          run={clonePeriodAction}
          fields={[
            { name: "fromPeriodCode", label: t.cloneFrom, required: true, options: periods.map((period) => ({ value: period.code, label: period.name })), defaultValue: latest?.code },
            { name: "code", label: t.code, required: true, hint: t.codeHint },
            { name: "year", label: t.year, required: true, inputMode: "numeric", defaultValue: latest ? String(latest.year + 1) : "" },
            { name: "name", label: t.name, required: true },
            {
              name: "criteriaSetCode",
              label: t.criteriaSet,
              options: [{ value: "", label: t.sameCriteriaSet }, ...sets.map((set) => ({ value: set.code, label: `${set.name} (v${set.version})` }))],
              defaultValue: "",
            },
          ]}
        />
      </div>
    </div>
  );
}
