import { currentClient } from "./transaction";

/** No periods and no users: a database nobody has started using yet. */
export async function isDatabaseEmpty(): Promise<boolean> {
  const prisma = currentClient();
  const [periods, users] = await Promise.all([prisma.period.count(), prisma.user.count()]);
  return periods === 0 && users === 0;
}

export async function findUserActor(email: string) {
  const user = await currentClient().user.findUnique({ where: { email }, select: { id: true, role: true, unitId: true } });
  return user ? { userId: user.id, role: user.role, unitId: user.unitId } : null;
}
