import type { Locale } from "./locale";
import type { SipasSort } from "@/lib/domain/sipas-results";

// Text of the SIPAS page (/sipas/{period}). Numbers arrive already formatted for the locale.

/**
 * Names of the elements of MoHA's SIPAS model (in use since 2017), for results imported with codes
 * only. A period's own survey names its elements; those names win.
 */
const knownElementsVi: Record<string, string> = {
  access: "Tiếp cận dịch vụ hành chính công",
  procedures: "Thủ tục hành chính",
  civil_servants: "Công chức trực tiếp giải quyết công việc",
  results: "Kết quả cung ứng dịch vụ hành chính công",
  feedback: "Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị",
};

const knownElementsEn: Record<string, string> = {
  access: "Access to public administrative services",
  procedures: "Administrative procedures",
  civil_servants: "Civil servants handling the service",
  results: "Results of the service",
  feedback: "Receiving and handling feedback",
};

const vi = {
  metaTitle: (period: string) => `Chỉ số hài lòng SIPAS — ${period}`,
  metaDescription: (period: string, authority: string, units: number) =>
    units === 0
      ? `Chỉ số hài lòng về sự phục vụ hành chính (SIPAS) của ${period} (${authority}): chưa có kết quả được phê duyệt và công bố.`
      : `Chỉ số hài lòng của người dân, tổ chức về sự phục vụ hành chính (SIPAS) của ${units} đơn vị, ${period} (${authority}): chỉ số chung, từng yếu tố và số phiếu khảo sát.`,
  title: "Chỉ số hài lòng về sự phục vụ hành chính (SIPAS)",
  breadcrumb: "Đường dẫn",
  home: "Trang chủ",
  relatedPages: "Các trang khác của kỳ này",
  leagueTables: "Bảng xếp hạng Chỉ số CCHC",
  methodologyPage: "Phương pháp đánh giá",
  demoNotice: "Dữ liệu minh họa: các con số trên cổng này là dữ liệu mẫu để trình diễn, không phải kết quả chính thức.",
  decisionOf: (number: string, date: string) => `Quyết định số ${number} ngày ${date}`,
  publishedOn: (date: string) => `Công bố ngày ${date}`,
  intro:
    "SIPAS đo mức độ hài lòng của người dân và tổ chức đã sử dụng dịch vụ hành chính công tại mỗi đơn vị, tính bằng phần trăm. Chỉ số chung của một đơn vị được tổng hợp từ chỉ số hài lòng về từng yếu tố của dịch vụ.",
  smallSampleExplained: (threshold: string) =>
    `Với ít phiếu khảo sát, chỉ số có thể chênh nhiều so với mức hài lòng thực tế. Đơn vị có dưới ${threshold} phiếu được đánh dấu: mẫu nhỏ, kết quả chỉ mang tính tham khảo.`,
  smallSample: "mẫu nhỏ, kết quả chỉ mang tính tham khảo",
  smallSampleShort: "mẫu nhỏ",

  downloadData: "Tải dữ liệu",
  downloadCsv: "Tải CSV",
  downloadXlsx: "Tải Excel (XLSX)",
  downloadJson: "Tải JSON",

  emptyHeading: "Chưa có kết quả SIPAS",
  emptyText:
    "Kỳ đánh giá này chưa có kết quả Chỉ số hài lòng (SIPAS) nào được phê duyệt và công bố. Khi kết quả được công bố, chỉ số của từng đơn vị sẽ hiển thị tại đây.",

  sortLabel: "Sắp xếp kết quả",
  sortOptions: {
    index: "Chỉ số từ cao đến thấp",
    "index-asc": "Chỉ số từ thấp đến cao",
    name: "Tên đơn vị (A–Z)",
  } satisfies Record<SipasSort, string>,
  groupSummary: (units: string, responses: string | null) =>
    responses === null ? `${units} đơn vị` : `${units} đơn vị, tổng cộng ${responses} phiếu khảo sát`,

  unit: "Đơn vị",
  index: "Chỉ số hài lòng (%)",
  responses: "Số phiếu",
  confidenceInterval: "Khoảng tin cậy (%)",
  elementsNote: "Chỉ số của từng yếu tố tính bằng %.",
  elementsDisclosure: "Chỉ số từng yếu tố (%)",
  element: ({ code, name }: { code: string; name: string | null; nameEn: string | null }) => name ?? knownElementsVi[code] ?? code,
  interval: (low: string, high: string) => `${low} – ${high}`,
  noFigure: "—",
  noFigureSpoken: "không có số liệu",
  tableCaption: (group: string, sort: string) => `Chỉ số hài lòng theo đơn vị — ${group} (${sort.toLowerCase()})`,
  tableRegion: (group: string) => `Bảng chỉ số hài lòng — ${group}`,
  cardsLabel: (group: string) => `Chỉ số hài lòng theo đơn vị — ${group}`,
  responsesCount: (count: string) => `${count} phiếu`,

  chartTitle: (group: string) => `Chỉ số hài lòng chung theo đơn vị — ${group}`,
  chartLabel: (group: string, sort: string) =>
    `Biểu đồ thanh ngang: chỉ số hài lòng chung (%) của từng đơn vị thuộc ${group}, trên thang 0–100, ${sort.toLowerCase()}. Số liệu có trong bảng ngay sau biểu đồ.`,
  chartTable: "Xem số liệu của biểu đồ dạng bảng",
  chartAxis: "Chỉ số hài lòng (%)",
  chartSmallSampleLegend: "Thanh kẻ sọc: mẫu nhỏ, kết quả chỉ mang tính tham khảo.",
};

