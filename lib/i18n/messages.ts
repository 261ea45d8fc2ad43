import type { Locale } from "./locale";

const vi = {
  siteName: "Chỉ số CCHC",
  siteTagline: "Cổng công khai Chỉ số cải cách hành chính (PAR Index) và Chỉ số hài lòng SIPAS",
  skipToContent: "Bỏ qua, đến nội dung chính",
  languageSwitch: "English",
  languageSwitchLabel: "Chuyển sang tiếng Anh",
  homeTitle: "Kết quả Chỉ số cải cách hành chính",
  homeIntro:
    "Bảng xếp hạng Chỉ số CCHC của các cơ quan, đơn vị đã được phê duyệt và công bố. Mọi số liệu được tính chính xác từ điểm từng tiêu chí thành phần.",
  demoNotice: "Dữ liệu minh họa: các con số trên cổng này là dữ liệu mẫu để trình diễn, không phải kết quả chính thức.",
  publishedPeriods: "Các kỳ đánh giá đã công bố",
  noPublishedPeriods: "Chưa có kỳ đánh giá nào được công bố.",
  latestResults: "Kết quả mới nhất",
  viewPeriod: "Xem bảng xếp hạng",
  year: "Năm",
  authority: "Cơ quan đánh giá",
  decision: "Quyết định",
  decisionOf: (number: string, date: string) => `Quyết định số ${number} ngày ${date}`,
  publishedOn: (date: string) => `Công bố ngày ${date}`,
  group: "Khối",
  units: (count: number) => `${count} đơn vị`,
  rank: "Xếp hạng",
  rankChange: "Thay đổi thứ hạng",
  unit: "Đơn vị",
  total: "Tổng điểm",
  applicableMax: "Điểm tối đa áp dụng",
  index: "Chỉ số (%)",
  band: "Xếp loại",
  movedUp: (n: number) => `tăng ${n} bậc`,
  movedDown: (n: number) => `giảm ${n} bậc`,
  unchanged: "không đổi",
  notComparable: "không so sánh được",
  leagueTableCaption: (group: string, period: string) => `Bảng xếp hạng ${group} — ${period}`,
  groupAverage: "Điểm trung bình của khối",
  backToHome: "Về trang chủ",
  periodNotFound: "Không tìm thấy kỳ đánh giá đã công bố này.",
  footer: "Mã nguồn mở. Số liệu được công bố theo quyết định phê duyệt của cơ quan có thẩm quyền.",
};

export type Messages = typeof vi;

const en: Messages = {
  siteName: "PAR Index",
  siteTagline: "Public portal of the Public Administration Reform Index (PAR Index) and the SIPAS satisfaction index",
  skipToContent: "Skip to main content",
  languageSwitch: "Tiếng Việt",
  languageSwitchLabel: "Switch to Vietnamese",
  homeTitle: "Public Administration Reform Index results",
  homeIntro:
    "League tables of the PAR Index of agencies and units, as approved and published. Every figure is computed exactly from the points of each sub-criterion.",
  demoNotice: "Illustrative data: the figures on this portal are sample data for demonstration, not official results.",
  publishedPeriods: "Published evaluation periods",
  noPublishedPeriods: "No evaluation period has been published yet.",
  latestResults: "Latest results",
  viewPeriod: "View league tables",
  year: "Year",
  authority: "Evaluating authority",
  decision: "Decision",
  decisionOf: (number: string, date: string) => `Decision No. ${number} of ${date}`,
  publishedOn: (date: string) => `Published on ${date}`,
  group: "Group",
  units: (count: number) => `${count} units`,
  rank: "Rank",
  rankChange: "Rank change",
  unit: "Unit",
  total: "Total points",
  applicableMax: "Applicable maximum",
  index: "Index (%)",
  band: "Band",
  movedUp: (n: number) => `up ${n}`,
  movedDown: (n: number) => `down ${n}`,
  unchanged: "unchanged",
  notComparable: "not comparable",
  leagueTableCaption: (group: string, period: string) => `League table of ${group} — ${period}`,
  groupAverage: "Group average",
  backToHome: "Back to home",
  periodNotFound: "This published period was not found.",
  footer: "Open source. Figures are published under the approving decision of the competent authority.",
};

const catalogue: Record<Locale, Messages> = { vi, en };

export function messagesFor(locale: Locale): Messages {
  return catalogue[locale];
}
