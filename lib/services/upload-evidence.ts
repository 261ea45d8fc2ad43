import { z } from "zod";
import type { UserActor } from "@/lib/auth/actor";
import { can } from "@/lib/review/permissions";
import { checkEvidenceFileName, EvidenceError, evidenceErrors, MAX_EVIDENCE_FILES_PER_LEAF } from "@/lib/domain/evidence-file-rules";
import { evidenceEditState, evidenceUploadRefusal } from "@/lib/domain/evidence-editable";
import { createEvidenceStorage, type EvidenceSource, type EvidenceStorage, type StoredEvidence } from "@/lib/storage/evidence-store";
import {
  countEvidenceReferences,
  countLiveEvidence,
  ensureScoreRow,
  findAppraisalLeaf,
  findLeafReviewState,
  findOwnAssessmentState,
  insertEvidenceFile,
  returnDecisionToCouncil,
  lockEvidenceContent,
} from "@/lib/data/evidence-files";
import { recordDeniedUnitAccess } from "@/lib/data/access-denied-audit";
import { findEditableAssessment, markAssessmentInProgress } from "@/lib/data/self-assessment";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";
import { logger } from "@/lib/observability/logger";

const uploadTarget = z.object({
  periodCode: z.string().trim().min(1).max(100),
  unitCode: z.string().trim().min(1).max(100),
  criterionCode: z.string().trim().min(1).max(50),
});

export type UploadEvidenceInput = {
  periodCode: string;
  unitCode: string;
  criterionCode: string;
  /** A web File (its name is used), or any other source together with `fileName`. */
  file: File | EvidenceSource;
  /** The client's name for the file; default: the File's own name. */
  fileName?: string;
};

export type UploadedEvidence = {
  id: string;
  criterionCode: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: Date;
  /**
   * The leaf's score row and its version after the upload: the first file of an unanswered leaf
   * creates the row, so a form holding "no saved value" must take this version for its next save.
   */
  criterionScoreId: string;
  scoreVersion: number;
};

export type UploadEvidenceOptions = { now?: Date; storage?: EvidenceStorage };

/**
 * An officer attaches an evidence file to an appraisal-scored leaf of their own unit while its
 * self-assessment is open, or to a leaf the council returned while answering it (see
 * evidenceUploadState). The bytes are stored first, outside the transaction (they may take a
 * while to arrive, and no row lock is held meanwhile); the row and its audit entry are then written
 * in one transaction that checks the state again under the locks saving points takes. A file no
 * row ends up naming is removed.
 */
