import Link from "next/link";
import type { UserRoleName } from "@/lib/domain/user-input";
import type { ConsoleMessages } from "@/lib/i18n/console-messages";
import { SignOutButton } from "@/components/console/sign-out-button";

type NavItem = { href: string; label: string; count?: number };

function itemsFor(role: UserRoleName, t: ConsoleMessages, inboxCount: number): NavItem[] {
  const inbox: NavItem = { href: "/console", label: t.nav.inbox, count: inboxCount };
  const account: NavItem = { href: "/console/account", label: t.nav.account };
  if (role === "unit_officer") return [inbox, { href: "/console/assessments", label: t.nav.assessment }, account];
  if (role === "council") return [inbox, { href: "/console/appraisal", label: t.nav.appraisal }, { href: "/console/sipas", label: t.nav.sipas }, account];
  return [
    inbox,
    { href: "/console/periods", label: t.nav.periods },
    { href: "/console/criteria-sets", label: t.nav.criteriaSets },
    { href: "/console/sipas", label: t.nav.sipas },
    { href: "/console/units", label: t.nav.units },
    { href: "/console/users", label: t.nav.users },
    { href: "/console/audit", label: t.nav.audit },
    account,
  ];
}

/** The console's own bar under the site header: who is signed in, where they can go, what waits. */
export function ConsoleNav({ t, role, name, unitName, inboxCount }: { t: ConsoleMessages; role: UserRoleName; name: string; unitName: string | null; inboxCount: number }) {
  return (
    <div className="mb-6 rounded-lg border border-slate-200 bg-white">
      <div className="flex flex-wrap items-center justify-between gap-2 border-b border-slate-200 px-4 py-2 text-sm">
        <p>
          <span className="font-semibold">{name}</span> · {t.role[role]}
          {unitName ? ` · ${unitName}` : ""}
        </p>
        <SignOutButton label={t.signOut} />
      </div>
      <nav aria-label={t.consoleNavigation} className="overflow-x-auto px-2">
        <ul className="flex gap-1 text-sm">
          {itemsFor(role, t, inboxCount).map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="inline-flex items-center gap-2 whitespace-nowrap rounded px-3 py-2 font-medium text-slate-800 hover:bg-slate-100">
                {item.label}
                {item.count ? (
                  <span className="rounded-full bg-brand-700 px-2 text-xs font-semibold text-white" aria-label={t.countLabel(item.count)}>
                    {item.count}
                  </span>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </div>
  );
}
