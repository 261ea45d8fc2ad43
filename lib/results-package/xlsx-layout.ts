// The results package as an Excel workbook (.xlsx): the documented layout that
// read-results-package-xlsx.ts reads and write-results-package-xlsx.ts writes.
//
// Provinces keep their results in spreadsheets, so the workbook mirrors the JSON contract
// (shared/domain/results-format.md) part by part: one sheet per top-level list, row 1 holding
// stable column keys (the JSON field names, so one set of names serves both formats), one data row
// per list item. The keys stay English because they are the contract; the Vietnamese and English
// labels live in a note on each header cell and in the instructions sheet, which are free to change.
//
// Everything the reader and writer must agree on is here, so they cannot drift apart.

/** What a cell holds, which decides how it is read (see read-results-package-xlsx.ts). */
export type ColumnKind =
  /** A code: text; a whole number is accepted (Excel turns "1" into 1), a fraction is refused. */
  | "code"
  /** Free text (names, reasons): text, or a number written as it reads. */
  | "text"
  /** Points or an index: a number cell, or text with a decimal point or comma ("12,5"). */
  | "decimal"
  /** A whole number (year, responses). */
  | "integer"
  /** Yes/no: TRUE_WORDS or FALSE_WORDS, a TRUE/FALSE cell, or empty (= no). */
  | "boolean"
  /** A date cell, or text "YYYY-MM-DD" or "dd/mm/yyyy". */
  | "date"
  /** Codes separated by commas, e.g. "tien-ky-cu, tien-ky-moi". */
  | "codeList";

export interface ColumnSpec {
  key: string;
  kind: ColumnKind;
  /** A required column must be in the header row; its cells may still be empty where allowed. */
  required: boolean;
  vi: string;
  en: string;
  /** Column width in characters, for the written workbook. */
  width: number;
}

export interface SheetSpec {
  name: string;
  /** A workbook without a required sheet is refused; an optional one left out means "none". */
  required: boolean;
  vi: string;
  en: string;
}

export interface TableSheetSpec extends SheetSpec {
  columns: readonly ColumnSpec[];
}

/** The key/value sheet: column "key" names the field, column "value" holds it. */
export interface KeyValueSheetSpec extends SheetSpec {
  keyColumn: ColumnSpec;
  valueColumn: ColumnSpec;
  /** The rows, in the order the writer puts them. */
  keys: readonly ColumnSpec[];
}

function column(
  key: string,
  kind: ColumnKind,
  required: boolean,
  vi: string,
  en: string,
  width = 14,
): ColumnSpec {
  return { key, kind, required, vi, en, width };
}

export const PERIOD_SHEET: KeyValueSheetSpec = {
  name: "period",
  required: true,
  vi: "Thông tin kỳ đánh giá và bộ chỉ số: mỗi dòng một trường (cột key), giá trị ở cột value",
  en: "The period and its criteria set: one field per row (column key), its value in column value",
  keyColumn: column("key", "code", true, "Tên trường", "Field name", 18),
  valueColumn: column("value", "text", true, "Giá trị", "Value", 50),
  keys: [
    column("format", "text", true, 'Định dạng, luôn là "par-index.results/1"', 'Format, always "par-index.results/1"'),
    column("code", "code", true, "Mã kỳ đánh giá (duy nhất), ví dụ tien-phuoc-2022", "Period code (unique), e.g. tien-phuoc-2022"),
    column("year", "integer", true, "Năm đánh giá", "Year evaluated"),
    column("name", "text", true, "Tên kỳ đánh giá", "Name of the period"),
    column("authority", "text", true, "Cơ quan đánh giá và công bố", "Authority that evaluates and publishes"),
    column("previous", "code", false, "Mã kỳ trước để so sánh thứ hạng (không bắt buộc)", "Code of the previous period, for rank change (optional)"),
    column("decisionNumber", "text", false, "Số quyết định công bố (không bắt buộc)", "Number of the publishing decision (optional)"),
    column("decisionDate", "date", false, "Ngày quyết định: ô ngày, YYYY-MM-DD hoặc dd/mm/yyyy", "Date of the decision: a date cell, YYYY-MM-DD or dd/mm/yyyy"),
    column("criteriaSetCode", "code", true, "Mã bộ chỉ số, ví dụ xa-2022", "Code of the criteria set, e.g. xa-2022"),
    column("criteriaSetName", "text", true, "Tên bộ chỉ số", "Name of the criteria set"),
  ],
};

