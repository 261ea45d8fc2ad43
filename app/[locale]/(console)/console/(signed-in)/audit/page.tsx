import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "@/lib/i18n/get-locale";
import { filterFieldClass, UnitFilterSelect } from "@/components/console/unit-filter-select";
import {
  AUDIT_ACTION_PREFIXES,
  AUDIT_ENTITY_TYPES,
  adminConsoleMessagesFor,
  auditActionLabel,
  auditEntityLabel,
} from "@/lib/i18n/admin-console-messages";
import { formatDateTime } from "@/lib/i18n/format-date-time";
import { requireSessionUser } from "@/lib/auth/session";
import { auditLogFilter } from "@/lib/domain/audit-log-filter";
import { describeIssues } from "@/lib/domain/describe-issues";
import { queryAuditLog } from "@/lib/data/audit-log-query";
import { listConsolePeriods } from "@/lib/data/console-periods";
import { listUnitOptions } from "@/lib/data/unit-options";
import { AuditChangeList } from "@/components/console/audit-change-list";
import { ConsoleTable } from "@/components/console/console-table";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The filter's fields, as named in the address, the form, the CSV link and the schema alike. */
const FILTER_FIELDS = ["periodCode", "actorEmail", "action", "entityType", "unitCode", "from", "to"] as const;

export async function generateMetadata(): Promise<Metadata> {
  const t = adminConsoleMessagesFor(await getLocale());
  return { title: t.auditTitle, robots: { index: false } };
}

function first(value: string | string[] | undefined): string {
  return ((Array.isArray(value) ? value[0] : value) ?? "").trim();
}


