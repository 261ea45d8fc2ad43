import type { Locale } from "./locale";
import type { SipasSheetProblem } from "@/lib/sipas/sipas-response-sheet";
import type { SipasFileProblem } from "@/lib/domain/sipas-response-file";

// Text of the import of SIPAS responses collected on paper or by a survey contractor: the console
// page, and every problem a file can have, in Vietnamese and English.

type Text = { vi: string; en: string };

/** yyyy-mm-dd as dd/mm/yyyy, the way a Vietnamese form writes it. */
function dayText(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}

function quote(value: string): string {
  return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
}

function at(problem: { row: number; column: string }, text: Text): Text {
  return { vi: `Dòng ${problem.row}, cột ${problem.column}: ${text.vi}`, en: `Row ${problem.row}, column ${problem.column}: ${text.en}` };
}

/** "Dòng 7, cột B3: giá trị 6 ngoài thang 1–5" / "Row 7, column B3: the value 6 is outside the scale 1–5". */
export function describeSipasSheetProblem(problem: SipasSheetProblem): Text {
  switch (problem.kind) {
    case "no_header":
      return { vi: 'Không tìm thấy dòng tiêu đề có cột "Số phiếu".', en: 'No header row with a "Số phiếu" (form number) column was found.' };
    case "no_rows":
      return { vi: "Tệp không có phiếu nào dưới dòng tiêu đề.", en: "The file has no forms below its header row." };
    case "too_many_rows":
      return {
        vi: `Tệp có ${problem.found.toLocaleString("vi-VN")} dòng, nhiều hơn giới hạn ${problem.max.toLocaleString("vi-VN")} dòng một lần nhập: hãy chia thành nhiều tệp.`,
        en: `The file has ${problem.found.toLocaleString("en-GB")} rows, more than the ${problem.max.toLocaleString("en-GB")} rows one import takes: split it into several files.`,
      };
    case "missing_column":
      return { vi: `Thiếu cột "${problem.column}" ở dòng tiêu đề.`, en: `The header row lacks the column "${problem.column}".` };
    case "unknown_column":
      return {
        vi: `Cột "${problem.column}" (cột thứ ${problem.position + 1}) không có trong phiếu khảo sát của kỳ này: hãy xóa cột hoặc sửa tên cho đúng mã câu hỏi.`,
        en: `The column "${problem.column}" (column ${problem.position + 1}) is not part of this period's questionnaire: delete it or correct its name to a question code.`,
      };
    case "duplicate_column":
      return { vi: `Cột "${problem.column}" xuất hiện hai lần ở dòng tiêu đề.`, en: `The column "${problem.column}" appears twice in the header row.` };
    case "unnamed_column":
      return {
        vi: `Dòng ${problem.row}: cột thứ ${problem.position + 1} có dữ liệu nhưng không có tên ở dòng tiêu đề.`,
        en: `Row ${problem.row}: column ${problem.position + 1} holds data but has no name in the header row.`,
      };
    case "required":
      return at(problem, { vi: "chưa có giá trị (bắt buộc)", en: "is empty (required)" });
    case "too_long":
      return at(problem, {
        vi: `dài ${problem.length.toLocaleString("vi-VN")} ký tự, quá giới hạn ${problem.max.toLocaleString("vi-VN")} ký tự`,
        en: `is ${problem.length.toLocaleString("en-GB")} characters long, over the ${problem.max.toLocaleString("en-GB")}-character limit`,
      });
    case "bad_date":
      return at(problem, {
        vi: `ngày ${quote(problem.value)} không hợp lệ; hãy ghi dạng dd/mm/yyyy, ví dụ 15/10/2025`,
        en: `the date ${quote(problem.value)} is not valid; write it as dd/mm/yyyy, e.g. 15/10/2025`,
      });
    case "date_outside":
      return at(problem, {
        vi: `ngày ${dayText(problem.value)} nằm ngoài thời gian khảo sát của kỳ (${dayText(problem.from)}–${dayText(problem.to)})`,
        en: `the date ${dayText(problem.value)} is outside the period's survey time (${dayText(problem.from)}–${dayText(problem.to)})`,
      });
    case "answer_missing":
      return at(problem, { vi: "câu hỏi bắt buộc chưa có câu trả lời", en: "the required question has no answer" });
    case "answer_out_of_scale":
      return at(problem, {
        vi: `giá trị ${problem.value} ngoài thang ${problem.min}–${problem.max}`,
        en: `the value ${problem.value} is outside the scale ${problem.min}–${problem.max}`,
      });
    case "unknown_question":
      return at(problem, { vi: "không có câu hỏi này trong phiếu khảo sát", en: "the questionnaire has no such question" });
    case "unknown_unit":
      return at(problem, { vi: `không có đơn vị mã ${quote(problem.value)}`, en: `there is no unit with the code ${quote(problem.value)}` });
    case "unit_not_in_period":
      return at(problem, {
        vi: `đơn vị ${quote(problem.value)} không tham gia kỳ đánh giá này`,
        en: `the unit ${quote(problem.value)} does not take part in this period`,
      });
    case "unit_approved":
      return at(problem, {
        vi: `kết quả SIPAS của đơn vị ${quote(problem.value)} đã được hội đồng phê duyệt; cần hủy phê duyệt trước khi nhập thêm phiếu`,
        en: `the council has approved the SIPAS figures of unit ${quote(problem.value)}; the approval must be revoked before more forms are imported`,
      });
    case "duplicate_in_file":
      return at(problem, {
        vi: `số phiếu ${quote(problem.value)} trùng với dòng ${problem.firstRow}`,
        en: `the form number ${quote(problem.value)} repeats row ${problem.firstRow}`,
      });
    case "already_imported":
      return at(problem, {
        vi: `phiếu số ${quote(problem.value)} đã được nhập trước đây`,
        en: `form number ${quote(problem.value)} was imported before`,
      });
  }
}

