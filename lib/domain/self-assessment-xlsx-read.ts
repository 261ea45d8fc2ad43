// Reads a filled-in self-assessment workbook (self-assessment-xlsx-layout.ts) into rows, reporting
// every problem with its sheet row and cell. Like the results-package reader it refuses what a
// spreadsheet may show differently from what it holds (formulas, error values, dates, hyperlinks,
// merged cells) rather than guess; the points themselves are only read here, and judged by the same
// rules as a save from the web form (lib/services/save-self-scores.ts).
import ExcelJS from "exceljs";
import { bytesSource, detectEvidenceType, readZipDirectory } from "@/lib/domain/evidence-file-type";
import { formatByteSize } from "@/lib/domain/evidence-file-rules";
import { columnLetter } from "@/lib/results-package/xlsx-layout";
import {
  COLUMNS,
  META_KEYS,
  NO_WORDS,
  SELF_ASSESSMENT_FORMAT,
  SELF_ASSESSMENT_MAX_BYTES,
  SELF_ASSESSMENT_MAX_UNCOMPRESSED_BYTES,
  SELF_ASSESSMENT_SHEET,
  SURVEY_MARK,
  YES_WORDS,
  type ColumnKey,
  type MetaKey,
} from "@/lib/domain/self-assessment-xlsx-layout";

/** A problem of the file (row null) or of one row, in both languages, the place already in the text. */
export type SheetProblem = { row: number | null; cell: string | null; criterionCode: string | null; code: string; vi: string; en: string };

export type SheetRow = {
  row: number;
  code: string;
  /** As written: a number cell as its shortest text (12.5), a text cell trimmed ("12,5"); null when empty. */
  selfPoints: string | null;
  notApplicable: boolean;
  notApplicableReason: string | null;
  note: string | null;
  /** The stored version the row was exported from; null when nothing was saved then. */
  version: number | null;
  /** A cell of the row was refused (and reported): the row must not be saved. */
  refused: boolean;
};

export type ReadSelfAssessmentResult =
  | { ok: false; problems: SheetProblem[] }
  | { ok: true; periodCode: string; unitCode: string; rows: SheetRow[]; problems: SheetProblem[] };

type Text = { vi: string; en: string };

function fileProblem(code: string, text: Text): SheetProblem {
  return { row: null, cell: null, criterionCode: null, code, ...text };
}

/** "Dòng 7, ô E7: …" / "Row 7, cell E7: …". */
export function rowProblem(place: { row: number; cell?: string | null; criterionCode?: string | null }, code: string, text: Text): SheetProblem {
  const where = place.cell ? { vi: `Dòng ${place.row}, ô ${place.cell}`, en: `Row ${place.row}, cell ${place.cell}` } : { vi: `Dòng ${place.row}`, en: `Row ${place.row}` };
  const criterion = place.criterionCode ? { vi: ` (tiêu chí ${place.criterionCode})`, en: ` (criterion ${place.criterionCode})` } : { vi: "", en: "" };
  return {
    row: place.row,
    cell: place.cell ?? null,
    criterionCode: place.criterionCode ?? null,
    code,
    vi: `${where.vi}${criterion.vi}: ${text.vi}`,
    en: `${where.en}${criterion.en}: ${text.en}`,
  };
}

const NOT_XLSX: Text = {
  vi: "Tệp không phải là sổ làm việc Excel (.xlsx). Hãy tải tệp tự đánh giá từ cổng, điền rồi lưu dạng .xlsx.",
  en: "The file is not an Excel workbook (.xlsx). Download the self-assessment from the portal, fill it in and save it as .xlsx.",
};

