// What can be wrong with a results package, said in Vietnamese and English.
//
// Every message of the importer is built here from a code and its facts, so that the wording is
// consistent, each code has both languages, and a newcomer finds every possible error in one file.
// The code is stable (tools may match on it); the texts may be improved.
import type Decimal from "decimal.js";

export interface ValidationIssue {
  /** Where in the package, e.g. "scores[12].points"; "" for the input as a whole. */
  path: string;
  /** 1-based row of a top-level list (scores, units, groups, bands, sipas): a spreadsheet row. */
  row?: number;
  /** The field concerned, e.g. "points". */
  field?: string;
  code: string;
  vi: string;
  en: string;
}

export type PathSegment = string | number;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** ["scores", 12, "points"] → "scores[12].points" (the same notation a JavaScript reader uses). */
export function formatPath(segments: readonly PathSegment[]): string {
  let out = "";
  for (const segment of segments) {
    if (typeof segment === "number") out += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) out += out === "" ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
  }
  return out;
}

// Lists whose items are rows of a sheet when the package comes from or goes to a spreadsheet.
const ROW_LISTS = new Set(["scores", "units", "groups", "bands", "sipas"]);

/** Builds an issue from a path, deriving the row and field that the path implies. */
export function issueAt(
  segments: readonly PathSegment[],
  code: string,
  text: { vi: string; en: string },
): ValidationIssue {
  const issue: ValidationIssue = { path: formatPath(segments), code, vi: text.vi, en: text.en };
  const [list, index] = segments;
  if (typeof list === "string" && ROW_LISTS.has(list) && typeof index === "number") {
    issue.row = index + 1;
  }
  const last = segments[segments.length - 1];
  if (typeof last === "string") issue.field = last;
  return issue;
}

/** Quotes a value from the file for a one-line message: no control characters, no endless text. */
export function quoteValue(value: string, maxLength = 60): string {
  const clean = value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
  return `"${clean.length > maxLength ? `${clean.slice(0, maxLength)}…` : clean}"`;
}

/** A decimal as Vietnamese write it: decimal comma. */
export function decimalVi(value: Decimal): string {
  return value.toFixed().replace(".", ",");
}

export function decimalEn(value: Decimal): string {
  return value.toFixed();
}

/** How many items a message lists before "and K more", so one mistake does not flood the screen. */
export const LIST_LIMIT = 10;

function listVi(items: readonly string[], noun: string, limit = LIST_LIMIT): string {
  const shown = items.slice(0, limit).join(", ");
  const rest = items.length - limit;
  return rest > 0 ? `${shown} và ${rest} ${noun} khác` : shown;
}

function listEn(items: readonly string[], noun: string, limit = LIST_LIMIT): string {
  const shown = items.slice(0, limit).join(", ");
  const rest = items.length - limit;
  return rest > 0 ? `${shown} and ${rest} more ${noun}` : shown;
}

const q = quoteValue;

const KIND: Record<CodeKind, { vi: string; en: string }> = {
  criterion: { vi: "tiêu chí", en: "criterion" },
  unit: { vi: "đơn vị", en: "unit" },
  group: { vi: "khối", en: "group" },
};
export type CodeKind = "criterion" | "unit" | "group";

const TYPE_NAMES: Record<string, { vi: string; en: string }> = {
  string: { vi: "chuỗi văn bản", en: "text (string)" },
  number: { vi: "số", en: "number" },
  int: { vi: "số nguyên", en: "integer" },
  boolean: { vi: "true hoặc false", en: "true or false" },
  array: { vi: "danh sách (mảng)", en: "list (array)" },
  object: { vi: "đối tượng { … }", en: "object { … }" },
  null: { vi: "null", en: "null" },
  undefined: { vi: "không có giá trị", en: "nothing" },
};

export function typeName(name: string): { vi: string; en: string } {
  return TYPE_NAMES[name] ?? { vi: name, en: name };
}

function suggestion(didYouMean: string | undefined): { vi: string; en: string } {
  return didYouMean === undefined
    ? { vi: "", en: "" }
    : { vi: ` (có phải là ${q(didYouMean)}?)`, en: ` (did you mean ${q(didYouMean)}?)` };
}

