import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";
import { writeSipasTemplateCsv, writeSipasTemplateXlsx } from "@/lib/domain/sipas-response-template";
import { loadSipasSurvey } from "@/lib/data/sipas-questionnaire";
import { listSipasImportUnits } from "@/lib/data/insert-sipas-responses";
import { SipasImportError } from "@/lib/services/import-sipas-responses";

export type SipasImportTemplate = { body: Uint8Array; fileName: string; contentType: string };

/** The empty file of a period's questionnaire for importing paper or contractor forms (home affairs). */
export async function exportSipasImportTemplate(actor: Actor, input: { periodCode: string; format: "xlsx" | "csv" }): Promise<SipasImportTemplate> {
  assertCan(actor, "sipas.edit");
  const survey = await loadSipasSurvey(input.periodCode);
  if (!survey) {
    throw new SipasImportError("not_found", `Kỳ "${input.periodCode}" chưa có phiếu khảo sát SIPAS.`, `Period "${input.periodCode}" has no SIPAS questionnaire.`);
  }
  const baseName = `phieu-sipas-${survey.period.code}`;
  if (input.format === "csv") {
    return { body: new TextEncoder().encode(writeSipasTemplateCsv(survey.questionnaire)), fileName: `${baseName}.csv`, contentType: "text/csv; charset=utf-8" };
  }
  const units = await listSipasImportUnits(survey.period.id);
  const workbook = await writeSipasTemplateXlsx({ period: survey.period, questionnaire: survey.questionnaire, units });
  return {
    body: new Uint8Array(workbook),
    fileName: `${baseName}.xlsx`,
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  };
}
