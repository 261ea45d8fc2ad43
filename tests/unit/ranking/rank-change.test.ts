import { describe, expect, it } from "vitest";
import { computeRankChange, type PreviousRank } from "@/lib/ranking/rank-change";

const previous: PreviousRank[] = [
  { unitCode: "tien-phuoc", groupCode: "huyen", rank: 1 },
  { unitCode: "que-son", groupCode: "huyen", rank: 2 },
  { unitCode: "hiep-duc", groupCode: "huyen", rank: 9 },
  { unitCode: "xa-a", groupCode: "xa", rank: 4 },
  { unitCode: "xa-b", groupCode: "xa", rank: 11 },
  { unitCode: "so-noi-vu", groupCode: "so", rank: 3 },
];

describe("computeRankChange", () => {
  it("reports a fall from 1st to 3rd as −2 and a rise from 9th to 4th as +5", () => {
    expect(computeRankChange({ unitCode: "tien-phuoc", groupCode: "huyen", predecessors: [], rank: 3 }, previous)).toEqual({
      previousRank: 1,
      rankChange: -2,
      comparability: "comparable",
      predecessorRanks: [],
    });
    expect(computeRankChange({ unitCode: "hiep-duc", groupCode: "huyen", predecessors: [], rank: 4 }, previous)).toMatchObject({
      previousRank: 9,
      rankChange: 5,
    });
    expect(computeRankChange({ unitCode: "que-son", groupCode: "huyen", predecessors: [], rank: 2 }, previous).rankChange).toBe(0);
  });

  it("gives a new unit no previous rank and no change", () => {
    expect(computeRankChange({ unitCode: "xa-moi", groupCode: "xa", predecessors: [], rank: 1 }, previous)).toEqual({
      previousRank: null,
      rankChange: null,
      comparability: "new",
      predecessorRanks: [],
    });
  });

  it("gives a merged unit no change but its predecessors' ranks, labelled as such", () => {
    const change = computeRankChange({ unitCode: "xa-ab", groupCode: "xa", predecessors: ["xa-b", "xa-a", "xa-c"], rank: 2 }, previous);
    expect(change).toEqual({
      previousRank: null,
      rankChange: null,
      comparability: "merged",
      predecessorRanks: [
        { unitCode: "xa-a", groupCode: "xa", rank: 4 },
        { unitCode: "xa-b", groupCode: "xa", rank: 11 },
      ],
    });
  });

  it("does not compare ranks across groups", () => {
    expect(computeRankChange({ unitCode: "so-noi-vu", groupCode: "huyen", predecessors: [], rank: 1 }, previous)).toEqual({
      previousRank: null,
      rankChange: null,
      comparability: "group-changed",
      predecessorRanks: [],
    });
  });

  it("says there is nothing to compare with when there is no previous period", () => {
    expect(computeRankChange({ unitCode: "tien-phuoc", groupCode: "huyen", predecessors: [], rank: 1 }, undefined)).toMatchObject({
      rankChange: null,
      comparability: "no-previous-period",
    });
  });
});