export async function uploadEvidence(actor: UserActor, input: UploadEvidenceInput, options: UploadEvidenceOptions = {}): Promise<UploadedEvidence> {
  const now = options.now ?? new Date();
  const parsed = uploadTarget.safeParse(input);
  if (!parsed.success) {
    throw new EvidenceError("invalid", "Thiếu kỳ đánh giá, đơn vị hoặc tiêu chí cần gắn tệp.", "The period, unit or criterion to attach the file to is missing.");
  }
  const target = parsed.data;
  const rawName = input.fileName ?? (input.file instanceof File ? input.file.name : "");
  const name = checkEvidenceFileName(rawName);
  if (!name.ok) throw name.error;
  if (!can(actor, "evidence.upload") || !actor.unitId) throw evidenceErrors.forbidden();
  const actorUnitId = actor.unitId;

  const state = await findOwnAssessmentState({ ...target, actorUnitId });
  if (!state) {
    await recordDeniedUnitAccess(actor, { periodCode: target.periodCode, unitCode: target.unitCode, action: "evidence.upload" });
    throw new EvidenceError("not_found", "Không tìm thấy bản tự đánh giá của đơn vị bạn trong kỳ này.", "Your unit has no self-assessment in this period.");
  }
  if (evidenceEditState(state, now) === "published") throw evidenceErrors.published();
  const plannedLeaf = await findAppraisalLeaf(state.period.criteriaSetId, target.criterionCode);
  if (!plannedLeaf) throw evidenceErrors.notAppraisalLeaf(target.criterionCode);
  refuseUnlessOpen(state, { code: plannedLeaf.code, reviewState: await findLeafReviewState({ assessmentId: state.id, criterionId: plannedLeaf.id }) }, now);
  if ((await countLiveEvidence({ assessmentId: state.id, criterionId: plannedLeaf.id })) >= MAX_EVIDENCE_FILES_PER_LEAF) {
    throw evidenceErrors.tooManyFiles(plannedLeaf.code);
  }

  const storage = options.storage ?? createEvidenceStorage();
  const stored = await storage.store(input.file);
  try {
    return await inTransaction(async (tx) => {
      await lockEvidenceContent(tx, stored.sha256, "shared");
      const assessment = await findEditableAssessment(tx, { ...target, actorUnitId });
      if (!assessment) throw evidenceErrors.notFound();
      if (evidenceEditState(assessment, now) === "published") throw evidenceErrors.published();
      const leaf = await findAppraisalLeaf(assessment.period.criteriaSetId, target.criterionCode, tx);
      if (!leaf) throw evidenceErrors.notAppraisalLeaf(target.criterionCode);
      // Under the assessment's lock: a council decision or an explanation on this leaf waits for us.
      refuseUnlessOpen(assessment, { code: leaf.code, reviewState: await findLeafReviewState({ assessmentId: assessment.id, criterionId: leaf.id }, tx) }, now);
      if ((await countLiveEvidence({ assessmentId: assessment.id, criterionId: leaf.id }, tx)) >= MAX_EVIDENCE_FILES_PER_LEAF) {
        throw evidenceErrors.tooManyFiles(leaf.code);
      }
      // A failed upload of the same content may have removed the file since we stored it.
      if (!(await storage.locate(stored.sha256))) throw evidenceErrors.storageUnavailable();
      const score = await ensureScoreRow(tx, { assessmentId: assessment.id, criterionId: leaf.id, actorId: actor.userId });
      const row = await insertEvidenceFile(tx, {
        criterionScoreId: score.id,
        sha256: stored.sha256,
        sizeBytes: stored.sizeBytes,
        mimeType: stored.mimeType,
        originalName: name.name,
        uploadedById: actor.userId,
      });
      const returnedVersion = await returnDecisionToCouncil(tx, score.id);
      await writeAuditLog(tx, {
        actorId: actor.userId,
        action: "evidence.upload",
        entityType: "EvidenceFile",
        entityId: row.id,
        periodId: assessment.period.id,
        unitId: actorUnitId,
        after: {
          criterion: leaf.code,
          name: row.originalName,
          sha256: row.sha256,
          sizeBytes: row.sizeBytes,
          mimeType: row.mimeType,
          ...(returnedVersion === null ? {} : { reviewState: "pending" }),
        },
      });
      await markAssessmentInProgress(tx, assessment.id);
      return {
        id: row.id,
        criterionCode: leaf.code,
        originalName: row.originalName,
        mimeType: row.mimeType,
        sizeBytes: row.sizeBytes,
        sha256: row.sha256,
        uploadedAt: row.uploadedAt,
        criterionScoreId: score.id,
        scoreVersion: returnedVersion ?? score.version,
      };
    });
  } catch (error) {
    await removeIfUnreferenced(storage, stored);
    throw error;
  }
}

function refuseUnlessOpen(assessment: Parameters<typeof evidenceEditState>[0], leaf: { code: string; reviewState: string | null }, now: Date): void {
  const refusal = evidenceUploadRefusal(assessment, leaf, now);
  if (refusal) throw refusal;
}

/** The content stays on disk only while some row, deleted or not, names it. */
async function removeIfUnreferenced(storage: EvidenceStorage, stored: StoredEvidence): Promise<void> {
  try {
    await inTransaction(async (tx) => {
      await lockEvidenceContent(tx, stored.sha256, "exclusive");
      if ((await countEvidenceReferences(tx, stored.sha256)) === 0) await storage.remove(stored.sha256);
    });
  } catch (error) {
    // The upload's own refusal is what the officer must see; an orphan file only costs space.
    logger.error({ event: "evidence.orphan_not_removed", sha256: stored.sha256, err: error }, "could not remove an unreferenced evidence file");
  }
}
