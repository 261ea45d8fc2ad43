import type { Locale } from "./locale";
import type { SipasIndexMethodName } from "@/lib/sipas/questionnaire";
import { formatStatedDecimal } from "./format-stated-decimal";

// Text of the council's SIPAS results pages (/console/sipas/{period}/results) and the one-sentence
// methodology of the figures, which the public SIPAS page can show too.

type Summary = { computed: number; unchanged: number; approvalsDropped: string[]; removed: string[] };
type Approved = { unitName: string; applied: { criterionCode: string; points: string }[]; missing: string[] };

const vi = {
  title: "Kết quả SIPAS",
  surveyPage: "Khảo sát SIPAS của kỳ",
  noSurvey: "Kỳ đánh giá này chưa có phiếu khảo sát SIPAS.",
  surveyStatus: "Khảo sát",
  surveyStatuses: { draft: "chưa mở", open: "đang mở, vẫn nhận phiếu", closed: "đã đóng" } as Record<string, string>,
  openNotice: "Khảo sát còn nhận phiếu: số liệu dưới đây có thể còn thay đổi. Hội đồng chỉ phê duyệt được sau khi khảo sát đóng.",
  publishedNotice: "Kỳ đánh giá đã công bố: số liệu SIPAS chỉ còn để xem.",
  indexMethod: { share_satisfied: "tỷ lệ câu trả lời hài lòng", mean_scaled: "điểm trung bình quy về thang 0–100" } satisfies Record<SipasIndexMethodName, string>,
  method: "Cách tính",
  smallSampleThreshold: "Ngưỡng mẫu nhỏ",
  responsesUnit: (count: string) => `${count} phiếu`,

  recompute: "Tính lại",
  recomputeConfirm: "Tính lại số liệu của mọi đơn vị từ các phiếu hợp lệ? Đơn vị nào có số liệu thay đổi sẽ phải được phê duyệt lại.",
  recomputed: ({ computed, unchanged, approvalsDropped, removed }: Summary) =>
    [
      `Đã tính lại: ${computed} đơn vị có số liệu mới, ${unchanged} đơn vị không đổi.`,
      approvalsDropped.length ? `Phê duyệt của ${approvalsDropped.join(", ")} bị hủy vì số liệu đã thay đổi.` : "",
      removed.length ? `Đã xóa số liệu của ${removed.join(", ")} (không còn phiếu hợp lệ).` : "",
    ]
      .filter(Boolean)
      .join(" "),
  approve: "Phê duyệt",
  approveLabel: (unit: string) => `Phê duyệt số liệu SIPAS của ${unit}`,
  approveConfirm: (unit: string, index: string, responses: string) => `Phê duyệt chỉ số SIPAS ${index} % (${responses} phiếu) của ${unit}?`,
  approveAll: "Phê duyệt tất cả đơn vị chưa duyệt",
  approveAllConfirm: (units: string) => `Phê duyệt số liệu SIPAS của ${units} đơn vị chưa duyệt, đúng như bảng đang hiển thị?`,
  approved: (units: Approved[]) =>
    [
      units.length === 1 ? `Đã phê duyệt số liệu SIPAS của ${units[0]!.unitName}.` : `Đã phê duyệt số liệu SIPAS của ${units.length} đơn vị.`,
      ...units.flatMap((unit) =>
        unit.applied.length
          ? [`${unit.unitName}: điểm điều tra xã hội học theo SIPAS — ${unit.applied.map((leaf) => `tiêu chí ${leaf.criterionCode}: ${formatStatedDecimal(leaf.points, "vi")} điểm`).join("; ")}.`]
          : [],
      ),
      ...units.flatMap((unit) => (unit.missing.length ? [`${unit.unitName}: chưa có chỉ số yếu tố ${unit.missing.join(", ")} nên các tiêu chí gắn với nó giữ nguyên.`] : [])),
    ].join(" "),
  revoke: "Thu hồi phê duyệt",
  revokeReason: "Lý do thu hồi (bắt buộc)",
  revokeConfirm: "Thu hồi phê duyệt số liệu SIPAS của đơn vị này?",
  revoked: "Đã thu hồi phê duyệt; số liệu trở lại trạng thái đã tính.",

  tableCaption: "Số liệu SIPAS theo đơn vị",
  unit: "Đơn vị",
  group: "Khối",
  responses: "Số phiếu",
  index: "Chỉ số (%)",
  interval: "Khoảng tin cậy 95 % (%)",
  intervalShown: (low: string, high: string) => `${low} – ${high}`,
  state: "Trạng thái",
  actions: "Thao tác",
  none: "—",
  noFigureSpoken: "không có số liệu",
  smallSample: "mẫu nhỏ",
  smallSampleLong: (threshold: string) => `mẫu nhỏ: dưới ${threshold} phiếu, kết quả chỉ mang tính tham khảo`,
  computedState: "Đã tính, chờ phê duyệt",
  approvedState: (by: string, at: string) => `Đã phê duyệt bởi ${by} lúc ${at}`,
  noResponses: "Chưa có phiếu hợp lệ",
  notComputed: "Có phiếu, chưa tính",
  pending: (accepted: string, flagged: string) => `Hiện có ${accepted} phiếu hợp lệ, ${flagged} phiếu chờ xem xét`,
  needsRecompute: "Số phiếu đã thay đổi kể từ lần tính — hãy bấm “Tính lại”.",
  details: "Chi tiết",
  detailsOf: (unit: string) => `Chi tiết từng câu hỏi của ${unit}`,

  unitTitle: (unit: string) => `Kết quả SIPAS — ${unit}`,
  backToResults: "Quay lại kết quả SIPAS của kỳ",
  elementsTitle: "Theo yếu tố",
  elementsCaption: "Chỉ số theo yếu tố",
  element: "Yếu tố",
  weight: "Trọng số",
  elementResponses: "Số người trả lời",
  questionsTitle: "Theo câu hỏi",
  questionsCaption: "Chỉ số theo câu hỏi",
  question: "Câu hỏi",
  answers: "Số câu trả lời",
  noResult: "Đơn vị này chưa có số liệu SIPAS đã tính.",

  methodology: (method: SipasIndexMethodName, satisfiedFrom: string) =>
    `${
      method === "share_satisfied"
        ? `Chỉ số của mỗi câu hỏi và mỗi yếu tố là tỷ lệ câu trả lời từ mức ${satisfiedFrom} trở lên (hài lòng)`
        : "Chỉ số của mỗi câu hỏi và mỗi yếu tố là điểm trung bình của các câu trả lời, quy về thang 0–100"
    }; chỉ số chung là trung bình có trọng số của các yếu tố (yếu tố không ai trả lời được bỏ qua); khoảng tin cậy 95 % theo xấp xỉ chuẩn là chỉ số ± 1,96 × độ lệch chuẩn điểm của từng người trả lời / √(số người trả lời), chỉ phản ánh sai số do chọn mẫu.`,
};

