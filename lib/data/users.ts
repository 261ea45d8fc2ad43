import type { Tx } from "./transaction";

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
