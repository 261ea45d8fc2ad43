import type { Locale } from "./locale";

// Text of the methodology page (/methodology/{period}). Numbers arrive already formatted for the
// locale; functions only place them in a sentence.

type Bound = { value: string; inclusive: boolean } | null;

const vi = {
  metaTitle: (period: string) => `Phương pháp đánh giá — ${period}`,
  metaDescription: (period: string, authority: string) =>
    `Cách đánh giá ${period} (${authority}): bộ tiêu chí với điểm tối đa và cách chấm, cách tính chỉ số, các mức xếp loại, quy tắc xếp hạng khi bằng điểm, quyết định phê duyệt và lịch sử đính chính.`,
  title: "Phương pháp đánh giá",
  breadcrumb: "Đường dẫn",
  home: "Trang chủ",
  relatedPages: "Các trang khác của kỳ này",
  leagueTables: "Bảng xếp hạng",
  sipasPage: "Chỉ số hài lòng (SIPAS)",
  demoNotice: "Dữ liệu minh họa: các con số trên cổng này là dữ liệu mẫu để trình diễn, không phải kết quả chính thức.",
  contents: "Trên trang này",

  criteriaHeading: "Bộ tiêu chí đánh giá",
  criteriaSet: (name: string, code: string, version: number) => `${name} (mã ${code}, phiên bản ${version}).`,
  levelCount: (level: number, count: number) =>
    `${count} ${["lĩnh vực", "tiêu chí", "tiêu chí thành phần"][level - 1] ?? `mục cấp ${level}`}`,
  treeCounts: (parts: string[]) => `Gồm ${parts.join(", ")}.`,
  maxSummary: (total: string, appraisal: string | null, survey: string | null) =>
    appraisal !== null && survey !== null
      ? `Tổng điểm tối đa ${total} điểm: ${appraisal} điểm thẩm định và ${survey} điểm điều tra xã hội học.`
      : survey !== null
        ? `Tổng điểm tối đa ${total} điểm, toàn bộ là điểm điều tra xã hội học.`
        : `Tổng điểm tối đa ${total} điểm, toàn bộ là điểm thẩm định.`,
  methodsHeading: "Hai cách chấm điểm",
  methodExplanations: {
    appraisal: "Hội đồng thẩm định chấm trên cơ sở báo cáo tự đánh giá và tài liệu kiểm chứng của đơn vị: công nhận điểm tự chấm hoặc điều chỉnh, có nêu lý do.",
    survey: "Điểm tính từ kết quả điều tra xã hội học: khảo sát ý kiến cán bộ, công chức, người dân và tổ chức.",
  },
  treeHint: "Chọn tên một lĩnh vực để mở hoặc thu gọn các tiêu chí của lĩnh vực đó.",
  treeLabel: "Cây tiêu chí: lĩnh vực, tiêu chí và tiêu chí thành phần",
  maxPoints: (points: string) => `tối đa ${points} điểm`,
  method: { appraisal: "Thẩm định", survey: "Điều tra xã hội học" },
  mixedMethod: (appraisal: string, survey: string) => `Thẩm định ${appraisal} điểm, điều tra xã hội học ${survey} điểm`,

  ruleThreshold: "Chấm theo giá trị đạt được:",
  ruleCaption: (code: string) => `Cách chấm tiêu chí ${code}`,
  valueColumn: "Giá trị",
  countColumn: "Số lượng",
  answerColumn: "Trả lời",
  pointsColumn: "Điểm",
  inputRange: (min: string | null, max: string | null) =>
    min !== null && max !== null ? `Giá trị hợp lệ từ ${min} đến ${max}.` : min !== null ? `Giá trị hợp lệ từ ${min} trở lên.` : `Giá trị hợp lệ đến ${max}.`,
  bounds: (from: Bound, to: Bound) => {
    if (from && to) {
      if (from.value === to.value && from.inclusive && to.inclusive) return `Bằng ${from.value}`;
      return `${from.inclusive ? "Từ" : "Trên"} ${from.value} ${to.inclusive ? "đến" : "đến dưới"} ${to.value}`;
    }
    if (from) return from.inclusive ? `Từ ${from.value} trở lên` : `Trên ${from.value}`;
    if (to) return to.inclusive ? `Từ ${to.value} trở xuống` : `Dưới ${to.value}`;
    return "Mọi giá trị";
  },
  otherValues: "Giá trị khác",
  ruleYesNo: "Chấm theo câu trả lời có hoặc không:",
  yes: "Có",
  no: "Không",
  ruleCountPerItem: (perItem: string, cap: string) => `${perItem} điểm cho mỗi trường hợp đạt yêu cầu, tối đa ${cap} điểm.`,
  ruleCountThresholds: "Chấm theo số lượng đạt được:",
  atLeast: (count: string) => `Từ ${count} trở lên`,
  below: (count: string) => `Dưới ${count}`,
  ruleDecimal: (max: string, places: number | null) =>
    `Chấm trực tiếp số điểm từ 0 đến ${max}${places === null ? "" : places === 0 ? ", chỉ chấm điểm nguyên" : `, tối đa ${places} chữ số thập phân`}.`,
  /** A survey leaf whose points follow from the approved SIPAS figures ("index" = the overall index, else an element's code). */
  fromSipas: (source: string) =>
    source === "index"
      ? "Điểm theo chỉ số SIPAS đã phê duyệt (chỉ số hài lòng chung của đơn vị)."
      : `Điểm theo chỉ số SIPAS đã phê duyệt (chỉ số thành phần “${source}”).`,
  ruleProportional: (max: string, places: number) =>
    `Điểm tỷ lệ thuận với tỷ lệ phần trăm: ${max} × tỷ lệ (%) / 100, làm tròn đến ${places} chữ số thập phân.`,
  ruleInvalid: "Quy tắc chấm điểm đã lưu của tiêu chí này không hợp lệ nên không hiển thị được.",
  awardFull: (points: string) => `Toàn bộ điểm tối đa (${points} điểm)`,
  awardShare: (percent: string, points: string) => `${percent}% điểm tối đa (${points} điểm)`,
  awardPoints: (points: string) => `${points} điểm`,

  computationHeading: "Cách tính điểm và chỉ số",
  computationPoints: [
    "Đơn vị tự chấm điểm từng tiêu chí thành phần, kèm tài liệu kiểm chứng; hội đồng thẩm định công nhận hoặc điều chỉnh điểm. Điểm điều tra xã hội học lấy từ kết quả khảo sát.",
    "Điểm của một tiêu chí, một lĩnh vực là tổng điểm các tiêu chí con; tổng điểm của đơn vị là tổng điểm các lĩnh vực.",
    "Tiêu chí không đánh giá đối với một đơn vị (ví dụ trong năm không phát sinh nhiệm vụ đó) được loại khỏi điểm tối đa của đơn vị đó.",
    "Chỉ số (%) = tổng điểm đạt được ÷ tổng điểm tối đa của các tiêu chí được đánh giá × 100. Khi mọi tiêu chí đều được đánh giá và tổng điểm tối đa là 100, chỉ số bằng tổng điểm.",
    "Điểm được lưu và tính bằng số thập phân chính xác. Khi hiển thị, điểm và chỉ số được làm tròn đến 2 chữ số thập phân, từ 5 trở lên làm tròn lên: 85,855 hiển thị là 85,86.",
  ],

  bandsHeading: "Xếp loại",
  bandsIntro: "Mỗi đơn vị được xếp vào mức cao nhất mà chỉ số của đơn vị đạt tới ngưỡng của mức đó. Chỉ số được so sánh chính xác, không làm tròn.",
  bandsCaption: "Các mức xếp loại, từ cao đến thấp",
  bandColumn: "Mức xếp loại",
  rangeColumn: "Chỉ số (%)",
  headColumn: "Đánh giá người đứng đầu",
  bandRange: (min: string, below: string | null) => (below === null ? `Từ ${min} trở lên` : `Từ ${min} đến dưới ${below}`),
  emptyBandRange: "Không áp dụng: trùng ngưỡng với mức cao hơn",
  unbanded: (below: string) => `Đơn vị có chỉ số dưới ${below} không được xếp loại.`,
  noBands: "Kỳ đánh giá này không quy định các mức xếp loại.",

  tiesHeading: "Xếp hạng và quy tắc khi bằng điểm",
  tiesIntro: (groups: string) =>
    `Các đơn vị được xếp hạng riêng trong từng khối (${groups}), không so sánh giữa các khối. Trong một khối, thứ hạng được quyết định lần lượt như sau:`,
  tieExactIndex:
    "Đơn vị có chỉ số cao hơn xếp trên. Chỉ số được so sánh chính xác, không làm tròn: hai đơn vị cùng hiển thị 85,86 vẫn có thể xếp hạng khác nhau.",
  tieBreaker: (key: "appraisalPoints" | "surveyPoints", first: boolean) =>
    `${first ? "Nếu chỉ số bằng nhau" : "Nếu vẫn bằng nhau"}, đơn vị có tổng điểm ${key === "appraisalPoints" ? "thẩm định" : "điều tra xã hội học"} cao hơn xếp trên.`,
  tieShared: (afterBreakers: boolean) =>
    `${afterBreakers ? "Nếu vẫn bằng nhau ở mọi tiêu chí trên" : "Nếu chỉ số bằng nhau"}, các đơn vị đồng hạng và thứ hạng tiếp theo được bỏ qua: hai đơn vị cùng hạng 1 thì đơn vị kế tiếp xếp hạng 3 (1, 1, 3). Các đơn vị đồng hạng được liệt kê theo mã đơn vị.`,

  decisionHeading: "Quyết định phê duyệt kết quả",
  decision: (number: string | null, date: string | null) =>
    number !== null && date !== null
      ? `Kết quả được phê duyệt theo Quyết định số ${number} ngày ${date}.`
      : number !== null
        ? `Kết quả được phê duyệt theo Quyết định số ${number}.`
        : date !== null
          ? `Kết quả được phê duyệt theo quyết định ngày ${date}.`
          : "Bản công bố hiện hành không ghi số và ngày của quyết định phê duyệt.",
  publishedOn: (date: string) => `Công bố ngày ${date}.`,

  errataHeading: "Lịch sử công bố và đính chính",
  errataIntro: (corrections: number) =>
    corrections === 0
      ? "Kết quả chưa được đính chính lần nào kể từ khi công bố."
      : `Kết quả đã được đính chính ${corrections} lần. Mọi bản công bố đều được lưu lại; các trang và dữ liệu mở trên cổng dùng bản hiện hành.`,
  errataLabel: "Các bản công bố, mới nhất trước",
  versionTitle: (version: number) => (version === 1 ? "Lần 1: công bố lần đầu" : `Lần ${version}: đính chính`),
  currentVersion: "Bản hiện hành",
  supersededVersion: "Đã được thay thế",
  publishedOnLabel: "Ngày công bố",
  decisionLabel: "Quyết định",
  decisionOf: (number: string | null, date: string | null) =>
    number !== null && date !== null ? `Số ${number} ngày ${date}` : number !== null ? `Số ${number}` : date !== null ? `Ngày ${date}` : "Không ghi",
  reasonLabel: "Lý do đính chính",
  noReason: "Không ghi lý do",
};

