import type { ReadStream } from "node:fs";
import { z } from "zod";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { can, unitScope } from "@/lib/review/permissions";
import { EvidenceError, evidenceDownloadName, evidenceErrors } from "@/lib/domain/evidence-file-rules";
import { kindOfMimeType } from "@/lib/domain/evidence-file-type";
import { findEvidenceInScope, findEvidencePlace, recordAccessDenied } from "@/lib/data/evidence-files";
import { createEvidenceStorage, type EvidenceStorage } from "@/lib/storage/evidence-store";

const openEvidenceInput = z.object({ evidenceId: z.string().trim().min(1).max(100) });

export type EvidenceDownload = {
  evidenceId: string;
  /** The open file; the caller streams it out (Readable.toWeb for a Response). */
  stream: ReadStream;
  path: string;
  /** The type detected at upload, never the one the client declared. */
  mimeType: string;
  sizeBytes: number;
  /** NFC, no path, ending in the detected type's extension: for Content-Disposition (attachmentContentDisposition). */
  downloadName: string;
  sha256: string;
  criterionCode: string;
  uploadedAt: Date;
};

/**
 * An evidence file for the officer of its unit, the council and home affairs. Another unit's file
 * answers exactly as a missing one does ("not_found"), so ids reveal nothing, and the attempt is
 * recorded in the audit log.
 */
export async function openEvidenceForDownload(actor: Actor, input: { evidenceId: string }, options: { storage?: EvidenceStorage } = {}): Promise<EvidenceDownload> {
  const parsed = openEvidenceInput.safeParse(input);
  if (!parsed.success) throw new EvidenceError("invalid", "Thiếu mã tài liệu kiểm chứng.", "The evidence id is missing.");
  const { evidenceId } = parsed.data;
  if (!can(actor, "evidence.read")) throw evidenceErrors.notFound();

  const evidence = await findEvidenceInScope(evidenceId, unitScope(actor));
  if (!evidence) {
    const place = await findEvidencePlace(evidenceId);
    const actorId = auditActorId(actor);
    if (place && actorId) {
      const { unitId, periodId } = place.criterionScore.assessment;
      await recordAccessDenied({ actorId, attempted: "evidence.read", entityType: "EvidenceFile", entityId: evidenceId, periodId, unitId });
    }
    throw evidenceErrors.notFound();
  }

  const storage = options.storage ?? createEvidenceStorage();
  const file = await storage.locate(evidence.sha256);
  if (!file || file.sizeBytes !== evidence.sizeBytes) throw evidenceErrors.fileMissing();
  return {
    evidenceId: evidence.id,
    stream: storage.openReadStream(evidence.sha256),
    path: file.path,
    mimeType: evidence.mimeType,
    sizeBytes: evidence.sizeBytes,
    downloadName: evidenceDownloadName(evidence.originalName, kindOfMimeType(evidence.mimeType)),
    sha256: evidence.sha256,
    criterionCode: evidence.criterionScore.criterion.code,
    uploadedAt: evidence.uploadedAt,
  };
}
