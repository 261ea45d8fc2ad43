import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "./transaction";

export type AuditEntry = {
  actorId?: string | null;
  action: string;
  entityType: string;
  entityId?: string | null;
  periodId?: string | null;
  unitId?: string | null;
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  ip?: string | null;
  requestId?: string | null;
};

/** Written inside the same transaction as the change it records, so neither exists alone. */
export async function writeAuditLog(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      periodId: entry.periodId ?? null,
      unitId: entry.unitId ?? null,
      before: entry.before,
      after: entry.after,
      ip: entry.ip ?? null,
      requestId: entry.requestId ?? null,
    },
  });
}
