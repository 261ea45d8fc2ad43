"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import type { Locale } from "@/lib/i18n/locale";
import { consoleMessagesFor } from "@/lib/i18n/console-messages";
import type { ActionResult } from "@/lib/domain/action-result";

const inputClass = "mt-1 w-full rounded border border-slate-400 px-3 py-2 focus-visible:outline-2 focus-visible:outline-brand-700";

export function ChangePasswordForm({
  locale,
  email,
  action,
}: {
  locale: Locale;
  email: string;
  action: (input: { currentPassword: string; newPassword: string }) => Promise<ActionResult>;
}) {
  const t = consoleMessagesFor(locale);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ kind: "error" | "done"; text: string } | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const currentPassword = String(form.get("currentPassword") ?? "");
    const newPassword = String(form.get("newPassword") ?? "");
    if (newPassword !== String(form.get("confirmPassword") ?? "")) {
      setMessage({ kind: "error", text: t.passwordsDiffer });
      return;
    }
    setPending(true);
    setMessage(null);
    const result = await action({ currentPassword, newPassword }).catch(() => null);
    if (!result) {
      setMessage({ kind: "error", text: t.genericError });
    } else if (!result.ok) {
      setMessage({ kind: "error", text: result[locale] });
    } else {
      // The change ended every session, this one too: sign in again with the new password.
      await signIn("credentials", { email, password: newPassword, redirect: false });
      formElement.reset();
      setMessage({ kind: "done", text: t.passwordChanged });
    }
    setPending(false);
  }

  return (
    <form onSubmit={submit} className="space-y-4">
      <div>
        <label htmlFor="currentPassword" className="block text-sm font-medium">
          {t.currentPassword}
        </label>
        <input id="currentPassword" name="currentPassword" type="password" autoComplete="current-password" required className={inputClass} />
      </div>
      <div>
        <label htmlFor="newPassword" className="block text-sm font-medium">
          {t.newPassword}
        </label>
        <input id="newPassword" name="newPassword" type="password" autoComplete="new-password" minLength={8} required className={inputClass} />
      </div>
      <div>
        <label htmlFor="confirmPassword" className="block text-sm font-medium">
          {t.confirmPassword}
        </label>
        <input id="confirmPassword" name="confirmPassword" type="password" autoComplete="new-password" minLength={8} required className={inputClass} />
      </div>
      <p role={message?.kind === "error" ? "alert" : "status"} className={`min-h-6 text-sm font-medium ${message?.kind === "error" ? "text-red-800" : "text-green-800"}`}>
        {message?.text}
      </p>
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
      >
        {pending ? t.saving : t.save}
      </button>
    </form>
  );
}