function rowsText(rows: readonly number[]): { vi: string; en: string } {
  const shown = rows.map(String);
  return rows.length === 1
    ? { vi: `dòng ${shown[0]}`, en: `row ${shown[0]}` }
    : { vi: `các dòng ${listVi(shown, "dòng")}`, en: `rows ${listEn(shown, "rows")}` };
}

function position(p: { line: number; column: number }): { vi: string; en: string } {
  return { vi: `dòng ${p.line}, cột ${p.column}`, en: `line ${p.line}, column ${p.column}` };
}

type Pos = { line: number; column: number };

/** Every issue the importer reports, by code. */
export const messages = {
  // --- the input as a whole --------------------------------------------------------------
  input_too_large: (p: { bytes: number; maxBytes: number }) => ({
    vi: `Tệp quá lớn (${p.bytes} byte); giới hạn là ${p.maxBytes} byte`,
    en: `The file is too large (${p.bytes} bytes); the limit is ${p.maxBytes} bytes`,
  }),
  input_utf16: () => ({
    vi: "Tệp được lưu bằng mã UTF-16; hãy lưu lại bằng mã UTF-8",
    en: "The file is encoded as UTF-16; save it as UTF-8",
  }),
  input_invalid_utf8: (p: { offset: number; line: number; byte: string }) => ({
    vi: `Tệp không phải văn bản UTF-8 hợp lệ: byte ${p.byte} ở vị trí ${p.offset} (dòng ${p.line}); hãy lưu lại tệp bằng mã UTF-8`,
    en: `The file is not valid UTF-8 text: byte ${p.byte} at offset ${p.offset} (line ${p.line}); save the file as UTF-8`,
  }),
  input_empty: () => ({ vi: "Tệp rỗng", en: "The file is empty" }),
  input_not_object: (p: { received: string }) => ({
    vi: `Gói kết quả phải là một đối tượng JSON { … }, nhưng nhận được ${typeName(p.received).vi}`,
    en: `A results package must be a JSON object { … }, but got ${typeName(p.received).en}`,
  }),

  // --- JSON syntax -----------------------------------------------------------------------
  json_unexpected_end: (p: Pos) => ({
    vi: `JSON kết thúc đột ngột ở ${position(p).vi} (tệp bị cắt cụt hoặc thiếu dấu đóng)`,
    en: `The JSON ends unexpectedly at ${position(p).en} (the file is truncated or a closing mark is missing)`,
  }),
  json_unexpected_character: (p: Pos & { found: string; expected: { vi: string; en: string } }) => ({
    vi: `JSON sai cú pháp ở ${position(p).vi}: gặp ${q(p.found)}, cần ${p.expected.vi}`,
    en: `Invalid JSON at ${position(p).en}: found ${q(p.found)}, expected ${p.expected.en}`,
  }),
  json_trailing_data: (p: Pos) => ({
    vi: `Còn dữ liệu thừa sau khi JSON đã kết thúc, ở ${position(p).vi}`,
    en: `Extra data after the end of the JSON, at ${position(p).en}`,
  }),
  json_comment: (p: Pos) => ({
    vi: `JSON không cho phép chú thích (// hoặc /* */), ở ${position(p).vi}`,
    en: `JSON does not allow comments (// or /* */), at ${position(p).en}`,
  }),
  json_trailing_comma: (p: Pos) => ({
    vi: `Dấu phẩy thừa trước dấu đóng ở ${position(p).vi}`,
    en: `Trailing comma before a closing mark at ${position(p).en}`,
  }),
  json_single_quotes: (p: Pos) => ({
    vi: `JSON yêu cầu dấu nháy kép " cho chuỗi, ở ${position(p).vi}`,
    en: `JSON requires double quotes " around strings, at ${position(p).en}`,
  }),
  json_invalid_number: (p: Pos & { text: string }) => ({
    vi: `Số ${q(p.text)} không hợp lệ trong JSON, ở ${position(p).vi}`,
    en: `The number ${q(p.text)} is not valid JSON, at ${position(p).en}`,
  }),
  json_invalid_escape: (p: Pos) => ({
    vi: `Chuỗi có ký tự thoát (\\) không hợp lệ ở ${position(p).vi}`,
    en: `Invalid escape sequence (\\) in a string at ${position(p).en}`,
  }),
  json_control_character: (p: Pos) => ({
    vi: `Chuỗi chứa ký tự điều khiển (ví dụ xuống dòng) chưa được thoát ở ${position(p).vi}`,
    en: `A string contains an unescaped control character (e.g. a line break) at ${position(p).en}`,
  }),
  json_too_deep: (p: Pos & { max: number }) => ({
    vi: `JSON lồng nhau quá ${p.max} cấp ở ${position(p).vi}`,
    en: `The JSON is nested more than ${p.max} levels deep at ${position(p).en}`,
  }),
  json_decimal_comma: (p: Pos) => ({
    vi: `Số trong JSON phải dùng dấu chấm thập phân (12.5) hoặc nằm trong dấu nháy ("12,5"); dấu phẩy ở ${position(p).vi} cắt đôi con số`,
    en: `A JSON number must use a decimal point (12.5) or be quoted ("12,5"); the comma at ${position(p).en} splits the number`,
  }),
  json_duplicate_key: (p: Pos & { key: string }) => ({
    vi: `Trường ${q(p.key)} xuất hiện hai lần trong cùng một đối tượng (${position(p).vi}); không rõ giá trị nào đúng`,
    en: `The field ${q(p.key)} appears twice in the same object (${position(p).en}); it is unclear which value is meant`,
  }),

  // --- format ----------------------------------------------------------------------------
  format_missing: (p: { expected: string }) => ({
    vi: `Thiếu trường "format"; đây không phải là gói kết quả (cần "format": ${q(p.expected)})`,
    en: `The "format" field is missing; this is not a results package (expected "format": ${q(p.expected)})`,
  }),
  format_unsupported: (p: { found: string; expected: string }) => ({
    vi: `Định dạng ${q(p.found)} không được hỗ trợ; cần ${q(p.expected)}`,
    en: `The format ${q(p.found)} is not supported; expected ${q(p.expected)}`,
  }),

  // --- shape (translated from zod) -------------------------------------------------------
  required: (p: { field: string }) => ({
    vi: `Thiếu trường bắt buộc ${q(p.field)}`,
    en: `The required field ${q(p.field)} is missing`,
  }),
  wrong_type: (p: { expected: string; received: string; value?: string | undefined }) => {
    const shown = p.value === undefined ? "" : ` ${q(p.value)}`;
    return {
      vi: `Sai kiểu dữ liệu: cần ${typeName(p.expected).vi}, nhận được ${typeName(p.received).vi}${shown}`,
      en: `Wrong type: expected ${typeName(p.expected).en}, got ${typeName(p.received).en}${shown}`,
    };
  },
  expected_code_string: (p: { received: string }) => ({
    vi: `Mã phải là chuỗi văn bản trong dấu nháy kép (ví dụ "1.10"), nhận được ${typeName(p.received).vi}`,
    en: `A code must be a string in double quotes (e.g. "1.10"), got ${typeName(p.received).en}`,
  }),
  expected_decimal: (p: { received: string }) => ({
    vi: `Cần một số hoặc chuỗi số thập phân (ví dụ 12.5 hoặc "12,5"), nhận được ${typeName(p.received).vi}`,
    en: `Expected a number or a decimal string (e.g. 12.5 or "12,5"), got ${typeName(p.received).en}`,
  }),
  empty_text: () => ({ vi: "Không được để trống", en: "Must not be empty" }),
  expected_iso_date: (p: { value: string }) => ({
    vi: `Ngày ${q(p.value)} phải có dạng YYYY-MM-DD (ví dụ 2023-01-12)`,
    en: `The date ${q(p.value)} must be written YYYY-MM-DD (e.g. 2023-01-12)`,
  }),
  invalid_calendar_date: (p: { value: string }) => ({
    vi: `Ngày ${q(p.value)} không có trong lịch`,
    en: `The date ${q(p.value)} does not exist in the calendar`,
  }),
  number_too_small: (p: { minimum: string }) => ({
    vi: `Giá trị phải lớn hơn hoặc bằng ${p.minimum}`,
    en: `The value must be at least ${p.minimum}`,
  }),
  number_too_big: (p: { maximum: string }) => ({
    vi: `Giá trị phải nhỏ hơn hoặc bằng ${p.maximum}`,
    en: `The value must be at most ${p.maximum}`,
  }),
  too_few_items: (p: { minimum: string }) => ({
    vi: `Danh sách phải có ít nhất ${p.minimum} phần tử`,
    en: `The list must have at least ${p.minimum} item(s)`,
  }),
  invalid_option: (p: { value: string; options: readonly string[] }) => ({
    vi: `Giá trị ${q(p.value)} không hợp lệ; chỉ chấp nhận: ${p.options.join(", ")}`,
    en: `The value ${q(p.value)} is not allowed; accepted: ${p.options.join(", ")}`,
  }),
  invalid_value: (p: { detail: string }) => ({
    vi: `Giá trị không hợp lệ (${p.detail})`,
    en: `Invalid value (${p.detail})`,
  }),

  // --- period ----------------------------------------------------------------------------
  previous_is_self: (p: { code: string }) => ({
    vi: `Kỳ trước ("previous") không được trùng với chính kỳ này (${q(p.code)})`,
    en: `The previous period must not be this period itself (${q(p.code)})`,
  }),

  // --- codes -----------------------------------------------------------------------------
  duplicate_code: (p: { kind: CodeKind; code: string; firstPath: string }) => ({
    vi: `Mã ${KIND[p.kind].vi} ${q(p.code)} bị trùng; đã dùng ở ${p.firstPath}`,
    en: `The ${KIND[p.kind].en} code ${q(p.code)} is used twice; first at ${p.firstPath}`,
  }),

  // --- criteria tree ---------------------------------------------------------------------
  leaf_max_points_required: (p: { criterion: string }) => ({
    vi: `Tiêu chí ${q(p.criterion)} không có tiêu chí con nên phải có điểm tối đa ("maxPoints")`,
    en: `Criterion ${q(p.criterion)} has no children, so it must have maximum points ("maxPoints")`,
  }),
  leaf_max_points_not_positive: (p: { criterion: string }) => ({
    vi: `Điểm tối đa của tiêu chí ${q(p.criterion)} phải lớn hơn 0`,
    en: `The maximum points of criterion ${q(p.criterion)} must be greater than 0`,
  }),
  max_points_too_large: (p: { criterion: string; value: Decimal; limit: Decimal }) => ({
    vi: `Điểm tối đa ${decimalVi(p.value)} của tiêu chí ${q(p.criterion)} quá lớn; giới hạn là ${decimalVi(p.limit)}`,
    en: `The maximum points ${decimalEn(p.value)} of criterion ${q(p.criterion)} are too large; the limit is ${decimalEn(p.limit)}`,
  }),
  max_points_mismatch: (p: { criterion: string; given: Decimal; sum: Decimal }) => ({
    vi: `Điểm tối đa của tiêu chí ${q(p.criterion)} là ${decimalVi(p.given)} nhưng tổng điểm tối đa các tiêu chí con là ${decimalVi(p.sum)}`,
    en: `Criterion ${q(p.criterion)} has maximum points ${decimalEn(p.given)} but its children's maxima sum to ${decimalEn(p.sum)}`,
  }),
  criteria_too_deep: (p: { max: number }) => ({
    vi: `Cây tiêu chí sâu quá ${p.max} cấp`,
    en: `The criteria tree is more than ${p.max} levels deep`,
  }),

  // --- references ------------------------------------------------------------------------
  unknown_group: (p: { code: string; didYouMean?: string }) => ({
    vi: `Khối ${q(p.code)} không có trong danh sách "groups"${suggestion(p.didYouMean).vi}`,
    en: `Group ${q(p.code)} is not in "groups"${suggestion(p.didYouMean).en}`,
  }),
  unknown_unit: (p: { code: string; rows: readonly number[]; list: string; didYouMean?: string }) => ({
    vi: `Đơn vị ${q(p.code)} không có trong danh sách "units" nhưng được dùng ở ${p.list} ${rowsText(p.rows).vi}${suggestion(p.didYouMean).vi}`,
    en: `Unit ${q(p.code)} is not in "units" but is used in ${p.list} ${rowsText(p.rows).en}${suggestion(p.didYouMean).en}`,
  }),
  unknown_criterion: (p: { code: string; rows: readonly number[]; didYouMean?: string }) => ({
    vi: `Tiêu chí ${q(p.code)} không có trong bộ chỉ số nhưng được dùng ở scores ${rowsText(p.rows).vi}${suggestion(p.didYouMean).vi}`,
    en: `Criterion ${q(p.code)} is not in the criteria set but is used in scores ${rowsText(p.rows).en}${suggestion(p.didYouMean).en}`,
  }),
  score_on_non_leaf: (p: { code: string; rows: readonly number[]; leaves: readonly string[] }) => ({
    vi: `Tiêu chí ${q(p.code)} có tiêu chí con nên không chấm điểm trực tiếp (scores ${rowsText(p.rows).vi}); hãy chấm ở: ${listVi(p.leaves, "tiêu chí")}`,
    en: `Criterion ${q(p.code)} has children, so it is not scored directly (scores ${rowsText(p.rows).en}); score these instead: ${listEn(p.leaves, "criteria")}`,
  }),
  predecessor_is_self: (p: { code: string }) => ({
    vi: `Đơn vị ${q(p.code)} không thể là tiền thân của chính nó`,
    en: `Unit ${q(p.code)} cannot be its own predecessor`,
  }),
  duplicate_predecessor: (p: { code: string }) => ({
    vi: `Đơn vị tiền thân ${q(p.code)} được ghi hai lần`,
    en: `The predecessor ${q(p.code)} is listed twice`,
  }),

  // --- bands and tie-breakers ------------------------------------------------------------
  duplicate_band_label: (p: { label: string; firstPath: string }) => ({
    vi: `Tên xếp loại ${q(p.label)} bị trùng; đã dùng ở ${p.firstPath}`,
    en: `The band label ${q(p.label)} is used twice; first at ${p.firstPath}`,
  }),
  duplicate_band_min_index: (p: { value: Decimal; firstLabel: string }) => ({
    vi: `Ngưỡng ${decimalVi(p.value)} trùng với xếp loại ${q(p.firstLabel)}; một trong hai sẽ không bao giờ được dùng`,
    en: `The threshold ${decimalEn(p.value)} equals that of band ${q(p.firstLabel)}; one of them could never apply`,
  }),
  index_out_of_range: (p: { value: Decimal }) => ({
    vi: `Chỉ số ${decimalVi(p.value)} phải nằm trong khoảng 0 đến 100`,
    en: `The index ${decimalEn(p.value)} must be between 0 and 100`,
  }),
  duplicate_tie_breaker: (p: { value: string }) => ({
    vi: `Tiêu chí phụ ${q(p.value)} được ghi hai lần`,
    en: `The tie-breaker ${q(p.value)} is listed twice`,
  }),

  // --- scores ----------------------------------------------------------------------------
  duplicate_score: (p: { unit: string; criterion: string; firstRow: number }) => ({
    vi: `Trùng dòng điểm: đơn vị ${q(p.unit)}, tiêu chí ${q(p.criterion)} đã có ở dòng ${p.firstRow} (scores[${p.firstRow - 1}])`,
    en: `Duplicate score row: unit ${q(p.unit)}, criterion ${q(p.criterion)} already appears at row ${p.firstRow} (scores[${p.firstRow - 1}])`,
  }),
  points_required: (p: { unit: string; criterion: string }) => ({
    vi: `Thiếu điểm ("points") của đơn vị ${q(p.unit)} cho tiêu chí ${q(p.criterion)}; nếu tiêu chí không áp dụng, ghi "notApplicable": true`,
    en: `Points are missing for unit ${q(p.unit)} on criterion ${q(p.criterion)}; if the criterion does not apply, set "notApplicable": true`,
  }),
  points_above_max: (p: { self: boolean; value: Decimal; max: Decimal; criterion: string }) => ({
    vi: `${p.self ? "Điểm tự chấm" : "Điểm"} ${decimalVi(p.value)} vượt quá điểm tối đa ${decimalVi(p.max)} của tiêu chí ${q(p.criterion)}`,
    en: `${p.self ? "Self-assessed points" : "Points"} ${decimalEn(p.value)} exceed the maximum ${decimalEn(p.max)} of criterion ${q(p.criterion)}`,
  }),
  no_scores: () => ({
    vi: "Không có dòng điểm nào trong \"scores\"",
    en: "There are no score rows in \"scores\"",
  }),
  unit_without_scores: (p: { unit: string; leafCount: number }) => ({
    vi: `Đơn vị ${q(p.unit)} không có dòng điểm nào (thiếu cả ${p.leafCount} tiêu chí)`,
    en: `Unit ${q(p.unit)} has no score rows at all (all ${p.leafCount} criteria are missing)`,
  }),
  missing_scores: (p: { unit: string; missing: readonly string[] }) => ({
    vi: `Đơn vị ${q(p.unit)} thiếu điểm hoặc "notApplicable" cho ${p.missing.length} tiêu chí: ${listVi(p.missing, "tiêu chí")}`,
    en: `Unit ${q(p.unit)} lacks points or "notApplicable" for ${p.missing.length} criteria: ${listEn(p.missing, "criteria")}`,
  }),
  leaf_without_scores: (p: { criterion: string; unitCount: number }) => ({
    vi: `Không đơn vị nào có điểm cho tiêu chí ${q(p.criterion)} (thiếu ở cả ${p.unitCount} đơn vị)`,
    en: `No unit has a score for criterion ${q(p.criterion)} (missing for all ${p.unitCount} units)`,
  }),
  all_not_applicable: (p: { unit: string }) => ({
    vi: `Mọi tiêu chí của đơn vị ${q(p.unit)} đều "không áp dụng" nên không thể tính chỉ số`,
    en: `Every criterion of unit ${q(p.unit)} is "not applicable", so no index can be computed`,
  }),

  // --- SIPAS -----------------------------------------------------------------------------
  duplicate_sipas_unit: (p: { unit: string; firstRow: number }) => ({
    vi: `Đơn vị ${q(p.unit)} đã có chỉ số SIPAS ở dòng ${p.firstRow}`,
    en: `Unit ${q(p.unit)} already has a SIPAS row at row ${p.firstRow}`,
  }),
  duplicate_sipas_element: (p: { code: string }) => ({
    vi: `Yếu tố SIPAS ${q(p.code)} được ghi hai lần`,
    en: `The SIPAS element ${q(p.code)} is listed twice`,
  }),
} satisfies Record<string, (params: never) => { vi: string; en: string }>;

