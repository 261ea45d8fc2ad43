import { describe, expect, it } from "vitest";
import { nextSort, sortLeagueRows, type SortableLeagueRow } from "@/lib/domain/sort-league-rows";

function row(
  unitCode: string,
  unitName: string,
  rank: number,
  index: string,
  extra: Partial<SortableLeagueRow> & { field1?: string | null } = {},
): SortableLeagueRow {
  const { field1 = "10", ...rest } = extra;
  return {
    rank,
    rankChange: 0,
    unitCode,
    unitName,
    total: index,
    index,
    bandLevel: 0,
    fields: [{ code: "1", points: field1 ?? "0", notApplicable: field1 === null }],
    ...rest,
  };
}

const rows = [
  row("a", "UBND xã Chiềng Mung", 1, "91.2300", { rankChange: 2, bandLevel: 0, field1: "12.5" }),
  row("b", "UBND xã Ẳng Nưa", 2, "88.1000", { rankChange: null, bandLevel: 1, field1: null }),
  row("c", "UBND xã Cò Nòi", 2, "88.1000", { rankChange: -1, bandLevel: 1, field1: "9.75" }),
  row("d", "UBND xã Đông Hà", 4, "71.0050", { rankChange: 0, bandLevel: null, field1: "12.50" }),
];
const codes = (sorted: SortableLeagueRow[]) => sorted.map((r) => r.unitCode);

describe("sorting a league table", () => {
  it("by index, best first, then reversed", () => {
    expect(codes(sortLeagueRows(rows, { key: "index", direction: "descending" }))).toEqual(["a", "b", "c", "d"]);
    // Equal indices keep the published order in both directions.
    expect(codes(sortLeagueRows(rows, { key: "index", direction: "ascending" }))).toEqual(["d", "b", "c", "a"]);
  });

  it("by rank change, with units that have none last in both directions", () => {
    expect(codes(sortLeagueRows(rows, { key: "rankChange", direction: "descending" }))).toEqual(["a", "d", "c", "b"]);
    expect(codes(sortLeagueRows(rows, { key: "rankChange", direction: "ascending" }))).toEqual(["c", "d", "a", "b"]);
  });

  it("by unit name in Vietnamese alphabetical order (Ă before C, Đ after C and D)", () => {
    expect(sortLeagueRows(rows, { key: "unit", direction: "ascending" }).map((r) => r.unitName)).toEqual([
      "UBND xã Ẳng Nưa",
      "UBND xã Chiềng Mung",
      "UBND xã Cò Nòi",
      "UBND xã Đông Hà",
    ]);
  });

  it("by band, highest band first, units without a band last", () => {
    expect(codes(sortLeagueRows(rows, { key: "band", direction: "descending" }))).toEqual(["a", "b", "c", "d"]);
    expect(codes(sortLeagueRows(rows, { key: "band", direction: "ascending" }))).toEqual(["b", "c", "a", "d"]);
  });

  it("by a field's exact points, not-applicable last", () => {
    expect(codes(sortLeagueRows(rows, { key: "field:1", direction: "descending" }))).toEqual(["a", "d", "c", "b"]);
    expect(codes(sortLeagueRows(rows, { key: "field:1", direction: "ascending" }))).toEqual(["c", "a", "d", "b"]);
  });

  it("leaves its input alone", () => {
    const before = codes(rows);
    sortLeagueRows(rows, { key: "unit", direction: "descending" });
    expect(codes(rows)).toEqual(before);
  });
});

describe("choosing a column", () => {
  it("starts scores best first and names from A, and reverses on the second choice", () => {
    expect(nextSort({ key: "rank", direction: "ascending" }, "index")).toEqual({ key: "index", direction: "descending" });
    expect(nextSort({ key: "index", direction: "descending" }, "index")).toEqual({ key: "index", direction: "ascending" });
    expect(nextSort({ key: "index", direction: "descending" }, "unit")).toEqual({ key: "unit", direction: "ascending" });
    expect(nextSort({ key: "rank", direction: "ascending" }, "rank")).toEqual({ key: "rank", direction: "descending" });
  });
});
