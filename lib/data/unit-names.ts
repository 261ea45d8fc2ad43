import { getPrisma } from "./prisma";

export async function findUnitName(unitId: string): Promise<string | null> {
  const unit = await getPrisma().unit.findUnique({ where: { id: unitId }, select: { name: true } });
  return unit?.name ?? null;
}
