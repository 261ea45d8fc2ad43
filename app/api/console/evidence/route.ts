import { getSessionUser } from "@/lib/auth/session";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { answer, FOREIGN_ORIGIN } from "@/lib/auth/console-route-answers";
import { NOT_SIGNED_IN } from "@/lib/auth/not-signed-in";
import { actionFailure, actionOk } from "@/lib/domain/action-result";
import { evidenceUploadFields } from "@/lib/domain/evidence-upload-fields";
import { uploadEvidence } from "@/lib/services/upload-evidence";
import { readFormWithin } from "../_lib/read-form-within";
import { evidenceMaxBytes } from "@/lib/storage/evidence-directory";
import { evidenceErrors } from "@/lib/domain/evidence-file-rules";

/** Room for the form's other fields and the part headers around the file. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

/** An officer adds an evidence file to a leaf of their unit (multipart: the leaf and the file). */
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return answer(FOREIGN_ORIGIN);
  const user = await getSessionUser();
  if (!user) return answer(NOT_SIGNED_IN);
  // The multipart body is read whole before the file reaches the store: its size is capped
  // before and while it is read.
  const maxBytes = evidenceMaxBytes();
  const tooLarge = () => answer(actionFailure(evidenceErrors.fileTooLarge(maxBytes)));
  try {
    const form = await readFormWithin(request, maxBytes + MULTIPART_OVERHEAD_BYTES).catch((error: unknown) => {
      // The browser went away mid-file (a closed laptop, a lost connection): nothing was stored,
      // and it is no fault of the server's to log as one.
      if (request.signal.aborted) throw evidenceErrors.uploadInterrupted();
      throw error;
    });
    if (!form) return tooLarge();
    const fields = evidenceUploadFields.safeParse({
      periodCode: form.get("periodCode"),
      unitCode: form.get("unitCode"),
      criterionCode: form.get("criterionCode"),
      file: form.get("file"),
    });
    if (!fields.success) {
      return answer({ ok: false, code: "invalid", vi: "Thiếu tệp hoặc tiêu chí cần gắn tệp.", en: "The file or the criterion to attach it to is missing." });
    }
    const stored = await uploadEvidence(user, fields.data);
    return answer(
      actionOk({
        id: stored.id,
        name: stored.originalName,
        mimeType: stored.mimeType,
        sizeBytes: stored.sizeBytes,
        uploadedAt: stored.uploadedAt.toISOString(),
        // The first file of an unanswered leaf creates its score row: the form's next save names it.
        scoreVersion: stored.scoreVersion,
      }),
    );
  } catch (error) {
    return answer(actionFailure(error));
  }
}