export type IssueCode = keyof typeof messages;
export type IssueParams<C extends IssueCode> = Parameters<(typeof messages)[C]>[0];

/** Builds a catalogued issue: `issue("points_above_max", ["scores", 3, "points"], {...})`. */
export function issue<C extends IssueCode>(
  code: C,
  segments: readonly PathSegment[],
  ...params: IssueParams<C> extends undefined ? [] : [IssueParams<C>]
): ValidationIssue {
  const build = messages[code] as (p: unknown) => { vi: string; en: string };
  return issueAt(segments, code, build(params[0]));
}

// --- terminal output ---------------------------------------------------------------------

export interface TerminalFormatOptions {
  /** Show at most this many issues, then a line saying how many were left out. Default: all. */
  limit?: number;
}

/** One line per issue: where, then Vietnamese, then English. */
export function formatIssue(issue: ValidationIssue): string {
  const where = issue.path === "" ? "tệp/file" : issue.path;
  const row = issue.row === undefined ? "" : ` (dòng/row ${issue.row})`;
  return `${where}${row}: ${oneLine(issue.vi)} | ${oneLine(issue.en)}`;
}

/** One line per issue, nothing else (for callers that write their own heading). */
export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map(formatIssue).join("\n");
}

/** The issues of a rejected package, ready for stderr: a heading, then one line per issue. */
export function formatIssuesForTerminal(
  issues: readonly ValidationIssue[],
  options: TerminalFormatOptions = {},
): string {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const n = issues.length;
  const lines = [
    `Gói kết quả không hợp lệ: ${n} lỗi; không có gì được nhập. | The results package is invalid: ${n} ${n === 1 ? "error" : "errors"}; nothing was imported.`,
  ];
  for (const item of issues.slice(0, limit)) lines.push(`  ${formatIssue(item)}`);
  const rest = n - Math.min(n, limit);
  if (rest > 0) lines.push(`  … và ${rest} lỗi khác | … and ${rest} more`);
  return lines.join("\n");
}

function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ");
}
