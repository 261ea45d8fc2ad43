import type { Locale } from "./locale";

// Text of the criteria set editor's "points from SIPAS" field and of SIPAS-tied leaves in the console.

const vi = {
  sipasSource: "Lấy điểm từ SIPAS",
  sipasSources: {
    none: "Không (hội đồng nhập điểm điều tra)",
    index: "Chỉ số hài lòng chung (SIPAS)",
    element: "Chỉ số của một yếu tố SIPAS",
  } as Record<"none" | "index" | "element", string>,
  sipasSourceHint:
    "Chỉ dùng cho tiêu chí thành phần chấm bằng điều tra xã hội học. Khi chỉ số SIPAS của đơn vị được phê duyệt, điểm được tính theo quy tắc chấm điểm (ngưỡng hoặc tỷ lệ thuận; để trống quy tắc là tỷ lệ thuận) và hội đồng không nhập tay.",
  sipasElement: "Mã yếu tố SIPAS",
  sipasElementHint: "Chữ thường không dấu, chữ số, dấu gạch ngang; ví dụ access, procedures, civil-servants, results, feedback, digital.",
  sipasElementRequired: "Cần nhập mã yếu tố SIPAS (ví dụ procedures).",
  /** Short note in the editor's rule column. */
  tiedTo: (source: string) => (source === "index" ? "Điểm theo chỉ số SIPAS (chỉ số chung)" : `Điểm theo chỉ số SIPAS (yếu tố ${source})`),
};

export type SipasLeafMessages = typeof vi;

const en: SipasLeafMessages = {
  sipasSource: "Points from SIPAS",
  sipasSources: {
    none: "No (the council enters the survey points)",
    index: "Overall satisfaction index (SIPAS)",
    element: "Index of one SIPAS element",
  },
  sipasSourceHint:
    "Only for survey-scored sub-criteria. When the unit's SIPAS figures are approved, the points follow from the scoring rule (threshold or proportional; no rule means proportional) and the council does not type them.",
  sipasElement: "SIPAS element code",
  sipasElementHint: "Lower-case letters, digits and dashes; e.g. access, procedures, civil-servants, results, feedback, digital.",
  sipasElementRequired: "Enter the SIPAS element code (e.g. procedures).",
  tiedTo: (source) => (source === "index" ? "Points from the SIPAS index (overall)" : `Points from the SIPAS index (element ${source})`),
};

const messages: Record<Locale, SipasLeafMessages> = { vi, en };

export function sipasLeafMessagesFor(locale: Locale): SipasLeafMessages {
  return messages[locale];
}
