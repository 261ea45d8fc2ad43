import type { UserRoleName } from "@/lib/domain/user-input";
import { currentClient } from "./transaction";

export type SessionUserRow = {
  userId: string;
  role: UserRoleName;
  unitId: string | null;
  name: string;
  email: string;
  mustChangePassword: boolean;
};

/**
 * The user a signed session names, as they are now: null when the account is gone, disabled, or
 * the session was signed before a password change, reset, disabling or role change (the
 * generation differs). Runs on every console request, so it is one primary-key lookup.
 */
export async function findSessionUser(userId: string, sessionVersion: number): Promise<SessionUserRow | null> {
  if (!userId || !Number.isInteger(sessionVersion)) return null;
  const user = await currentClient().user.findUnique({
    where: { id: userId, sessionVersion, disabledAt: null },
    select: { id: true, role: true, unitId: true, name: true, email: true, mustChangePassword: true },
  });
  if (!user) return null;
  return { userId: user.id, role: user.role, unitId: user.unitId, name: user.name, email: user.email, mustChangePassword: user.mustChangePassword };
}
