import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toSipasJson } from "@/lib/results-package/sipas-json";
import { writeSipasCsv } from "@/lib/results-package/write-sipas-csv";
import { writeSipasXlsx } from "@/lib/results-package/write-sipas-xlsx";

// As lib/data/published-sipas.ts reads them: unit-code order, exact decimal strings, elements
// aligned with the survey's columns.
const sipas = toSipasJson("son-la-2024", "huyen", {
  smallSampleThreshold: 30,
  elements: [
    { code: "access", name: "Tiếp cận dịch vụ", nameEn: "Access" },
    { code: "procedures", name: null, nameEn: null },
  ],
  units: [
    { unitCode: "a", unitName: "UBND huyện Mai Sơn", index: "85.00025", responses: 120, smallSample: false, ciLow: "82.5", ciHigh: "87.12345", elements: ["86.1", null] },
    { unitCode: "b", unitName: "=UBND huyện Sốp Cộp, tỉnh Sơn La", index: "97.5", responses: 25, smallSample: true, ciLow: null, ciHigh: null, elements: [null, null] },
    { unitCode: "c", unitName: 'UBND huyện "Mộc Châu"', index: "85.00025", responses: null, smallSample: false, ciLow: null, ciHigh: null, elements: ["90", "80.5"] },
  ],
});

describe("the SIPAS JSON", () => {
  it("lists units by overall index, highest first, then by name, with numbers half-up to 4 decimals", () => {
    expect(sipas.rows.map((row) => [row.unit.code, row.index])).toEqual([
      ["b", 97.5],
      ["c", 85.0003],
      ["a", 85.0003],
    ]);
    expect(sipas.rows[2]).toEqual({
      unit: { code: "a", name: "UBND huyện Mai Sơn" },
      index: 85.0003,
      responses: 120,
      smallSample: false,
      ciLow: 82.5,
      ciHigh: 87.1235,
      elements: [{ code: "access", index: 86.1 }],
    });
    expect(sipas.elements).toEqual([
      { code: "access", name: "Tiếp cận dịch vụ", nameEn: "Access" },
      { code: "procedures", name: null, nameEn: null },
    ]);
  });
});

describe("the SIPAS CSV", () => {
  it("starts with a BOM and a header, quotes and guards names, and writes the JSON's numbers with a point", () => {
    const csv = writeSipasCsv(sipas);
    expect(csv.startsWith("\uFEFFperiod,")).toBe(true);
    expect(csv.slice(1).split("\r\n")).toEqual([
      "period,group,unit,unitName,index,responses,smallSample,ciLow,ciHigh,element_access_index,element_procedures_index",
      "son-la-2024,huyen,b,\"'=UBND huyện Sốp Cộp, tỉnh Sơn La\",97.5,25,true,,,,",
      'son-la-2024,huyen,c,"UBND huyện ""Mộc Châu""",85.0003,,false,,,90,80.5',
      "son-la-2024,huyen,a,UBND huyện Mai Sơn,85.0003,120,false,82.5,87.1235,86.1,",
      "",
    ]);
  });
});

describe("the SIPAS workbook", () => {
  it("holds the CSV's table with numbers as numbers, names as published and the elements' names on their headers", async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeSipasXlsx(sipas, { groupName: "Khối huyện", publishedAt: new Date("2025-02-01T00:00:00Z") })) as unknown as ArrayBuffer);
    expect(workbook.created.toISOString()).toBe("2025-02-01T00:00:00.000Z");
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Khối huyện");
    const values = (row: number) => Array.from({ length: sheet.columnCount }, (_, position) => sheet.getRow(row).getCell(position + 1).value ?? null);
    expect(values(1)).toEqual(writeSipasCsv(sipas).slice(1).split("\r\n")[0]!.split(","));
    expect(values(2)).toEqual(["son-la-2024", "huyen", "b", "=UBND huyện Sốp Cộp, tỉnh Sơn La", 97.5, 25, true, null, null, null, null]);
    expect(values(4)).toEqual(["son-la-2024", "huyen", "a", "UBND huyện Mai Sơn", 85.0003, 120, false, 82.5, 87.1235, 86.1, null]);
    expect(sheet.getCell("J1").note).toBe("Tiếp cận dịch vụ / Access");
    expect(sheet.getCell("K1").note).toBe("procedures");
    expect(sheet.getCell("E4").numFmt).toBe("0.00##");
    expect(sheet.getCell("F4").numFmt).toBe("0");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
  });
});
