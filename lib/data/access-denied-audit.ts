import type { UserActor } from "@/lib/auth/actor";
import { UseCaseError } from "@/lib/domain/use-case-error";
import { getPrisma } from "./prisma";
import { storableText } from "./unstorable-text";

type Target = { periodCode: string; unitCode: string; action: string };

/**
 * Records that an officer aimed at a unit that is not theirs. Written through the root client,
 * outside the request's transaction: that one rolls back with the refusal, this row must stay.
 * An officer's own unit in a period that does not exist is a plain "not found", not a denial.
 */
export async function recordDeniedUnitAccess(actor: UserActor, target: Target): Promise<void> {
  if (actor.role !== "unit_officer") return;
  const prisma = getPrisma();
  const [own, unit, period] = await Promise.all([
    actor.unitId ? prisma.unit.findUnique({ where: { id: actor.unitId }, select: { code: true } }) : null,
    prisma.unit.findUnique({ where: { code: target.unitCode }, select: { id: true } }),
    prisma.period.findUnique({ where: { code: target.periodCode }, select: { id: true } }),
  ]);
  if (own && own.code === target.unitCode) return;
  await prisma.auditLog.create({
    data: {
      actorId: actor.userId,
      action: "access.denied",
      entityType: "Assessment",
      periodId: period?.id ?? null,
      unitId: unit?.id ?? null,
      // What was asked for, as typed, except characters PostgreSQL cannot hold (a forged NUL).
      after: { attempted: target.action, periodCode: storableText(target.periodCode), unitCode: storableText(target.unitCode) },
    },
  });
}

/** Runs an officer's unit-bound step; a "not_found" refusal is audited as a denial where it is one. */
export async function auditingDeniedAccess<T>(actor: UserActor, target: Target, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UseCaseError && error.code === "not_found") await recordDeniedUnitAccess(actor, target);
    throw error;
  }
}
