import { writeAuditLog } from "./audit-log";
import { currentClient, inTransaction, type Tx } from "./transaction";

/** An officer's own unit, or null for roles that see every unit (lib/review/permissions.ts unitScope). */
export type UnitScope = { unitId: string } | null;

const ASSESSMENT_STATE = {
  id: true,
  periodId: true,
  unitId: true,
  status: true,
  reopenedAt: true,
  period: { select: { id: true, status: true, selfAssessmentOpensAt: true, selfAssessmentDeadline: true, criteriaSetId: true } },
} as const;

/**
 * The officer's assessment in a period and the state deciding whether evidence may change, read
 * without locks: a cheap early answer, so that a refused upload writes nothing to disk. The
 * transaction that records the file checks again under locks.
 */
export async function findOwnAssessmentState(args: { periodCode: string; unitCode: string; actorUnitId: string }) {
  return currentClient().assessment.findFirst({
    where: { unitId: args.actorUnitId, unit: { code: args.unitCode }, period: { code: args.periodCode } },
    select: ASSESSMENT_STATE,
  });
}

/** A leaf of the set scored by appraisal: the only kind a unit attaches evidence to. */
export async function findAppraisalLeaf(criteriaSetId: string, code: string, tx: Tx = currentClient()) {
  return tx.criterion.findFirst({
    where: { criteriaSetId, code, children: { none: {} }, method: "appraisal" },
    select: { id: true, code: true },
  });
}

/**
 * The council's review state of one leaf of one assessment, or null when the unit has not touched
 * it (no score row: it was never returned either). Decides whether an explanation may add files.
 */
export async function findLeafReviewState(args: { assessmentId: string; criterionId: string }, tx: Tx = currentClient()): Promise<string | null> {
  const score = await tx.criterionScore.findUnique({
    where: { assessmentId_criterionId: { assessmentId: args.assessmentId, criterionId: args.criterionId } },
    select: { reviewState: true },
  });
  return score?.reviewState ?? null;
}

/** Evidence files not deleted on one leaf of one assessment. */
export async function countLiveEvidence(args: { assessmentId: string; criterionId: string }, tx: Tx = currentClient()): Promise<number> {
  return tx.evidenceFile.count({
    where: { deletedAt: null, criterionScore: { assessmentId: args.assessmentId, criterionId: args.criterionId } },
  });
}

/**
 * The leaf's score row, created empty when the unit has not answered it yet (evidence often comes
 * before the points). The caller holds the assessment's lock, so no other writer creates it
 * meanwhile.
 */
export async function ensureScoreRow(
  tx: Tx,
  args: { assessmentId: string; criterionId: string; actorId: string },
): Promise<{ id: string; version: number; created: boolean }> {
  const existing = await tx.criterionScore.findUnique({
    where: { assessmentId_criterionId: { assessmentId: args.assessmentId, criterionId: args.criterionId } },
    select: { id: true, version: true },
  });
  if (existing) return { ...existing, created: false };
  const created = await tx.criterionScore.create({
    data: { assessmentId: args.assessmentId, criterionId: args.criterionId, updatedById: args.actorId },
    select: { id: true, version: true },
  });
  return { ...created, created: true };
}

export async function insertEvidenceFile(
  tx: Tx,
  data: { criterionScoreId: string; sha256: string; sizeBytes: number; mimeType: string; originalName: string; uploadedById: string },
) {
  return tx.evidenceFile.create({
    data,
    select: { id: true, originalName: true, mimeType: true, sizeBytes: true, sha256: true, uploadedAt: true },
  });
}

/**
 * Serialises the writers of one stored content: an upload that recorded a row (shared) against the
 * clean-up of an upload that failed (exclusive), so a file is never removed under a row that
 * refers to it. Two 32-bit keys: a key space of its own, apart from single-key advisory locks.
 */
export async function lockEvidenceContent(tx: Tx, sha256: string, mode: "shared" | "exclusive"): Promise<void> {
  const key = sha256.slice(0, 8);
  if (mode === "shared") {
    await tx.$executeRaw`select pg_advisory_xact_lock_shared(1163282756, ('x' || ${key})::bit(32)::int)`;
  } else {
    await tx.$executeRaw`select pg_advisory_xact_lock(1163282756, ('x' || ${key})::bit(32)::int)`;
  }
}

/** Rows naming this content, deleted ones included: their file stays for the record. */
export async function countEvidenceReferences(tx: Tx, sha256: string): Promise<number> {
  return tx.evidenceFile.count({ where: { sha256 } });
}

