// The self-assessment workbook an officer downloads, fills in and uploads again: what the writer
// (self-assessment-xlsx-write.ts) and the reader (self-assessment-xlsx-read.ts) must agree on.
//
// One sheet holds the unit's criteria tree in order. Its first rows say which period and unit the
// file belongs to (an upload into another one is refused), then a row of Vietnamese labels for the
// officer, then the row of stable column keys the reader goes by (the house style of the results
// package, lib/results-package/xlsx-layout.ts), then one row per criterion. Each leaf row carries
// the version of the stored score it was exported from, so an upload cannot silently overwrite a
// colleague's later change.

export const SELF_ASSESSMENT_FORMAT = "par-index.self-assessment/1";
export const SELF_ASSESSMENT_SHEET = "tu-danh-gia";
export const SELF_ASSESSMENT_INSTRUCTIONS_SHEET = "hướng dẫn";
/** An officer's workbook is a few dozen kilobytes; 5 MiB leaves room for formatting and images. */
export const SELF_ASSESSMENT_MAX_BYTES = 5 * 1024 * 1024;
/** What unpacking may take at most (a small zip can expand to gigabytes of XML). */
export const SELF_ASSESSMENT_MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
/** Written in a survey-scored leaf's points cell; read back as empty. */
export const SURVEY_MARK = "không tự chấm";

/** Key/value rows above the table: key in column A, value in column B. */
export const META_KEYS = {
  period: { row: 1, vi: "Mã kỳ đánh giá", en: "Period code" },
  unit: { row: 2, vi: "Mã đơn vị", en: "Unit code" },
  format: { row: 3, vi: "Định dạng tệp", en: "File format" },
} as const;
export type MetaKey = keyof typeof META_KEYS;

export const LABEL_ROW = 4;
export const HEADER_ROW = 5;
export const FIRST_DATA_ROW = 6;

export type ColumnKey = "code" | "name" | "maxPoints" | "method" | "selfPoints" | "notApplicable" | "notApplicableReason" | "note" | "version";

export type SelfAssessmentColumn = { key: ColumnKey; vi: string; en: string; width: number; editable: boolean; readRequired: boolean };

export const COLUMNS: readonly SelfAssessmentColumn[] = [
  { key: "code", vi: "Mã", en: "Code", width: 10, editable: false, readRequired: true },
  { key: "name", vi: "Tên lĩnh vực / tiêu chí", en: "Field / criterion", width: 60, editable: false, readRequired: false },
  { key: "maxPoints", vi: "Điểm tối đa", en: "Maximum points", width: 11, editable: false, readRequired: false },
  { key: "method", vi: "Cách chấm", en: "Scored by", width: 16, editable: false, readRequired: false },
  { key: "selfPoints", vi: "Điểm tự chấm", en: "Self-assessed points", width: 13, editable: true, readRequired: true },
  { key: "notApplicable", vi: "Không đánh giá (x)", en: "Not applicable (x)", width: 13, editable: true, readRequired: true },
  { key: "notApplicableReason", vi: "Lý do không đánh giá", en: "Reason for not applicable", width: 36, editable: true, readRequired: true },
  { key: "note", vi: "Ghi chú", en: "Note", width: 36, editable: true, readRequired: true },
  { key: "version", vi: "Phiên bản — không sửa", en: "Version — do not edit", width: 12, editable: false, readRequired: true },
];

export function columnNumber(key: ColumnKey): number {
  return COLUMNS.findIndex((column) => column.key === key) + 1;
}

export const METHOD_LABEL = { appraisal: "thẩm định", survey: "điều tra XHH" } as const;

/** Yes/no words of the "not applicable" column, as in the results package (compared in NFC, any case). */
export const YES_WORDS: readonly string[] = ["x", "có", "true", "1"];
export const NO_WORDS: readonly string[] = ["không", "false", "0"];