export async function readSelfAssessmentXlsx(bytes: Uint8Array): Promise<ReadSelfAssessmentResult> {
  if (bytes.byteLength > SELF_ASSESSMENT_MAX_BYTES) {
    return {
      ok: false,
      problems: [
        fileProblem("too_large", {
          vi: `Tệp lớn hơn giới hạn ${formatByteSize(SELF_ASSESSMENT_MAX_BYTES, "vi")} của tệp tự đánh giá.`,
          en: `The file is larger than the ${formatByteSize(SELF_ASSESSMENT_MAX_BYTES, "en")} limit of a self-assessment file.`,
        }),
      ],
    };
  }
  if (bytes.byteLength === 0) return { ok: false, problems: [fileProblem("file_empty", { vi: "Tệp rỗng (0 byte).", en: "The file is empty (0 bytes)." })] };
  const source = bytesSource(bytes);
  const detected = await detectEvidenceType(source);
  if (!detected.ok || detected.kind !== "xlsx") {
    const legacy = detected.ok && detected.kind === "xls";
    return {
      ok: false,
      problems: [
        fileProblem(
          "not_xlsx",
          legacy
            ? { vi: "Tệp là định dạng Excel cũ (.xls): hãy lưu lại dạng Sổ làm việc Excel (.xlsx).", en: "The file is an old-format Excel file (.xls): save it as an Excel Workbook (.xlsx)." }
            : NOT_XLSX,
        ),
      ],
    };
  }
  const zip = await readZipDirectory(source);
  if (!zip || zip.uncompressedBytes > SELF_ASSESSMENT_MAX_UNCOMPRESSED_BYTES) {
    return {
      ok: false,
      problems: [fileProblem("too_large", { vi: "Nội dung giải nén của sổ làm việc quá lớn.", en: "The workbook's uncompressed content is too large." })],
    };
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return {
      ok: false,
      problems: [
        fileProblem("xlsx_corrupt", {
          vi: "Không đọc được sổ làm việc; tệp có thể bị hỏng. Hãy mở bằng Excel và lưu lại dạng .xlsx.",
          en: "The workbook cannot be read; the file may be damaged. Open it in Excel and save it again as .xlsx.",
        }),
      ],
    };
  }
  return readWorkbook(workbook);
}

function readWorkbook(workbook: ExcelJS.Workbook): ReadSelfAssessmentResult {
  const sheet = workbook.worksheets.find((candidate) => candidate.name.trim().toLowerCase() === SELF_ASSESSMENT_SHEET);
  if (!sheet) {
    return {
      ok: false,
      problems: [
        fileProblem("missing_sheet", {
          vi: `Không có trang tính "${SELF_ASSESSMENT_SHEET}": đây không phải tệp tự đánh giá tải từ cổng (hoặc trang đã bị đổi tên).`,
          en: `There is no sheet "${SELF_ASSESSMENT_SHEET}": this is not a self-assessment file from the portal (or the sheet was renamed).`,
        }),
      ],
    };
  }
  const headerRow = findHeaderRow(sheet);
  const meta = readMeta(sheet, headerRow ?? 10);
  const layoutProblems: SheetProblem[] = [];
  if (meta.format !== SELF_ASSESSMENT_FORMAT) {
    layoutProblems.push(
      fileProblem("wrong_format", {
        vi: `Ô B${META_KEYS.format.row} phải ghi "${SELF_ASSESSMENT_FORMAT}": đây không phải tệp tự đánh giá tải từ cổng, hoặc các dòng đầu đã bị sửa.`,
        en: `Cell B${META_KEYS.format.row} must hold "${SELF_ASSESSMENT_FORMAT}": this is not a self-assessment file from the portal, or its first rows were changed.`,
      }),
    );
  }
  for (const key of ["period", "unit"] as const) {
    if (!meta[key]) {
      layoutProblems.push(
        fileProblem("missing_meta", {
          vi: `Thiếu ${META_KEYS[key].vi.toLowerCase()} ở ô B${META_KEYS[key].row}.`,
          en: `The ${META_KEYS[key].en.toLowerCase()} is missing from cell B${META_KEYS[key].row}.`,
        }),
      );
    }
  }
  const columns = headerRow === undefined ? undefined : readColumns(sheet, headerRow);
  const missing = COLUMNS.filter((column) => column.readRequired && !columns?.has(column.key));
  if (missing.length) {
    layoutProblems.push(
      fileProblem("missing_column", {
        vi: `Thiếu cột ${missing.map((column) => `"${column.key}" (${column.vi})`).join(", ")} ở dòng tiêu đề: đừng xóa hay đổi tên dòng 5.`,
        en: `The header row lacks column ${missing.map((column) => `"${column.key}" (${column.en})`).join(", ")}: do not delete or rename row 5.`,
      }),
    );
  }
  if (layoutProblems.length || headerRow === undefined || !columns) return { ok: false, problems: layoutProblems };

  const rows: SheetRow[] = [];
  const problems: SheetProblem[] = [];
  for (let r = headerRow + 1; r <= sheet.rowCount; r++) {
    const read = readRow(sheet.getRow(r), r, columns);
    if (read === "blank") continue;
    problems.push(...read.problems);
    if (read.row) rows.push(read.row);
  }
  return { ok: true, periodCode: meta.period!, unitCode: meta.unit!, rows, problems };
}