const EVIDENCE_WITH_PLACE = {
  id: true,
  sha256: true,
  sizeBytes: true,
  mimeType: true,
  originalName: true,
  uploadedAt: true,
  criterionScore: {
    select: {
      id: true,
      criterion: { select: { code: true } },
      assessment: { select: { id: true, unitId: true, periodId: true, unit: { select: { code: true } }, period: { select: { code: true } } } },
    },
  },
} as const;

/** A live evidence file, only if it belongs to the scope's unit (null scope: any unit). */
export async function findEvidenceInScope(evidenceId: string, scope: UnitScope) {
  return currentClient().evidenceFile.findFirst({
    where: { id: evidenceId, deletedAt: null, ...(scope ? { criterionScore: { assessment: { unitId: scope.unitId } } } : {}) },
    select: EVIDENCE_WITH_PLACE,
  });
}

/** Where an evidence id points, whoever owns it: only to record a refused attempt in the audit log. */
export async function findEvidencePlace(evidenceId: string) {
  return currentClient().evidenceFile.findUnique({
    where: { id: evidenceId },
    select: { id: true, criterionScore: { select: { assessment: { select: { unitId: true, periodId: true } } } } },
  });
}

/** Soft delete: the row and the file stay for the audit trail, the unit and council no longer see it. */
export async function markEvidenceDeleted(tx: Tx, args: { evidenceId: string; assessmentId: string; at: Date }): Promise<boolean> {
  const updated = await tx.evidenceFile.updateMany({
    where: { id: args.evidenceId, deletedAt: null, criterionScore: { assessmentId: args.assessmentId } },
    data: { deletedAt: args.at },
  });
  return updated.count === 1;
}

/**
 * A request aimed at another unit's data, recorded in a transaction of its own: the refused use
 * case rolls its own back, and the record must survive that.
 */
export async function recordAccessDenied(entry: {
  actorId: string;
  attempted: string;
  entityType: string;
  entityId: string | null;
  periodId: string | null;
  unitId: string | null;
}): Promise<void> {
  await inTransaction((tx) =>
    writeAuditLog(tx, {
      actorId: entry.actorId,
      action: "access.denied",
      entityType: entry.entityType,
      entityId: entry.entityId,
      periodId: entry.periodId,
      unitId: entry.unitId,
      after: { attempted: entry.attempted },
    }),
  );
}

export type EvidenceListItem = {
  id: string;
  criterionCode: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  uploadedAt: Date;
  uploadedByName: string | null;
};

/**
 * A unit's live evidence in a period, leaf by leaf in upload order, for the officer's and the
 * council's pages. The scope keeps an officer to their own unit: another unit's gives an empty list.
 */
export async function listAssessmentEvidence(args: { periodCode: string; unitCode: string; scope: UnitScope }): Promise<EvidenceListItem[]> {
  const rows = await currentClient().evidenceFile.findMany({
    where: {
      deletedAt: null,
      criterionScore: {
        assessment: {
          period: { code: args.periodCode },
          unit: { code: args.unitCode },
          ...(args.scope ? { unitId: args.scope.unitId } : {}),
        },
      },
    },
    select: {
      id: true,
      originalName: true,
      mimeType: true,
      sizeBytes: true,
      uploadedAt: true,
      uploadedBy: { select: { name: true } },
      criterionScore: { select: { criterion: { select: { code: true } } } },
    },
    orderBy: [{ uploadedAt: "asc" }, { id: "asc" }],
  });
  return rows.map((row) => ({
    id: row.id,
    criterionCode: row.criterionScore.criterion.code,
    originalName: row.originalName,
    mimeType: row.mimeType,
    sizeBytes: row.sizeBytes,
    uploadedAt: row.uploadedAt,
    uploadedByName: row.uploadedBy?.name ?? null,
  }));
}

/**
 * A leaf the council had already decided goes back to it when its evidence changes (possible
 * only after home affairs reopened the unit): the decision was taken on other files. Returns the
 * score's new version when it did, null when the leaf was not decided.
 */
export async function returnDecisionToCouncil(tx: Tx, criterionScoreId: string): Promise<number | null> {
  const rows = await tx.$queryRaw<{ version: number }[]>`
    update "CriterionScore" set "reviewState" = 'pending', version = version + 1, "updatedAt" = now()
    where id = ${criterionScoreId} and "reviewState" in ('accepted', 'adjusted')
    returning version`;
  return rows[0]?.version ?? null;
}

export async function findEvidenceScoreId(tx: Tx, evidenceId: string): Promise<string | null> {
  const row = await tx.evidenceFile.findUnique({ where: { id: evidenceId }, select: { criterionScoreId: true } });
  return row?.criterionScoreId ?? null;
}