export const INSTRUCTIONS: readonly { vi: string; en: string }[] = [
  {
    vi: "Tệp này là bản tự đánh giá của một đơn vị trong một kỳ (xem ô B1, B2 của trang \"tu-danh-gia\"). Chỉ tải lên lại cho đúng đơn vị và kỳ đó.",
    en: "This file is one unit's self-assessment in one period (cells B1 and B2 of sheet \"tu-danh-gia\"). Upload it back to that unit and period only.",
  },
  {
    vi: "Chỉ điền các ô nền vàng ở dòng tiêu chí thành phần: Điểm tự chấm, Không đánh giá, Lý do không đánh giá, Ghi chú. Dòng in đậm là lĩnh vực, tiêu chí: không điền.",
    en: "Fill in only the yellow cells of leaf rows: self-assessed points, not applicable, reason, note. Bold rows are fields and criteria: leave them empty.",
  },
  {
    vi: "Điểm: số thập phân không âm, không vượt điểm tối đa, tối đa 4 chữ số thập phân; dùng dấu phẩy hoặc dấu chấm thập phân (12,5 hoặc 12.5), không dùng dấu phân cách hàng nghìn. Xóa điểm trong ô là xóa điểm đã lưu.",
    en: "Points: a decimal, not negative, at most the maximum, at most 4 decimal places; decimal comma or point (12,5 or 12.5), no thousands separators. Emptying a cell removes the saved points.",
  },
  {
    vi: "Không đánh giá: ghi \"x\" vào cột Không đánh giá và nêu lý do; khi đó không ghi điểm.",
    en: "Not applicable: put \"x\" in the not-applicable column and give the reason; no points then.",
  },
  {
    vi: `Tiêu chí chấm bằng điều tra xã hội học ghi "${SURVEY_MARK}": đơn vị không tự chấm, để nguyên.`,
    en: `Survey-scored criteria say "${SURVEY_MARK}" (not self-assessed): leave them as they are.`,
  },
  {
    vi: "Không sửa mã tiêu chí, cột Phiên bản và các dòng 1–5; không đổi tên trang tính; không dùng công thức (hãy dán giá trị).",
    en: "Do not change the criterion codes, the version column or rows 1–5; do not rename the sheet; no formulas (paste values).",
  },
  {
    vi: "Khi tải lên, mọi dòng đều được kiểm tra: có lỗi ở bất kỳ dòng nào thì không có gì được lưu, và mọi lỗi được báo kèm số dòng. Chỉ những dòng khác với dữ liệu đang có trên cổng mới được lưu.",
    en: "On upload every row is checked: if any row has a problem nothing is saved, and every problem is reported with its row number. Only rows that differ from what the portal holds are saved.",
  },
  {
    vi: "Nếu một dòng đã được lưu trên cổng sau khi bạn tải tệp này về, dòng đó bị báo \"đã thay đổi\": hãy tải tệp mới về và điền lại dòng đó.",
    en: "If a row was saved in the portal after you downloaded this file, it is reported as changed: download a new file and fill that row in again.",
  },
  {
    vi: "Tài liệu kiểm chứng không đi kèm tệp này: hãy tải lên từng tệp trên cổng, ở tiêu chí tương ứng.",
    en: "Evidence files are not part of this workbook: upload each one in the portal, on its criterion.",
  },
];

/** "tu-danh-gia-2025-so-noi-vu.xlsx": the name the download is offered under. */
export function selfAssessmentXlsxFileName(periodCode: string, unitCode: string): string {
  const safe = (code: string) => code.replace(/[^A-Za-z0-9._-]+/g, "-");
  return `tu-danh-gia-${safe(periodCode)}-${safe(unitCode)}.xlsx`;
}

/** One node of the period's criteria tree as the sheet shows it; decimals as strings. */
export type SheetCriterion = {
  code: string;
  name: string;
  maxPoints: string;
  method: "appraisal" | "survey";
  /** 1 for a field, 2 for a criterion, 3 for a sub-criterion. */
  depth: number;
  isLeaf: boolean;
};

/** The unit's stored answer on one leaf. */
export type SheetScore = {
  selfPoints: string | null;
  selfNotApplicable: boolean;
  selfNotApplicableReason: string | null;
  selfNote: string | null;
  version: number;
};

export type SelfAssessmentSheet = {
  period: { code: string; name: string };
  unit: { code: string; name: string };
  /** In tree order (orderCriteriaTree). */
  criteria: readonly SheetCriterion[];
  /** By leaf code; a leaf the unit never saved has none. */
  scores: ReadonlyMap<string, SheetScore>;
};

/**
 * The set's nodes depth first, siblings by their `order` then code, each with its depth and
 * whether it is a leaf. A node whose parent is not in the list is shown as a field, not dropped.
 */
export function orderCriteriaTree(
  records: readonly { id: string; parentId: string | null; code: string; name: string; maxPoints: string; method: "appraisal" | "survey"; order: number }[],
): SheetCriterion[] {
  const ids = new Set(records.map((record) => record.id));
  const childrenOf = new Map<string | null, (typeof records)[number][]>();
  for (const record of records) {
    const parent = record.parentId !== null && ids.has(record.parentId) ? record.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), record]);
  }
  const out: SheetCriterion[] = [];
  const visit = (parent: string | null, depth: number) => {
    const siblings = [...(childrenOf.get(parent) ?? [])].sort((a, b) => a.order - b.order || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
    for (const node of siblings) {
      const isLeaf = !childrenOf.has(node.id);
      out.push({ code: node.code, name: node.name, maxPoints: node.maxPoints, method: node.method, depth, isLeaf });
      if (!isLeaf) visit(node.id, depth + 1);
    }
  };
  visit(null, 1);
  return out;
}
