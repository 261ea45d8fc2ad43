import { describe, expect, it } from "vitest";
import { bandRanges } from "@/lib/domain/band-ranges";

const band = (label: string, minIndex: string) => ({ label, labelEn: null, minIndex, headAssessment: null });

describe("bandRanges", () => {
  it("orders bands highest first, whatever the stored order, with each band's upper limit", () => {
    const { bands, unbandedBelow } = bandRanges([band("Khá", "70.0000"), band("Xuất sắc", "90.0000"), band("Yếu", "0.0000"), band("Tốt", "80.0000")]);
    expect(bands.map((entry) => [entry.label, entry.minIndex, entry.below])).toEqual([
      ["Xuất sắc", "90", null],
      ["Tốt", "80", "90"],
      ["Khá", "70", "80"],
      ["Yếu", "0", "70"],
    ]);
    expect(unbandedBelow).toBeNull();
  });

  it("says below which index no band is given when the lowest band starts above 0", () => {
    const { bands, unbandedBelow } = bandRanges([band("A", "90"), band("B", "87.5000"), band("C", "70")]);
    expect(bands.map((entry) => entry.below)).toEqual([null, "90", "87.5"]);
    expect(unbandedBelow).toBe("70");
  });

  it("compares thresholds as decimals, not as text", () => {
    expect(bandRanges([band("low", "9.5"), band("high", "10")]).bands.map((entry) => entry.label)).toEqual(["high", "low"]);
  });

  it("keeps a band that shares its threshold with a higher one, with an empty range", () => {
    const { bands } = bandRanges([band("B", "80"), band("A", "80")]);
    expect(bands.map((entry) => [entry.label, entry.minIndex, entry.below])).toEqual([
      ["A", "80", null],
      ["B", "80", "80"],
    ]);
  });

  it("has nothing to list for a period without bands", () => {
    expect(bandRanges([])).toEqual({ bands: [], unbandedBelow: null });
  });
});
