// Reads a results package from an Excel workbook laid out as xlsx-layout.ts describes.
//
// The workbook is turned into the same raw object a JSON file holds and handed to
// parseResultsPackage, so that the business rules (maxima, sums, references, completeness) are
// checked in one place for both formats. This file only does what is particular to spreadsheets:
// - it refuses cells whose value is not plainly what the column needs (formulas, error values,
//   hyperlinks, merged cells, dates in a points column, a percentage format, …), because importing
//   a cached formula result or a value shown differently than stored would be a silent guess;
// - it reads numbers exactly: a number cell through String(n), the shortest text that reads back as
//   the same double (as the JSON reader does), and a text cell by parseDecimalInput's rules, so
//   "12,5" is 12.5 and "1.234,5" is refused as ambiguous;
// - it maps every issue of the parser (a JSON path such as "scores[12].points") back to the cell
//   it came from ("scores!C14"), with `row` set to the sheet row a person sees in Excel.
import ExcelJS from "exceljs";
import {
  DEFAULT_MAX_BYTES,
  parseResultsPackage,
  type ParseResultsPackageResult,
} from "@/lib/results-package/parse-results-package";
import {
  formatPath,
  issue,
  issueAt,
  messages,
  quoteValue,
  type PathSegment,
  type ValidationIssue,
} from "@/lib/results-package/validation-error";
import {
  CRITERIA_SHEET,
  FALSE_WORDS,
  GROUPS_SHEET,
  BANDS_SHEET,
  PERIOD_SHEET,
  SCORES_SHEET,
  SIPAS_ELEMENT_PREFIX,
  SIPAS_SHEET,
  TIE_BREAKERS_SHEET,
  TRUE_WORDS,
  UNITS_SHEET,
  cellReference,
  columnLetter,
  rowReference,
  sipasElementColumn,
  type ColumnSpec,
  type SheetSpec,
  type TableSheetSpec,
} from "@/lib/results-package/xlsx-layout";

/**
 * Larger uncompressed content is refused before the workbook is parsed: an .xlsx is a zip, and a
 * small file can expand to gigabytes of XML (a "zip bomb"). 400 MB of XML is several hundred
 * thousand score rows, far more than a whole country's package.
 */
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 400 * 1024 * 1024;

export interface ReadResultsPackageXlsxOptions {
  /** Default DEFAULT_MAX_BYTES (50 MB): the size of the .xlsx file itself. */
  maxBytes?: number;
  /** Default DEFAULT_MAX_UNCOMPRESSED_BYTES: the total size of the files inside the zip. */
  maxUncompressedBytes?: number;
}

/**
 * Reads and validates a results package from the bytes of an .xlsx file. Every problem is returned
 * at once, each with `path` the spreadsheet place ("scores!C14", "units!5:5", "groups") and `row` the
 * sheet row; nothing is returned as a package unless the whole workbook is valid.
 */
export async function readResultsPackageXlsx(
  buffer: Buffer,
  options: ReadResultsPackageXlsxOptions = {},
): Promise<ParseResultsPackageResult> {
  const bytes = Buffer.isBuffer(buffer) ? buffer : Buffer.from(buffer as Uint8Array);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) {
    return fail([issue("input_too_large", [], { bytes: bytes.byteLength, maxBytes })]);
  }
  const container = checkContainer(bytes, options.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES);
  if (container) return fail([container]);

  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail([fileIssue("xlsx_corrupt", MESSAGES.xlsx_corrupt(detail))]);
  }

  const reader = new WorkbookReader(workbook);
  const raw = reader.read();
  // A wrong layout (missing sheet or column) would make every row look wrong: say only that.
  if (reader.structural.length > 0 || !raw) return fail([...reader.structural, ...reader.cellIssues]);

  const parsed = parseResultsPackage(raw);
  if (parsed.ok && reader.cellIssues.length === 0) return parsed;
  const reported = new Set(reader.cellIssues.map((i) => i.path));
  const mapped = parsed.ok ? [] : parsed.issues.map((i) => reader.locator.map(i));
  // A refused cell was left out of the package, so the parser may complain about it again
  // ("required"); the first, more precise message is enough.
  return fail([...reader.cellIssues, ...mapped.filter((i) => !reported.has(i.path))]);
}

function fail(issues: ValidationIssue[]): ParseResultsPackageResult {
  return { ok: false, issues };
}

// =============================================================================================
// Messages particular to workbooks (the package's own rules are worded in validation-error.ts)

type Text = { vi: string; en: string };

