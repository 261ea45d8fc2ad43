import type { Locale } from "./locale";

// What each kind of to-do says. Items arrive with their period, unit and count.

type Item = { kind: string; count: number; reason: string | null };

const vi = {
  title(item: Item): string {
    switch (item.kind) {
      case "returned_items":
        return `${item.count} tiêu chí được Hội đồng trả lại, cần giải trình`;
      case "ready_to_resubmit":
        return "Đã giải trình đủ: nộp lại bản tự đánh giá";
      case "self_assessment_due":
        return `Sắp hết hạn tự đánh giá: còn ${item.count} mục chưa xong`;
      case "assessment_reopened":
        return `Bản tự đánh giá được mở lại${item.reason ? `: ${item.reason}` : ""}`;
      case "explanations_to_review":
        return `${item.count} giải trình cần xem xét`;
      case "unit_submitted":
        return `Đơn vị đã nộp: ${item.count} tiêu chí chờ thẩm định`;
      case "unit_in_appraisal":
        return `Đang thẩm định: còn ${item.count} tiêu chí`;
      case "appraisal_due":
        return `Sắp hết hạn thẩm định: ${item.count} đơn vị chưa phê duyệt`;
      case "all_units_approved":
        return `Cả ${item.count} đơn vị đã được phê duyệt: phê duyệt kết quả của kỳ`;
      case "ready_to_publish":
        return `Kỳ đã phê duyệt (${item.count} đơn vị): sẵn sàng công bố`;
      default:
        return item.kind;
    }
  },
};

export type InboxMessages = typeof vi;

const en: InboxMessages = {
  title(item) {
    switch (item.kind) {
      case "returned_items":
        return `${item.count} criteria returned by the council for explanation`;
      case "ready_to_resubmit":
        return "Every returned item explained: resubmit the self-assessment";
      case "self_assessment_due":
        return `Self-assessment due soon: ${item.count} still to do`;
      case "assessment_reopened":
        return `Self-assessment reopened${item.reason ? `: ${item.reason}` : ""}`;
      case "explanations_to_review":
        return `${item.count} explanation${item.count === 1 ? "" : "s"} to review`;
      case "unit_submitted":
        return `Unit submitted: ${item.count} criteria to appraise`;
      case "unit_in_appraisal":
        return `Under appraisal: ${item.count} criteria left`;
      case "appraisal_due":
        return `Appraisal due soon: ${item.count} unit${item.count === 1 ? "" : "s"} not approved`;
      case "all_units_approved":
        return `All ${item.count} units approved: approve the period's results`;
      case "ready_to_publish":
        return `Period approved (${item.count} units): ready to publish`;
      default:
        return item.kind;
    }
  },
};

const catalogue: Record<Locale, InboxMessages> = { vi, en };

export function inboxMessagesFor(locale: Locale): InboxMessages {
  return catalogue[locale];
}
