// Writes a unit's self-assessment as the workbook of self-assessment-xlsx-layout.ts. Points are
// number cells holding the exact stored value (at most 4 decimals, so String() of the double gives
// it back), codes are text cells, so that reading the file back changes nothing.
import ExcelJS from "exceljs";
import { xlsxCellValue, HEADER_FILL } from "@/lib/results-package/write-results-package-xlsx";
import {
  COLUMNS,
  FIRST_DATA_ROW,
  HEADER_ROW,
  INSTRUCTIONS,
  LABEL_ROW,
  META_KEYS,
  METHOD_LABEL,
  SELF_ASSESSMENT_FORMAT,
  SELF_ASSESSMENT_INSTRUCTIONS_SHEET,
  SELF_ASSESSMENT_SHEET,
  SURVEY_MARK,
  columnNumber,
  type SelfAssessmentSheet,
} from "@/lib/domain/self-assessment-xlsx-layout";

const TEXT_FORMAT = "@";
const GROUP_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFEFEFEF" } };
const EDITABLE_FILL: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFFFF7D6" } };
const MUTED: Partial<ExcelJS.Font> = { color: { argb: "FF808080" } };

export async function writeSelfAssessmentXlsx(sheet: SelfAssessmentSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = "PAR Index portal";
  addInstructions(workbook, sheet);
  addScores(workbook, sheet);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addScores(workbook: ExcelJS.Workbook, data: SelfAssessmentSheet): void {
  const sheet = workbook.addWorksheet(SELF_ASSESSMENT_SHEET, { views: [{ state: "frozen", xSplit: 2, ySplit: HEADER_ROW }] });
  sheet.columns = COLUMNS.map((column) => ({
    key: column.key,
    width: column.width,
    ...(column.key === "code" ? { style: { numFmt: TEXT_FORMAT } } : {}),
  }));

  const meta: Record<keyof typeof META_KEYS, [string, string]> = {
    period: [data.period.code, data.period.name],
    unit: [data.unit.code, data.unit.name],
    format: [SELF_ASSESSMENT_FORMAT, "Tệp tự đánh giá của cổng Chỉ số CCHC / PAR Index portal self-assessment file"],
  };
  for (const [key, spec] of Object.entries(META_KEYS) as [keyof typeof META_KEYS, (typeof META_KEYS)[keyof typeof META_KEYS]][]) {
    const row = sheet.getRow(spec.row);
    const keyCell = row.getCell(1);
    keyCell.value = key;
    keyCell.font = { bold: true };
    keyCell.note = `${spec.vi}\n${spec.en}`;
    const valueCell = row.getCell(2);
    valueCell.numFmt = TEXT_FORMAT;
    valueCell.value = xlsxCellValue(meta[key][0]);
    row.getCell(3).value = xlsxCellValue(meta[key][1]);
    row.getCell(3).font = { bold: key !== "format", ...(key === "format" ? MUTED : {}) };
  }

  const labels = sheet.getRow(LABEL_ROW);
  const header = sheet.getRow(HEADER_ROW);
  COLUMNS.forEach((column, i) => {
    const label = labels.getCell(i + 1);
    label.value = column.vi;
    label.font = { bold: true };
    label.alignment = { wrapText: true, vertical: "bottom" };
    const key = header.getCell(i + 1);
    key.value = column.key;
    key.numFmt = TEXT_FORMAT;
    key.font = { bold: true, ...(column.key === "version" ? MUTED : {}) };
    key.fill = HEADER_FILL;
    key.note = `${column.vi}\n${column.en}`;
  });
  labels.height = 30;

  data.criteria.forEach((criterion, i) => {
    const row = sheet.getRow(FIRST_DATA_ROW + i);
    const cell = (key: Parameters<typeof columnNumber>[0]) => row.getCell(columnNumber(key));
    cell("code").value = criterion.code;
    cell("name").value = xlsxCellValue(criterion.name);
    cell("name").alignment = { indent: (criterion.depth - 1) * 2, wrapText: true, vertical: "top" };
    cell("maxPoints").value = Number(criterion.maxPoints);
    cell("method").value = METHOD_LABEL[criterion.method];
    if (!criterion.isLeaf) {
      row.font = { bold: true };
      for (const column of COLUMNS) row.getCell(columnNumber(column.key)).fill = GROUP_FILL;
      return;
    }
    if (criterion.method === "survey") {
      cell("selfPoints").value = SURVEY_MARK;
      cell("selfPoints").font = { italic: true, ...MUTED };
      return;
    }
    for (const column of COLUMNS) if (column.editable) row.getCell(columnNumber(column.key)).fill = EDITABLE_FILL;
    cell("notApplicableReason").alignment = { wrapText: true, vertical: "top" };
    cell("note").alignment = { wrapText: true, vertical: "top" };
    cell("selfPoints").dataValidation = {
      type: "decimal",
      operator: "between",
      allowBlank: true,
      formulae: [0, Number(criterion.maxPoints)],
      // A warning, not a stop: "12,5" typed as text in an English Excel is still fine for the portal.
      errorStyle: "warning",
      showErrorMessage: true,
      errorTitle: "Điểm tự chấm",
      error: `Điểm từ 0 đến ${criterion.maxPoints.replace(".", ",")} / Points from 0 to ${criterion.maxPoints}`,
    };
    cell("notApplicable").dataValidation = { type: "list", allowBlank: true, formulae: ['"x"'] };
    const score = data.scores.get(criterion.code);
    if (!score) return;
    if (score.selfPoints !== null && !score.selfNotApplicable) cell("selfPoints").value = Number(score.selfPoints);
    if (score.selfNotApplicable) cell("notApplicable").value = "x";
    if (score.selfNotApplicableReason) cell("notApplicableReason").value = xlsxCellValue(score.selfNotApplicableReason);
    if (score.selfNote) cell("note").value = xlsxCellValue(score.selfNote);
    cell("version").value = score.version;
    cell("version").font = MUTED;
  });
}

function addInstructions(workbook: ExcelJS.Workbook, data: SelfAssessmentSheet): void {
  const sheet = workbook.addWorksheet(SELF_ASSESSMENT_INSTRUCTIONS_SHEET);
  sheet.columns = [
    { key: "vi", width: 80, style: { alignment: { wrapText: true, vertical: "top" } } },
    { key: "en", width: 80, style: { alignment: { wrapText: true, vertical: "top" } } },
  ];
  const title = sheet.addRow([
    xlsxCellValue(`Hướng dẫn điền bản tự đánh giá — ${data.unit.name}, ${data.period.name}`),
    xlsxCellValue(`How to fill in the self-assessment — ${data.unit.name}, ${data.period.name}`),
  ]);
  title.font = { bold: true, size: 13 };
  INSTRUCTIONS.forEach((remark, i) => sheet.addRow([`${i + 1}. ${remark.vi}`, `${i + 1}. ${remark.en}`]));
  sheet.addRow([]);
  const head = sheet.addRow(["Cột trên trang \"tu-danh-gia\"", "Columns of sheet \"tu-danh-gia\""]);
  head.font = { bold: true };
  for (const column of COLUMNS) sheet.addRow([`${column.key}: ${column.vi}`, `${column.key}: ${column.en}`]);
}