function findHeaderRow(sheet: ExcelJS.Worksheet): number | undefined {
  for (let r = 1; r <= Math.min(20, sheet.rowCount); r++) {
    if (plainText(sheet.getRow(r).getCell(1).value) === "code") return r;
  }
  return undefined;
}

function readMeta(sheet: ExcelJS.Worksheet, beforeRow: number): Partial<Record<MetaKey, string>> {
  const meta: Partial<Record<MetaKey, string>> = {};
  for (let r = 1; r < beforeRow; r++) {
    const row = sheet.getRow(r);
    const key = plainText(row.getCell(1).value);
    if (key && Object.prototype.hasOwnProperty.call(META_KEYS, key)) {
      const value = row.getCell(2).value;
      const text = typeof value === "number" ? String(value) : plainText(value);
      if (text) meta[key as MetaKey] = text;
    }
  }
  return meta;
}

function readColumns(sheet: ExcelJS.Worksheet, headerRow: number): Map<ColumnKey, number> {
  const columns = new Map<ColumnKey, number>();
  const keys = new Set<string>(COLUMNS.map((column) => column.key));
  sheet.getRow(headerRow).eachCell((cell, column) => {
    const key = plainText(cell.value);
    if (key && keys.has(key) && !columns.has(key as ColumnKey)) columns.set(key as ColumnKey, column);
  });
  return columns;
}

const EDITABLE: readonly ColumnKey[] = ["selfPoints", "notApplicable", "notApplicableReason", "note", "version"];

