import type { Locale } from "@/lib/i18n/locale";
import { adminConsoleMessagesFor } from "@/lib/i18n/admin-console-messages";

/**
 * A temporary password, shown this once after a creation or a reset: large, in a font where
 * similar letters differ, selectable in one click, with what to do with it.
 */
export function UserTemporaryPassword({ locale, email, password, intro }: { locale: Locale; email: string; password: string; intro?: string }) {
  const t = adminConsoleMessagesFor(locale);
  return (
    <div role="status" className="space-y-2 rounded border-2 border-amber-500 bg-amber-50 p-4 text-sm text-slate-900">
      {intro && <p className="font-semibold">{intro}</p>}
      <p>{t.temporaryPasswordFor(email)}:</p>
      <p className="select-all break-all rounded bg-white px-3 py-2 font-mono text-xl font-bold tracking-wider" data-testid="temporary-password">
        {password}
      </p>
      <p>{t.temporaryPasswordNote}</p>
    </div>
  );
}
