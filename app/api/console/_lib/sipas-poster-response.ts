import { getSessionUser } from "@/lib/auth/session";
import { answer } from "@/lib/auth/console-route-answers";
import { NOT_SIGNED_IN } from "@/lib/auth/not-signed-in";
import { actionFailure } from "@/lib/domain/action-result";
import { attachmentContentDisposition } from "@/lib/domain/evidence-file-rules";
import { publicBaseUrl } from "@/lib/domain/public-base-url";
import { renderSipasPoster } from "@/lib/services/render-sipas-poster";

export type SipasPosterContext = { params: Promise<{ period: string; unit: string }> };

/**
 * A unit's SIPAS QR poster as a download, for the .png and .pdf routes. Not signed in: 401; any
 * role but home affairs, or a unit not in the period's survey: 404, like a missing page.
 */
export async function sipasPosterResponse(request: Request, context: SipasPosterContext, format: "png" | "pdf"): Promise<Response> {
  const user = await getSessionUser();
  if (!user) return answer(NOT_SIGNED_IN);
  // A route handler's params arrive decoded: decoding again would misread a code holding "%".
  const { period, unit } = await context.params;
  try {
    const poster = await renderSipasPoster(user, {
      periodCode: period,
      unitCode: unit,
      format,
      baseUrl: publicBaseUrl(request.url),
    });
    return new Response(Buffer.from(poster.body), {
      headers: {
        "content-type": poster.contentType,
        "content-disposition": attachmentContentDisposition(poster.fileName),
        "cache-control": "private, no-store",
        "x-content-type-options": "nosniff",
      },
    });
  } catch (error) {
    return answer(actionFailure(error));
  }
}
