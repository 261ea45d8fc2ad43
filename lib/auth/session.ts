import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getServerSession } from "next-auth";
import { authOptionsFor, SESSION_MAX_AGE_SECONDS } from "@/lib/auth/auth-options";
import { findSessionUser } from "@/lib/data/session-user";
import type { UserActor } from "@/lib/auth/actor";

export type SessionUser = UserActor & { name: string; email: string; mustChangePassword: boolean };

/**
 * The signed-in user of this request, read once: the signed token names the user and the session
 * generation, and the database says whether that user still exists, is enabled, and what role and
 * unit they hold now. A password change, reset, disabling or role change ends older sessions.
 */
const readSessionUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptionsFor(await headers()));
  if (!session?.userId) return null;
  // next-auth renews the token as it is used; the working day it was signed in for still ends.
  if (!session.signedInAt || Date.now() - session.signedInAt > SESSION_MAX_AGE_SECONDS * 1000) return null;
  return findSessionUser(session.userId, session.sessionVersion ?? 0);
});

/**
 * The user every server action and route handler acts for. Someone still holding a temporary
 * password (given by home affairs) acts for nobody until they have replaced it: only the password
 * change itself, and the console frame that shows where to do it, ask with allowPasswordChange.
 */
export async function getSessionUser(options: { allowPasswordChange?: boolean } = {}): Promise<SessionUser | null> {
  const user = await readSessionUser();
  if (!user) return null;
  if (user.mustChangePassword && !options.allowPasswordChange) return null;
  return user;
}

/**
 * For console pages: the user, or a redirect to sign-in that comes back here afterwards. A user
 * who must change a temporary password is sent to do that first.
 */
export async function requireSessionUser(returnTo: string, options: { allowPasswordChange?: boolean } = {}): Promise<SessionUser> {
  const user = await readSessionUser();
  if (!user) redirect(`/console/sign-in?next=${encodeURIComponent(returnTo)}`);
  if (user.mustChangePassword && !options.allowPasswordChange) redirect("/console/account?required=1");
  return user;
}
