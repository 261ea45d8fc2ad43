"use client";

import { useState, useTransition } from "react";
import type { Locale } from "@/lib/i18n/locale";
import type { ActionResult } from "@/lib/domain/action-result";
import { adminConsoleMessagesFor } from "@/lib/i18n/admin-console-messages";
import { UserActionAlert, UNSENT_REQUEST } from "@/components/console/user-action-alert";
import { UserTemporaryPassword } from "@/components/console/user-temporary-password";

/**
 * Resets a password to a generated temporary one and shows it this once: it stays on screen
 * (through the page's refresh) until the admin leaves the page, and is never shown again.
 */
export function UserResetPasswordButton({
  locale,
  name,
  email,
  run,
}: {
  locale: Locale;
  name: string;
  email: string;
  run: () => Promise<ActionResult<{ temporaryPassword: string }>>;
}) {
  const t = adminConsoleMessagesFor(locale);
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<{ temporaryPassword: string }> | null>(null);

  function click() {
    if (!window.confirm(t.resetConfirm(name))) return;
    startTransition(async () => {
      setResult(await run().catch(() => UNSENT_REQUEST));
    });
  }

  return (
    <div className="space-y-2">
      <button
        type="button"
        disabled={pending}
        onClick={click}
        className="rounded border border-slate-400 bg-white px-4 py-2 font-semibold text-slate-900 hover:bg-slate-100 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
      >
        {pending ? t.working : t.resetPassword}
      </button>
      <UserActionAlert locale={locale} result={result} />
      {result?.ok && <UserTemporaryPassword locale={locale} email={email} password={result.data.temporaryPassword} />}
    </div>
  );
}