const MESSAGES = {
  xlsx_not_zip: (hint: Text): Text => ({
    vi: `Tệp không phải là sổ làm việc Excel (.xlsx)${hint.vi}`,
    en: `The file is not an Excel workbook (.xlsx)${hint.en}`,
  }),
  xlsx_legacy_format: (): Text => ({
    vi: "Tệp là định dạng Excel cũ (.xls) hoặc đã được đặt mật khẩu; hãy mở bằng Excel và lưu lại dưới dạng Sổ làm việc Excel (.xlsx) không có mật khẩu",
    en: "The file is an old-format Excel file (.xls) or is password-protected; open it in Excel and save it as an Excel Workbook (.xlsx) without a password",
  }),
  xlsx_not_workbook: (hint: Text): Text => ({
    vi: `Tệp là tệp nén (zip) nhưng không phải sổ làm việc Excel (.xlsx)${hint.vi}`,
    en: `The file is a zip archive but not an Excel workbook (.xlsx)${hint.en}`,
  }),
  xlsx_too_large_uncompressed: (p: { bytes: number; maxBytes: number }): Text => ({
    vi: `Nội dung giải nén của sổ làm việc quá lớn (${p.bytes} byte); giới hạn là ${p.maxBytes} byte`,
    en: `The workbook's uncompressed content is too large (${p.bytes} bytes); the limit is ${p.maxBytes} bytes`,
  }),
  xlsx_corrupt: (detail: string): Text => ({
    vi: `Không đọc được sổ làm việc Excel; tệp có thể bị hỏng (${quoteValue(detail, 120)}). Hãy mở bằng Excel và lưu lại dạng .xlsx`,
    en: `The Excel workbook cannot be read; the file may be damaged (${quoteValue(detail, 120)}). Open it in Excel and save it again as .xlsx`,
  }),
  xlsx_missing_sheet: (p: { sheet: SheetSpec; found: string[] }): Text => ({
    vi: `Thiếu trang tính bắt buộc ${quoteValue(p.sheet.name)} (${p.sheet.vi}); các trang hiện có: ${p.found.map((s) => quoteValue(s)).join(", ") || "không có"}`,
    en: `The required sheet ${quoteValue(p.sheet.name)} is missing (${p.sheet.en}); sheets found: ${p.found.map((s) => quoteValue(s)).join(", ") || "none"}`,
  }),
  xlsx_missing_column: (p: { sheet: string; column: ColumnSpec }): Text => ({
    vi: `Trang tính ${quoteValue(p.sheet)} thiếu cột bắt buộc ${quoteValue(p.column.key)} (${p.column.vi}); dòng 1 phải chứa tên các cột`,
    en: `Sheet ${quoteValue(p.sheet)} lacks the required column ${quoteValue(p.column.key)} (${p.column.en}); row 1 must hold the column keys`,
  }),
  xlsx_duplicate_column: (p: { cell: string; key: string; first: string }): Text => ({
    vi: `Cột ${quoteValue(p.key)} xuất hiện hai lần ở dòng tiêu đề (${p.cell}, lần đầu ở cột ${p.first}); không rõ cột nào đúng`,
    en: `The column ${quoteValue(p.key)} appears twice in the header row (${p.cell}, first in column ${p.first}); it is unclear which one is meant`,
  }),
  xlsx_duplicate_key: (p: { cell: string; key: string; firstRow: number }): Text => ({
    vi: `Trường ${quoteValue(p.key)} được ghi hai lần (${p.cell}, lần đầu ở dòng ${p.firstRow}); không rõ giá trị nào đúng`,
    en: `The field ${quoteValue(p.key)} is given twice (${p.cell}, first on row ${p.firstRow}); it is unclear which value is meant`,
  }),
  xlsx_formula: (p: { cell: string; column: string; formula: string }): Text => ({
    vi: `Ô ${p.cell} (cột ${p.column}) chứa công thức ${quoteValue(`=${p.formula}`)}; không chấp nhận công thức, hãy sao chép và dán giá trị (Paste Values)`,
    en: `Cell ${p.cell} (column ${p.column}) holds the formula ${quoteValue(`=${p.formula}`)}; formulas are not accepted, copy and Paste Values instead`,
  }),
  xlsx_error_value: (p: { cell: string; column: string; error: string }): Text => ({
    vi: `Ô ${p.cell} (cột ${p.column}) chứa giá trị lỗi ${p.error}`,
    en: `Cell ${p.cell} (column ${p.column}) holds the error value ${p.error}`,
  }),
  xlsx_hyperlink: (p: { cell: string; column: string }): Text => ({
    vi: `Ô ${p.cell} (cột ${p.column}) là siêu liên kết; hãy xóa liên kết và chỉ giữ giá trị`,
    en: `Cell ${p.cell} (column ${p.column}) is a hyperlink; remove the link and keep the plain value`,
  }),
  xlsx_rich_text: (p: { cell: string; column: string }): Text => ({
    vi: `Ô ${p.cell} (cột ${p.column}) chứa văn bản định dạng nhiều kiểu ở nơi cần số, mã hoặc ngày; hãy xóa định dạng (Clear Formats)`,
    en: `Cell ${p.cell} (column ${p.column}) holds rich (mixed-format) text where a number, code or date is expected; clear its formatting`,
  }),
  xlsx_merged: (p: { cell: string; column: string }): Text => ({
    vi: `Ô ${p.cell} (cột ${p.column}) nằm trong vùng ô gộp; hãy bỏ gộp ô và ghi giá trị vào từng dòng`,
    en: `Cell ${p.cell} (column ${p.column}) is part of merged cells; unmerge them and fill in each row`,
  }),
  xlsx_unexpected_date: (p: { cell: string; column: string }): Text => ({
    vi: `Ô ${p.cell} (cột ${p.column}) có kiểu ngày tháng, nhưng cột này không chứa ngày; hãy định dạng ô là Số hoặc Văn bản`,
    en: `Cell ${p.cell} (column ${p.column}) is a date, but this column holds no dates; format the cell as Number or Text`,
  }),
  xlsx_unexpected_boolean: (p: { cell: string; column: string }): Text => ({
    vi: `Ô ${p.cell} (cột ${p.column}) chứa giá trị đúng/sai (TRUE/FALSE), nhưng cột này cần số hoặc văn bản`,
    en: `Cell ${p.cell} (column ${p.column}) holds TRUE/FALSE, but this column needs a number or text`,
  }),
  xlsx_expected_date: (p: { cell: string; column: string; value: string }): Text => ({
    vi: `Ô ${p.cell} (cột ${p.column}) cần một ngày (ô ngày, YYYY-MM-DD hoặc dd/mm/yyyy), nhưng chứa ${quoteValue(p.value)}`,
    en: `Cell ${p.cell} (column ${p.column}) needs a date (a date cell, YYYY-MM-DD or dd/mm/yyyy), but holds ${quoteValue(p.value)}`,
  }),
  xlsx_percent: (p: { cell: string; column: string; value: string }): Text => ({
    vi: `Ô ${p.cell} (cột ${p.column}) định dạng phần trăm nên hiển thị khác giá trị lưu (${p.value}); hãy ghi số không có %, ví dụ 97,27`,
    en: `Cell ${p.cell} (column ${p.column}) has a percentage format, so it shows a different value than it holds (${p.value}); write the number without %, e.g. 97.27`,
  }),
  xlsx_code_fraction: (p: { cell: string; column: string; value: string }): Text => ({
    vi: `Ô ${p.cell} (cột ${p.column}) chứa mã ở dạng số ${p.value}; Excel có thể đã đổi mã (ví dụ 1.10 thành 1.1). Hãy định dạng ô là Văn bản và nhập lại mã`,
    en: `Cell ${p.cell} (column ${p.column}) holds a code as the number ${p.value}; Excel may have changed it (e.g. 1.10 into 1.1). Format the cell as Text and type the code again`,
  }),
  xlsx_invalid_boolean: (p: { cell: string; column: string; value: string }): Text => ({
    vi: `Ô ${p.cell} (cột ${p.column}) chứa ${quoteValue(p.value)}; chỉ chấp nhận "x", "có", TRUE, 1 (có) hoặc để trống, "không", FALSE, 0 (không)`,
    en: `Cell ${p.cell} (column ${p.column}) holds ${quoteValue(p.value)}; accepted: "x", "có", TRUE, 1 (yes) or empty, "không", FALSE, 0 (no)`,
  }),
  xlsx_parent_unknown: (p: { cell: string; parent: string }): Text => ({
    vi: `Tiêu chí cha ${quoteValue(p.parent)} ở ô ${p.cell} không có trong trang criteria`,
    en: `The parent criterion ${quoteValue(p.parent)} in cell ${p.cell} is not in the criteria sheet`,
  }),
  xlsx_parent_not_above: (p: { cell: string; parent: string }): Text => ({
    vi: `Tiêu chí cha ${quoteValue(p.parent)} ở ô ${p.cell} phải nằm ở một dòng phía trên tiêu chí con`,
    en: `The parent criterion ${quoteValue(p.parent)} in cell ${p.cell} must be on a row above its child`,
  }),
};