export function describeSipasFileProblem(problem: SipasFileProblem): Text {
  switch (problem.kind) {
    case "too_large":
      return { vi: `Tệp lớn hơn giới hạn ${problem.max / 1024 / 1024} MB.`, en: `The file is larger than the ${problem.max / 1024 / 1024} MB limit.` };
    case "empty":
      return { vi: "Tệp rỗng (0 byte).", en: "The file is empty (0 bytes)." };
    case "not_utf8":
      return {
        vi: 'Tệp CSV không ở mã UTF-8: trong Excel hãy chọn Lưu thành "CSV UTF-8 (Comma delimited)", hoặc lưu dạng .xlsx.',
        en: 'The CSV file is not UTF-8: in Excel choose Save As "CSV UTF-8 (Comma delimited)", or save it as .xlsx.',
      };
    case "legacy_xls":
      return {
        vi: "Tệp là định dạng Excel cũ (.xls): hãy lưu lại dạng Sổ làm việc Excel (.xlsx) hoặc CSV UTF-8.",
        en: "The file is an old-format Excel file (.xls): save it as an Excel Workbook (.xlsx) or CSV UTF-8.",
      };
    case "unsupported":
      return { vi: "Chỉ nhận tệp CSV (UTF-8) hoặc Excel (.xlsx).", en: "Only CSV (UTF-8) or Excel (.xlsx) files are accepted." };
    case "xlsx_corrupt":
      return {
        vi: "Không đọc được sổ làm việc; tệp có thể bị hỏng. Hãy mở bằng Excel và lưu lại dạng .xlsx.",
        en: "The workbook cannot be read; the file may be damaged. Open it in Excel and save it again as .xlsx.",
      };
    case "no_header":
      return describeSipasSheetProblem({ kind: "no_header" });
    case "unclosed_quote":
      return {
        vi: `Dòng ${problem.line}: dấu ngoặc kép (") mở mà không đóng, nên các dòng sau không đọc được. Hãy sửa ô đó rồi tải lên lại.`,
        en: `Line ${problem.line}: a double quote (") is opened but never closed, so the lines after it cannot be read. Fix that cell and upload again.`,
      };
  }
}

export const SIPAS_IMPORT_SOURCES = ["paper", "import"] as const;
export type SipasImportSource = (typeof SIPAS_IMPORT_SOURCES)[number];