export type MethodologyMessages = typeof vi;

const en: MethodologyMessages = {
  metaTitle: (period) => `Methodology — ${period}`,
  metaDescription: (period, authority) =>
    `How ${period} (${authority}) was evaluated: the criteria with their maximum points and scoring, how the index is computed, the bands, the tie rule, the approving decision and the errata history.`,
  title: "Methodology",
  breadcrumb: "Breadcrumb",
  home: "Home",
  relatedPages: "Other pages of this period",
  leagueTables: "League tables",
  sipasPage: "Satisfaction index (SIPAS)",
  demoNotice: "Illustrative data: the figures on this portal are sample data for demonstration, not official results.",
  contents: "On this page",

  criteriaHeading: "Criteria",
  criteriaSet: (name, code, version) => `${name} (code ${code}, version ${version}).`,
  levelCount: (level, count) => {
    const names: [string, string][] = [
      ["field", "fields"],
      ["criterion", "criteria"],
      ["sub-criterion", "sub-criteria"],
    ];
    const [one, many] = names[level - 1] ?? [`level-${level} item`, `level-${level} items`];
    return `${count} ${count === 1 ? one : many}`;
  },
  treeCounts: (parts) => `${parts.join(", ")}.`,
  maxSummary: (total, appraisal, survey) =>
    appraisal !== null && survey !== null
      ? `Maximum ${total} points: ${appraisal} appraised and ${survey} from the sociological survey.`
      : survey !== null
        ? `Maximum ${total} points, all from the sociological survey.`
        : `Maximum ${total} points, all appraised.`,
  methodsHeading: "Two ways of scoring",
  methodExplanations: {
    appraisal: "The appraisal council scores from the unit's self-assessment report and evidence: it recognises the unit's own points or adjusts them, giving a reason.",
    survey: "Points come from the sociological survey of officials, civil servants, citizens and organisations.",
  },
  treeHint: "Choose a field's name to open or close its criteria.",
  treeLabel: "Criteria tree: fields, criteria and sub-criteria",
  maxPoints: (points) => `max ${points} ${points === "1" ? "point" : "points"}`,
  method: { appraisal: "Appraisal", survey: "Sociological survey" },
  mixedMethod: (appraisal, survey) => `Appraisal ${appraisal} points, sociological survey ${survey} points`,

  ruleThreshold: "Scored by the value achieved:",
  ruleCaption: (code) => `Scoring of criterion ${code}`,
  valueColumn: "Value",
  countColumn: "Count",
  answerColumn: "Answer",
  pointsColumn: "Points",
  inputRange: (min, max) =>
    min !== null && max !== null ? `Valid values from ${min} to ${max}.` : min !== null ? `Valid values from ${min} up.` : `Valid values up to ${max}.`,
  bounds: (from, to) => {
    if (from && to) {
      if (from.value === to.value && from.inclusive && to.inclusive) return `Exactly ${from.value}`;
      return `${from.inclusive ? "From" : "Above"} ${from.value} ${to.inclusive ? "to" : "to below"} ${to.value}`;
    }
    if (from) return from.inclusive ? `${from.value} or more` : `Above ${from.value}`;
    if (to) return to.inclusive ? `${to.value} or less` : `Below ${to.value}`;
    return "Any value";
  },
  otherValues: "Any other value",
  ruleYesNo: "Scored by a yes or no answer:",
  yes: "Yes",
  no: "No",
  ruleCountPerItem: (perItem, cap) => `${perItem} ${perItem === "1" ? "point" : "points"} for each qualifying case, at most ${cap} points.`,
  ruleCountThresholds: "Scored by the number achieved:",
  atLeast: (count) => `${count} or more`,
  below: (count) => `Fewer than ${count}`,
  ruleDecimal: (max, places) =>
    `Points given directly from 0 to ${max}${places === null ? "" : places === 0 ? ", whole points only" : `, at most ${places} decimal ${places === 1 ? "place" : "places"}`}.`,
  fromSipas: (source) =>
    source === "index"
      ? "Points follow the approved SIPAS index (the unit's overall satisfaction index)."
      : `Points follow the approved SIPAS index (element “${source}”).`,
  ruleProportional: (max, places) => `Points in proportion to the percentage: ${max} × rate (%) / 100, rounded to ${places} decimal places.`,
  ruleInvalid: "The stored scoring rule of this criterion is not valid, so it cannot be shown.",
  awardFull: (points) => `Full points (${points})`,
  awardShare: (percent, points) => `${percent}% of the maximum (${points} ${points === "1" ? "point" : "points"})`,
  awardPoints: (points) => `${points} ${points === "1" ? "point" : "points"}`,

  computationHeading: "How points and the index are computed",
  computationPoints: [
    "Each unit scores itself on every sub-criterion with evidence; the appraisal council recognises or adjusts those points. Survey points come from the sociological survey.",
    "A criterion's or a field's points are the sum of its children's; a unit's total is the sum of its fields.",
    "A criterion that does not apply to a unit (for example, the task did not arise that year) is removed from that unit's maximum.",
    "Index (%) = total points achieved ÷ maximum points of the criteria that apply × 100. When every criterion applies and the maximum is 100, the index equals the total.",
    "Points are stored and computed as exact decimals. On screen, points and indices are rounded half-up to 2 decimals: 85.855 shows as 85.86.",
  ],

  bandsHeading: "Bands",
  bandsIntro: "Each unit gets the highest band whose threshold its index reaches. The exact index is compared, not a rounded one.",
  bandsCaption: "Bands, highest first",
  bandColumn: "Band",
  rangeColumn: "Index (%)",
  headColumn: "Assessment of the unit head",
  bandRange: (min, below) => (below === null ? `${min} or more` : `From ${min} to below ${below}`),
  emptyBandRange: "Never given: same threshold as a higher band",
  unbanded: (below) => `Units with an index below ${below} get no band.`,
  noBands: "This period defines no bands.",

  tiesHeading: "Ranking and the tie rule",
  tiesIntro: (groups) => `Units are ranked within their own group (${groups}), never across groups. Within a group, the order is decided step by step:`,
  tieExactIndex: "A higher index ranks higher. Indices are compared exactly, not rounded: two units both shown as 85.86 can still rank differently.",
  tieBreaker: (key, first) =>
    `${first ? "If the indices are equal" : "If still equal"}, the unit with more ${key === "appraisalPoints" ? "appraised" : "survey"} points ranks higher.`,
  tieShared: (afterBreakers) =>
    `${afterBreakers ? "If still equal on all of the above" : "If the indices are equal"}, the units share the rank and the next rank is skipped: two units ranked 1st are followed by the 3rd (1, 1, 3). Units sharing a rank are listed by unit code.`,

  decisionHeading: "Decision approving the results",
  decision: (number, date) =>
    number !== null && date !== null
      ? `The results were approved by Decision No. ${number} of ${date}.`
      : number !== null
        ? `The results were approved by Decision No. ${number}.`
        : date !== null
          ? `The results were approved by a decision of ${date}.`
          : "The current publication does not record the number or date of an approving decision.",
  publishedOn: (date) => `Published on ${date}.`,

  errataHeading: "Publication and errata history",
  errataIntro: (corrections) =>
    corrections === 0
      ? "The results have not been corrected since they were published."
      : `The results have been corrected ${corrections === 1 ? "once" : `${corrections} times`}. Every version is kept; the portal's pages and open data use the current one.`,
  errataLabel: "Versions, newest first",
  versionTitle: (version) => (version === 1 ? "Version 1: original publication" : `Version ${version}: erratum`),
  currentVersion: "Current version",
  supersededVersion: "Superseded",
  publishedOnLabel: "Published on",
  decisionLabel: "Decision",
  decisionOf: (number, date) =>
    number !== null && date !== null ? `No. ${number} of ${date}` : number !== null ? `No. ${number}` : date !== null ? `Of ${date}` : "Not recorded",
  reasonLabel: "Reason for the correction",
  noReason: "No reason recorded",
};

const catalogue: Record<Locale, MethodologyMessages> = { vi, en };

export function methodologyMessagesFor(locale: Locale): MethodologyMessages {
  return catalogue[locale];
}