type MessageCode = keyof typeof MESSAGES;

function fileIssue(code: MessageCode, text: Text): ValidationIssue {
  return issueAt([], code, text);
}

/** An issue placed on a sheet, a row or a cell: the path is the spreadsheet reference. */
function placedIssue(code: string, text: Text, place: Place): ValidationIssue {
  const result: ValidationIssue = { path: placeReference(place), code, vi: text.vi, en: text.en };
  if (place.row !== undefined) result.row = place.row;
  if (place.field !== undefined) result.field = place.field;
  return result;
}

interface Place {
  sheet: string;
  row?: number;
  column?: number;
  field?: string;
}

function placeReference(place: Place): string {
  if (place.row === undefined) return place.sheet;
  if (place.column === undefined) return rowReference(place.sheet, place.row);
  return cellReference(place.sheet, place.row, place.column);
}

// =============================================================================================
// The container: refuse what is not an .xlsx before handing bytes to the zip and XML parsers

const OLE2_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function checkContainer(bytes: Buffer, maxUncompressed: number): ValidationIssue | undefined {
  if (bytes.byteLength === 0) return issue("input_empty", []);
  if (OLE2_SIGNATURE.every((b, i) => bytes[i] === b)) return fileIssue("xlsx_legacy_format", MESSAGES.xlsx_legacy_format());
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b) {
    return fileIssue("xlsx_not_zip", MESSAGES.xlsx_not_zip(textHint(bytes)));
  }
  const zip = scanZip(bytes);
  if (!zip) return fileIssue("xlsx_corrupt", MESSAGES.xlsx_corrupt("zip central directory not found"));
  if (zip.uncompressed > maxUncompressed) {
    return fileIssue(
      "xlsx_too_large_uncompressed",
      MESSAGES.xlsx_too_large_uncompressed({ bytes: zip.uncompressed, maxBytes: maxUncompressed }),
    );
  }
  if (!zip.names.includes("xl/workbook.xml")) {
    const ods = zip.names.includes("content.xml");
    const hint: Text = ods
      ? { vi: " (có vẻ là bảng tính OpenDocument .ods; hãy lưu lại dạng .xlsx)", en: " (it looks like an OpenDocument .ods spreadsheet; save it as .xlsx)" }
      : { vi: "", en: "" };
    return fileIssue("xlsx_not_workbook", MESSAGES.xlsx_not_workbook(hint));
  }
  return undefined;
}

function textHint(bytes: Buffer): Text {
  const start = bytes.subarray(0, 64).toString("utf8").replace(/^\uFEFF/, "").trimStart();
  if (start.startsWith("{") || start.startsWith("[")) {
    return { vi: "; có vẻ là tệp JSON, hãy dùng đuôi .json", en: "; it looks like JSON, use the .json extension" };
  }
  if (start.startsWith("<")) {
    return {
      vi: "; có vẻ là tệp HTML/XML, hãy mở bằng Excel và lưu lại dạng .xlsx",
      en: "; it looks like HTML/XML, open it in Excel and save it as .xlsx",
    };
  }
  return { vi: "", en: "" };
}

