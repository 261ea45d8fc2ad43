"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n/locale";
import type { ActionResult } from "@/lib/domain/action-result";
import { adminConsoleMessagesFor } from "@/lib/i18n/admin-console-messages";
import { UserActionAlert, UNSENT_REQUEST } from "@/components/console/user-action-alert";
import { UserRoleUnitFields, userFieldClass, type UserUnitChoice } from "@/components/console/user-role-unit-fields";
import { UserTemporaryPassword } from "@/components/console/user-temporary-password";

type Created = { email: string; temporaryPassword: string };

/**
 * Home affairs creates an account: email, name, role (and unit for an officer), a temporary
 * password typed or generated. The password is shown once, here, after the account exists; a
 * refusal keeps everything typed.
 */
export function UserCreateForm({
  locale,
  units,
  run,
}: {
  locale: Locale;
  units: UserUnitChoice[];
  run: (values: Record<string, string>) => Promise<ActionResult<Created>>;
}) {
  const t = adminConsoleMessagesFor(locale);
  const router = useRouter();
  const idPrefix = "create-user";
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<Created> | null>(null);
  // A new key empties the form after a creation (the role goes back to officer, the unit shows).
  const [generation, setGeneration] = useState(0);

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const values = Object.fromEntries(["email", "name", "role", "unitCode", "password"].map((name) => [name, String(form.get(name) ?? "")]));
    startTransition(async () => {
      const answer = await run(values).catch(() => UNSENT_REQUEST);
      setResult(answer);
      if (answer.ok) {
        setGeneration((value) => value + 1);
        router.refresh();
      }
    });
  }

  return (
    <div className="space-y-4">
      <form key={generation} onSubmit={submit} aria-label={t.createTitle} className="grid gap-3 sm:grid-cols-2">
        <div>
          <label htmlFor={`${idPrefix}-email`} className="block text-sm font-medium">
            {t.email}
          </label>
          <input id={`${idPrefix}-email`} name="email" type="email" autoComplete="off" required className={userFieldClass} />
        </div>
        <div>
          <label htmlFor={`${idPrefix}-name`} className="block text-sm font-medium">
            {t.name}
          </label>
          <input id={`${idPrefix}-name`} name="name" autoComplete="off" required maxLength={200} className={userFieldClass} />
        </div>
        <UserRoleUnitFields locale={locale} idPrefix={idPrefix} units={units} defaultRole="unit_officer" />
        <div className="sm:col-span-2">
          <label htmlFor={`${idPrefix}-password`} className="block text-sm font-medium">
            {t.temporaryPassword}
          </label>
          <input
            id={`${idPrefix}-password`}
            name="password"
            type="text"
            autoComplete="off"
            spellCheck={false}
            minLength={8}
            maxLength={200}
            aria-describedby={`${idPrefix}-password-hint`}
            className={`${userFieldClass} font-mono`}
          />
          <p id={`${idPrefix}-password-hint`} className="mt-1 text-xs text-slate-700">
            {t.temporaryPasswordHint}
          </p>
        </div>
        <div className="sm:col-span-2">
          <button
            type="submit"
            disabled={pending}
            className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
          >
            {pending ? t.working : t.create}
          </button>
        </div>
      </form>
      <UserActionAlert locale={locale} result={result} />
      {result?.ok && (
        <UserTemporaryPassword locale={locale} email={result.data.email} password={result.data.temporaryPassword} intro={t.createdFor(result.data.email)} />
      )}
    </div>
  );
}
