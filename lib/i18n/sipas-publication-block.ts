import type { SipasPublicationBlock } from "@/lib/data/period-publication-state";

function listed(units: string[]): string {
  return units.slice(0, 5).join(", ") + (units.length > 5 ? ` (+${units.length - 5})` : "");
}

/** Why SIPAS keeps a period from being published, in both languages (publish refusal and preview). */
export function describeSipasPublicationBlock(block: SipasPublicationBlock): { vi: string; en: string } {
  switch (block.kind) {
    case "survey_open":
      return {
        vi: "Khảo sát SIPAS của kỳ vẫn đang mở: hãy đóng khảo sát, tính và để hội đồng phê duyệt chỉ số trước khi công bố.",
        en: "The period's SIPAS survey is still open: close it, compute the figures and have the council approve them before publishing.",
      };
    case "not_computed":
      return {
        vi: `Chưa tính chỉ số SIPAS của ${block.units.length} đơn vị có phiếu: ${listed(block.units)}.`,
        en: `The SIPAS figures of ${block.units.length} unit(s) with responses are not computed yet: ${listed(block.units)}.`,
      };
    case "not_approved":
      return {
        vi: `Hội đồng chưa phê duyệt chỉ số SIPAS của ${block.units.length} đơn vị: ${listed(block.units)}.`,
        en: `The council has not approved the SIPAS figures of ${block.units.length} unit(s): ${listed(block.units)}.`,
      };
  }
}