export const CRITERIA_SHEET: TableSheetSpec = {
  name: "criteria",
  required: true,
  vi: "Cây tiêu chí viết phẳng theo thứ tự: mỗi tiêu chí một dòng, tiêu chí cha đứng trước các tiêu chí con",
  en: "The criteria tree, flat and in order: one criterion per row, every parent above its children",
  columns: [
    column("code", "code", true, "Mã tiêu chí, ví dụ 1.3.2 (nên định dạng ô là Văn bản)", "Criterion code, e.g. 1.3.2 (format the cells as Text)", 10),
    column("parentCode", "code", false, "Mã tiêu chí cha; để trống nếu là lĩnh vực (cấp 1)", "Parent's code; empty for a field (level 1)", 12),
    column("name", "text", true, "Tên tiêu chí", "Criterion name", 60),
    column("maxPoints", "decimal", true, "Điểm tối đa; bắt buộc ở tiêu chí lá, ở tiêu chí cha phải bằng tổng các con", "Maximum points; required on leaves, on a parent it must equal its children's sum", 12),
    column("method", "code", false, "appraisal (thẩm định) hoặc survey (điều tra XHH); trống = như tiêu chí cha", "appraisal or survey; empty = as the parent", 12),
  ],
};

export const GROUPS_SHEET: TableSheetSpec = {
  name: "groups",
  required: true,
  vi: "Các khối xếp hạng",
  en: "The groups units are ranked in",
  columns: [
    column("code", "code", true, "Mã khối", "Group code", 14),
    column("name", "text", true, "Tên khối", "Group name", 40),
  ],
};

export const BANDS_SHEET: TableSheetSpec = {
  name: "bands",
  required: false,
  vi: "Xếp loại (không bắt buộc): chỉ số từ minIndex trở lên thuộc loại này",
  en: "Bands (optional): an index of at least minIndex falls in the band",
  columns: [
    column("label", "text", true, "Tên xếp loại, ví dụ Tốt", "Band label, e.g. Tốt", 20),
    column("minIndex", "decimal", true, "Chỉ số tối thiểu (0–100), tính cả bằng", "Lowest index of the band (0–100), inclusive", 12),
  ],
};

export const TIE_BREAKERS_SHEET: TableSheetSpec = {
  name: "tieBreakers",
  required: false,
  vi: "Tiêu chí phụ khi bằng chỉ số (không bắt buộc), theo thứ tự: appraisalPoints, surveyPoints",
  en: "Tie-breakers (optional), in order: appraisalPoints, surveyPoints",
  columns: [column("key", "code", true, "appraisalPoints hoặc surveyPoints", "appraisalPoints or surveyPoints", 20)],
};

export const UNITS_SHEET: TableSheetSpec = {
  name: "units",
  required: true,
  vi: "Các đơn vị được đánh giá",
  en: "The units evaluated",
  columns: [
    column("code", "code", true, "Mã đơn vị", "Unit code", 16),
    column("name", "text", true, "Tên đơn vị", "Unit name", 36),
    column("group", "code", true, "Mã khối (trang groups)", "Group code (sheet groups)", 10),
    column("predecessors", "codeList", false, "Mã các đơn vị đã sáp nhập vào, cách nhau bởi dấu phẩy", "Codes of units merged into this one, separated by commas", 24),
  ],
};

export const SCORES_SHEET: TableSheetSpec = {
  name: "scores",
  required: true,
  vi: "Điểm: mỗi đơn vị một dòng cho mỗi tiêu chí lá",
  en: "Scores: one row per unit and leaf criterion",
  columns: [
    column("unit", "code", true, "Mã đơn vị", "Unit code", 16),
    column("criterion", "code", true, "Mã tiêu chí lá", "Leaf criterion code", 10),
    column("points", "decimal", true, "Điểm thẩm định; trống chỉ khi không áp dụng", "Appraised points; empty only when not applicable", 10),
    column("selfPoints", "decimal", false, "Điểm tự chấm (không bắt buộc)", "Self-assessed points (optional)", 10),
    column("reason", "text", false, "Lý do điểm thẩm định khác điểm tự chấm (không bắt buộc)", "Why the appraisal differs from the self-assessment (optional)", 40),
    column("notApplicable", "boolean", false, 'Không áp dụng: "x", "có", TRUE hoặc 1; trống = có áp dụng', 'Not applicable: "x", "có", TRUE or 1; empty = applicable', 12),
  ],
};

export const SIPAS_SHEET: TableSheetSpec = {
  name: "sipas",
  required: false,
  vi: "Chỉ số hài lòng SIPAS (không bắt buộc); thêm cột element:<mã> cho từng yếu tố",
  en: "SIPAS satisfaction indices (optional); add a column element:<code> per element",
  columns: [
    column("unit", "code", true, "Mã đơn vị", "Unit code", 16),
    column("index", "decimal", true, "Chỉ số hài lòng (0–100)", "Satisfaction index (0–100)", 10),
    column("responses", "integer", true, "Số phiếu trả lời", "Number of responses", 10),
  ],
};

/** A SIPAS element column is "element:<code>", e.g. "element:access"; one per element. */
export const SIPAS_ELEMENT_PREFIX = "element:";

export function sipasElementColumn(code: string): ColumnSpec {
  return column(
    `${SIPAS_ELEMENT_PREFIX}${code}`,
    "decimal",
    false,
    `Chỉ số của yếu tố ${code} (0–100)`,
    `Index of the element ${code} (0–100)`,
    12,
  );
}