/** Home affairs reads the audit log: filtered, newest first, a page at a time, or all of it as CSV. */
export default async function ConsoleAuditPage({ searchParams }: Props) {
  const user = await requireSessionUser("/console/audit");
  if (user.role !== "admin") notFound();
  const locale = await getLocale();
  const t = adminConsoleMessagesFor(locale);
  const params = await searchParams;
  const typed = Object.fromEntries(FILTER_FIELDS.map((field) => [field, first(params[field])])) as Record<(typeof FILTER_FIELDS)[number], string>;
  const cursor = first(params.cursor);
  const filterInput = { ...typed, cursor };
  const parsed = auditLogFilter.safeParse(filterInput);
  const [page, periods, units] = await Promise.all([
    parsed.success ? queryAuditLog(user, filterInput) : null,
    listConsolePeriods(user),
    listUnitOptions(user, { includeDissolved: true }),
  ]);

  const query = new URLSearchParams(Object.entries(typed).filter(([, value]) => value !== ""));
  const withQuery = (path: string, extra: Record<string, string> = {}) => {
    const all = new URLSearchParams(query);
    for (const [name, value] of Object.entries(extra)) all.set(name, value);
    const text = all.toString();
    return text ? `${path}?${text}` : path;
  };
  const filtered = query.size > 0;
  const entityTypes: string[] = [...AUDIT_ENTITY_TYPES];
  if (typed.entityType && !entityTypes.includes(typed.entityType)) entityTypes.push(typed.entityType);

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t.auditTitle}</h1>
        <p className="text-slate-700">{t.auditIntro}</p>
      </header>

      <form method="get" action="/console/audit" aria-label={t.auditFilterTitle} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
        <div>
          <label htmlFor="audit-period" className="block text-sm font-medium">
            {t.period}
          </label>
          <select id="audit-period" name="periodCode" defaultValue={typed.periodCode} className={filterFieldClass}>
            <option value="">{t.anyPeriod}</option>
            {periods.map((period) => (
              <option key={period.code} value={period.code}>
                {period.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-actor" className="block text-sm font-medium">
            {t.actorEmail}
          </label>
          <input id="audit-actor" name="actorEmail" type="search" defaultValue={typed.actorEmail} maxLength={320} autoComplete="off" className={filterFieldClass} />
        </div>
        <div className="sm:col-span-2">
          <label htmlFor="audit-action" className="block text-sm font-medium">
            {t.action}
          </label>
          <input
            id="audit-action"
            name="action"
            list="audit-action-choices"
            defaultValue={typed.action}
            maxLength={100}
            autoComplete="off"
            spellCheck={false}
            aria-describedby="audit-action-hint"
            className={`${filterFieldClass} font-mono`}
          />
          <datalist id="audit-action-choices">
            {AUDIT_ACTION_PREFIXES.map((prefix) => (
              <option key={prefix} value={prefix}>
                {t.prefixLabels[prefix]}
              </option>
            ))}
            {Object.entries(t.actionLabels).map(([code, label]) => (
              <option key={code} value={code}>
                {label}
              </option>
            ))}
          </datalist>
          <p id="audit-action-hint" className="mt-1 text-xs text-slate-700">
            {t.actionHint}
          </p>
        </div>
        <div>
          <label htmlFor="audit-entity" className="block text-sm font-medium">
            {t.entity}
          </label>
          <select id="audit-entity" name="entityType" defaultValue={typed.entityType} className={filterFieldClass}>
            <option value="">{t.anyEntity}</option>
            {entityTypes.map((type) => (
              <option key={type} value={type}>
                {auditEntityLabel(type, locale)}
              </option>
            ))}
          </select>
        </div>
        <UnitFilterSelect locale={locale} id="audit-unit" name="unitCode" defaultValue={typed.unitCode} units={units} />
        <div>
          <label htmlFor="audit-from" className="block text-sm font-medium">
            {t.fromDate}
          </label>
          <input id="audit-from" name="from" defaultValue={typed.from} maxLength={40} autoComplete="off" aria-describedby="audit-date-hint" className={filterFieldClass} />
        </div>
        <div>
          <label htmlFor="audit-to" className="block text-sm font-medium">
            {t.toDate}
          </label>
          <input id="audit-to" name="to" defaultValue={typed.to} maxLength={40} autoComplete="off" aria-describedby="audit-date-hint" className={filterFieldClass} />
        </div>
        <div className="flex flex-wrap items-center gap-3 sm:col-span-2 lg:col-span-4">
          <button
            type="submit"
            className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
          >
            {t.applyFilter}
          </button>
          {filtered && (
            <Link href="/console/audit" className="text-sm text-brand-800 underline underline-offset-2">
              {t.clearFilter}
            </Link>
          )}
          <p id="audit-date-hint" className="text-xs text-slate-700">
            {t.dateHint}
          </p>
        </div>
      </form>

      {!parsed.success && (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p>
            {t.filterInvalid} {describeIssues(parsed.error)[locale]}
          </p>
        </div>
      )}

      {page && (
        <section aria-labelledby="audit-rows-title" className="space-y-3">
          <div className="flex flex-wrap items-end justify-between gap-3">
            <h2 id="audit-rows-title" className="text-xl font-semibold">
              {t.auditTable}
            </h2>
            <div className="max-w-md space-y-1 text-right">
              <a
                href={withQuery("/api/console/audit.csv", { lang: locale })}
                className="inline-block rounded border border-brand-700 bg-white px-4 py-2 text-sm font-semibold text-brand-800 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
              >
                {t.downloadCsv}
              </a>
              <p className="text-xs text-slate-700">{t.csvNote}</p>
            </div>
          </div>

          {page.rows.length === 0 ? (
            <p className="rounded border border-slate-200 bg-white p-4 text-slate-700">{t.noRows}</p>
          ) : (
            <ConsoleTable caption={t.auditTable} minWidth="min-w-[72rem]" columns={[t.time, t.actor, t.action, t.entity, t.period, t.unit, t.changes, t.ip]}>
                  {page.rows.map((row) => (
                    <tr key={row.id} className="border-b border-slate-200 align-top">
                      <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-medium">
                        <time dateTime={row.at.toISOString()}>{formatDateTime(row.at, locale)}</time>
                      </th>
                      <td className="max-w-56 px-3 py-2">
                        {row.actor ? (
                          <>
                            <span className="block">{row.actor.name}</span>
                            <span className="block break-all font-mono text-xs text-slate-700">{row.actor.email}</span>
                          </>
                        ) : (
                          <span className="text-slate-700">{t.systemActor}</span>
                        )}
                      </td>
                      <td className="px-3 py-2">
                        <span className="block">{auditActionLabel(row.action, locale)}</span>
                        <code className="block text-xs text-slate-700">{row.action}</code>
                      </td>
                      <td className="max-w-48 px-3 py-2">
                        <span className="block">{auditEntityLabel(row.entityType, locale)}</span>
                        {row.entityId && <span className="block break-all font-mono text-xs text-slate-700">{row.entityId}</span>}
                      </td>
                      <td className="px-3 py-2">{row.period?.name ?? t.none}</td>
                      <td className="px-3 py-2">{row.unit?.name ?? t.none}</td>
                      <td className="min-w-64 max-w-md px-3 py-2">
                        <AuditChangeList before={row.before} after={row.after} empty={t.none} />
                      </td>
                      <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">{row.ip ?? t.none}</td>
                    </tr>
                  ))}
            </ConsoleTable>
          )}

          {(page.nextCursor || cursor) && (
            <nav aria-label={t.pagination} className="flex flex-wrap gap-4 text-sm">
              {cursor && (
                <Link href={withQuery("/console/audit")} className="text-brand-800 underline underline-offset-2">
                  {t.newest}
                </Link>
              )}
              {page.nextCursor && (
                <Link href={withQuery("/console/audit", { cursor: page.nextCursor })} rel="next" className="font-semibold text-brand-800 underline underline-offset-2">
                  {t.older}
                </Link>
              )}
            </nav>
          )}
        </section>
      )}
    </div>
  );
}
