import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toComparisonJson, type ComparisonRowSource } from "@/lib/results-package/comparison-json";
import { writeComparisonCsv } from "@/lib/results-package/write-comparison-csv";
import { writeComparisonXlsx } from "@/lib/results-package/write-comparison-xlsx";

const fields = (points: [string, string], applicable: [string, string]): ComparisonRowSource["fields"] => [
  { code: "1", name: "Công tác chỉ đạo, điều hành", points: points[0], maxPoints: "60", applicableMax: applicable[0] },
  { code: "2", name: "Tác động của CCHC", points: points[1], maxPoints: "40", applicableMax: applicable[1] },
];

// Asked as units=e,a: two groups, one unit with a field not applicable at all.
const comparison = toComparisonJson("api-2022", [
  {
    unitCode: "e",
    unitName: "UBND phường Tiên Sơn",
    groupCode: "phuong",
    groupName: "Khối phường",
    groupSize: 2,
    total: "28.0002",
    applicableMax: "40",
    index: "70.0005",
    rank: 2,
    rankChange: -1,
    band: "Khá",
    fields: fields(["0", "28.0002"], ["0", "40"]),
  },
  {
    unitCode: "a",
    unitName: "UBND xã Tiên Châu",
    groupCode: "xa",
    groupName: "Khối xã, thị trấn",
    groupSize: 5,
    total: "93.5",
    applicableMax: "100",
    index: "93.5",
    rank: 1,
    rankChange: null,
    band: "Xuất sắc",
    fields: fields(["58.5", "35"], ["60", "40"]),
  },
]);

describe("the comparison JSON", () => {
  it("keeps the units in the order asked, with the API's numbers and each field's applicable maximum", () => {
    expect(comparison.period).toBe("api-2022");
    expect(comparison.rows.map((row) => row.unit.code)).toEqual(["e", "a"]);
    expect(comparison.rows[0]).toEqual({
      unit: { code: "e", name: "UBND phường Tiên Sơn" },
      group: { code: "phuong", name: "Khối phường" },
      groupSize: 2,
      rank: 2,
      rankChange: -1,
      total: 28.0002,
      applicableMax: 40,
      index: 70.0005,
      band: "Khá",
      fields: [
        { code: "1", name: "Công tác chỉ đạo, điều hành", points: 0, maxPoints: 60, applicableMax: 0 },
        { code: "2", name: "Tác động của CCHC", points: 28.0002, maxPoints: 40, applicableMax: 40 },
      ],
    });
  });
});

describe("the comparison CSV", () => {
  it("has a BOM, the league table's columns plus the group's name and size, and three columns per field", () => {
    const csv = writeComparisonCsv(comparison);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "period,group,groupName,groupSize,rank,rankChange,unit,unitName,total,applicableMax,index,band," +
        "field_1_points,field_1_maxPoints,field_1_applicableMax,field_2_points,field_2_maxPoints,field_2_applicableMax",
      "api-2022,phuong,Khối phường,2,2,-1,e,UBND phường Tiên Sơn,28.0002,40,70.0005,Khá,0,60,0,28.0002,40,40",
      'api-2022,xa,"Khối xã, thị trấn",5,1,,a,UBND xã Tiên Châu,93.5,100,93.5,Xuất sắc,58.5,60,60,35,40,40',
      "",
    ]);
  });
});

describe("the comparison workbook", () => {
  it("holds the CSV's table on a sheet named after the period, with the fields' names on their headers", async () => {
    const workbook = new ExcelJS.Workbook();
    const buffer = await writeComparisonXlsx(comparison, { periodName: "Chỉ số CCHC năm 2022: huyện Tiên Phước", publishedAt: new Date("2023-01-12T08:30:00Z") });
    await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    // Excel refuses ":" in a sheet name, and more than 31 characters.
    expect(sheet.name).toBe("Chỉ số CCHC năm 2022 huyện Tiên");
    const values = (line: number) => Array.from({ length: sheet.columnCount }, (_, position) => sheet.getRow(line).getCell(position + 1).value ?? null);
    expect(values(1)).toEqual(writeComparisonCsv(comparison).slice(1).split("\r\n")[0]!.split(","));
    expect(values(3)).toEqual(["api-2022", "xa", "Khối xã, thị trấn", 5, 1, null, "a", "UBND xã Tiên Châu", 93.5, 100, 93.5, "Xuất sắc", 58.5, 60, 60, 35, 40, 40]);
    expect(sheet.getCell("M1").note).toBe("1. Công tác chỉ đạo, điều hành");
    expect(sheet.getCell("P1").note).toBe("2. Tác động của CCHC");
    expect(sheet.getCell("F2").numFmt).toBe("+0;-0;0");
  });
});
