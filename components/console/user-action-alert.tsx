import type { Locale } from "@/lib/i18n/locale";
import type { ActionResult } from "@/lib/domain/action-result";
import { adminConsoleMessagesFor } from "@/lib/i18n/admin-console-messages";
import { formatDateTime } from "@/lib/i18n/format-date-time";

/**
 * A refused account action in the visitor's language: the service's own message (last admin,
 * own account, email in use…), each field's problem, and for a stale form when the account changed.
 */
export function UserActionAlert({ locale, result }: { locale: Locale; result: ActionResult<unknown> | null }) {
  if (!result || result.ok) return null;
  const t = adminConsoleMessagesFor(locale);
  const changedAt = result.code === "stale" ? result.detail?.changedAt : null;
  return (
    <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
      <p>
        {result[locale]}
        {changedAt ? ` ${t.changedAt(formatDateTime(changedAt, locale))}` : ""}
      </p>
      {result.problems && result.problems.length > 1 && (
        <ul className="mt-1 list-disc pl-5">
          {result.problems.map((problem, index) => (
            <li key={index}>{problem[locale]}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** What an action answers when the request itself failed (network, server restarting). */
export const UNSENT_REQUEST: ActionResult<never> = {
  ok: false,
  code: "unexpected",
  vi: adminConsoleMessagesFor("vi").requestFailed,
  en: adminConsoleMessagesFor("en").requestFailed,
};