export type SipasResultsMessages = typeof vi;

const en: SipasResultsMessages = {
  title: "SIPAS results",
  surveyPage: "The period's SIPAS survey",
  noSurvey: "This period has no SIPAS survey yet.",
  surveyStatus: "Survey",
  surveyStatuses: { draft: "not open yet", open: "open, still taking responses", closed: "closed" },
  openNotice: "The survey still takes responses: the figures below may change. The council can approve them only once it is closed.",
  publishedNotice: "The period is published: its SIPAS figures are read-only.",
  indexMethod: { share_satisfied: "share of satisfied answers", mean_scaled: "mean answer mapped onto 0–100" },
  method: "Method",
  smallSampleThreshold: "Small-sample threshold",
  responsesUnit: (count) => `${count} ${count === "1" ? "response" : "responses"}`,

  recompute: "Recompute",
  recomputeConfirm: "Recompute every unit's figures from the accepted responses? Units whose figures change will need approving again.",
  recomputed: ({ computed, unchanged, approvalsDropped, removed }) =>
    [
      `Recomputed: ${computed} units with new figures, ${unchanged} unchanged.`,
      approvalsDropped.length ? `The approval of ${approvalsDropped.join(", ")} was dropped because their figures changed.` : "",
      removed.length ? `Figures of ${removed.join(", ")} were removed (no accepted response left).` : "",
    ]
      .filter(Boolean)
      .join(" "),
  approve: "Approve",
  approveLabel: (unit) => `Approve the SIPAS figures of ${unit}`,
  approveConfirm: (unit, index, responses) => `Approve the SIPAS index ${index} % (${responses} responses) of ${unit}?`,
  approveAll: "Approve every unit not yet approved",
  approveAllConfirm: (units) => `Approve the SIPAS figures of ${units} units not yet approved, exactly as the table shows them?`,
  approved: (units) =>
    [
      units.length === 1 ? `The SIPAS figures of ${units[0]!.unitName} are approved.` : `The SIPAS figures of ${units.length} units are approved.`,
      ...units.flatMap((unit) =>
        unit.applied.length ? [`${unit.unitName}: survey points from SIPAS — ${unit.applied.map((leaf) => `criterion ${leaf.criterionCode}: ${formatStatedDecimal(leaf.points, "en")} points`).join("; ")}.`] : [],
      ),
      ...units.flatMap((unit) => (unit.missing.length ? [`${unit.unitName}: no index for element ${unit.missing.join(", ")}, so the criteria tied to it are unchanged.`] : [])),
    ].join(" "),
  revoke: "Revoke the approval",
  revokeReason: "Why (required)",
  revokeConfirm: "Revoke the approval of this unit's SIPAS figures?",
  revoked: "Approval revoked; the figures are back to computed.",

  tableCaption: "SIPAS figures per unit",
  unit: "Unit",
  group: "Group",
  responses: "Responses",
  index: "Index (%)",
  interval: "95 % confidence interval (%)",
  intervalShown: (low, high) => `${low} – ${high}`,
  state: "State",
  actions: "Actions",
  none: "—",
  noFigureSpoken: "no figure",
  smallSample: "small sample",
  smallSampleLong: (threshold) => `small sample: fewer than ${threshold} responses, for reference only`,
  computedState: "Computed, awaiting approval",
  approvedState: (by, at) => `Approved by ${by} on ${at}`,
  noResponses: "No accepted response yet",
  notComputed: "Responses, not computed yet",
  pending: (accepted, flagged) => `Now ${accepted} accepted responses, ${flagged} awaiting review`,
  needsRecompute: "The responses changed since the last computation — recompute.",
  details: "Details",
  detailsOf: (unit) => `Per-question details of ${unit}`,

  unitTitle: (unit) => `SIPAS results — ${unit}`,
  backToResults: "Back to the period's SIPAS results",
  elementsTitle: "Per element",
  elementsCaption: "Index per element",
  element: "Element",
  weight: "Weight",
  elementResponses: "Respondents",
  questionsTitle: "Per question",
  questionsCaption: "Index per question",
  question: "Question",
  answers: "Answers",
  noResult: "This unit has no computed SIPAS figures.",

  methodology: (method, satisfiedFrom) =>
    `${
      method === "share_satisfied"
        ? `Each question's and element's index is the share of answers at ${satisfiedFrom} or above (satisfied)`
        : "Each question's and element's index is the mean answer mapped onto 0–100"
    }; the overall index is the weighted mean of the elements (an element nobody answered is left out); the 95 % confidence interval is the normal approximation index ± 1.96 × the standard deviation of each respondent's own score / √(number of respondents), and reflects sampling error only.`,
};

const catalogue: Record<Locale, SipasResultsMessages> = { vi, en };

export function sipasResultsMessagesFor(locale: Locale): SipasResultsMessages {
  return catalogue[locale];
}
