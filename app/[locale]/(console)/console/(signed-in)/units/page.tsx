import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "@/lib/i18n/get-locale";
import type { Locale } from "@/lib/i18n/locale";
import { setupConsoleMessagesFor, type SetupConsoleMessages } from "@/lib/i18n/setup-console-messages";
import { formatDate } from "@/lib/i18n/format-date";
import { requireSessionUser } from "@/lib/auth/session";
import { UseCaseError } from "@/lib/domain/use-case-error";
import { UNIT_KINDS, type UnitKindName } from "@/lib/domain/unit-setup-input";
import { listUnits, type UnitLineageLink, type UnitListItem } from "@/lib/services/list-units";
import { listGroups } from "@/lib/services/list-groups";
import { FieldsActionForm, type FormFieldSpec } from "@/components/console/fields-action-form";
import { UnitMergeForm } from "@/components/console/unit-merge-form";
import { UnitSplitForm } from "@/components/console/unit-split-form";
import { ConsoleTable } from "@/components/console/console-table";
import { createGroupAction, createUnitAction, mergeUnitsAction, splitUnitAction, updateGroupAction, updateUnitAction } from "./actions";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = setupConsoleMessagesFor(await getLocale());
  return { title: t.unitsTitle, robots: { index: false } };
}

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}

const fieldClass = "mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2 focus-visible:outline-2 focus-visible:outline-brand-700";
const summaryClass =
  "cursor-pointer text-brand-800 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700";
const panelSummaryClass =
  "cursor-pointer rounded-lg px-4 py-3 text-lg font-semibold text-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700";

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, "vi");

/**
 * Home affairs' units and groups: find a unit (with or without diacritics), its group in the
 * latest period and its lineage; add and edit units and groups; record merges and splits.
 */