const vi = {
  title: (period: string) => `Nhập phiếu khảo sát SIPAS — ${period}`,
  back: "Khảo sát SIPAS của kỳ",
  intro:
    "Nhập các phiếu khảo sát thu trên giấy hoặc do đơn vị khảo sát độc lập cung cấp. Mỗi dòng là một phiếu. Tệp được kiểm tra từng dòng: nếu có bất kỳ lỗi nào thì không phiếu nào được nhập, và mọi lỗi đều được liệt kê.",
  noSurvey: "Kỳ này chưa có phiếu khảo sát SIPAS: hãy tạo phiếu khảo sát trước.",
  draftSurvey: "Phiếu khảo sát đang ở trạng thái nháp: hãy mở khảo sát trước khi nhập phiếu.",
  published: "Kết quả kỳ này đã công bố: không nhập thêm phiếu được.",
  columnsTitle: "Các cột của tệp",
  column: "Cột",
  meaning: "Nội dung",
  requiredLabel: "Bắt buộc",
  yes: "Có",
  no: "Không",
  columnUnit: "Mã đơn vị được khảo sát (như trong danh sách đơn vị của kỳ).",
  columnFormNumber: "Số phiếu: duy nhất trong cả cuộc khảo sát, ví dụ SNV-0001. Nhập lại cùng một số phiếu sẽ bị từ chối.",
  columnDate: (from: string, to: string) => `Ngày khảo sát, dạng dd/mm/yyyy (hoặc yyyy-mm-dd), từ ${from} đến ${to}.`,
  columnDossier: "Mã hồ sơ thủ tục hành chính (không bắt buộc).",
  columnComment: "Ý kiến góp ý của người trả lời (không bắt buộc, tối đa 2.000 ký tự).",
  columnQuestion: (text: string, required: boolean) => `${text}${required ? "" : " (không bắt buộc)"}`,
  scaleTitle: "Thang trả lời",
  scale: (min: number, max: number, satisfiedFrom: number) => `Ghi một số nguyên từ ${min} đến ${max}; từ ${satisfiedFrom} trở lên được tính là hài lòng.`,
  fileRules:
    "Tệp CSV (UTF-8, ngăn cách bằng dấu phẩy hoặc dấu chấm phẩy) hoặc Excel (.xlsx), tối đa 10 MB. Các cột có thể theo thứ tự bất kỳ; dòng tiêu đề phải ghi đúng tên cột.",
  templateTitle: "Tải tệp mẫu",
  templateXlsx: "Tệp mẫu Excel (.xlsx)",
  templateCsv: "Tệp mẫu CSV",
  uploadTitle: "Tải tệp lên",
  sourceLegend: "Nguồn phiếu",
  source: { paper: "Phiếu giấy", import: "Đơn vị khảo sát độc lập" } satisfies Record<SipasImportSource, string>,
  fileLabel: "Tệp phiếu khảo sát (CSV hoặc XLSX)",
  submit: "Kiểm tra và nhập",
  uploading: "Đang kiểm tra và nhập…",
  noFile: "Chưa chọn tệp.",
  failedTitle: "Không phiếu nào được nhập.",
  moreProblems: (count: number) => `và ${count.toLocaleString("vi-VN")} lỗi khác`,
  done: (responses: number, units: number) => `Đã nhập ${responses.toLocaleString("vi-VN")} phiếu cho ${units.toLocaleString("vi-VN")} đơn vị.`,
  unexpected: "Không gửi được tệp. Vui lòng thử lại.",
  countsTitle: "Số phiếu hiện có theo nguồn",
  countSource: { online: "Trực tuyến", paper: "Phiếu giấy", import: "Đơn vị khảo sát độc lập" } satisfies Record<"online" | SipasImportSource, string>,
  responses: "Số phiếu",
};

export type SipasImportMessages = typeof vi;

const en: SipasImportMessages = {
  title: (period) => `Import SIPAS survey forms — ${period}`,
  back: "The period's SIPAS survey",
  intro:
    "Import survey forms collected on paper or delivered by an independent survey contractor. Each row is one form. The file is checked row by row: if anything is wrong no form is imported, and every problem is listed.",
  noSurvey: "This period has no SIPAS questionnaire yet: create it first.",
  draftSurvey: "The survey is still a draft: open it before importing forms.",
  published: "This period's results are published: no more forms can be imported.",
  columnsTitle: "Columns of the file",
  column: "Column",
  meaning: "Content",
  requiredLabel: "Required",
  yes: "Yes",
  no: "No",
  columnUnit: "Code of the surveyed unit (as in the period's unit list).",
  columnFormNumber: "Form number: unique in the whole survey, e.g. SNV-0001. A form number imported again is refused.",
  columnDate: (from, to) => `Survey day, as dd/mm/yyyy (or yyyy-mm-dd), from ${from} to ${to}.`,
  columnDossier: "Administrative dossier code (optional).",
  columnComment: "The respondent's comment (optional, at most 2,000 characters).",
  columnQuestion: (text, required) => `${text}${required ? "" : " (optional)"}`,
  scaleTitle: "Answer scale",
  scale: (min, max, satisfiedFrom) => `A whole number from ${min} to ${max}; ${satisfiedFrom} and above count as satisfied.`,
  fileRules:
    "A CSV file (UTF-8, comma or semicolon separated) or an Excel workbook (.xlsx), at most 10 MB. Columns may come in any order; the header row must name them exactly.",
  templateTitle: "Download a template",
  templateXlsx: "Excel template (.xlsx)",
  templateCsv: "CSV template",
  uploadTitle: "Upload a file",
  sourceLegend: "Source of the forms",
  source: { paper: "Paper forms", import: "Independent survey contractor" },
  fileLabel: "File of survey forms (CSV or XLSX)",
  submit: "Check and import",
  uploading: "Checking and importing…",
  noFile: "No file chosen.",
  failedTitle: "No form was imported.",
  moreProblems: (count) => `and ${count.toLocaleString("en-GB")} more problems`,
  done: (responses, units) => `Imported ${responses.toLocaleString("en-GB")} forms for ${units.toLocaleString("en-GB")} units.`,
  unexpected: "The file could not be sent. Please try again.",
  countsTitle: "Forms held, by source",
  countSource: { online: "Online", paper: "Paper forms", import: "Independent survey contractor" },
  responses: "Forms",
};

const catalogue: Record<Locale, SipasImportMessages> = { vi, en };

export function sipasImportMessagesFor(locale: Locale): SipasImportMessages {
  return catalogue[locale];
}
