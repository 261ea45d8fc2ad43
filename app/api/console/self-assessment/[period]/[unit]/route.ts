import { getSessionUser } from "@/lib/auth/session";
import { isSameOrigin } from "@/lib/auth/same-origin";
import { answer, FOREIGN_ORIGIN } from "@/lib/auth/console-route-answers";
import { NOT_SIGNED_IN } from "@/lib/auth/not-signed-in";
import { actionFailure, actionOk } from "@/lib/domain/action-result";
import { attachmentContentDisposition } from "@/lib/domain/evidence-file-rules";
import { exportSelfAssessmentXlsx } from "@/lib/services/export-self-assessment-xlsx";
import { importSelfAssessmentXlsx } from "@/lib/services/import-self-assessment-xlsx";
import { SELF_ASSESSMENT_MAX_BYTES } from "@/lib/domain/self-assessment-xlsx-layout";
import { readFormWithin } from "../../../_lib/read-form-within";

type Context = { params: Promise<{ period: string; unit: string }> };

/** The unit's scoring sheet (XLSX), for its officer, the council and home affairs. */
export async function GET(_request: Request, { params }: Context) {
  const user = await getSessionUser();
  if (!user) return answer(NOT_SIGNED_IN);
  // A route handler's params arrive decoded: decoding again would misread a code holding "%".
  const { period, unit } = await params;
  try {
    const workbook = await exportSelfAssessmentXlsx(user, { periodCode: period, unitCode: unit });
    return new Response(new Uint8Array(workbook), {
      headers: {
        "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "content-disposition": attachmentContentDisposition(`tu-danh-gia-${unit}-${period}.xlsx`),
        "cache-control": "private, no-store",
      },
    });
  } catch (error) {
    return answer(actionFailure(error));
  }
}

/** The officer uploads the sheet filled in: every row checked, all saved or none. */
export async function POST(request: Request, { params }: Context) {
  if (!isSameOrigin(request)) return answer(FOREIGN_ORIGIN);
  const user = await getSessionUser();
  if (!user) return answer(NOT_SIGNED_IN);
  const { period, unit } = await params;
  // A sheet is small: a larger body is refused before or while it is read.
  const tooLarge = () =>
    answer({
      ok: false,
      code: "too_large",
      vi: `Tệp bảng tự chấm lớn hơn ${SELF_ASSESSMENT_MAX_BYTES / 1024 / 1024} MB.`,
      en: `The scoring sheet is larger than ${SELF_ASSESSMENT_MAX_BYTES / 1024 / 1024} MB.`,
    });
  try {
    const form = await readFormWithin(request, SELF_ASSESSMENT_MAX_BYTES + 64 * 1024);
    if (!form) return tooLarge();
    const file = form.get("file");
    if (!(file instanceof File)) {
      return answer({ ok: false, code: "invalid", vi: "Chưa chọn tệp XLSX.", en: "No XLSX file chosen." });
    }
    const result = await importSelfAssessmentXlsx(user, { periodCode: period, unitCode: unit, file });
    return answer(actionOk({ saved: result.savedCriteria.length }));
  } catch (error) {
    return answer(actionFailure(error));
  }
}
