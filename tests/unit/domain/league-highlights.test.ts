import { describe, expect, it } from "vitest";
import { selectLeagueHighlights } from "@/lib/domain/league-highlights";
import type { LeagueTableRow } from "@/lib/domain/league-table";

function row(unitCode: string, rank: number, rankChange: number | null): LeagueTableRow {
  return {
    rank,
    rankChange,
    previousRank: rankChange === null ? null : rank + rankChange,
    unitCode,
    unitName: `Đơn vị ${unitCode}`,
    total: "80",
    applicableMax: "100",
    index: "80.0000",
    indexDisplay: "80.00",
    band: null,
    bandLevel: null,
    fields: [],
  };
}

const codes = (rows: LeagueTableRow[]) => rows.map((r) => r.unitCode);

describe("home page highlights of a group", () => {
  const rows = [row("g", 7, -4), row("a", 1, 2), row("b", 2, null), row("c", 2, 0), row("e", 5, 3), row("d", 4, -1), row("f", 6, 3)];

  it("shows the best three and the lowest three in table order, shared ranks by code", () => {
    const highlights = selectLeagueHighlights({ rows });
    expect(codes(highlights.top)).toEqual(["a", "b", "c"]);
    expect(codes(highlights.bottom)).toEqual(["e", "f", "g"]);
  });

  it("never lists a unit both at the top and at the bottom of a small group", () => {
    const small = selectLeagueHighlights({ rows: [row("a", 1, null), row("b", 2, null), row("c", 3, null), row("d", 4, null)] });
    expect(codes(small.top)).toEqual(["a", "b"]);
    expect(codes(small.bottom)).toEqual(["c", "d"]);
    const single = selectLeagueHighlights({ rows: [row("a", 1, null)] });
    expect(codes(single.top)).toEqual(["a"]);
    expect(single.bottom).toEqual([]);
  });

  it("ranks movers by how far they moved, leaving out units whose change is unknown or zero", () => {
    const highlights = selectLeagueHighlights({ rows });
    expect(codes(highlights.risers)).toEqual(["e", "f", "a"]);
    expect(codes(highlights.fallers)).toEqual(["g", "d"]);
  });
});
