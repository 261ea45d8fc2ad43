import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import type { NormalizedPackage } from "@/lib/domain/results-package";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { csvDecimal, csvField, SCORES_CSV_COLUMNS, writeScoresCsv } from "@/lib/results-package/write-results-package-csv";
import { fixture, FIXTURE_TEXT, type Loose } from "./fixtures/commune-fixture";

function parse(input: unknown): NormalizedPackage {
  const result = parseResultsPackage(typeof input === "string" ? input : JSON.stringify(input));
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 1));
  return result.package;
}

/** A minimal RFC 4180 reader, to check that what is written reads back field for field. */
function readCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      i++;
    } else field += c;
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

describe("the scores as CSV", () => {
  const pkg = parse(FIXTURE_TEXT);
  const csv = writeScoresCsv(pkg);

  it("is UTF-8 text with a BOM, CRLF line ends and one row per score under a header", () => {
    expect(csv.startsWith("\uFEFFperiod,group,unit,unitName,criterion,criterionName,maxPoints,points,selfPoints,notApplicable,reason\r\n")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    expect(csv.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const rows = readCsv(csv.slice(1));
    expect(rows[0]).toEqual([...SCORES_CSV_COLUMNS]);
    expect(rows).toHaveLength(pkg.scores.length + 1);
    expect(rows.every((r) => r.length === SCORES_CSV_COLUMNS.length)).toBe(true);
  });

  it("writes exact decimals with a point, no trailing zeros, and names beside the codes", () => {
    const rows = readCsv(csv.slice(1));
    const byKey = new Map(rows.slice(1).map((r) => [`${r[2]}/${r[4]}`, r]));
    expect(byKey.get("tien-chau/1.3.2")).toEqual([
      "tien-phuoc-2022",
      "xa",
      "tien-chau",
      "UBND xã Tiên Châu",
      "1.3.2",
      "Xử lý các vấn đề phát hiện qua kiểm tra",
      "3.5",
      "3.47",
      "3.5",
      "false",
      "Một kiến nghị sau kiểm tra chưa được xử lý xong trong năm",
    ]);
    expect(byKey.get("tien-ky/3.2")?.slice(6, 8)).toEqual(["7.25", "6.875"]);
    expect(byKey.get("tien-chau/1.1")?.slice(6, 9)).toEqual(["3", "3", ""]);
    expect(byKey.get("tien-lanh/2.1")?.slice(7, 10)).toEqual(["", "", "true"]);
    expect(csvDecimal(new Decimal("12.5000"))).toBe("12.5");
    expect(csvDecimal(new Decimal("0.0001"))).toBe("0.0001");
    expect(csvDecimal(new Decimal("1.23455"))).toBe("1.2346");
    expect(csvDecimal(new Decimal("99999.9999"))).toBe("99999.9999");
    expect(csvDecimal(new Decimal("-0"))).toBe("0");
    expect(csvDecimal(new Decimal("1e-7"))).toBe("0");
  });

  it("quotes a reason with a comma, a quote or a line break (RFC 4180)", () => {
    const json: Loose = fixture();
    json.scores[1].reason = 'Thiếu hồ sơ, xem "biên bản"\nsố 2';
    const text = writeScoresCsv(parse(json));
    expect(text).toContain(',"Thiếu hồ sơ, xem ""biên bản""\nsố 2"\r\n');
    expect(readCsv(text.slice(1))[2]?.[10]).toBe('Thiếu hồ sơ, xem "biên bản"\nsố 2');
  });

  it("guards against formula injection, except for plain numbers", () => {
    const json: Loose = fixture();
    json.scores[1].reason = '=HYPERLINK("http://evil","bấm")';
    json.scores[3].reason = "+84 905 000 000";
    json.units[0].name = "@SUM(1)";
    json.units[1].name = "-UBND xã Tiên Lãnh";
    const rows = readCsv(writeScoresCsv(parse(json)).slice(1));
    expect(rows[2]?.[10]).toBe(`'=HYPERLINK("http://evil","bấm")`);
    expect(rows[4]?.[10]).toBe("'+84 905 000 000");
    expect(rows[1]?.[3]).toBe("'@SUM(1)");
    expect(rows[21]?.[3]).toBe("'-UBND xã Tiên Lãnh");
    expect(csvField("-5")).toBe("-5");
    expect(csvField("-12.75")).toBe("-12.75");
    expect(csvField("+3")).toBe("+3");
    expect(csvField("-1+1")).toBe("'-1+1");
    expect(csvField("\tcmd")).toBe("'\tcmd");
    expect(csvField("=1,2")).toBe(`"'=1,2"`);
    expect(csvField("a=b")).toBe("a=b");
  });
});
