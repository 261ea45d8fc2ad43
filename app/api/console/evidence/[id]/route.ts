import { Readable } from "node:stream";
import { getSessionUser } from "@/lib/auth/session";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { answer, FOREIGN_ORIGIN } from "@/lib/auth/console-route-answers";
import { NOT_SIGNED_IN } from "@/lib/auth/not-signed-in";
import { actionFailure, actionOk } from "@/lib/domain/action-result";
import { attachmentContentDisposition } from "@/lib/domain/evidence-file-rules";
import { openEvidenceForDownload } from "@/lib/services/open-evidence-for-download";
import { deleteEvidence } from "@/lib/services/delete-evidence";

type Context = { params: Promise<{ id: string }> };

/**
 * An evidence file, for the officer of its unit, the council and home affairs: always as a
 * download with its stored (detected) type, so a file can never run as a page of this site.
 */
export async function GET(_request: Request, { params }: Context) {
  const user = await getSessionUser();
  if (!user) return answer(NOT_SIGNED_IN);
  try {
    const file = await openEvidenceForDownload(user, { evidenceId: (await params).id });
    return new Response(Readable.toWeb(file.stream) as ReadableStream, {
      headers: {
        "content-type": file.mimeType,
        "content-length": String(file.sizeBytes),
        "content-disposition": attachmentContentDisposition(file.downloadName),
        "x-content-type-options": "nosniff",
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return answer(actionFailure(error));
  }
}

export async function DELETE(request: Request, { params }: Context) {
  if (!isSameOrigin(request)) return answer(FOREIGN_ORIGIN);
  const user = await getSessionUser();
  if (!user) return answer(NOT_SIGNED_IN);
  try {
    await deleteEvidence(user, { evidenceId: (await params).id });
    return answer(actionOk(undefined));
  } catch (error) {
    return answer(actionFailure(error));
  }
}
