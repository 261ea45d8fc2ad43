"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";
import type { Locale } from "@/lib/i18n/locale";
import { consoleMessagesFor } from "@/lib/i18n/console-messages";

type Refusal = { code: string; vi: string; en: string };

function refusalMessage(error: string, locale: Locale, fallback: string): string {
  try {
    const refusal = JSON.parse(error) as Refusal;
    if (typeof refusal[locale] === "string") return refusal[locale];
  } catch {
    // not one of ours (a network error, say)
  }
  return fallback;
}

export function SignInForm({ locale, next }: { locale: Locale; next: string }) {
  const t = consoleMessagesFor(locale);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", { email: String(form.get("email") ?? ""), password: String(form.get("password") ?? ""), redirect: false });
      if (result?.ok && !result.error) {
        // A full load, so every server component reads the new session.
        window.location.assign(next);
        return;
      }
      setError(refusalMessage(result?.error ?? "", locale, t.signInFailed));
    } catch {
      setError(t.signInFailed);
    }
    setPending(false);
  }

  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          {t.email}
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2 focus-visible:outline-2 focus-visible:outline-brand-700"
        />
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          {t.password}
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2 focus-visible:outline-2 focus-visible:outline-brand-700"
        />
      </div>
      <p role="alert" aria-live="assertive" className="min-h-6 text-sm font-medium text-red-800">
        {error}
      </p>
      <button
        type="submit"
        disabled={pending}
        className="w-full rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
      >
        {pending ? t.signingIn : t.signIn}
      </button>
    </form>
  );
}
