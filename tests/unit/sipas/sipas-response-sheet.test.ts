import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { SipasQuestionnaire } from "@/lib/sipas/questionnaire";
import {
  checkSipasRowsAgainstSurvey,
  parseSheetDate,
  readSipasSheet,
  sipasDateRange,
  sipasSheetHeader,
  type SipasSheetRow,
  type SipasSurveyContext,
} from "@/lib/sipas/sipas-response-sheet";
import { readSipasResponseFile } from "@/lib/domain/sipas-response-file";
import { writeSipasTemplateCsv, writeSipasTemplateXlsx } from "@/lib/domain/sipas-response-template";
import { describeSipasSheetProblem } from "@/lib/i18n/sipas-import-messages";

const questionnaire: SipasQuestionnaire = {
  scale: { min: 1, max: 5, satisfiedFrom: 4, labels: ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"] },
  indexMethod: "share_satisfied",
  smallSampleThreshold: 30,
  elements: [
    {
      code: "access",
      name: "Tiếp cận dịch vụ",
      nameEn: "Access",
      weight: "1",
      order: 1,
      questions: [
        { code: "A1", text: "Nơi ngồi chờ", textEn: null, order: 1, required: true },
        { code: "A2", text: "Trang thiết bị", textEn: null, order: 2, required: true },
      ],
    },
    {
      code: "staff",
      name: "Công chức",
      nameEn: "Civil servants",
      weight: "1",
      order: 2,
      questions: [
        { code: "B3", text: "Thái độ", textEn: null, order: 1, required: true },
        { code: "D1", text: "Dịch vụ công trực tuyến", textEn: null, order: 2, required: false },
      ],
    },
  ],
};

const encoder = new TextEncoder();

async function readText(text: string) {
  const file = await readSipasResponseFile(encoder.encode(text));
  if (!file.ok) throw new Error(`file refused: ${file.problem.kind}`);
  return { file, read: readSipasSheet(questionnaire, file.table) };
}

function messages(problems: Parameters<typeof describeSipasSheetProblem>[0][]): string[] {
  return problems.map((problem) => describeSipasSheetProblem(problem).vi);
}

describe("reading a CSV of paper forms", () => {
  it("reads Vietnamese Excel's CSV: BOM, semicolons, dd/mm/yyyy dates, quoted comments with separators and line breaks", async () => {
    const csv =
      "\uFEFFMã đơn vị;Số phiếu;Ngày;Mã hồ sơ;A1;A2;B3;D1;Ý kiến\r\n" +
      'so-noi-vu;SNV-0001;15/10/2025;H01.2025.001;5;4;5;;"Tốt; nhanh\r\nvà ""lịch sự"""\r\n' +
      "so-tu-phap;STP-0001;2025-10-16;;3;3;4;2;\r\n";
    const { file, read } = await readText(csv);
    expect(file.format).toBe("csv");
    expect(read.problems).toEqual([]);
    expect(read.rows).toEqual<SipasSheetRow[]>([
      {
        row: 2,
        unitCode: "so-noi-vu",
        externalRef: "SNV-0001",
        submittedOn: "2025-10-15",
        dossierCode: "H01.2025.001",
        comment: 'Tốt; nhanh\r\nvà "lịch sự"',
        answers: { A1: 5, A2: 4, B3: 5 },
      },
      // The comment above spans two lines, so this form starts on line 4 of the file.
      { row: 4, unitCode: "so-tu-phap", externalRef: "STP-0001", submittedOn: "2025-10-16", dossierCode: null, comment: null, answers: { A1: 3, A2: 3, B3: 4, D1: 2 } },
    ]);
  });

  it("reads comma-separated files, columns in any order, headers without tone marks, and skips title lines above the header", async () => {
    const csv = "Phiếu khảo sát SIPAS 2025,,,,,,\nso phieu,ma don vi,NGAY,b3,A1,A2,D1\n7,so-y-te,1/2/2025,4,4,4,5\n\n";
    const { read } = await readText(csv);
    expect(read.problems).toEqual([]);
    expect(read.rows).toEqual([{ row: 3, unitCode: "so-y-te", externalRef: "7", submittedOn: "2025-02-01", dossierCode: null, comment: null, answers: { B3: 4, A1: 4, A2: 4, D1: 5 } }]);
  });

  it("names row and column of every problem of every row: missing answers, values off the scale, bad dates, empty required cells, a comment too long", async () => {
    const long = "x".repeat(2_001);
    const csv = [
      sipasSheetHeader(questionnaire).join(","),
      "so-noi-vu,1,15/10/2025,,5,4,6,,",
      "so-noi-vu,2,31/02/2025,,,4,5,0,",
      ",,,,4,4,4,,",
      `so-noi-vu,3,15/10/2025,,4,4,4,,${long}`,
      "so-noi-vu,4,hôm qua,,4.5,4,4,,",
    ].join("\n");
    const { read } = await readText(csv);
    expect(read.rows).toEqual([]);
    expect(messages(read.problems)).toEqual([
      "Dòng 2, cột B3: giá trị 6 ngoài thang 1–5",
      'Dòng 3, cột Ngày: ngày "31/02/2025" không hợp lệ; hãy ghi dạng dd/mm/yyyy, ví dụ 15/10/2025',
      "Dòng 3, cột A1: câu hỏi bắt buộc chưa có câu trả lời",
      "Dòng 3, cột D1: giá trị 0 ngoài thang 1–5",
      "Dòng 4, cột Mã đơn vị: chưa có giá trị (bắt buộc)",
      "Dòng 4, cột Số phiếu: chưa có giá trị (bắt buộc)",
      "Dòng 4, cột Ngày: chưa có giá trị (bắt buộc)",
      "Dòng 5, cột Ý kiến: dài 2.001 ký tự, quá giới hạn 2.000 ký tự",
      'Dòng 6, cột Ngày: ngày "hôm qua" không hợp lệ; hãy ghi dạng dd/mm/yyyy, ví dụ 15/10/2025',
      "Dòng 6, cột A1: giá trị 4.5 ngoài thang 1–5",
    ]);
    expect(describeSipasSheetProblem(read.problems[0]!).en).toBe("Row 2, column B3: the value 6 is outside the scale 1–5");
    expect(read.refusedRefs.map((ref) => ref.externalRef)).toEqual(["1", "2", "3", "4"]);
  });

  it("refuses the header, not each row, when a column is unknown, missing or named twice", async () => {
    const { read } = await readText("Mã đơn vị,Số phiếu,Ngày,A1,A1,B3,Ghi chú\nso-noi-vu,1,15/10/2025,4,4,4,x\n");
    expect(read.rows).toEqual([]);
    expect(messages(read.problems)).toEqual([
      'Cột "A1" xuất hiện hai lần ở dòng tiêu đề.',
      'Cột "Ghi chú" (cột thứ 7) không có trong phiếu khảo sát của kỳ này: hãy xóa cột hoặc sửa tên cho đúng mã câu hỏi.',
      'Thiếu cột "A2" ở dòng tiêu đề.',
      'Thiếu cột "D1" ở dòng tiêu đề.',
    ]);
  });

  it("reports data under a column without a name, and a file with a header but no forms", async () => {
    const header = sipasSheetHeader(questionnaire).join(",");
    expect(messages((await readText(`${header},\nso-noi-vu,1,15/10/2025,,4,4,4,,,lạc cột\n`)).read.problems)).toEqual([
      "Dòng 2: cột thứ 10 có dữ liệu nhưng không có tên ở dòng tiêu đề.",
    ]);
    expect(messages((await readText(`${header}\n,,,\n`)).read.problems)).toEqual(["Tệp không có phiếu nào dưới dòng tiêu đề."]);
  });

  it("refuses files that are not UTF-8 CSV or XLSX, and text without the header", async () => {
    const windows1258 = new Uint8Array([0x4d, 0xe3, 0x20, 0x64, 0x6f, 0x6e]);
    expect(await readSipasResponseFile(windows1258)).toEqual({ ok: false, problem: { kind: "not_utf8" } });
    expect(await readSipasResponseFile(new Uint8Array())).toEqual({ ok: false, problem: { kind: "empty" } });
    expect(await readSipasResponseFile(encoder.encode("a,b,c\n1,2,3\n"))).toEqual({ ok: false, problem: { kind: "no_header" } });
    expect(await readSipasResponseFile(encoder.encode("%PDF-1.7\u0000binary"))).toEqual({ ok: false, problem: { kind: "unsupported" } });
  });

  it("refuses a CSV whose quote is never closed, instead of reading the later rows into one comment", async () => {
    const text = 'Số phiếu;Mã đơn vị;Q1;Ý kiến\nP1;a;5;"tốt lắm\nP2;a;4;ok\nP3;a;3;\n';
    expect(await readSipasResponseFile(encoder.encode(text))).toEqual({ ok: false, problem: { kind: "unclosed_quote", line: 2 } });
  });
});

describe("reading an XLSX of contractor forms", () => {
  it("reads number cells, real date cells and formulas' results; a cell with an error value fails its column's check", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Kết quả");
    sheet.addRow(["Kết quả khảo sát do Công ty X thực hiện"]);
    sheet.addRow(sipasSheetHeader(questionnaire));
    sheet.addRow(["so-noi-vu", 101, new Date(Date.UTC(2025, 9, 15)), null, 5, { formula: "2+2", result: 4 }, 4, null, "Hài lòng"]);
    sheet.addRow(["so-noi-vu", 102, "15/10/2025", null, { error: "#N/A" }, 4, 4, null, null]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const file = await readSipasResponseFile(bytes);
    expect(file.ok && file.format).toBe("xlsx");
    if (!file.ok) return;
    const read = readSipasSheet(questionnaire, file.table);
    expect(read.rows).toEqual([{ row: 3, unitCode: "so-noi-vu", externalRef: "101", submittedOn: "2025-10-15", dossierCode: null, comment: "Hài lòng", answers: { A1: 5, A2: 4, B3: 4 } }]);
    expect(messages(read.problems)).toEqual(["Dòng 4, cột A1: giá trị #N/A ngoài thang 1–5"]);
  });

  it("the downloaded templates are read back as a header without forms", async () => {
    const xlsx = await writeSipasTemplateXlsx({
      period: { code: "2025", name: "Năm 2025" },
      questionnaire,
      units: [{ code: "so-noi-vu", name: "Sở Nội vụ" }],
    });
    const fromXlsx = await readSipasResponseFile(new Uint8Array(xlsx));
    expect(fromXlsx.ok && fromXlsx.table.header).toEqual(sipasSheetHeader(questionnaire));
    const fromCsv = await readSipasResponseFile(encoder.encode(writeSipasTemplateCsv(questionnaire)));
    expect(fromCsv.ok && fromCsv.table).toEqual({ headerRow: 1, header: sipasSheetHeader(questionnaire), rows: [] });
  });
});

describe("checking rows against the survey", () => {
  const row = (overrides: Partial<SipasSheetRow>): SipasSheetRow => ({
    row: 2,
    unitCode: "so-noi-vu",
    externalRef: "1",
    submittedOn: "2025-10-15",
    dossierCode: null,
    comment: null,
    answers: { A1: 4, A2: 4, B3: 5 },
    ...overrides,
  });
  const context: SipasSurveyContext = {
    periodUnits: new Map([
      ["so-noi-vu", "u1"],
      ["so-y-te", "u2"],
    ]),
    knownUnitCodes: new Set(["so-noi-vu", "so-y-te", "so-cu"]),
    approvedUnitCodes: new Set(["so-y-te"]),
    importedRefs: new Set(["OLD-1"]),
    dateRange: sipasDateRange(2025, "2026-11-24"),
  };

  it("refuses unknown units, units outside the period or already approved, repeated and already imported form numbers, days outside the survey", () => {
    const problems = checkSipasRowsAgainstSurvey(
      questionnaire,
      [
        row({ row: 2 }),
        row({ row: 3, unitCode: "khong-co" }),
        row({ row: 4, unitCode: "so-cu", externalRef: "2" }),
        row({ row: 5, unitCode: "so-y-te", externalRef: "3" }),
        row({ row: 6, externalRef: "1" }),
        row({ row: 7, externalRef: "OLD-1" }),
        row({ row: 8, externalRef: "4", submittedOn: "2024-12-31" }),
        row({ row: 9, externalRef: "5", answers: { A1: 4, A2: 4, B3: 9 } }),
      ],
      context,
      [{ row: 10, externalRef: "2" }],
    );
    expect(messages(problems)).toEqual([
      'Dòng 3, cột Mã đơn vị: không có đơn vị mã "khong-co"',
      'Dòng 3, cột Số phiếu: số phiếu "1" trùng với dòng 2',
      'Dòng 4, cột Mã đơn vị: đơn vị "so-cu" không tham gia kỳ đánh giá này',
      'Dòng 5, cột Mã đơn vị: kết quả SIPAS của đơn vị "so-y-te" đã được hội đồng phê duyệt; cần hủy phê duyệt trước khi nhập thêm phiếu',
      'Dòng 6, cột Số phiếu: số phiếu "1" trùng với dòng 2',
      'Dòng 7, cột Số phiếu: phiếu số "OLD-1" đã được nhập trước đây',
      "Dòng 8, cột Ngày: ngày 31/12/2024 nằm ngoài thời gian khảo sát của kỳ (01/01/2025–24/11/2026)",
      "Dòng 9, cột B3: giá trị 9 ngoài thang 1–5",
      'Dòng 10, cột Số phiếu: số phiếu "2" trùng với dòng 4',
    ]);
  });

  it("passes rows that are all right", () => {
    expect(checkSipasRowsAgainstSurvey(questionnaire, [row({}), row({ row: 3, externalRef: "2", unitCode: "so-noi-vu" })], context)).toEqual([]);
  });
});

describe("dates", () => {
  it("accepts dd/mm/yyyy, d/m/yyyy, with dots or dashes, and ISO; refuses days that do not exist", () => {
    expect(["5/1/2025", "05.01.2025", "05-01-2025", "2025-01-05", "2025-01-05T00:00:00Z"].map(parseSheetDate)).toEqual(Array(5).fill("2025-01-05"));
    expect(["29/02/2024", "29/02/2025", "32/01/2025", "01/13/2025", "2025/01/05", "05/01/25"].map(parseSheetDate)).toEqual(["2024-02-29", null, null, null, null, null]);
  });

  it("a period's forms may carry a day from its year to the end of the next, never after today", () => {
    expect(sipasDateRange(2025, "2026-11-24")).toEqual({ from: "2025-01-01", to: "2026-11-24" });
    expect(sipasDateRange(2023, "2026-11-24")).toEqual({ from: "2023-01-01", to: "2024-12-31" });
  });
});
