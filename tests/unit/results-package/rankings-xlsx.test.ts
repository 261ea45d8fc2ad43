import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import type { RankingsJson } from "@/lib/results-package/rankings-json";
import { writeRankingsCsv } from "@/lib/results-package/write-rankings-csv";
import { rankingsSheetName, writeRankingsXlsx } from "@/lib/results-package/write-rankings-xlsx";

const rankings: RankingsJson = {
  period: "thu-2024",
  group: "1",
  rows: [
    {
      rank: 1,
      rankChange: 2,
      unit: { code: "007", name: "=UBND xã Tiên Châu" },
      total: 93.5,
      applicableMax: 100,
      index: 93.5,
      band: "Xuất sắc",
      fields: [
        { code: "1", name: "Công tác chỉ đạo, điều hành", points: 58.5, maxPoints: 60 },
        { code: "2", name: "Tác động của CCHC", points: 35, maxPoints: 40 },
      ],
    },
    {
      rank: 2,
      rankChange: null,
      unit: { code: "b", name: "UBND xã Tiên Hà _x0041_" },
      total: 50,
      applicableMax: 70,
      index: 71.4286,
      band: null,
      fields: [{ code: "2", name: "Tác động của CCHC", points: 30, maxPoints: 40 }],
    },
  ],
};

async function read(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

describe("the rankings workbook", () => {
  it("holds the CSV's table: its header, codes as text, numbers as numbers, a formula-like name as plain text", async () => {
    const workbook = await read(await writeRankingsXlsx(rankings, { groupName: "Khối xã", publishedAt: new Date("2025-01-15T03:00:00Z") }));
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(["Khối xã"]);
    expect(workbook.created.toISOString()).toBe("2025-01-15T03:00:00.000Z");
    const sheet = workbook.worksheets[0]!;
    const csvHeader = writeRankingsCsv(rankings).slice(1).split("\r\n")[0]!.split(",");
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(csvHeader);

    const first = sheet.getRow(2);
    expect(first.getCell(3).value).toBe(1);
    expect(first.getCell(4).value).toBe(2);
    expect(first.getCell(4).numFmt).toBe("+0;-0;0");
    // Codes that look like numbers stay text, as the CSV writes them.
    expect(first.getCell(2).value).toBe("1");
    expect(first.getCell(5).value).toBe("007");
    expect(first.getCell(6).value).toBe("=UBND xã Tiên Châu");
    expect(first.getCell(9).value).toBe(93.5);
    expect(first.getCell(9).numFmt).toBe("0.00##");

    // A row without a field leaves its cells empty instead of shifting the next field's values.
    const second = sheet.getRow(3);
    expect(second.getCell(4).value).toBeNull();
    expect(second.getCell(6).value).toBe("UBND xã Tiên Hà _x0041_");
    expect(second.getCell(9).value).toBe(71.4286);
    expect(second.getCell(10).value).toBeNull();
    expect([second.getCell(11).value, second.getCell(12).value, second.getCell(13).value, second.getCell(14).value]).toEqual([null, null, 30, 40]);
  });

  it("names the fields beside their codes and keeps the header in view", async () => {
    const sheet = (await read(await writeRankingsXlsx(rankings, { groupName: "Khối xã", publishedAt: new Date() }))).worksheets[0]!;
    expect(sheet.getCell("K1").value).toBe("field_1_points");
    expect(sheet.getCell("K1").note).toBe("1. Công tác chỉ đạo, điều hành");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getColumn(6).width).toBe("UBND xã Tiên Hà _x0041_".length + 2);
    expect(sheet.getColumn(3).width).toBeGreaterThanOrEqual(8);
  });

  it("makes a sheet name Excel accepts from any group name", () => {
    expect(rankingsSheetName("Khối sở, ban, ngành", "so")).toBe("Khối sở, ban, ngành");
    expect(rankingsSheetName("Khối huyện/thị xã: [2024]?", "huyen")).toBe("Khối huyện thị xã 2024");
    expect(rankingsSheetName("'Khối xã'", "xa")).toBe("Khối xã");
    expect(rankingsSheetName("Khối các xã, phường, thị trấn thuộc huyện Mai Sơn", "xa")).toBe("Khối các xã, phường, thị trấn");
    expect(rankingsSheetName("Khối các xã, phường, thị trấn thuộc huyện Mai Sơn", "xa").length).toBeLessThanOrEqual(31);
    expect(rankingsSheetName("History", "lich-su")).toBe("lich-su");
    expect(rankingsSheetName("***", "xa")).toBe("xa");
    expect(rankingsSheetName("", "'")).toBe("rankings");
    // Decomposed input is composed first, so a name's length is what Excel counts.
    expect(rankingsSheetName("Khối xã".normalize("NFD"), "xa")).toBe("Khối xã");
  });
});
