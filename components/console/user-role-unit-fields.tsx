"use client";

import { useState } from "react";
import type { Locale } from "@/lib/i18n/locale";
import type { UserRoleName } from "@/lib/domain/user-input";
import { consoleMessagesFor } from "@/lib/i18n/console-messages";
import { adminConsoleMessagesFor } from "@/lib/i18n/admin-console-messages";

export type UserUnitChoice = { code: string; name: string };

export const userFieldClass = "mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2 focus-visible:outline-2 focus-visible:outline-brand-700";

/**
 * The role, and the unit only for a unit officer (bound to exactly one unit; other roles to
 * none): the unit's choice appears, and is required, when the role asks for it.
 */
export function UserRoleUnitFields({
  locale,
  idPrefix,
  units,
  defaultRole,
  defaultUnitCode,
}: {
  locale: Locale;
  idPrefix: string;
  units: UserUnitChoice[];
  defaultRole: UserRoleName;
  defaultUnitCode?: string | null;
}) {
  const roles = consoleMessagesFor(locale).role;
  const t = adminConsoleMessagesFor(locale);
  const [role, setRole] = useState<string>(defaultRole);
  return (
    <>
      <div>
        <label htmlFor={`${idPrefix}-role`} className="block text-sm font-medium">
          {t.role}
        </label>
        <select id={`${idPrefix}-role`} name="role" required value={role} onChange={(event) => setRole(event.target.value)} className={userFieldClass}>
          {(Object.keys(roles) as UserRoleName[]).map((value) => (
            <option key={value} value={value}>
              {roles[value]}
            </option>
          ))}
        </select>
      </div>
      {role === "unit_officer" && (
        <div>
          <label htmlFor={`${idPrefix}-unitCode`} className="block text-sm font-medium">
            {t.unitForOfficer}
          </label>
          <select id={`${idPrefix}-unitCode`} name="unitCode" required defaultValue={defaultUnitCode ?? ""} className={userFieldClass}>
            <option value="">{t.chooseUnit}</option>
            {units.map((unit) => (
              <option key={unit.code} value={unit.code}>
                {unit.name}
              </option>
            ))}
          </select>
        </div>
      )}
    </>
  );
}
