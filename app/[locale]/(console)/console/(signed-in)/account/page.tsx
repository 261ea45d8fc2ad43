import type { Metadata } from "next";
import { getLocale } from "@/lib/i18n/get-locale";
import { consoleMessagesFor } from "@/lib/i18n/console-messages";
import { requireSessionUser } from "@/lib/auth/session";
import { ChangePasswordForm } from "@/components/console/change-password-form";
import { changePasswordAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = consoleMessagesFor(await getLocale());
  return { title: t.account, robots: { index: false } };
}

export default async function AccountPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSessionUser("/console/account", { allowPasswordChange: true });
  const locale = await getLocale();
  const t = consoleMessagesFor(locale);
  const required = user.mustChangePassword || (await searchParams).required === "1";
  return (
    <div className="max-w-md space-y-4">
      <h1 className="text-2xl font-bold">{t.changePassword}</h1>
      <p className="text-slate-700">
        {user.name} · <span className="font-mono">{user.email}</span>
      </p>
      {required && user.mustChangePassword && (
        <p role="status" className="rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          {t.mustChangePassword}
        </p>
      )}
      <div className="rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <ChangePasswordForm locale={locale} email={user.email} action={changePasswordAction} />
      </div>
    </div>
  );
}
