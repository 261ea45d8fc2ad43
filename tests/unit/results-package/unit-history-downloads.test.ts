import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toUnitHistoryJson, type UnitHistoryRowSource } from "@/lib/results-package/unit-history-json";
import { writeUnitHistoryCsv } from "@/lib/results-package/write-unit-history-csv";
import { writeUnitHistoryXlsx } from "@/lib/results-package/write-unit-history-xlsx";

const row = (overrides: Partial<UnitHistoryRowSource>): UnitHistoryRowSource => ({
  periodCode: "tien-phuoc-2022",
  periodName: "Chỉ số CCHC năm 2022 — huyện Tiên Phước",
  year: 2022,
  unitCode: "tien-son",
  unitName: "UBND xã Tiên Sơn",
  relation: "self",
  groupCode: "xa",
  groupName: "Khối xã, thị trấn",
  groupSize: 15,
  total: "50",
  applicableMax: "70",
  index: "71.4286",
  rank: 12,
  rankChange: null,
  band: "Khá",
  ...overrides,
});

// A merged commune: its predecessors' results in 2022, its own from 2023, another criteria set in 2024.
const history = toUnitHistoryJson(
  { code: "tien-son", name: "UBND xã Tiên Sơn" },
  [
    row({ unitCode: "tien-lanh", unitName: "UBND xã Tiên Lãnh", relation: "predecessor", total: "93.5", applicableMax: "100", index: "93.5", rank: 1, band: "Xuất sắc" }),
    row({ unitCode: "tien-ngoc", unitName: "UBND xã Tiên Ngọc, huyện Tiên Phước", relation: "predecessor", total: "68.0002", applicableMax: "80", index: "85.0003", rank: 2, rankChange: -1, band: "Tốt" }),
    row({ periodCode: "tien-phuoc-2023", periodName: "Chỉ số CCHC năm 2023 — huyện Tiên Phước", year: 2023, groupSize: 14 }),
    row({ periodCode: "tien-phuoc-2024", periodName: "Chỉ số CCHC năm 2024 — huyện Tiên Phước", year: 2024, rank: 3, rankChange: 9, total: "88.25", applicableMax: "100", index: "88.25", band: null }),
  ],
  [
    { previousPeriodCode: "tien-phuoc-2022", previousYear: 2022, periodCode: "tien-phuoc-2023", year: 2023, reasons: ["lineage"] },
    { previousPeriodCode: "tien-phuoc-2023", previousYear: 2023, periodCode: "tien-phuoc-2024", year: 2024, reasons: ["lineage", "criteria-set"] },
  ],
);

describe("the unit history JSON", () => {
  it("gives each row its period, group, unit and relation, the API's numbers, and why it is not comparable", () => {
    expect(history.unit).toEqual({ code: "tien-son", name: "UBND xã Tiên Sơn" });
    expect(history.rows[1]).toEqual({
      period: { code: "tien-phuoc-2022", year: 2022, name: "Chỉ số CCHC năm 2022 — huyện Tiên Phước" },
      group: { code: "xa", name: "Khối xã, thị trấn" },
      groupSize: 15,
      unit: { code: "tien-ngoc", name: "UBND xã Tiên Ngọc, huyện Tiên Phước" },
      relation: "predecessor",
      rank: 2,
      rankChange: -1,
      total: 68.0002,
      applicableMax: 80,
      index: 85.0003,
      band: "Tốt",
      notComparableWithPrevious: [],
    });
    expect(history.rows.map((entry) => entry.notComparableWithPrevious)).toEqual([[], [], ["lineage"], ["lineage", "criteria-set"]]);
  });
});

describe("the unit history CSV", () => {
  it("has a BOM, the header, one row per result oldest first, Vietnamese intact and reasons in one cell", () => {
    const csv = writeUnitHistoryCsv(history);
    expect([...new TextEncoder().encode(csv).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "period,year,periodName,group,groupName,groupSize,rank,rankChange,unit,unitName,relation,total,applicableMax,index,band,notComparableWithPrevious",
      'tien-phuoc-2022,2022,Chỉ số CCHC năm 2022 — huyện Tiên Phước,xa,"Khối xã, thị trấn",15,1,,tien-lanh,UBND xã Tiên Lãnh,predecessor,93.5,100,93.5,Xuất sắc,',
      'tien-phuoc-2022,2022,Chỉ số CCHC năm 2022 — huyện Tiên Phước,xa,"Khối xã, thị trấn",15,2,-1,tien-ngoc,"UBND xã Tiên Ngọc, huyện Tiên Phước",predecessor,68.0002,80,85.0003,Tốt,',
      'tien-phuoc-2023,2023,Chỉ số CCHC năm 2023 — huyện Tiên Phước,xa,"Khối xã, thị trấn",14,12,,tien-son,UBND xã Tiên Sơn,self,50,70,71.4286,Khá,lineage',
      'tien-phuoc-2024,2024,Chỉ số CCHC năm 2024 — huyện Tiên Phước,xa,"Khối xã, thị trấn",15,3,9,tien-son,UBND xã Tiên Sơn,self,88.25,100,88.25,,lineage;criteria-set',
      "",
    ]);
  });
});

describe("the unit history workbook", () => {
  it("holds the CSV's table on a sheet named after the unit, numbers as numbers, rank changes signed", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeUnitHistoryXlsx(history, { lastPublishedAt: new Date("2025-01-15T03:00:00Z") })) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("UBND xã Tiên Sơn");
    expect(workbook.created.toISOString()).toBe("2025-01-15T03:00:00.000Z");
    const values = (line: number) => Array.from({ length: sheet.columnCount }, (_, position) => sheet.getRow(line).getCell(position + 1).value ?? null);
    expect(values(1)).toEqual(writeUnitHistoryCsv(history).slice(1).split("\r\n")[0]!.split(","));
    expect(values(3)).toEqual([
      "tien-phuoc-2022", 2022, "Chỉ số CCHC năm 2022 — huyện Tiên Phước", "xa", "Khối xã, thị trấn", 15, 2, -1,
      "tien-ngoc", "UBND xã Tiên Ngọc, huyện Tiên Phước", "predecessor", 68.0002, 80, 85.0003, "Tốt", null,
    ]);
    expect(values(5).slice(13)).toEqual([88.25, null, "lineage;criteria-set"]);
    expect(sheet.getCell("H3").numFmt).toBe("+0;-0;0");
    expect(sheet.getCell("N3").numFmt).toBe("0.00##");
    expect(sheet.autoFilter).toBeTruthy();
  });
});
