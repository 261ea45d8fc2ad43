import { SipasSurveyError } from "@/lib/domain/sipas-survey-input";
import { surveyFormPath } from "@/lib/domain/sipas-survey-paths";
import { findSipasPosterTarget } from "@/lib/data/sipas-poster-target";
import { loadPosterFonts } from "@/lib/storage/poster-fonts";
import { renderSipasPosterPdf, renderSipasPosterPng } from "@/lib/posters/sipas-poster";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

export type SipasPoster = { body: Uint8Array; contentType: string; fileName: string; url: string };

/**
 * A unit's QR poster for its survey form, as PNG (the code) or PDF (the A4 poster). Home affairs
 * prints them; a unit that does not take part in the period, or a period without a survey, has none.
 */
export async function renderSipasPoster(
  actor: Actor,
  input: { periodCode: string; unitCode: string; format: "png" | "pdf"; baseUrl: string },
): Promise<SipasPoster> {
  assertCan(actor, "sipas.edit");
  const target = await findSipasPosterTarget(input.periodCode, input.unitCode);
  if (!target) {
    throw new SipasSurveyError(
      "not_found",
      `Không có khảo sát SIPAS của đơn vị "${input.unitCode}" trong kỳ "${input.periodCode}".`,
      `No SIPAS survey for unit "${input.unitCode}" in period "${input.periodCode}".`,
    );
  }
  const url = `${input.baseUrl}${surveyFormPath(target.period.code, target.unit.code)}`;
  const fileName = `sipas-qr-${target.period.code}-${target.unit.code}.${input.format}`;
  if (input.format === "png") return { body: new Uint8Array(await renderSipasPosterPng(url)), contentType: "image/png", fileName, url };
  const body = await renderSipasPosterPdf({ url, unitName: target.unit.name, periodName: target.period.name }, await loadPosterFonts());
  return { body, contentType: "application/pdf", fileName, url };
}
