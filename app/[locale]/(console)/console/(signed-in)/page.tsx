import type { Metadata } from "next";
import Link from "next/link";
import { getLocale } from "@/lib/i18n/get-locale";
import { consoleMessagesFor } from "@/lib/i18n/console-messages";
import { inboxMessagesFor } from "@/lib/i18n/inbox-messages";
import { formatDayInVietnam } from "@/lib/i18n/format-date-time";
import { requireSessionUser } from "@/lib/auth/session";
import { loadInbox } from "@/lib/data/inbox";

export async function generateMetadata(): Promise<Metadata> {
  const t = consoleMessagesFor(await getLocale());
  return { title: t.inboxTitle, robots: { index: false } };
}

export default async function InboxPage() {
  const user = await requireSessionUser("/console");
  const locale = await getLocale();
  const t = consoleMessagesFor(locale);
  const m = inboxMessagesFor(locale);
  const items = await loadInbox(user, new Date());
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">{t.inboxTitle}</h1>
      {items.length === 0 ? (
        <p className="rounded border border-slate-200 bg-white p-4 text-slate-700">{t.inboxEmpty}</p>
      ) : (
        <ul className="space-y-2">
          {items.map((item, index) => (
            <li key={`${item.kind}-${item.periodCode}-${item.unitCode ?? ""}-${index}`}>
              <Link href={item.href} className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-brand-700 hover:bg-slate-50">
                <span className="block font-semibold text-brand-800 underline-offset-2">{m.title(item)}</span>
                <span className="mt-1 block text-sm text-slate-700">
                  {item.periodName}
                  {item.unitName ? ` · ${item.unitName}` : ""}
                  {item.dueAt ? ` · ${t.inboxDue(formatDayInVietnam(item.dueAt, locale))}` : ""}
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
