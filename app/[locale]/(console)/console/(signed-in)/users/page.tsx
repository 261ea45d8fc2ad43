import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "@/lib/i18n/get-locale";
import { filterFieldClass, UnitFilterSelect } from "@/components/console/unit-filter-select";
import { adminConsoleMessagesFor } from "@/lib/i18n/admin-console-messages";
import { consoleMessagesFor } from "@/lib/i18n/console-messages";
import { formatDateTime } from "@/lib/i18n/format-date-time";
import { requireSessionUser } from "@/lib/auth/session";
import { listUsersFilter } from "@/lib/domain/account-input";
import { describeIssues } from "@/lib/domain/describe-issues";
import type { UserRoleName } from "@/lib/domain/user-input";
import { listUsers } from "@/lib/data/users";
import { listUnitOptions } from "@/lib/data/unit-options";
import { ActionButton } from "@/components/console/action-button";
import { UserCreateForm } from "@/components/console/user-create-form";
import { UserEditForm } from "@/components/console/user-edit-form";
import { UserResetPasswordButton } from "@/components/console/user-reset-password-button";
import { ConsoleTable } from "@/components/console/console-table";
import { createUserAction, disableUserAction, enableUserAction, resetUserPasswordAction, updateUserAction } from "./actions";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  const t = adminConsoleMessagesFor(await getLocale());
  return { title: t.usersTitle, robots: { index: false } };
}

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? "";
}


