import type { UserRoleName } from "@/lib/domain/user-input";

/** A signed-in person: read once from the session by every entrypoint and passed down. */
export type UserActor = { userId: string; role: UserRoleName; unitId: string | null };

/**
 * An operator at the server's command line (CLI, demo seed): whoever can run it already holds
 * the database, so it acts for home affairs; its audit rows say which command it was.
 */
export type SystemActor = { system: "command-line" | "demo-seed" };

export type Actor = UserActor | SystemActor;

export const COMMAND_LINE: SystemActor = { system: "command-line" };
export const DEMO_SEED: SystemActor = { system: "demo-seed" };

export function isUserActor(actor: Actor): actor is UserActor {
  return "userId" in actor;
}

/** The user an audit row names; null (with the command in the row) for the command line. */
export function auditActorId(actor: Actor): string | null {
  return isUserActor(actor) ? actor.userId : null;
}
