import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import type { UserRoleName } from "@/lib/domain/user-input";
import { listUsersFilter, type ListUsersFilter } from "@/lib/domain/account-input";
import { assertCan } from "@/lib/review/permissions";
import { currentClient, type Tx } from "./transaction";

export async function findUnitIdByCode(tx: Tx, code: string): Promise<string | null> {
  const unit = await tx.unit.findUnique({ where: { code }, select: { id: true } });
  return unit?.id ?? null;
}

export async function insertUser(
  tx: Tx,
  data: { email: string; name: string; role: "admin" | "council" | "unit_officer"; unitId: string | null; passwordHash: string; mustChangePassword: boolean },
): Promise<{ id: string }> {
  return tx.user.create({ data, select: { id: true } });
}

export async function emailTaken(tx: Tx, email: string): Promise<boolean> {
  return (await tx.user.count({ where: { email } })) > 0;
}

/** What a sign-in needs to decide, by the lowercase email. */
export async function findUserForSignIn(email: string) {
  return currentClient().user.findUnique({
    where: { email },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      unitId: true,
      sessionVersion: true,
      mustChangePassword: true,
      disabledAt: true,
      passwordHash: true,
    },
  });
}

export async function recordSignIn(tx: Tx, userId: string, at: Date): Promise<void> {
  await tx.user.update({ where: { id: userId }, data: { lastSignInAt: at }, select: { id: true } });
}

/** The signed-in user's own password state, for a password change. */
export async function findOwnPasswordState(userId: string) {
  return currentClient().user.findUnique({
    where: { id: userId },
    select: { id: true, email: true, passwordHash: true, disabledAt: true, mustChangePassword: true, sessionVersion: true },
  });
}

/**
 * Replaces a password only if it is still the one the caller checked (a concurrent change or
 * reset wins otherwise) and ends every other session; returns the new session generation.
 */
export async function replaceOwnPassword(
  tx: Tx,
  args: { userId: string; checkedHash: string; newHash: string },
): Promise<number | null> {
  const updated = await tx.user.updateMany({
    where: { id: args.userId, passwordHash: args.checkedHash, disabledAt: null },
    data: { passwordHash: args.newHash, mustChangePassword: false, sessionVersion: { increment: 1 } },
  });
  if (updated.count !== 1) return null;
  const user = await tx.user.findUniqueOrThrow({ where: { id: args.userId }, select: { sessionVersion: true } });
  return user.sessionVersion;
}

/**
 * Locks the target user and every enabled admin, in id order (one statement, so two admins
 * changing each other wait instead of deadlocking). After it, "is this the last enabled admin?"
 * cannot change under the caller until the transaction ends. Returns the enabled admins' ids.
 */
export async function lockUserAndEnabledAdmins(tx: Tx, userId: string): Promise<{ enabledAdminIds: string[] }> {
  const rows = await tx.$queryRaw<{ id: string; role: string; disabledAt: Date | null }[]>`
    select id, role::text as role, "disabledAt" from "User"
    where id = ${userId} or (role = 'admin' and "disabledAt" is null)
    order by id for update`;
  return { enabledAdminIds: rows.filter((row) => row.role === "admin" && row.disabledAt === null).map((row) => row.id) };
}

/** Locks one user's row, so two admins acting on it at once take turns. */
export async function lockUser(tx: Tx, userId: string): Promise<void> {
  await tx.$queryRaw`select id from "User" where id = ${userId} for update`;
}

/** A user as the admin screens and their audit rows describe them. */
export async function findManagedUser(tx: Tx, userId: string) {
  return tx.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      unitId: true,
      unit: { select: { code: true } },
      mustChangePassword: true,
      sessionVersion: true,
      disabledAt: true,
      updatedAt: true,
    },
  });
}

/** Writes an admin's edit; a new role or unit ends the user's sessions (they carry the old one). */
export async function writeManagedUser(
  tx: Tx,
  userId: string,
  data: { name: string; role: UserRoleName; unitId: string | null; endSessions: boolean },
) {
  return tx.user.update({
    where: { id: userId },
    data: {
      name: data.name,
      role: data.role,
      unitId: data.unitId,
      ...(data.endSessions ? { sessionVersion: { increment: 1 } } : {}),
    },
    select: { sessionVersion: true, updatedAt: true },
  });
}

export async function setUserDisabledAt(tx: Tx, userId: string, disabledAt: Date | null) {
  return tx.user.update({
    where: { id: userId },
    data: { disabledAt, sessionVersion: { increment: 1 } },
    select: { sessionVersion: true, updatedAt: true },
  });
}

export async function setUserPassword(tx: Tx, userId: string, data: { passwordHash: string; mustChangePassword: boolean }) {
  return tx.user.update({
    where: { id: userId },
    data: { ...data, sessionVersion: { increment: 1 } },
    select: { sessionVersion: true, updatedAt: true },
  });
}

export type UserListRow = {
  id: string;
  email: string;
  name: string;
  role: UserRoleName;
  unitCode: string | null;
  unitName: string | null;
  mustChangePassword: boolean;
  disabledAt: Date | null;
  lastSignInAt: Date | null;
  createdAt: Date;
  /** Send back as expectedUpdatedAt when editing, so a colleague's edit is not overwritten. */
  updatedAt: Date;
};

/** The admin's list of accounts, enabled ones only unless asked; admins first, then by name. */
export async function listUsers(actor: Actor, filterInput: ListUsersFilter = {}): Promise<{ users: UserListRow[]; hasMore: boolean }> {
  assertCan(actor, "user.manage");
  const filter = listUsersFilter.parse(filterInput);
  const where: Prisma.UserWhereInput = {
    ...(filter.includeDisabled ? {} : { disabledAt: null }),
    ...(filter.role ? { role: filter.role } : {}),
    ...(filter.unitCode ? { unit: { code: filter.unitCode } } : {}),
    ...(filter.query
      ? {
          OR: [
            { email: { contains: filter.query, mode: "insensitive" as const } },
            { name: { contains: filter.query, mode: "insensitive" as const } },
            { unit: { name: { contains: filter.query, mode: "insensitive" as const } } },
          ],
        }
      : {}),
  };
  const rows = await currentClient().user.findMany({
    where,
    orderBy: [{ role: "asc" }, { name: "asc" }, { email: "asc" }],
    take: filter.limit + 1,
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      unit: { select: { code: true, name: true } },
      mustChangePassword: true,
      disabledAt: true,
      lastSignInAt: true,
      createdAt: true,
      updatedAt: true,
    },
  });
  return {
    users: rows.slice(0, filter.limit).map(({ unit, ...user }) => ({ ...user, unitCode: unit?.code ?? null, unitName: unit?.name ?? null })),
    hasMore: rows.length > filter.limit,
  };
}
