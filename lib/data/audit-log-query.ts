import type { Prisma } from "@/lib/generated/prisma/client";
import type { Actor } from "@/lib/auth/actor";
import { parseAuditLogFilter, type AuditLogFilter, type AuditLogFilterInput } from "@/lib/domain/audit-log-filter";
import { assertCan } from "@/lib/review/permissions";
import { currentClient } from "./transaction";

export type AuditLogRow = {
  /** The row's id as a decimal string (a bigint in the database); also the next page's cursor. */
  id: string;
  at: Date;
  actor: { id: string; name: string; email: string } | null;
  action: string;
  entityType: string;
  entityId: string | null;
  period: { code: string; name: string } | null;
  unit: { code: string; name: string } | null;
  before: unknown;
  after: unknown;
  ip: string | null;
};

export type AuditLogPage = { rows: AuditLogRow[]; nextCursor: string | null };

/** One page of the audit log for the admin, newest first; pass nextCursor back for the next. */
export async function queryAuditLog(actor: Actor, filterInput: AuditLogFilterInput): Promise<AuditLogPage> {
  assertCan(actor, "audit.read");
  const filter = parseAuditLogFilter(filterInput);
  return readAuditLogPage(filter, filter.cursor, filter.limit);
}

/**
 * Every row the filter matches, newest first, in pages of `batchSize` read one after another
 * (keyset on id), so an export of millions of rows holds one page in memory at a time.
 */
export async function* readAuditLogBatches(actor: Actor, filter: AuditLogFilter, batchSize = 1000): AsyncGenerator<AuditLogRow[]> {
  assertCan(actor, "audit.read");
  let cursor = filter.cursor;
  for (;;) {
    const page = await readAuditLogPage(filter, cursor, batchSize);
    if (page.rows.length) yield page.rows;
    if (!page.nextCursor) return;
    cursor = BigInt(page.nextCursor);
  }
}

async function readAuditLogPage(filter: AuditLogFilter, cursor: bigint | undefined, limit: number): Promise<AuditLogPage> {
  const prisma = currentClient();
  let unitId: string | undefined;
  if (filter.unitCode) {
    const unit = await prisma.unit.findUnique({ where: { code: filter.unitCode }, select: { id: true } });
    if (!unit) return { rows: [], nextCursor: null };
    unitId = unit.id;
  }
  const where: Prisma.AuditLogWhereInput = {
    ...(cursor !== undefined ? { id: { lt: cursor } } : {}),
    ...(filter.periodCode ? { period: { code: filter.periodCode } } : {}),
    ...(filter.actorEmail ? { actor: { email: { contains: filter.actorEmail, mode: "insensitive" as const } } } : {}),
    ...(filter.action
      ? { action: filter.action.endsWith(".*") ? { startsWith: filter.action.slice(0, -1) } : filter.action }
      : {}),
    ...(filter.entityType ? { entityType: filter.entityType } : {}),
    ...(unitId ? { unitId } : {}),
    ...(filter.from || filter.until ? { at: { ...(filter.from ? { gte: filter.from } : {}), ...(filter.until ? { lt: filter.until } : {}) } } : {}),
  };
  const found = await prisma.auditLog.findMany({
    where,
    orderBy: { id: "desc" },
    take: limit + 1,
    select: {
      id: true,
      at: true,
      action: true,
      entityType: true,
      entityId: true,
      unitId: true,
      before: true,
      after: true,
      ip: true,
      actor: { select: { id: true, name: true, email: true } },
      period: { select: { code: true, name: true } },
    },
  });
  const rows = found.slice(0, limit);
  // AuditLog.unitId has no relation in the schema, so the page's units are looked up by id.
  const unitIds = [...new Set(rows.map((row) => row.unitId).filter((id): id is string => id !== null))];
  const units = unitIds.length
    ? await prisma.unit.findMany({ where: { id: { in: unitIds } }, select: { id: true, code: true, name: true } })
    : [];
  const unitById = new Map(units.map((unit) => [unit.id, { code: unit.code, name: unit.name }]));
  return {
    rows: rows.map((row) => ({
      id: row.id.toString(),
      at: row.at,
      actor: row.actor,
      action: row.action,
      entityType: row.entityType,
      entityId: row.entityId,
      period: row.period,
      unit: row.unitId ? (unitById.get(row.unitId) ?? null) : null,
      before: row.before,
      after: row.after,
      ip: row.ip,
    })),
    nextCursor: found.length > limit ? rows.at(-1)!.id.toString() : null,
  };
}
