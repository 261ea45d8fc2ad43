// Reads an uploaded file of SIPAS responses (CSV or XLSX) into a plain table of text cells for
// lib/sipas/sipas-response-sheet.ts. The format is told by the bytes, not the name: a workbook is a
// zip, anything else must be UTF-8 text. Vietnamese Excel writes CSV with semicolons and a BOM, so
// both separators are accepted and the BOM dropped.
import ExcelJS from "exceljs";
import { bytesSource, detectEvidenceType, readZipDirectory } from "@/lib/domain/evidence-file-type";
import { type SipasSheetCell, type SipasSheetTable } from "@/lib/sipas/sipas-response-sheet";

/** 10,000 forms × 30 columns fit in ~2 MB of CSV; the cap leaves room for long comments. */
export const SIPAS_IMPORT_MAX_BYTES = 10 * 1024 * 1024;
const MAX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
/** The header may follow a few title lines a contractor adds. */
const HEADER_SEARCH_ROWS = 20;

export type SipasFileProblem =
  | { kind: "too_large"; max: number }
  | { kind: "empty" }
  | { kind: "not_utf8" }
  | { kind: "legacy_xls" }
  | { kind: "unsupported" }
  | { kind: "xlsx_corrupt" }
  | { kind: "no_header" }
  | { kind: "unclosed_quote"; line: number };

export type ReadSipasFileResult = { ok: true; format: "csv" | "xlsx"; table: SipasSheetTable } | { ok: false; problem: SipasFileProblem };

export async function readSipasResponseFile(bytes: Uint8Array): Promise<ReadSipasFileResult> {
  if (bytes.byteLength > SIPAS_IMPORT_MAX_BYTES) return { ok: false, problem: { kind: "too_large", max: SIPAS_IMPORT_MAX_BYTES } };
  if (bytes.byteLength === 0) return { ok: false, problem: { kind: "empty" } };
  const source = bytesSource(bytes);
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const isOle = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  if (isZip || isOle) {
    const detected = await detectEvidenceType(source);
    if (detected.ok && detected.kind === "xls") return { ok: false, problem: { kind: "legacy_xls" } };
    if (!detected.ok || detected.kind !== "xlsx") return { ok: false, problem: { kind: "unsupported" } };
    const zip = await readZipDirectory(source);
    if (!zip || zip.uncompressedBytes > MAX_UNCOMPRESSED_BYTES) return { ok: false, problem: { kind: "too_large", max: SIPAS_IMPORT_MAX_BYTES } };
    return readXlsx(bytes);
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: { kind: "not_utf8" } };
  }
  // A binary file that happens to be valid UTF-8 (a PDF, an image) has NUL bytes; CSV never does.
  if (text.includes("\u0000")) return { ok: false, problem: { kind: "unsupported" } };
  const parsed = parseCsv(text.replace(/^\uFEFF/, ""));
  // A quote opened and never closed would swallow every later row into one cell: refuse the file.
  if (!Array.isArray(parsed)) return { ok: false, problem: { kind: "unclosed_quote", line: parsed.unclosedQuoteLine } };
  const table = tableOf(parsed);
  return table ? { ok: true, format: "csv", table } : { ok: false, problem: { kind: "no_header" } };
}

type CsvRecord = { line: number; cells: string[] };

/**
 * RFC 4180 CSV: quoted fields may hold separators, quotes ("") and line breaks. The separator is
 * the one of comma, semicolon and tab that occurs most often outside quotes on the first line.
 * Each record keeps the line it starts on, so messages name the line a text editor shows.
 */
