import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getLocale } from "@/lib/i18n/get-locale";
import { consoleMessagesFor } from "@/lib/i18n/console-messages";
import { getSessionUser } from "@/lib/auth/session";
import { consoleReturnPath } from "@/lib/auth/return-path";
import { demoSignIns } from "@/lib/auth/demo-sign-ins";
import { SignInForm } from "@/components/console/sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = consoleMessagesFor(await getLocale());
  return { title: t.signInTitle, robots: { index: false } };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const locale = await getLocale();
  const t = consoleMessagesFor(locale);
  const next = consoleReturnPath((await searchParams).next);
  if (await getSessionUser({ allowPasswordChange: true })) redirect(next);
  const demo = demoSignIns();
  return (
    <div className="mx-auto max-w-md space-y-6">
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">{t.signInTitle}</h1>
        <p className="text-slate-700">{t.signInIntro}</p>
      </div>
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <SignInForm locale={locale} next={next} />
      </div>
      {demo && (
        <section aria-labelledby="demo-accounts" className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm">
          <h2 id="demo-accounts" className="font-semibold">
            {t.demoAccounts(demo.password)}
          </h2>
          <ul className="mt-2 space-y-1">
            {demo.accounts.map((account) => (
              <li key={account.email}>
                <span className="font-mono">{account.email}</span> — {t.role[account.role]}
                {account.unitName ? ` (${account.unitName})` : ""}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
