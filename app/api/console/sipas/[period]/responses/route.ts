import { getSessionUser } from "@/lib/auth/session";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { answer, FOREIGN_ORIGIN } from "@/lib/auth/console-route-answers";
import { NOT_SIGNED_IN } from "@/lib/auth/not-signed-in";
import { actionFailure, actionOk } from "@/lib/domain/action-result";
import { attachmentContentDisposition } from "@/lib/domain/evidence-file-rules";
import { SIPAS_IMPORT_MAX_BYTES } from "@/lib/domain/sipas-response-file";
import { describeSipasFileProblem, SIPAS_IMPORT_SOURCES, type SipasImportSource } from "@/lib/i18n/sipas-import-messages";
import { exportSipasImportTemplate } from "@/lib/services/export-sipas-import-template";
import { importSipasResponses } from "@/lib/services/import-sipas-responses";
import { readFormWithin } from "../../../_lib/read-form-within";

type Context = { params: Promise<{ period: string }> };

/** The empty file of the period's questionnaire (?format=xlsx, the default, or csv), for home affairs. */
export async function GET(request: Request, { params }: Context) {
  const user = await getSessionUser();
  if (!user) return answer(NOT_SIGNED_IN);
  // A route handler's params arrive decoded: decoding again would misread a code holding "%".
  const periodCode = (await params).period;
  const format = new URL(request.url).searchParams.get("format") ?? "xlsx";
  if (format !== "xlsx" && format !== "csv") {
    return answer({ ok: false, code: "invalid", vi: "Định dạng phải là xlsx hoặc csv.", en: "The format must be xlsx or csv." });
  }
  try {
    const template = await exportSipasImportTemplate(user, { periodCode, format });
    return new Response(new Uint8Array(template.body), {
      headers: {
        "content-type": template.contentType,
        "content-disposition": attachmentContentDisposition(template.fileName),
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return answer(actionFailure(error));
  }
}

/** Home affairs uploads a file of paper or contractor forms: every row checked, all stored or none. */
export async function POST(request: Request, { params }: Context) {
  if (!isSameOrigin(request)) return answer(FOREIGN_ORIGIN);
  const user = await getSessionUser();
  if (!user) return answer(NOT_SIGNED_IN);
  const periodCode = (await params).period;
  try {
    const form = await readFormWithin(request, SIPAS_IMPORT_MAX_BYTES + 64 * 1024);
    if (!form) return answer({ ok: false, code: "too_large", ...describeSipasFileProblem({ kind: "too_large", max: SIPAS_IMPORT_MAX_BYTES }) });
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) {
      return answer({ ok: false, code: "invalid", vi: "Chưa chọn tệp CSV hoặc XLSX.", en: "No CSV or XLSX file chosen." });
    }
    const source = form.get("source");
    if (typeof source !== "string" || !SIPAS_IMPORT_SOURCES.includes(source as SipasImportSource)) {
      return answer({ ok: false, code: "invalid", vi: "Hãy chọn nguồn phiếu.", en: "Choose the source of the forms." });
    }
    const result = await importSipasResponses(user, { periodCode, source: source as SipasImportSource, file, fileName: file.name.slice(0, 255) });
    return answer(actionOk({ responses: result.responses, units: result.units.length }));
  } catch (error) {
    return answer(actionFailure(error));
  }
}
