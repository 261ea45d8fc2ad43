import { getLocale } from "@/lib/i18n/get-locale";
import { consoleMessagesFor } from "@/lib/i18n/console-messages";
import { getSessionUser } from "@/lib/auth/session";
import { countInbox } from "@/lib/data/inbox";
import { findUnitName } from "@/lib/data/unit-names";
import { ConsoleNav } from "@/components/console/console-nav";

/**
 * The console's frame. Each page checks the session itself (a layout is not re-rendered on every
 * navigation, so it cannot guard); this only draws the bar for whoever is signed in.
 */
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  const user = await getSessionUser({ allowPasswordChange: true });
  if (!user) return children;
  const t = consoleMessagesFor(await getLocale());
  const [inboxCount, unitName] = await Promise.all([countInbox(user, new Date()), user.unitId ? findUnitName(user.unitId) : null]);
  return (
    <>
      <ConsoleNav t={t} role={user.role} name={user.name} unitName={unitName} inboxCount={inboxCount} />
      {children}
    </>
  );
}