export function parseCsv(text: string): CsvRecord[] | { unclosedQuoteLine: number } {
  const separator = detectSeparator(text);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let fieldStarted = false;
  let quoteLine = 1;
  const endField = () => {
    cells.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    records.push({ line: recordLine, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (char === "\n") line++;
        field += char;
      }
      continue;
    }
    if (char === '"' && !fieldStarted && field === "") {
      quoted = true;
      quoteLine = line;
      fieldStarted = true;
    } else if (char === separator) endField();
    else if (char === "\r" || char === "\n") {
      if (char === "\r" && text[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (quoted) return { unclosedQuoteLine: quoteLine };
  if (field !== "" || cells.length || fieldStarted) endRecord();
  return records;
}

function detectSeparator(text: string): string {
  const counts = new Map<string, number>([
    [",", 0],
    [";", 0],
    ["\t", 0],
  ]);
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
  }
  let best = ",";
  for (const [candidate, count] of counts) if (count > counts.get(best)!) best = candidate;
  return best;
}

function cellText(value: string): SipasSheetCell {
  const text = value.normalize("NFC").trim();
  return text === "" ? null : text;
}

const FORM_NUMBER_FOLDED = "so phieu";

function isHeader(cells: readonly SipasSheetCell[]): boolean {
  return cells.some(
    (cell) =>
      cell !== null &&
      cell
        .normalize("NFD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/\s+/g, " ") === FORM_NUMBER_FOLDED,
  );
}

/** The header is the first record naming the form-number column; empty records after it are skipped. */
function tableOf(records: readonly CsvRecord[]): SipasSheetTable | null {
  const cleaned = records.map((record) => ({ row: record.line, cells: record.cells.map(cellText) }));
  const headerIndex = cleaned.slice(0, HEADER_SEARCH_ROWS).findIndex((record) => isHeader(record.cells));
  if (headerIndex < 0) return null;
  const header = cleaned[headerIndex]!;
  return {
    headerRow: header.row,
    header: header.cells,
    rows: cleaned.slice(headerIndex + 1).filter((record) => record.cells.some((cell) => cell !== null)),
  };
}

async function readXlsx(bytes: Uint8Array): Promise<ReadSipasFileResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false, problem: { kind: "xlsx_corrupt" } };
  }
  // The template's response sheet comes first; a contractor's workbook may put it elsewhere.
  for (const sheet of workbook.worksheets) {
    const records: { row: number; cells: SipasSheetCell[] }[] = [];
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: SipasSheetCell[] = [];
      row.eachCell({ includeEmpty: false }, (cell, column) => {
        cells[column - 1] = xlsxCellText(cell.value);
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = null;
      records.push({ row: rowNumber, cells });
    });
    const headerIndex = records.slice(0, HEADER_SEARCH_ROWS).findIndex((record) => isHeader(record.cells));
    if (headerIndex < 0) continue;
    const header = records[headerIndex]!;
    return {
      ok: true,
      format: "xlsx",
      table: { headerRow: header.row, header: header.cells, rows: records.slice(headerIndex + 1).filter((record) => record.cells.some((cell) => cell !== null)) },
    };
  }
  return { ok: false, problem: { kind: "no_header" } };
}

/**
 * A cell as the text a person sees: numbers in their shortest form (4, 12.5), a date cell as its
 * calendar day (Excel stores it at UTC midnight), a formula as its last computed result, an error
 * value as its code (#N/A), which then fails the column's own check.
 */
export function xlsxCellText(value: ExcelJS.CellValue): SipasSheetCell {
  if (value === null || value === undefined) return null;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : null;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return cellText(value);
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return null;
    return `${value.getUTCFullYear()}-${String(value.getUTCMonth() + 1).padStart(2, "0")}-${String(value.getUTCDate()).padStart(2, "0")}`;
  }
  if ("richText" in value) return cellText(value.richText.map((run) => run.text).join(""));
  if ("error" in value) return String(value.error);
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: ExcelJS.CellValue }).result;
    return result === undefined || (typeof result === "object" && result !== null && "formula" in result) ? null : xlsxCellText(result);
  }
  if ("text" in value) return xlsxCellText((value as { text: ExcelJS.CellValue }).text);
  return null;
}
