// The empty file home affairs hands to whoever types in the paper forms or to a survey contractor:
// the header readSipasSheet expects, and (in the workbook) a guide sheet with every question's text,
// the answer scale with its labels and the period's units with their codes.
import ExcelJS from "exceljs";
import { HEADER_FILL, xlsxCellValue } from "@/lib/results-package/write-results-package-xlsx";
import { writeTableCsv } from "@/lib/results-package/write-table-csv";
import { sipasQuestions, type SipasQuestionnaire } from "@/lib/sipas/questionnaire";
import { SIPAS_COMMENT_MAX_CHARS, SIPAS_SHEET_COLUMNS, sipasSheetHeader } from "@/lib/sipas/sipas-response-sheet";

export const SIPAS_TEMPLATE_SHEET = "Phiếu khảo sát";
const GUIDE_SHEET = "Hướng dẫn";
const UNITS_SHEET = "Đơn vị";
const TEXT_FORMAT = "@";
/** Rows of the response sheet that carry the answer check, enough for any unit's year of forms. */
const VALIDATED_ROWS = 1_000;

export type SipasTemplateData = {
  period: { code: string; name: string };
  questionnaire: SipasQuestionnaire;
  units: { code: string; name: string }[];
};

export function writeSipasTemplateCsv(questionnaire: SipasQuestionnaire): string {
  return writeTableCsv(sipasSheetHeader(questionnaire), []);
}

export async function writeSipasTemplateXlsx(data: SipasTemplateData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "PAR Index portal";
  const header = sipasSheetHeader(data.questionnaire);
  const codes = new Set(sipasQuestions(data.questionnaire).map((question) => question.code));
  const { min, max } = data.questionnaire.scale;

  const sheet = workbook.addWorksheet(SIPAS_TEMPLATE_SHEET, { views: [{ state: "frozen", xSplit: 2, ySplit: 1 }] });
  sheet.columns = header.map((name) => ({
    header: name,
    width: codes.has(name) ? Math.max(6, name.length + 2) : name === SIPAS_SHEET_COLUMNS.comment ? 50 : 16,
    // Codes, form numbers and dates typed as text stay as typed (Excel would turn 01/10/2025 into a date and 0012 into 12).
    ...(codes.has(name) ? {} : { style: { numFmt: TEXT_FORMAT } }),
  }));
  const headerRow = sheet.getRow(1);
  headerRow.font = { bold: true };
  headerRow.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  header.forEach((name, index) => {
    if (!codes.has(name)) return;
    for (let row = 2; row <= VALIDATED_ROWS + 1; row++) {
      sheet.getCell(row, index + 1).dataValidation = {
        type: "whole",
        operator: "between",
        allowBlank: true,
        formulae: [min, max],
        showErrorMessage: true,
        errorTitle: "Ngoài thang / Outside the scale",
        error: `Ghi một số nguyên từ ${min} đến ${max}. / Write a whole number from ${min} to ${max}.`,
      };
    }
  });

  addGuide(workbook, data);
  const units = workbook.addWorksheet(UNITS_SHEET);
  units.columns = [
    { header: SIPAS_SHEET_COLUMNS.unit, width: 20, style: { numFmt: TEXT_FORMAT } },
    { header: "Tên đơn vị / Unit", width: 50 },
  ];
  units.getRow(1).font = { bold: true };
  for (const unit of data.units) units.addRow([xlsxCellValue(unit.code), xlsxCellValue(unit.name)]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addGuide(workbook: ExcelJS.Workbook, data: SipasTemplateData): void {
  const guide = workbook.addWorksheet(GUIDE_SHEET);
  guide.columns = [{ width: 18 }, { width: 90 }, { width: 12 }];
  const { scale } = data.questionnaire;
  const title = guide.addRow([xlsxCellValue(`Phiếu khảo sát SIPAS — ${data.period.name}`)]);
  title.font = { bold: true, size: 13 };
  guide.addRow([
    xlsxCellValue(
      `Mỗi dòng của trang "${SIPAS_TEMPLATE_SHEET}" là một phiếu. Không đổi tên dòng tiêu đề. Số phiếu phải duy nhất trong cả cuộc khảo sát. / Each row of the "${SIPAS_TEMPLATE_SHEET}" sheet is one form. Do not rename the header row. Form numbers must be unique in the whole survey.`,
    ),
  ]);
  guide.addRow([]);
  const head = guide.addRow(["Cột / Column", "Nội dung / Content", "Bắt buộc / Required"]);
  head.font = { bold: true };
  head.eachCell((cell) => {
    cell.fill = HEADER_FILL;
  });
  const fixed: [string, string, boolean][] = [
    [SIPAS_SHEET_COLUMNS.unit, "Mã đơn vị được khảo sát (xem trang \"Đơn vị\") / Code of the surveyed unit (see the \"Đơn vị\" sheet)", true],
    [SIPAS_SHEET_COLUMNS.formNumber, "Số phiếu, duy nhất trong cuộc khảo sát / Form number, unique in the survey", true],
    [SIPAS_SHEET_COLUMNS.date, `Ngày khảo sát dd/mm/yyyy trong năm ${data.period.name} / Survey day as dd/mm/yyyy`, true],
    [SIPAS_SHEET_COLUMNS.dossier, "Mã hồ sơ thủ tục hành chính / Dossier code", false],
  ];
  for (const [column, text, required] of fixed) guide.addRow([xlsxCellValue(column), xlsxCellValue(text), required ? "x" : ""]);
  for (const element of data.questionnaire.elements) {
    const row = guide.addRow(["", xlsxCellValue(`${element.name}${element.nameEn ? ` / ${element.nameEn}` : ""}`)]);
    row.font = { bold: true };
    for (const question of element.questions) {
      guide.addRow([xlsxCellValue(question.code), xlsxCellValue(`${question.text}${question.textEn ? ` / ${question.textEn}` : ""}`), question.required ? "x" : ""]);
    }
  }
  guide.addRow([
    xlsxCellValue(SIPAS_SHEET_COLUMNS.comment),
    xlsxCellValue(`Ý kiến của người trả lời, tối đa ${SIPAS_COMMENT_MAX_CHARS} ký tự / The respondent's comment, at most ${SIPAS_COMMENT_MAX_CHARS} characters`),
    "",
  ]);
  guide.addRow([]);
  const scaleHead = guide.addRow(["Thang / Scale", xlsxCellValue(`Từ ${scale.min} đến ${scale.max}; từ ${scale.satisfiedFrom} trở lên là hài lòng / ${scale.satisfiedFrom} and above count as satisfied`)]);
  scaleHead.font = { bold: true };
  scale.labels.forEach((label, index) => guide.addRow([scale.min + index, xlsxCellValue(label)]));
}