function readRow(row: ExcelJS.Row, r: number, columns: Map<ColumnKey, number>): "blank" | { row: SheetRow | null; problems: SheetProblem[] } {
  const cellOf = (key: ColumnKey) => row.getCell(columns.get(key) ?? 0);
  const refOf = (key: ColumnKey) => `${columnLetter(columns.get(key) ?? 1)}${r}`;
  if ([...columns.values()].every((column) => isBlank(row.getCell(column)))) return "blank";

  const problems: SheetProblem[] = [];
  let refused = false;
  const codeCell = cellOf("code");
  let code: string | null = null;
  const codeValue = codeCell.value;
  if (typeof codeValue === "number") {
    // Excel turns a typed "1" into 1 (harmless) and "1.10" into 1.1 (a different code).
    if (Number.isSafeInteger(codeValue) && codeValue >= 0) code = String(codeValue);
    else
      problems.push(
        rowProblem({ row: r, cell: refOf("code") }, "code_number", {
          vi: `mã tiêu chí là số ${String(codeValue).replace(".", ",")}; Excel có thể đã đổi mã (ví dụ 1.10 thành 1.1). Hãy định dạng ô là Văn bản và ghi lại mã`,
          en: `the criterion code is the number ${codeValue}; Excel may have changed it (e.g. 1.10 into 1.1). Format the cell as Text and type the code again`,
        }),
      );
  } else {
    code = plainText(codeValue);
  }
  if (!code) {
    if (problems.length === 0 && EDITABLE.some((key) => columns.has(key) && !isBlank(cellOf(key)))) {
      problems.push(rowProblem({ row: r, cell: refOf("code") }, "code_missing", { vi: "dòng có dữ liệu nhưng không có mã tiêu chí", en: "the row has values but no criterion code" }));
    }
    return { row: null, problems };
  }

  const place = (key: ColumnKey) => ({ row: r, cell: refOf(key), criterionCode: code });
  const refuse = (key: ColumnKey, problemCode: string, text: Text) => {
    refused = true;
    problems.push(rowProblem(place(key), problemCode, text));
  };
  const plain = (key: ColumnKey): ExcelJS.CellValue | undefined => {
    if (!columns.has(key)) return undefined;
    const cell = cellOf(key);
    if (isBlank(cell)) return undefined;
    const value = cell.value;
    if (cell.isMerged) {
      refuse(key, "merged", { vi: "ô nằm trong vùng ô gộp; hãy bỏ gộp ô", en: "the cell is part of merged cells; unmerge them" });
      return undefined;
    }
    if (typeof value === "object" && value !== null && !(value instanceof Date)) {
      if ("formula" in value || "sharedFormula" in value) {
        refuse(key, "formula", { vi: "ô chứa công thức; hãy sao chép và dán giá trị (Paste Values)", en: "the cell holds a formula; copy and Paste Values instead" });
        return undefined;
      }
      if ("error" in value) {
        refuse(key, "error_value", { vi: `ô chứa giá trị lỗi ${String(value.error)}`, en: `the cell holds the error value ${String(value.error)}` });
        return undefined;
      }
      if ("hyperlink" in value) {
        refuse(key, "hyperlink", { vi: "ô là siêu liên kết; hãy chỉ giữ giá trị", en: "the cell is a hyperlink; keep the plain value only" });
        return undefined;
      }
      if ("richText" in value) return value.richText.map((run) => run.text).join("");
    }
    if (value instanceof Date) {
      refuse(key, "date_value", { vi: "ô có kiểu ngày tháng; hãy định dạng ô là Số hoặc Văn bản", en: "the cell is a date; format it as Number or Text" });
      return undefined;
    }
    return value;
  };
  const text = (key: ColumnKey): string | null => {
    const value = plain(key);
    if (value === undefined || value === null) return null;
    if (typeof value === "boolean") {
      refuse(key, "boolean_value", { vi: "ô chứa TRUE/FALSE ở nơi cần văn bản", en: "the cell holds TRUE/FALSE where text is expected" });
      return null;
    }
    const written = typeof value === "number" ? String(value) : String(value).normalize("NFC").trim();
    return written === "" ? null : written;
  };

  let selfPoints: string | null = null;
  const points = plain("selfPoints");
  if (typeof points === "number" && (cellOf("selfPoints").numFmt ?? "").includes("%")) {
    // 0.125 shown as "12,5%" holds another value than the one the officer reads.
    refuse("selfPoints", "percent_format", { vi: "ô điểm định dạng phần trăm; hãy ghi số không có %", en: "the points cell has a percentage format; write the number without %" });
  } else if (typeof points === "number") selfPoints = String(points);
  else if (typeof points === "string") {
    const written = points.normalize("NFC").trim();
    selfPoints = written === "" || written.toLowerCase() === SURVEY_MARK ? null : written;
  } else if (typeof points === "boolean") {
    refuse("selfPoints", "boolean_value", { vi: "ô điểm chứa TRUE/FALSE", en: "the points cell holds TRUE/FALSE" });
  }

  let notApplicable = false;
  const flag = plain("notApplicable");
  if (typeof flag === "boolean") notApplicable = flag;
  else if (flag !== undefined && flag !== null) {
    const word = String(flag).normalize("NFC").trim().toLowerCase();
    if (YES_WORDS.includes(word)) notApplicable = true;
    else if (!NO_WORDS.includes(word) && word !== "") {
      refuse("notApplicable", "invalid_yes_no", {
        vi: `ô Không đánh giá chứa "${String(flag)}"; chỉ ghi "x" (không đánh giá) hoặc để trống`,
        en: `the not-applicable cell holds "${String(flag)}"; write "x" (not applicable) or leave it empty`,
      });
    }
  }

  let version: number | null = null;
  const versionValue = plain("version");
  if (versionValue !== undefined && versionValue !== null) {
    const number = typeof versionValue === "number" ? versionValue : /^\d+$/.test(String(versionValue).trim()) ? Number(String(versionValue).trim()) : NaN;
    if (Number.isSafeInteger(number) && number >= 0) version = number;
    else refuse("version", "invalid_version", { vi: "cột Phiên bản đã bị sửa; hãy tải tệp mới từ cổng", en: "the version column was changed; download a new file from the portal" });
  }

  const notApplicableReason = text("notApplicableReason");
  const note = text("note");
  return { row: { row: r, code, selfPoints, notApplicable, notApplicableReason, note, version, refused }, problems };
}

function isBlank(cell: ExcelJS.Cell): boolean {
  const value = cell.value;
  if (value === null || value === undefined) return true;
  return typeof value === "string" && value.trim() === "";
}

function plainText(value: ExcelJS.CellValue): string {
  if (typeof value === "string") return value.normalize("NFC").trim();
  if (value && typeof value === "object" && "richText" in value) return value.richText.map((run) => run.text).join("").normalize("NFC").trim();
  return "";
}
