import type { Locale } from "./locale";

// Text of the public survey form (/survey/{period}/{unit}), its thank-you page and its
// "not open / closed" page. Questions and element names come from the period's questionnaire.

const vi = {
  metaTitle: (unit: string) => `Khảo sát mức độ hài lòng — ${unit}`,
  metaDescription: (unit: string, period: string) => `Góp ý về sự phục vụ hành chính của ${unit} (${period}). Khoảng 2 phút, không cần đăng nhập.`,
  title: "Khảo sát mức độ hài lòng",
  unitLabel: "Đơn vị",
  intro: (min: number, max: number, minLabel: string, maxLabel: string) =>
    `Khoảng 2 phút, không cần đăng nhập. Mỗi câu, chọn một mức từ ${min} (${minLabel}) đến ${max} (${maxLabel}).`,
  requiredNote: "Các câu hỏi đánh giá đều bắt buộc; mã hồ sơ và góp ý thì không.",
  step: (current: number, total: number) => `Bước ${current}/${total}`,
  finalStepTitle: "Thông tin thêm và gửi",
  back: "Quay lại",
  next: "Tiếp theo",
  submit: "Gửi ý kiến",
  submitting: "Đang gửi…",
  dossierCode: "Mã hồ sơ (không bắt buộc)",
  dossierCodeHint: "Mã in trên giấy tiếp nhận hồ sơ, nếu bạn muốn đơn vị tra cứu lại trường hợp của mình.",
  comment: "Góp ý khác (không bắt buộc)",
  commentCount: (used: string, max: string) => `${used}/${max} ký tự`,
  honeypotLabel: "Email (để trống)",
  privacyTitle: "Thông tin được lưu",
  privacy: [
    "Chúng tôi lưu các câu trả lời của bạn, cùng mã hồ sơ và góp ý nếu bạn nhập.",
    "Để mỗi thiết bị chỉ góp ý một lần mỗi ngày cho một đơn vị, chúng tôi lưu mã băm có khóa bí mật của thiết bị và của địa chỉ mạng — không bao giờ lưu chính địa chỉ IP, không hỏi tên hay số điện thoại.",
    "Chỉ Sở Nội vụ và Hội đồng thẩm định xem từng phiếu; người dân chỉ thấy số liệu tổng hợp khi kết quả được công bố.",
  ],
  errorHeading: "Chưa gửi được ý kiến",
  errorsIntro: "Câu trả lời của bạn vẫn được giữ. Hãy sửa các mục sau:",
  missingAnswer: "Hãy chọn một câu trả lời cho câu này.",
  stepIncomplete: (count: number) => (count === 1 ? "Còn 1 câu chưa trả lời ở bước này." : `Còn ${count} câu chưa trả lời ở bước này.`),
  networkError: "Không kết nối được với máy chủ. Câu trả lời của bạn vẫn được giữ; hãy thử gửi lại.",
  // Thank-you page
  thanksTitle: "Cảm ơn bạn đã góp ý!",
  thanksText: (unit: string) => `Ý kiến của bạn về ${unit} đã được ghi nhận.`,
  thanksNext: "Chỉ số hài lòng (SIPAS) của các đơn vị được tính từ ý kiến của người dân, được Hội đồng thẩm định xem xét và công bố cùng Chỉ số cải cách hành chính.",
  homeLink: "Về trang chủ",
  // Not open / closed
  notOpenTitle: "Khảo sát chưa mở",
  closedTitle: "Khảo sát đã đóng",
  notOpenText: "Khảo sát cho đơn vị này chưa nhận ý kiến. Hãy quay lại khi khảo sát mở.",
  closedText: "Khảo sát cho đơn vị này đã kết thúc và không nhận thêm ý kiến. Cảm ơn bạn đã quan tâm.",
  window: (from: string | null, to: string | null) =>
    from && to ? `Thời gian nhận ý kiến: từ ${from} đến ${to}.` : from ? `Nhận ý kiến từ ${from}.` : to ? `Nhận ý kiến đến hết ${to}.` : null,
};

export type SipasSurveyMessages = typeof vi;

const en: SipasSurveyMessages = {
  metaTitle: (unit) => `Satisfaction survey — ${unit}`,
  metaDescription: (unit, period) => `Tell us about the administrative service of ${unit} (${period}). About 2 minutes, no sign-in.`,
  title: "Satisfaction survey",
  unitLabel: "Unit",
  intro: (min, max, minLabel, maxLabel) => `About 2 minutes, no sign-in. For each question, choose a level from ${min} (${minLabel}) to ${max} (${maxLabel}).`,
  requiredNote: "Every rating question is required; the dossier code and the comment are not.",
  step: (current, total) => `Step ${current} of ${total}`,
  finalStepTitle: "More details and send",
  back: "Back",
  next: "Next",
  submit: "Send my opinion",
  submitting: "Sending…",
  dossierCode: "Dossier code (optional)",
  dossierCodeHint: "The code printed on your dossier receipt, if you want the unit to be able to look up your case.",
  comment: "Other comments (optional)",
  commentCount: (used, max) => `${used}/${max} characters`,
  honeypotLabel: "Email (leave empty)",
  privacyTitle: "What is stored",
  privacy: [
    "We store your answers, and the dossier code and comment if you enter them.",
    "So that each device gives one opinion per unit per day, we store keyed hashes of the device and of the network address — never the IP address itself; we never ask for your name or phone number.",
    "Only home affairs and the appraisal council see single responses; the public sees aggregated figures once results are published.",
  ],
  errorHeading: "Your opinion was not sent yet",
  errorsIntro: "Your answers are kept. Please fix the following:",
  missingAnswer: "Please choose an answer to this question.",
  stepIncomplete: (count) => (count === 1 ? "1 question on this step is unanswered." : `${count} questions on this step are unanswered.`),
  networkError: "Could not reach the server. Your answers are kept; please try sending again.",
  thanksTitle: "Thank you for your opinion!",
  thanksText: (unit) => `Your opinion on ${unit} has been recorded.`,
  thanksNext: "The satisfaction index (SIPAS) of each unit is computed from citizens' opinions, reviewed by the appraisal council and published with the PAR Index.",
  homeLink: "Back to the home page",
  notOpenTitle: "The survey is not open yet",
  closedTitle: "The survey is closed",
  notOpenText: "The survey for this unit is not taking opinions yet. Please come back when it opens.",
  closedText: "The survey for this unit has ended and takes no more opinions. Thank you for your interest.",
  window: (from, to) => (from && to ? `Opinions are taken from ${from} to ${to}.` : from ? `Opinions are taken from ${from}.` : to ? `Opinions are taken until ${to}.` : null),
};

export function sipasSurveyMessagesFor(locale: Locale): SipasSurveyMessages {
  return locale === "vi" ? vi : en;
}