/**
 * The names and total uncompressed size listed in a zip's central directory, or undefined when
 * there is none. Sizes are as declared; a lying archive is caught later by the zip reader itself.
 */
function scanZip(bytes: Buffer): { names: string[]; uncompressed: number } | undefined {
  const EOCD = 0x06054b50;
  const CENTRAL = 0x02014b50;
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (bytes.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const entries = bytes.readUInt16LE(eocd + 10);
  let p = bytes.readUInt32LE(eocd + 16);
  const names: string[] = [];
  let uncompressed = 0;
  for (let k = 0; k < entries; k++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL) return undefined;
    const size = bytes.readUInt32LE(p + 24);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    // 0xFFFFFFFF means "see the ZIP64 record": a member of 4 GB or more, which is too large anyway.
    uncompressed += size === 0xffffffff ? Number.POSITIVE_INFINITY : size;
    names.push(bytes.subarray(p + 46, p + 46 + nameLength).toString("utf8"));
    p += 46 + nameLength + extraLength + commentLength;
  }
  return { names, uncompressed };
}

// =============================================================================================
// Cells

type CellRead =
  | { state: "empty" }
  | { state: "value"; value: unknown }
  /** Refused; `fallback` is the best reading (e.g. a formula's cached result), used only so that
   * the parser's other checks do not cascade from a missing value. */
  | { state: "refused"; issue: ValidationIssue; fallback: unknown };

const EMPTY: CellRead = { state: "empty" };

/** Reads one cell for a column of the given kind. */
function readCell(cell: ExcelJS.Cell | undefined, spec: ColumnSpec, place: Required<Omit<Place, "field">>): CellRead {
  if (!cell) return EMPTY;
  const where = { cell: cellReference(place.sheet, place.row, place.column), column: spec.key };
  const refuse = (code: MessageCode, text: Text, fallback?: unknown): CellRead => ({
    state: "refused",
    issue: placedIssue(code, text, { ...place, field: spec.key }),
    fallback,
  });
  const value = cell.value;
  if (cell.type === ExcelJS.ValueType.Null || value === null || value === undefined) {
    return EMPTY;
  }
  if (cell.isMerged) return refuse("xlsx_merged", MESSAGES.xlsx_merged(where), valueOf(convert(value, spec, "")));
  if (cell.type === ExcelJS.ValueType.Formula || (typeof value === "object" && isFormulaValue(value))) {
    const formula = formulaText(value);
    const result = typeof value === "object" && value !== null && "result" in value ? value.result : undefined;
    const fallback = result === undefined ? undefined : valueOf(convert(result as ExcelJS.CellValue, spec, ""));
    return refuse("xlsx_formula", MESSAGES.xlsx_formula({ ...where, formula }), fallback);
  }
  const converted = convert(value, spec, cell.numFmt ?? "");
  if (converted.state !== "refusal") return converted;
  return refuse(converted.code, converted.text(where), converted.fallback);
}

function valueOf(converted: Converted): unknown {
  if (converted.state === "value") return converted.value;
  if (converted.state === "refusal") return converted.fallback;
  return undefined;
}

type Where = { cell: string; column: string };

type Converted =
  | CellRead
  | { state: "refusal"; code: MessageCode; text: (where: Where) => Text; fallback: unknown };

function refusal(code: MessageCode, text: (where: Where) => Text, fallback?: unknown): Converted {
  return { state: "refusal", code, text, fallback };
}

/** A cell's value as the package needs it for a column of this kind. */
function convert(value: ExcelJS.CellValue, spec: ColumnSpec, numFmt: string): Converted {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === "number") return convertNumber(value, spec, numFmt);
  if (typeof value === "string") return convertText(value, spec);
  if (typeof value === "boolean") {
    if (spec.kind === "boolean") return { state: "value", value };
    return refusal("xlsx_unexpected_boolean", MESSAGES.xlsx_unexpected_boolean);
  }
  if (value instanceof Date) {
    if (spec.kind === "date") {
      if (Number.isNaN(value.getTime())) {
        return refusal("xlsx_expected_date", (w) => MESSAGES.xlsx_expected_date({ ...w, value: "?" }));
      }
      // exceljs turns the date serial into a UTC instant; the calendar day is its UTC date.
      return { state: "value", value: value.toISOString().slice(0, 10) };
    }
    return refusal("xlsx_unexpected_date", MESSAGES.xlsx_unexpected_date);
  }
  if ("error" in value) {
    const error = String(value.error);
    return refusal("xlsx_error_value", (w) => MESSAGES.xlsx_error_value({ ...w, error }));
  }
  if ("hyperlink" in value) {
    return refusal("xlsx_hyperlink", MESSAGES.xlsx_hyperlink, valueOf(convertText(String(value.text ?? ""), spec)));
  }
  if ("richText" in value) {
    const text = value.richText.map((run) => run.text).join("");
    // Free text in mixed formatting is still exactly the text shown; anywhere else it is refused.
    if (spec.kind !== "text") return refusal("xlsx_rich_text", MESSAGES.xlsx_rich_text, valueOf(convertText(text, spec)));
    return convertText(text, spec);
  }
  return refusal("xlsx_error_value", (w) => MESSAGES.xlsx_error_value({ ...w, error: "?" }));
}

