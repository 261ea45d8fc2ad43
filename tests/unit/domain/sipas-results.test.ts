import { describe, expect, it } from "vitest";
import { isSmallSample, parseSipasSort, sipasElementColumns, sortSipasRows } from "@/lib/domain/sipas-results";

const rows = [
  { unitCode: "b", unitName: "UBND xã Ẳng Nưa", index: "97.2700" },
  { unitCode: "a", unitName: "UBND xã Chiềng Mung", index: "99.2" },
  { unitCode: "d", unitName: "UBND xã Đông Hà", index: "97.27" },
  { unitCode: "c", unitName: "UBND xã Cò Nòi", index: "97.2699" },
];

describe("sortSipasRows", () => {
  it("puts the highest index first, equal indices by name, exactly compared", () => {
    expect(sortSipasRows(rows, "index").map((row) => row.unitCode)).toEqual(["a", "b", "d", "c"]);
  });

  it("reverses the index order but keeps names ascending within a tie", () => {
    expect(sortSipasRows(rows, "index-asc").map((row) => row.unitCode)).toEqual(["c", "b", "d", "a"]);
  });

  it("sorts names the Vietnamese way (Ẳ after A, Đ after D)", () => {
    expect(sortSipasRows(rows, "name").map((row) => row.unitName)).toEqual([
      "UBND xã Ẳng Nưa",
      "UBND xã Chiềng Mung",
      "UBND xã Cò Nòi",
      "UBND xã Đông Hà",
    ]);
  });

  it("leaves the input as it was", () => {
    const before = rows.map((row) => row.unitCode);
    sortSipasRows(rows, "name");
    expect(rows.map((row) => row.unitCode)).toEqual(before);
  });
});

describe("parseSipasSort", () => {
  it("accepts the known orders and falls back to the default for anything else", () => {
    expect(parseSipasSort("name")).toBe("name");
    expect(parseSipasSort("index-asc")).toBe("index-asc");
    expect(parseSipasSort(["name", "index"])).toBe("name");
    expect(parseSipasSort(undefined)).toBe("index");
    expect(parseSipasSort("rank")).toBe("index");
    expect(parseSipasSort("")).toBe("index");
  });
});

describe("isSmallSample", () => {
  it("flags fewer responses than the threshold, not the threshold itself nor an unknown count", () => {
    expect(isSmallSample(29, 30)).toBe(true);
    expect(isSmallSample(0, 30)).toBe(true);
    expect(isSmallSample(30, 30)).toBe(false);
    expect(isSmallSample(null, 30)).toBe(false);
  });
});

describe("sipasElementColumns", () => {
  it("uses the survey's order, then codes only the results carry, in their stored order", () => {
    expect(
      sipasElementColumns(
        [
          { code: "procedures", order: 2 },
          { code: "access", order: 1 },
        ],
        [
          { code: "digital", order: 5 },
          { code: "access", order: 0 },
          { code: "extra", order: 3 },
          { code: "digital", order: 4 },
        ],
      ),
    ).toEqual(["access", "procedures", "extra", "digital"]);
  });

  it("takes the results' order when there is no survey", () => {
    expect(
      sipasElementColumns([], [
        { code: "results", order: 3 },
        { code: "access", order: 0 },
        { code: "procedures", order: 1 },
      ]),
    ).toEqual(["access", "procedures", "results"]);
  });
});