/** The table sheets, in the order the writer puts them (after period). */
export const TABLE_SHEETS: readonly TableSheetSpec[] = [
  CRITERIA_SHEET,
  GROUPS_SHEET,
  BANDS_SHEET,
  TIE_BREAKERS_SHEET,
  UNITS_SHEET,
  SCORES_SHEET,
  SIPAS_SHEET,
];

/** Not read: it only explains the others. Written first so that it is what a person sees first. */
export const INSTRUCTIONS_SHEET_NAME = "hướng dẫn";

/** Values of a yes/no cell, compared without case (and NFC, so a decomposed "có" matches too). */
export const TRUE_WORDS: readonly string[] = ["x", "true", "1", "có"];
export const FALSE_WORDS: readonly string[] = ["false", "0", "không"];

/** What the writer puts in a yes cell; a no cell is left empty. */
export const TRUE_CELL = "x";

/** Number format "Text" ("@"): Excel keeps "1.10" as typed instead of turning it into 1.1. */
export const TEXT_FORMAT = "@";

/** General remarks of the instructions sheet, each in Vietnamese and English. */
export const INSTRUCTIONS_GENERAL: readonly { vi: string; en: string }[] = [
  {
    vi: "Tệp này là gói kết quả Chỉ số CCHC (định dạng par-index.results/1) dưới dạng Excel. Mỗi phần của gói là một trang tính; trang \"hướng dẫn\" này không được đọc khi nhập.",
    en: "This file is a PAR Index results package (format par-index.results/1) as an Excel workbook. Each part of the package is one sheet; this \"hướng dẫn\" (instructions) sheet is not read on import.",
  },
  {
    vi: "Dòng 1 của mỗi trang là tên cột (key) bằng tiếng Anh: không đổi tên, không xóa cột bắt buộc. Thứ tự cột tùy ý; cột khác (ví dụ ghi chú) được bỏ qua. Dữ liệu bắt đầu từ dòng 2; dòng trống được bỏ qua.",
    en: "Row 1 of each sheet holds the column keys in English: do not rename them or remove a required column. Columns may be in any order; other columns (e.g. notes) are ignored. Data starts on row 2; empty rows are skipped.",
  },
  {
    vi: "Số thập phân: ô kiểu số, hoặc văn bản dùng dấu phẩy hay dấu chấm thập phân (12,5 hoặc 12.5). Không dùng dấu phân cách hàng nghìn (1.234,5 bị từ chối vì không rõ nghĩa). Tối đa 4 chữ số thập phân. Không định dạng phần trăm.",
    en: "Decimals: a number cell, or text with a decimal comma or point (12,5 or 12.5). No thousands separators (1.234,5 is refused as ambiguous). At most 4 decimal places. No percentage format.",
  },
  {
    vi: "Không chấp nhận công thức, giá trị lỗi (#N/A…), siêu liên kết hay ô gộp: hãy sao chép và dán giá trị (Paste Values) trước khi nhập.",
    en: "Formulas, error values (#N/A…), hyperlinks and merged cells are not accepted: copy and Paste Values before importing.",
  },
  {
    vi: "Mã (tiêu chí, đơn vị, khối) là văn bản: nên định dạng các cột mã là Văn bản (Text) để Excel không đổi 1.10 thành 1.1. Mã là số thập phân trong ô kiểu số bị từ chối.",
    en: "Codes (criteria, units, groups) are text: format code columns as Text so Excel does not turn 1.10 into 1.1. A fractional number in a code cell is refused.",
  },
  {
    vi: "Cột notApplicable: \"x\", \"có\", TRUE hoặc 1 là không áp dụng; trống, \"không\", FALSE hoặc 0 là có áp dụng. Ngày: ô ngày, hoặc văn bản YYYY-MM-DD hay dd/mm/yyyy.",
    en: "Column notApplicable: \"x\", \"có\", TRUE or 1 mean not applicable; empty, \"không\", FALSE or 0 mean applicable. Dates: a date cell, or text YYYY-MM-DD or dd/mm/yyyy.",
  },
  {
    vi: "Khi nhập, mọi lỗi được báo kèm trang tính, dòng và ô (ví dụ scores!C12); có lỗi thì không có gì được nhập.",
    en: "On import every problem is reported with its sheet, row and cell (e.g. scores!C12); if there is any problem, nothing is imported.",
  },
];

/** "A", …, "Z", "AA", … for a 1-based column number: how spreadsheets name columns. */
export function columnLetter(columnNumber: number): string {
  let n = columnNumber;
  let letters = "";
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** "scores!C12"; a sheet name with spaces or punctuation is quoted as spreadsheets do. */
export function cellReference(sheet: string, row: number, columnNumber: number): string {
  return `${sheetReference(sheet)}!${columnLetter(columnNumber)}${row}`;
}

/** "scores!12:12": the whole row, as typed into a spreadsheet's name box. */
export function rowReference(sheet: string, row: number): string {
  return `${sheetReference(sheet)}!${row}:${row}`;
}

export function sheetReference(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}