export type SipasMessages = typeof vi;

const en: SipasMessages = {
  metaTitle: (period) => `SIPAS satisfaction index — ${period}`,
  metaDescription: (period, authority, units) =>
    units === 0
      ? `Satisfaction with public administrative services (SIPAS) for ${period} (${authority}): no results have been approved and published yet.`
      : `Citizens' and organisations' satisfaction with public administrative services (SIPAS) for ${units} ${units === 1 ? "unit" : "units"}, ${period} (${authority}): overall index, each element and the number of responses.`,
  title: "Satisfaction index of public administrative services (SIPAS)",
  breadcrumb: "Breadcrumb",
  home: "Home",
  relatedPages: "Other pages of this period",
  leagueTables: "PAR Index league tables",
  methodologyPage: "Methodology",
  demoNotice: "Illustrative data: the figures on this portal are sample data for demonstration, not official results.",
  decisionOf: (number, date) => `Decision No. ${number} of ${date}`,
  publishedOn: (date) => `Published on ${date}`,
  intro:
    "SIPAS measures how satisfied citizens and organisations who used a unit's public administrative services are, as a percentage. A unit's overall index combines its satisfaction indices for each element of the service.",
  smallSampleExplained: (threshold) =>
    `With few responses an index can be far from the real level of satisfaction. Units with fewer than ${threshold} responses are marked: small sample, for reference only.`,
  smallSample: "small sample, for reference only",
  smallSampleShort: "small sample",

  downloadData: "Download the data",
  downloadCsv: "Download CSV",
  downloadXlsx: "Download Excel (XLSX)",
  downloadJson: "Download JSON",

  emptyHeading: "No SIPAS results yet",
  emptyText:
    "No satisfaction index (SIPAS) results have been approved and published for this period. Once they are, each unit's index will be shown here.",

  sortLabel: "Sort the results",
  sortOptions: {
    index: "Index, highest first",
    "index-asc": "Index, lowest first",
    name: "Unit name (A–Z)",
  },
  groupSummary: (units, responses) =>
    responses === null ? `${units} ${units === "1" ? "unit" : "units"}` : `${units} ${units === "1" ? "unit" : "units"}, ${responses} survey responses in all`,

  unit: "Unit",
  index: "Satisfaction index (%)",
  responses: "Responses",
  confidenceInterval: "Confidence interval (%)",
  elementsNote: "Element indices are percentages.",
  elementsDisclosure: "Index of each element (%)",
  element: ({ code, name, nameEn }) => nameEn ?? knownElementsEn[code] ?? name ?? code,
  interval: (low, high) => `${low} – ${high}`,
  noFigure: "—",
  noFigureSpoken: "no figure",
  tableCaption: (group, sort) => `Satisfaction index by unit — ${group} (${sort.toLowerCase()})`,
  tableRegion: (group) => `Satisfaction index table — ${group}`,
  cardsLabel: (group) => `Satisfaction index by unit — ${group}`,
  responsesCount: (count) => `${count} ${count === "1" ? "response" : "responses"}`,

  chartTitle: (group) => `Overall satisfaction index by unit — ${group}`,
  chartLabel: (group, sort) =>
    `Horizontal bar chart: overall satisfaction index (%) of each unit of ${group}, on a 0–100 scale, ${sort.toLowerCase()}. The figures are in the table right after the chart.`,
  chartTable: "Show the chart's figures as a table",
  chartAxis: "Satisfaction index (%)",
  chartSmallSampleLegend: "Striped bar: small sample, for reference only.",
};

const catalogue: Record<Locale, SipasMessages> = { vi, en };

export function sipasMessagesFor(locale: Locale): SipasMessages {
  return catalogue[locale];
}