function convertNumber(n: number, spec: ColumnSpec, numFmt: string): Converted {
  const shown = String(n);
  switch (spec.kind) {
    case "decimal":
      // 0.9727 shown as "97,27%" holds a different value than the one a person reads.
      if (numFmt.includes("%")) return refusal("xlsx_percent", (w) => MESSAGES.xlsx_percent({ ...w, value: shown }));
      return { state: "value", value: n };
    case "integer":
      return { state: "value", value: n };
    case "text":
      return { state: "value", value: shown };
    case "code":
    case "codeList":
      // A whole number is the code as typed ("1"); a fraction may have lost a trailing zero.
      if (Number.isSafeInteger(n) && n >= 0) return { state: "value", value: spec.kind === "code" ? shown : [shown] };
      return refusal("xlsx_code_fraction", (w) => MESSAGES.xlsx_code_fraction({ ...w, value: shown }));
    case "boolean":
      if (n === 1) return { state: "value", value: true };
      if (n === 0) return { state: "value", value: false };
      return refusal("xlsx_invalid_boolean", (w) => MESSAGES.xlsx_invalid_boolean({ ...w, value: shown }));
    case "date":
      return refusal("xlsx_expected_date", (w) => MESSAGES.xlsx_expected_date({ ...w, value: shown }));
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const VIETNAMESE_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const WHOLE_NUMBER = /^\d+$/;

function convertText(raw: string, spec: ColumnSpec): Converted {
  const text = raw.trim();
  if (text === "") return EMPTY;
  switch (spec.kind) {
    case "code":
    case "text":
      // Kept as written: the parser normalizes (NFC, trim) and checks it.
      return { state: "value", value: raw };
    case "decimal":
      // The parser reads decimal text by parseDecimalInput's rules ("12,5" yes, "1.234,5" no).
      return { state: "value", value: text };
    case "integer":
      // A whole number typed into a Text cell; anything else goes to the parser, which says why.
      return { state: "value", value: WHOLE_NUMBER.test(text) ? Number(text) : text };
    case "boolean": {
      const word = text.normalize("NFC").toLowerCase();
      if (TRUE_WORDS.includes(word)) return { state: "value", value: true };
      if (FALSE_WORDS.includes(word)) return { state: "value", value: false };
      return refusal("xlsx_invalid_boolean", (w) => MESSAGES.xlsx_invalid_boolean({ ...w, value: text }));
    }
    case "date": {
      if (ISO_DATE.test(text)) return { state: "value", value: text };
      const match = VIETNAMESE_DATE.exec(text);
      // dd/mm/yyyy as Vietnamese write it; the parser then checks the day exists.
      if (match) return { state: "value", value: `${match[3]}-${match[2]!.padStart(2, "0")}-${match[1]!.padStart(2, "0")}` };
      return refusal("xlsx_expected_date", (w) => MESSAGES.xlsx_expected_date({ ...w, value: text }));
    }
    case "codeList":
      return {
        state: "value",
        value: text
          .split(",")
          .map((code) => code.trim())
          .filter((code) => code !== ""),
      };
  }
}

function isFormulaValue(value: object): boolean {
  return "formula" in value || "sharedFormula" in value;
}

function formulaText(value: ExcelJS.CellValue): string {
  if (typeof value === "object" && value !== null) {
    if ("formula" in value && typeof value.formula === "string") return value.formula;
    if ("sharedFormula" in value && typeof value.sharedFormula === "string") return value.sharedFormula;
  }
  return "…";
}

/** True for a cell a person sees as empty; anything else makes its row a data row. */
function isBlank(cell: ExcelJS.Cell | undefined): boolean {
  if (!cell || cell.type === ExcelJS.ValueType.Null || cell.value === null || cell.value === undefined) return true;
  return typeof cell.value === "string" && cell.value.trim() === "";
}

/** The text of a header or key cell, or "" for anything that is not text. */
function labelText(cell: ExcelJS.Cell | undefined): string {
  const value = cell?.value;
  if (typeof value === "string") return value.normalize("NFC").trim();
  if (value && typeof value === "object" && "richText" in value) {
    return value.richText.map((run) => run.text).join("").normalize("NFC").trim();
  }
  return "";
}

// =============================================================================================
// The workbook

type ListName = "groups" | "bands" | "tieBreakers" | "units" | "scores" | "sipas";

interface Table {
  sheet: string;
  /** Column key → 1-based column number. */
  columns: Map<string, number>;
  /** One per data row: the values read, by column key (absent when empty or refused). */
  items: Record<string, unknown>[];
  /** The sheet row of each item. */
  rows: number[];
  /** SIPAS only: per item, the columns of its elements in the order they were read. */
  elementColumns: number[][];
  /** SIPAS only: element code per column. */
  elementCodes: Map<number, string>;
}

class WorkbookReader {
  readonly structural: ValidationIssue[] = [];
  readonly cellIssues: ValidationIssue[] = [];
  readonly locator = new Locator();
  private readonly sheetNames: string[];

  constructor(private readonly workbook: ExcelJS.Workbook) {
    this.sheetNames = workbook.worksheets.map((sheet) => sheet.name);
  }

  /** The raw package (as JSON would hold it), or undefined when the layout itself is wrong. */
  read(): Record<string, unknown> | undefined {
    const period = this.period();
    const criteria = this.table(CRITERIA_SHEET);
    const groups = this.table(GROUPS_SHEET);
    const bands = this.table(BANDS_SHEET);
    const tieBreakers = this.table(TIE_BREAKERS_SHEET);
    const units = this.table(UNITS_SHEET);
    const scores = this.table(SCORES_SHEET);
    const sipas = this.table(SIPAS_SHEET, true);
    if (!period || !criteria || !groups || !units || !scores || this.structural.length > 0) return undefined;

    const lists: [ListName, Table | undefined][] = [
      ["groups", groups],
      ["bands", bands],
      ["tieBreakers", tieBreakers],
      ["units", units],
      ["scores", scores],
      ["sipas", sipas],
    ];
    for (const [name, table] of lists) if (table) this.locator.lists.set(name, table);

    const raw: Record<string, unknown> = {};
    if (period.format !== undefined) raw.format = period.format;
    raw.period = period.period;
    raw.criteriaSet = { ...period.criteriaSet, criteria: this.criteriaTree(criteria) };
    raw.groups = groups.items;
    if (bands) raw.bands = bands.items;
    if (tieBreakers) raw.tieBreakers = tieBreakers.items.map((item) => item.key ?? null);
    raw.units = units.items;
    raw.scores = scores.items;
    if (sipas) raw.sipas = sipas.items;
    return raw;
  }

  private sheet(spec: SheetSpec): ExcelJS.Worksheet | undefined {
    const wanted = spec.name.toLowerCase();
    const sheet = this.workbook.worksheets.find((s) => s.name.trim().toLowerCase() === wanted);
    if (!sheet && spec.required) {
      this.structural.push(
        placedIssue("xlsx_missing_sheet", MESSAGES.xlsx_missing_sheet({ sheet: spec, found: this.sheetNames }), {
          sheet: spec.name,
        }),
      );
    }
    return sheet;
  }

  /** Reads row 1: known column keys → column numbers. Reports duplicates and missing columns. */
  private header(
    sheet: ExcelJS.Worksheet,
    columns: readonly ColumnSpec[],
    elements: boolean,
  ): { columns: Map<string, number>; elementCodes: Map<number, string> } {
    const found = new Map<string, number>();
    const elementCodes = new Map<number, string>();
    const seenElements = new Map<string, number>();
    const header = sheet.findRow(1);
    const last = header?.cellCount ?? 0;
    for (let c = 1; c <= last; c++) {
      const text = labelText(header?.findCell(c));
      if (text === "") continue;
      const lower = text.toLowerCase();
      const duplicate = (key: string, first: number): void => {
        this.structural.push(
          placedIssue(
            "xlsx_duplicate_column",
            MESSAGES.xlsx_duplicate_column({
              cell: cellReference(sheet.name, 1, c),
              key,
              first: columnLetter(first),
            }),
            { sheet: sheet.name, row: 1, column: c, field: key },
          ),
        );
      };
      if (elements && lower.startsWith(SIPAS_ELEMENT_PREFIX)) {
        const code = text.slice(SIPAS_ELEMENT_PREFIX.length).trim();
        if (code === "") continue;
        const first = seenElements.get(code);
        if (first !== undefined) duplicate(text, first);
        else {
          seenElements.set(code, c);
          elementCodes.set(c, code);
        }
        continue;
      }
      const spec = columns.find((column) => column.key.toLowerCase() === lower);
      if (!spec) continue; // other columns (notes, totals) are the province's own and ignored
      const first = found.get(spec.key);
      if (first !== undefined) duplicate(spec.key, first);
      else found.set(spec.key, c);
    }
    for (const column of columns) {
      if (column.required && !found.has(column.key)) {
        this.structural.push(
          placedIssue("xlsx_missing_column", MESSAGES.xlsx_missing_column({ sheet: sheet.name, column }), {
            sheet: sheet.name,
            row: 1,
            field: column.key,
          }),
        );
      }
    }
    return { columns: found, elementCodes };
  }

  private cell(sheet: ExcelJS.Worksheet, row: number, column: number, spec: ColumnSpec): unknown {
    const read = readCell(sheet.findRow(row)?.findCell(column), spec, { sheet: sheet.name, row, column });
    if (read.state === "refused") {
      this.cellIssues.push(read.issue);
      return read.fallback;
    }
    return read.state === "value" ? read.value : undefined;
  }

  private table(spec: TableSheetSpec, elements = false): Table | undefined {
    const sheet = this.sheet(spec);
    if (!sheet) return undefined;
    const { columns, elementCodes } = this.header(sheet, spec.columns, elements);
    const table: Table = { sheet: sheet.name, columns, items: [], rows: [], elementColumns: [], elementCodes };
    const used = spec.columns.filter((column) => columns.has(column.key));
    const allColumns = [...used.map((column) => columns.get(column.key)!), ...elementCodes.keys()];
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.findRow(r);
      if (!row || allColumns.every((c) => isBlank(row.findCell(c)))) continue;
      const item: Record<string, unknown> = {};
      for (const column of used) {
        const value = this.cell(sheet, r, columns.get(column.key)!, column);
        if (value !== undefined) item[column.key] = value;
      }
      if (elements) {
        const list: { code: string; index: unknown }[] = [];
        const at: number[] = [];
        for (const [c, code] of elementCodes) {
          const value = this.cell(sheet, r, c, sipasElementColumn(code));
          if (value === undefined) continue;
          list.push({ code, index: value });
          at.push(c);
        }
        item.elements = list;
        table.elementColumns.push(at);
      }
      table.items.push(item);
      table.rows.push(r);
    }
    return table;
  }

  private period():
    | { format: unknown; period: Record<string, unknown>; criteriaSet: Record<string, unknown> }
    | undefined {
    const spec = PERIOD_SHEET;
    const sheet = this.sheet(spec);
    if (!sheet) return undefined;
    const { columns } = this.header(sheet, [spec.keyColumn, spec.valueColumn], false);
    const keyColumn = columns.get(spec.keyColumn.key);
    const valueColumn = columns.get(spec.valueColumn.key);
    if (keyColumn === undefined || valueColumn === undefined) return undefined;
    this.locator.period = { sheet: sheet.name, valueColumn, rows: new Map() };

    const values = new Map<string, unknown>();
    for (let r = 2; r <= sheet.rowCount; r++) {
      const row = sheet.findRow(r);
      const name = labelText(row?.findCell(keyColumn)).toLowerCase();
      const key = spec.keys.find((k) => k.key.toLowerCase() === name);
      if (!key) continue; // blank or unknown rows: a later version of the layout may add fields
      const first = this.locator.period.rows.get(key.key);
      if (first !== undefined) {
        this.cellIssues.push(
          placedIssue(
            "xlsx_duplicate_key",
            MESSAGES.xlsx_duplicate_key({ cell: cellReference(sheet.name, r, keyColumn), key: key.key, firstRow: first }),
            { sheet: sheet.name, row: r, column: keyColumn, field: key.key },
          ),
        );
        continue;
      }
      this.locator.period.rows.set(key.key, r);
      const value = this.cell(sheet, r, valueColumn, key);
      if (value !== undefined) values.set(key.key, value);
    }

    const period: Record<string, unknown> = {};
    for (const key of ["code", "year", "name", "authority", "previous"]) {
      if (values.has(key)) period[key] = values.get(key);
    }
    if (values.has("decisionNumber") || values.has("decisionDate")) {
      const decision: Record<string, unknown> = {};
      if (values.has("decisionNumber")) decision.number = values.get("decisionNumber");
      if (values.has("decisionDate")) decision.date = values.get("decisionDate");
      period.decision = decision;
    }
    const criteriaSet: Record<string, unknown> = {};
    if (values.has("criteriaSetCode")) criteriaSet.code = values.get("criteriaSetCode");
    if (values.has("criteriaSetName")) criteriaSet.name = values.get("criteriaSetName");
    return { format: values.get("format"), period, criteriaSet };
  }

  /** The flat criteria rows nested again by parentCode, each node's path remembered. */
  private criteriaTree(table: Table): unknown[] {
    interface Node {
      json: Record<string, unknown>;
      row: number;
      children: Node[];
    }
    const roots: Node[] = [];
    const byCode = new Map<string, Node>();
    const allCodes = new Set(table.items.map((item) => normalizedCode(item.code)).filter((c) => c !== undefined));
    const parentColumn = table.columns.get("parentCode");
    table.items.forEach((item, i) => {
      const row = table.rows[i]!;
      const json: Record<string, unknown> = {};
      for (const key of ["code", "name", "maxPoints", "method"]) if (item[key] !== undefined) json[key] = item[key];
      const node: Node = { json, row, children: [] };
      const parent = normalizedCode(item.parentCode);
      if (parent === undefined) {
        roots.push(node);
      } else {
        const parentNode = byCode.get(parent);
        if (parentNode) parentNode.children.push(node);
        else {
          // Kept as a top-level node so that its own cells and its scores are still checked.
          roots.push(node);
          const cell = cellReference(table.sheet, row, parentColumn ?? 1);
          this.cellIssues.push(
            placedIssue(
              allCodes.has(parent) ? "xlsx_parent_not_above" : "xlsx_parent_unknown",
              allCodes.has(parent)
                ? MESSAGES.xlsx_parent_not_above({ cell, parent })
                : MESSAGES.xlsx_parent_unknown({ cell, parent }),
              { sheet: table.sheet, row, column: parentColumn, field: "parentCode" },
            ),
          );
        }
      }
      const code = normalizedCode(item.code);
      if (code !== undefined && !byCode.has(code)) byCode.set(code, node);
    });

    const rowByPath = new Map<string, number>();
    const build = (nodes: Node[], path: PathSegment[]): unknown[] =>
      nodes.map((node, i) => {
        const nodePath = [...path, i];
        rowByPath.set(formatPath(nodePath), node.row);
        if (node.children.length === 0) return node.json;
        return { ...node.json, children: build(node.children, [...nodePath, "children"]) };
      });
    const tree = build(roots, ["criteriaSet", "criteria"]);
    this.locator.criteria = { table, rowByPath };
    return tree;
  }
}

/** A code as the parser will compare it (NFC, trimmed), or undefined when there is none. */
function normalizedCode(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const code = value.normalize("NFC").trim();
  return code === "" ? undefined : code;
}

// =============================================================================================
// From the parser's JSON paths back to cells

const PERIOD_PATHS: Record<string, string> = {
  "format": "format",
  "period.code": "code",
  "period.year": "year",
  "period.name": "name",
  "period.authority": "authority",
  "period.previous": "previous",
  "period.decision": "decisionNumber",
  "period.decision.number": "decisionNumber",
  "period.decision.date": "decisionDate",
  "criteriaSet.code": "criteriaSetCode",
  "criteriaSet.name": "criteriaSetName",
};

const LIST_NAMES = new Set<string>(["groups", "bands", "tieBreakers", "units", "scores", "sipas"]);

// Issues whose text names rows of a list ("scores row 12"); those are list positions and are
// rewritten as sheet rows. The value says which list (undefined: the list the path starts with).
const ROW_NUMBER_CODES: Record<string, ListName | undefined> = {
  unknown_unit: undefined,
  unknown_criterion: "scores",
  score_on_non_leaf: "scores",
  duplicate_score: "scores",
  duplicate_sipas_unit: "sipas",
};

class Locator {
  period: { sheet: string; valueColumn: number; rows: Map<string, number> } | undefined;
  criteria: { table: Table; rowByPath: Map<string, number> } | undefined;
  readonly lists = new Map<ListName, Table>();

  /** The issue placed on its sheet, row and cell, its row numbers those of the sheet. */
  map(source: ValidationIssue): ValidationIssue {
    const segments = parsePath(source.path);
    const place = segments ? this.place(segments) : undefined;
    // "required" names the JSON field; in the period sheet the key differs ("criteriaSetCode").
    const base = source.code === "required" && place?.field !== undefined ? messages.required({ field: place.field }) : source;
    const text = { vi: this.rewrite(source, base.vi, "vi"), en: this.rewrite(source, base.en, "en") };
    if (!place) {
      const result: ValidationIssue = { path: source.path, code: source.code, ...text };
      if (source.field !== undefined) result.field = source.field;
      return result;
    }
    return placedIssue(source.code, text, place);
  }

  private place(segments: PathSegment[]): Place | undefined {
    if (segments.length === 0) return undefined;
    const formatted = formatPath(segments);
    const periodKey = PERIOD_PATHS[formatted];
    if (periodKey !== undefined && this.period) {
      const row = this.period.rows.get(periodKey);
      return row === undefined
        ? { sheet: this.period.sheet, field: periodKey }
        : { sheet: this.period.sheet, row, column: this.period.valueColumn, field: periodKey };
    }
    const [head, index, field, sub] = segments;
    if (head === "period" && this.period) return { sheet: this.period.sheet };
    if (head === "criteriaSet") return this.criteriaPlace(segments);
    if (typeof head !== "string" || !LIST_NAMES.has(head)) return undefined;
    const table = this.lists.get(head as ListName);
    if (!table) return undefined;
    if (typeof index !== "number") return { sheet: table.sheet };
    const row = table.rows[index];
    if (row === undefined) return { sheet: table.sheet };
    if (head === "tieBreakers") return this.columnPlace(table, row, "key");
    if (head === "sipas" && field === "elements" && typeof sub === "number") {
      const column = table.elementColumns[index]?.[sub];
      const code = column === undefined ? undefined : table.elementCodes.get(column);
      return { sheet: table.sheet, row, column, field: code === undefined ? undefined : `${SIPAS_ELEMENT_PREFIX}${code}` };
    }
    if (typeof field !== "string") return { sheet: table.sheet, row };
    return this.columnPlace(table, row, field);
  }

  private columnPlace(table: Table, row: number, field: string): Place {
    const column = table.columns.get(field);
    return column === undefined ? { sheet: table.sheet, row, field } : { sheet: table.sheet, row, column, field };
  }

  private criteriaPlace(segments: PathSegment[]): Place | undefined {
    if (!this.criteria) return undefined;
    const { table, rowByPath } = this.criteria;
    // The longest prefix naming a node; what follows is its field.
    for (let end = segments.length; end >= 3; end--) {
      const row = rowByPath.get(formatPath(segments.slice(0, end)));
      if (row === undefined) continue;
      const field = segments[end];
      return typeof field === "string" && field !== "children"
        ? this.columnPlace(table, row, field)
        : { sheet: table.sheet, row };
    }
    return { sheet: table.sheet };
  }

  /** Row numbers and JSON paths quoted in a message, turned into the sheet's rows. */
  private rewrite(source: ValidationIssue, text: string, language: "vi" | "en"): string {
    let out = text;
    if (Object.prototype.hasOwnProperty.call(ROW_NUMBER_CODES, source.code)) {
      const head = parsePath(source.path)?.[0];
      const list = ROW_NUMBER_CODES[source.code] ?? (typeof head === "string" ? (head as ListName) : undefined);
      const table = list === undefined ? undefined : this.lists.get(list);
      if (table) {
        // "(scores[11])" repeats the row just rewritten; in a workbook it would only confuse.
        out = out.replace(/ \((?:scores|units|groups|bands|tieBreakers|sipas)\[\d+\]\)/g, "");
        const word = language === "vi" ? /(dòng )(\d+(?:, \d+)*)/g : /(rows? )(\d+(?:, \d+)*)/g;
        out = out.replace(word, (_, lead: string, numbers: string) =>
          lead + numbers.split(", ").map((n) => String(table.rows[Number(n) - 1] ?? n)).join(", "),
        );
      }
    }
    out = out.replace(/\b(groups|bands|tieBreakers|units|scores|sipas)\[(\d+)\]/g, (match, list: string, index: string) => {
      const table = this.lists.get(list as ListName);
      const row = table?.rows[Number(index)];
      if (!table || row === undefined) return match;
      return language === "vi" ? `trang ${table.sheet} dòng ${row}` : `sheet ${table.sheet} row ${row}`;
    });
    out = out.replace(/criteriaSet\.criteria\[\d+\](?:\.children\[\d+\])*/g, (match) => {
      const row = this.criteria?.rowByPath.get(match);
      if (row === undefined || !this.criteria) return match;
      const sheet = this.criteria.table.sheet;
      return language === "vi" ? `trang ${sheet} dòng ${row}` : `sheet ${sheet} row ${row}`;
    });
    return out;
  }
}

const PATH_TOKEN = /^(?:\.?([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\])/;

/** "scores[12].points" → ["scores", 12, "points"] (the inverse of formatPath); undefined if odd. */
function parsePath(path: string): PathSegment[] | undefined {
  const segments: PathSegment[] = [];
  let rest = path;
  while (rest !== "") {
    const match = PATH_TOKEN.exec(rest);
    if (!match) return undefined;
    if (match[1] !== undefined) segments.push(match[1]);
    else if (match[2] !== undefined) segments.push(Number(match[2]));
    else segments.push(JSON.parse(match[3]!) as string);
    rest = rest.slice(match[0].length);
  }
  return segments;
}
