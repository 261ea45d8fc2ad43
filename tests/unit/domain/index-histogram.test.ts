import { describe, expect, it } from "vitest";
import { indexHistogram } from "@/lib/domain/index-histogram";

describe("histogram of shown indices", () => {
  it("counts per 5-point bin from the lowest to the highest occupied bin, gaps included", () => {
    expect(indexHistogram(["91.19", "84.99", "85.00", "76.20", "89.99"])).toEqual([
      { from: 75, to: 80, count: 1, closed: false },
      { from: 80, to: 85, count: 1, closed: false },
      { from: 85, to: 90, count: 2, closed: false },
      { from: 90, to: 95, count: 1, closed: false },
    ]);
  });

  it("puts 100 in the top bin, which is closed", () => {
    expect(indexHistogram(["100.00", "95.00", "99.99"])).toEqual([{ from: 95, to: 100, count: 3, closed: true }]);
  });

  it("takes other widths", () => {
    expect(indexHistogram(["81.5", "99"], 10)).toEqual([
      { from: 80, to: 90, count: 1, closed: false },
      { from: 90, to: 100, count: 1, closed: true },
    ]);
  });

  it("has no bins without units", () => {
    expect(indexHistogram([])).toEqual([]);
  });

  it("refuses what cannot be an index or a width", () => {
    expect(() => indexHistogram(["100.01"])).toThrow();
    expect(() => indexHistogram(["-1"])).toThrow();
    expect(() => indexHistogram(["85,86"])).toThrow();
    expect(() => indexHistogram(["85"], 7)).toThrow();
  });
});