export default async function ConsoleUnitsPage({ searchParams }: Props) {
  const user = await requireSessionUser("/console/units");
  if (user.role !== "admin") notFound();
  const locale = await getLocale();
  const t = setupConsoleMessagesFor(locale);
  const params = await searchParams;
  const query = first(params.q).trim();
  const includeDissolved = first(params.dissolved) === "1";

  let searchError: UseCaseError<string> | null = null;
  const [active, groups] = await Promise.all([listUnits(user, {}), listGroups(user)]);
  let listed: UnitListItem[] = active;
  if (query || includeDissolved) {
    try {
      listed = await listUnits(user, { query: query || undefined, includeDissolved });
    } catch (error) {
      if (!(error instanceof UseCaseError)) throw error;
      searchError = error;
    }
  }
  const activeByName = [...active].sort(byName);
  const choices = activeByName.map((unit) => ({ code: unit.code, name: unit.name, kind: unit.kind, parentCode: unit.parentUnit?.code ?? null }));
  const kindOptions = UNIT_KINDS.map((kind) => ({ value: kind, label: t.kinds[kind] }));
  const parentOptions = (self: string | null, current: { code: string; name: string } | null) => [
    { value: "", label: t.noParent },
    // A parent dissolved since stays a choice, so an edit of the name alone keeps it.
    ...(current && !active.some((unit) => unit.code === current.code) ? [{ value: current.code, label: current.name }] : []),
    ...activeByName.filter((unit) => unit.code !== self).map((unit) => ({ value: unit.code, label: `${unit.name} (${unit.code})` })),
  ];
  const filtered = Boolean(query || includeDissolved);

  return (
    <div className="space-y-8">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t.unitsTitle}</h1>
        <p className="max-w-3xl text-slate-700">{t.unitsIntro}</p>
      </header>

      <section aria-label={t.createUnit} className="rounded-lg border border-slate-200 bg-white">
        <details>
          <summary className={panelSummaryClass}>{t.createUnit}</summary>
          <div className="max-w-xl border-t border-slate-200 p-4">
            <FieldsActionForm
              locale={locale}
              idPrefix="create-unit"
              submitLabel={t.createUnit}
              done={t.unitCreated}
              run={createUnitAction}
              fields={[
                { name: "code", label: t.unitCode, required: true, hint: t.unitCodeHint },
                { name: "name", label: t.unitName, required: true },
                { name: "nameEn", label: t.unitNameEn },
                { name: "kind", label: t.kind, options: kindOptions, defaultValue: "commune" },
                { name: "parentUnitCode", label: t.parentUnit, options: parentOptions(null, null), defaultValue: "" },
              ]}
            />
          </div>
        </details>
      </section>

      <section aria-labelledby="units-title" className="space-y-3">
        <h2 id="units-title" className="text-xl font-semibold">
          {t.unitsTable}
        </h2>
        <form method="get" action="/console/units" aria-label={t.searchTitle} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-[1fr_auto]">
          <div>
            <label htmlFor="units-q" className="block text-sm font-medium">
              {t.search}
            </label>
            <input id="units-q" name="q" type="search" defaultValue={query} maxLength={200} className={fieldClass} />
            <div className="mt-2 flex items-center gap-2">
              <input
                id="units-dissolved"
                name="dissolved"
                type="checkbox"
                value="1"
                defaultChecked={includeDissolved}
                className="h-6 w-6 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
              />
              <label htmlFor="units-dissolved" className="text-sm font-medium">
                {t.showDissolved}
              </label>
            </div>
          </div>
          <div className="flex flex-wrap items-end gap-3">
            <button
              type="submit"
              className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
            >
              {t.applySearch}
            </button>
            {filtered && (
              <Link href="/console/units" className="text-sm text-brand-800 underline underline-offset-2">
                {t.clearSearch}
              </Link>
            )}
          </div>
        </form>
        {searchError && (
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            {searchError[locale]}
          </p>
        )}
        <p className="text-sm text-slate-700">{t.unitCount(listed.length)}</p>
        {listed.length === 0 ? (
          <p className="rounded border border-slate-200 bg-white p-4 text-slate-700">{t.noUnits}</p>
        ) : (
          <ConsoleTable
            caption={t.unitsTable}
            minWidth="min-w-[72rem]"
            columns={[t.unit, t.unitCode, t.kind, t.latestGroup, t.state, t.lineage, t.editUnitSummary]}
          >
            {listed.map((unit) => (
              <tr key={unit.code} data-testid={`unit-${unit.code}`} className={`border-b border-slate-200 align-top ${unit.dissolvedOn ? "bg-slate-50 text-slate-700" : ""}`}>
                <th scope="row" className="px-3 py-2 text-left font-medium">
                  {unit.name}
                  {unit.nameEn && (
                    <span lang="en" className="block text-xs font-normal text-slate-700">
                      {unit.nameEn}
                    </span>
                  )}
                  {unit.parentUnit && (
                    <span className="block text-xs font-normal text-slate-700">
                      {t.parentUnit}: {unit.parentUnit.name}
                    </span>
                  )}
                </th>
                <td className="px-3 py-2 font-mono text-xs">{unit.code}</td>
                <td className="px-3 py-2">{t.kinds[unit.kind as UnitKindName] ?? unit.kind}</td>
                <td className="px-3 py-2">
                  {unit.latestGroup ? (
                    <>
                      {unit.latestGroup.groupName}
                      <span className="block text-xs text-slate-700">{unit.latestGroup.periodCode}</span>
                    </>
                  ) : (
                    <span className="text-slate-700">{t.noGroup}</span>
                  )}
                </td>
                <td className="px-3 py-2">
                  {unit.dissolvedOn ? (
                    <span className="font-semibold text-red-800">{t.dissolvedOn(formatDate(unit.dissolvedOn, locale))}</span>
                  ) : (
                    <span className="text-green-800">{t.active}</span>
                  )}
                </td>
                <td className="px-3 py-2" data-testid="unit-lineage">
                  <Lineage locale={locale} t={t} predecessors={unit.predecessors} successors={unit.successors} />
                </td>
                <td className="min-w-72 px-3 py-2">
                  {unit.dissolvedOn ? null : (
                    <details>
                      <summary className={summaryClass}>
                        {t.editUnitSummary}
                        <span className="sr-only"> — {t.editUnit(unit.name)}</span>
                      </summary>
                      <div className="mt-2 space-y-2">
                        {unit.codeLocked && <p className="text-xs text-slate-700">{t.codeLocked}</p>}
                        <FieldsActionForm
                          locale={locale}
                          idPrefix={`unit-${unit.code}`}
                          submitLabel={t.saveUnit}
                          done={t.unitSaved}
                          run={updateUnitAction.bind(null, { code: unit.code, expectedUpdatedAt: unit.updatedAt.toISOString() })}
                          fields={[
                            ...(unit.codeLocked ? [] : [{ name: "newCode", label: t.unitCode, required: true, defaultValue: unit.code, hint: t.unitCodeHint } satisfies FormFieldSpec]),
                            { name: "name", label: t.unitName, required: true, defaultValue: unit.name, hint: t.renameNote },
                            { name: "nameEn", label: t.unitNameEn, defaultValue: unit.nameEn ?? "" },
                            { name: "kind", label: t.kind, options: kindOptions, defaultValue: unit.kind },
                            { name: "parentUnitCode", label: t.parentUnit, options: parentOptions(unit.code, unit.parentUnit), defaultValue: unit.parentUnit?.code ?? "" },
                          ]}
                        />
                      </div>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </ConsoleTable>
        )}
      </section>

      <section aria-labelledby="lineage-title" className="space-y-3">
        <h2 id="lineage-title" className="text-xl font-semibold">
          {t.lineageTitle}
        </h2>
        <p className="max-w-3xl text-sm text-slate-700">{t.lineageIntro}</p>
        <details className="rounded-lg border border-slate-200 bg-white">
          <summary className={panelSummaryClass}>{t.mergeTitle}</summary>
          <div className="max-w-3xl border-t border-slate-200 p-4">
            <UnitMergeForm locale={locale} units={choices} run={mergeUnitsAction} />
          </div>
        </details>
        <details className="rounded-lg border border-slate-200 bg-white">
          <summary className={panelSummaryClass}>{t.splitTitle}</summary>
          <div className="max-w-3xl border-t border-slate-200 p-4">
            <UnitSplitForm locale={locale} units={choices} run={splitUnitAction} />
          </div>
        </details>
      </section>

      <section aria-labelledby="groups-title" className="space-y-3">
        <h2 id="groups-title" className="text-xl font-semibold">
          {t.groupsTitle}
        </h2>
        <p className="max-w-3xl text-sm text-slate-700">{t.groupsIntro}</p>
        <ConsoleTable
          caption={t.groupsTable}
          minWidth="min-w-[52rem]"
          columns={[t.groupName, t.groupCode, { label: t.order, align: "right" }, { label: t.groupUsage, align: "right" }, t.groupPublished, t.editUnitSummary]}
        >
          {groups.map((group) => (
            <tr key={group.code} className="border-b border-slate-200 align-top">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {group.name}
                {group.nameEn && (
                  <span lang="en" className="block text-xs font-normal text-slate-700">
                    {group.nameEn}
                  </span>
                )}
              </th>
              <td className="px-3 py-2 font-mono text-xs">{group.code}</td>
              <td className="px-3 py-2 text-right tabular-nums">{group.order}</td>
              <td className="px-3 py-2 text-right tabular-nums">{group.assessments}</td>
              <td className="px-3 py-2">{group.published ? t.yes : t.no}</td>
              <td className="min-w-64 px-3 py-2">
                <details>
                  <summary className={summaryClass}>
                    {t.editUnitSummary}
                    <span className="sr-only"> — {t.editGroup(group.name)}</span>
                  </summary>
                  <div className="mt-2">
                    <FieldsActionForm
                      locale={locale}
                      idPrefix={`group-${group.code}`}
                      submitLabel={t.saveUnit}
                      done={t.groupSaved}
                      run={updateGroupAction.bind(null, group.code)}
                      fields={[
                        { name: "name", label: t.groupName, required: true, defaultValue: group.name },
                        { name: "nameEn", label: t.unitNameEn, defaultValue: group.nameEn ?? "" },
                        { name: "order", label: t.order, required: true, inputMode: "numeric", defaultValue: String(group.order), hint: t.orderHint },
                      ]}
                    />
                  </div>
                </details>
              </td>
            </tr>
          ))}
        </ConsoleTable>
        <details className="rounded-lg border border-slate-200 bg-white">
          <summary className={panelSummaryClass}>{t.createGroup}</summary>
          <div className="max-w-xl border-t border-slate-200 p-4">
            <FieldsActionForm
              locale={locale}
              idPrefix="create-group"
              submitLabel={t.createGroup}
              done={t.groupCreated}
              run={createGroupAction}
              fields={[
                { name: "code", label: t.groupCode, required: true, hint: t.unitCodeHint },
                { name: "name", label: t.groupName, required: true },
                { name: "nameEn", label: t.unitNameEn },
                { name: "order", label: t.order, inputMode: "numeric", hint: t.orderHint },
              ]}
            />
          </div>
        </details>
      </section>
    </div>
  );
}

function Lineage({ locale, t, predecessors, successors }: { locale: Locale; t: SetupConsoleMessages; predecessors: UnitLineageLink[]; successors: UnitLineageLink[] }) {
  if (predecessors.length === 0 && successors.length === 0) return <span className="text-slate-700">—</span>;
  const groups = [
    { label: t.mergedFrom, links: predecessors.filter((link) => link.kind === "merge") },
    { label: t.splitFrom, links: predecessors.filter((link) => link.kind === "split") },
    { label: t.mergedInto, links: successors.filter((link) => link.kind === "merge") },
    { label: t.splitInto, links: successors.filter((link) => link.kind === "split") },
  ].filter((group) => group.links.length > 0);
  return (
    <dl className="space-y-1">
      {groups.map((group) => (
        <div key={group.label}>
          <dt className="text-xs font-semibold text-slate-700">{group.label}</dt>
          <dd>
            {group.links.map((link) => link.name).join(", ")}{" "}
            <span className="text-xs text-slate-700">({t.effectiveFrom(formatDate(group.links[0]!.effectiveOn, locale))})</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}
