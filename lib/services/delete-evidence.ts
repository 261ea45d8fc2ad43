import { z } from "zod";
import type { UserActor } from "@/lib/auth/actor";
import { can } from "@/lib/review/permissions";
import { EvidenceError, evidenceErrors } from "@/lib/domain/evidence-file-rules";
import { evidenceEditState } from "@/lib/domain/evidence-editable";
import { findEvidenceInScope, findEvidencePlace, findEvidenceScoreId, markEvidenceDeleted, recordAccessDenied, returnDecisionToCouncil } from "@/lib/data/evidence-files";
import { findEditableAssessment } from "@/lib/data/self-assessment";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";

const deleteEvidenceInput = z.object({ evidenceId: z.string().trim().min(1).max(100) });

/**
 * An officer withdraws an evidence file of their own unit while its self-assessment is open. The
 * row is only marked deleted and the file kept: the audit trail still shows what was submitted.
 */
export async function deleteEvidence(actor: UserActor, input: { evidenceId: string }, options: { now?: Date } = {}): Promise<void> {
  const now = options.now ?? new Date();
  const parsed = deleteEvidenceInput.safeParse(input);
  if (!parsed.success) throw new EvidenceError("invalid", "Thiếu mã tài liệu kiểm chứng.", "The evidence id is missing.");
  const { evidenceId } = parsed.data;
  if (!can(actor, "evidence.upload") || !actor.unitId) throw evidenceErrors.forbidden();
  const actorUnitId = actor.unitId;

  const evidence = await findEvidenceInScope(evidenceId, { unitId: actorUnitId });
  if (!evidence) {
    const place = await findEvidencePlace(evidenceId);
    if (place) {
      const { unitId, periodId } = place.criterionScore.assessment;
      await recordAccessDenied({ actorId: actor.userId, attempted: "evidence.delete", entityType: "EvidenceFile", entityId: evidenceId, periodId, unitId });
    }
    throw evidenceErrors.notFound();
  }
  const { assessment, criterion } = evidence.criterionScore;

  await inTransaction(async (tx) => {
    const locked = await findEditableAssessment(tx, { periodCode: assessment.period.code, unitCode: assessment.unit.code, actorUnitId });
    if (!locked) throw evidenceErrors.notFound();
    const state = evidenceEditState(locked, now);
    if (state === "published") throw evidenceErrors.published();
    if (state === "closed") throw evidenceErrors.closed();
    // Deleted meanwhile (another tab, a colleague): nothing left to delete.
    if (!(await markEvidenceDeleted(tx, { evidenceId, assessmentId: locked.id, at: now }))) throw evidenceErrors.notFound();
    const scoreId = await findEvidenceScoreId(tx, evidenceId);
    const returnedVersion = scoreId ? await returnDecisionToCouncil(tx, scoreId) : null;
    await writeAuditLog(tx, {
      actorId: actor.userId,
      action: "evidence.delete",
      entityType: "EvidenceFile",
      entityId: evidenceId,
      periodId: locked.period.id,
      unitId: actorUnitId,
      before: { criterion: criterion.code, name: evidence.originalName, sha256: evidence.sha256 },
      ...(returnedVersion === null ? {} : { after: { reviewState: "pending" } }),
    });
  });
}
