"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n/locale";
import type { ActionResult } from "@/lib/domain/action-result";
import type { UserRoleName } from "@/lib/domain/user-input";
import { adminConsoleMessagesFor } from "@/lib/i18n/admin-console-messages";
import { UserActionAlert, UNSENT_REQUEST } from "@/components/console/user-action-alert";
import { UserRoleUnitFields, userFieldClass, type UserUnitChoice } from "@/components/console/user-role-unit-fields";

/**
 * An account's name, role and unit. The action is bound to the version of the account this page
 * was drawn with, so a colleague's edit in between is refused as stale instead of overwritten.
 */
export function UserEditForm({
  locale,
  idPrefix,
  units,
  name,
  role,
  unitCode,
  run,
}: {
  locale: Locale;
  idPrefix: string;
  units: UserUnitChoice[];
  name: string;
  role: UserRoleName;
  unitCode: string | null;
  run: (values: Record<string, string>) => Promise<ActionResult<unknown>>;
}) {
  const t = adminConsoleMessagesFor(locale);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = Object.fromEntries(["name", "role", "unitCode"].map((field) => [field, String(form.get(field) ?? "")]));
    startTransition(async () => {
      const answer = await run(values).catch(() => UNSENT_REQUEST);
      setResult(answer);
      if (answer.ok) router.refresh();
    });
  }

  return (
    <form onSubmit={submit} aria-label={t.editTitle(name)} className="space-y-2">
      <div>
        <label htmlFor={`${idPrefix}-name`} className="block text-sm font-medium">
          {t.name}
        </label>
        <input id={`${idPrefix}-name`} name="name" required maxLength={200} defaultValue={name} autoComplete="off" className={userFieldClass} />
      </div>
      <UserRoleUnitFields locale={locale} idPrefix={idPrefix} units={units} defaultRole={role} defaultUnitCode={unitCode} />
      <p className="text-xs text-slate-700">{t.editNote}</p>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
      >
        {pending ? t.working : t.save}
      </button>
      <UserActionAlert locale={locale} result={result} />
      {result?.ok && (
        <p role="status" className="text-sm font-medium text-green-800">
          {t.saved}
        </p>
      )}
    </form>
  );
}