/** Home affairs' accounts: find, create, edit role and unit, disable or enable, reset a password. */
export default async function ConsoleUsersPage({ searchParams }: Props) {
  const user = await requireSessionUser("/console/users");
  if (user.role !== "admin") notFound();
  const locale = await getLocale();
  const t = adminConsoleMessagesFor(locale);
  const roles = consoleMessagesFor(locale).role;
  const params = await searchParams;
  const typed = { query: first(params.q), role: first(params.role), unitCode: first(params.unit), includeDisabled: first(params.disabled) === "1" };
  const filter = listUsersFilter.safeParse(typed);
  const [{ users, hasMore }, allUnits] = await Promise.all([
    listUsers(user, filter.success ? filter.data : { includeDisabled: typed.includeDisabled }),
    listUnitOptions(user, { includeDissolved: true }),
  ]);
  const activeUnits = allUnits.filter((unit) => !unit.dissolved);
  const filtered = Boolean(typed.query || typed.role || typed.unitCode || typed.includeDisabled);
  // An officer bound to a unit dissolved since keeps it as a choice, so an edit of the name alone saves.
  const unitChoicesFor = (unitCode: string | null, unitName: string | null) =>
    unitCode && !activeUnits.some((unit) => unit.code === unitCode) ? [{ code: unitCode, name: t.dissolvedUnit(unitName ?? unitCode) }, ...activeUnits] : activeUnits;

  return (
    <div className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-bold">{t.usersTitle}</h1>
        <p className="text-slate-700">{t.usersIntro}</p>
      </header>

      <section aria-label={t.createTitle} className="rounded-lg border border-slate-200 bg-white">
        <details>
          <summary className="cursor-pointer rounded-lg px-4 py-3 text-lg font-semibold text-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700">
            {t.createTitle}
          </summary>
          <div className="space-y-3 border-t border-slate-200 p-4">
            <p className="text-sm text-slate-700">{t.createIntro}</p>
            <UserCreateForm locale={locale} units={activeUnits.map(({ code, name }) => ({ code, name }))} run={createUserAction} />
          </div>
        </details>
      </section>

      <section aria-labelledby="users-title" className="space-y-3">
        <h2 id="users-title" className="text-xl font-semibold">
          {t.usersTable}
        </h2>
        <form method="get" action="/console/users" aria-label={t.searchTitle} className="grid gap-3 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <label htmlFor="users-q" className="block text-sm font-medium">
              {t.search}
            </label>
            <input id="users-q" name="q" type="search" defaultValue={typed.query} maxLength={200} className={filterFieldClass} />
          </div>
          <div>
            <label htmlFor="users-role" className="block text-sm font-medium">
              {t.role}
            </label>
            <select id="users-role" name="role" defaultValue={typed.role} className={filterFieldClass}>
              <option value="">{t.anyRole}</option>
              {(Object.keys(roles) as UserRoleName[]).map((role) => (
                <option key={role} value={role}>
                  {roles[role]}
                </option>
              ))}
            </select>
          </div>
          <UnitFilterSelect locale={locale} id="users-unit" name="unit" defaultValue={typed.unitCode} units={allUnits} />
          <div className="flex flex-col justify-end gap-2">
            <div className="flex items-center gap-2">
              <input
                id="users-disabled"
                name="disabled"
                type="checkbox"
                value="1"
                defaultChecked={typed.includeDisabled}
                className="h-6 w-6 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
              />
              <label htmlFor="users-disabled" className="text-sm font-medium">
                {t.showDisabled}
              </label>
            </div>
            <div className="flex flex-wrap items-center gap-3">
              <button
                type="submit"
                className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
              >
                {t.applyFilter}
              </button>
              {filtered && (
                <Link href="/console/users" className="text-sm text-brand-800 underline underline-offset-2">
                  {t.clearFilter}
                </Link>
              )}
            </div>
          </div>
        </form>
        {!filter.success && (
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            {describeIssues(filter.error)[locale]}
          </p>
        )}

        {users.length === 0 ? (
          <p className="rounded border border-slate-200 bg-white p-4 text-slate-700">{t.noUsers}</p>
        ) : (
          <ConsoleTable caption={t.usersTable} minWidth="min-w-[64rem]" columns={[t.name, t.email, t.role, t.unit, t.status, t.lastSignIn, t.manage]}>
                {users.map((row) => (
                  <tr key={row.id} className={`border-b border-slate-200 align-top ${row.disabledAt ? "bg-slate-50 text-slate-700" : ""}`}>
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      {row.name} {row.id === user.userId && <span className="font-normal text-slate-700">{t.you}</span>}
                    </th>
                    <td className="break-all px-3 py-2 font-mono text-xs">{row.email}</td>
                    <td className="px-3 py-2">{roles[row.role]}</td>
                    <td className="px-3 py-2">{row.unitName ?? t.none}</td>
                    <td className="px-3 py-2">
                      <span className={row.disabledAt ? "font-semibold text-red-800" : "text-green-800"}>
                        {row.disabledAt ? t.disabledSince(formatDateTime(row.disabledAt, locale)) : t.enabled}
                      </span>
                      {row.mustChangePassword && !row.disabledAt && <span className="block text-xs text-amber-900">{t.temporaryPasswordPending}</span>}
                    </td>
                    <td className="px-3 py-2">{row.lastSignInAt ? formatDateTime(row.lastSignInAt, locale) : t.neverSignedIn}</td>
                    <td className="min-w-72 px-3 py-2">
                      <details>
                        <summary className="cursor-pointer text-brand-800 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700">
                          {t.manage}
                          <span className="sr-only"> {t.manageAccountOf(row.name)}</span>
                        </summary>
                        <div className="mt-3 space-y-4">
                          <UserEditForm
                            locale={locale}
                            idPrefix={`edit-${row.id}`}
                            units={unitChoicesFor(row.unitCode, row.unitName).map(({ code, name }) => ({ code, name }))}
                            name={row.name}
                            role={row.role}
                            unitCode={row.unitCode}
                            run={updateUserAction.bind(null, { userId: row.id, expectedUpdatedAt: row.updatedAt.toISOString() })}
                          />
                          <div className="flex flex-col gap-3 border-t border-slate-200 pt-3">
                            {row.disabledAt ? (
                              <ActionButton
                                locale={locale}
                                tone="secondary"
                                label={t.enable}
                                confirm={t.enableConfirm(row.name)}
                                done={t.enabledDone}
                                run={enableUserAction.bind(null, row.id)}
                              />
                            ) : (
                              <ActionButton
                                locale={locale}
                                tone="secondary"
                                label={t.disable}
                                confirm={t.disableConfirm(row.name)}
                                done={t.disabledDone}
                                run={disableUserAction.bind(null, row.id)}
                              />
                            )}
                            {!row.disabledAt && (
                              <UserResetPasswordButton locale={locale} name={row.name} email={row.email} run={resetUserPasswordAction.bind(null, row.id)} />
                            )}
                          </div>
                        </div>
                      </details>
                    </td>
                  </tr>
                ))}
          </ConsoleTable>
        )}
        {hasMore && <p className="text-sm text-slate-700">{t.moreUsers(users.length)}</p>}
      </section>
    </div>
  );
}
