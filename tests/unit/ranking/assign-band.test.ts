import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { assignBand } from "@/lib/ranking/assign-band";
import { exactIndex, indexValue } from "@/lib/scoring/compute-unit-score";

const moha = [
  { label: "D", minIndex: new Decimal(0) },
  { label: "A", minIndex: new Decimal(90) },
  { label: "C", minIndex: new Decimal(70) },
  { label: "B", minIndex: new Decimal(80) },
];

describe("assignBand", () => {
  it("includes the lower boundary and uses the highest band reached, whatever the configured order", () => {
    expect(assignBand(exactIndex("90", "100"), moha)).toBe("A");
    expect(assignBand(exactIndex("89.9999", "100"), moha)).toBe("B");
    expect(assignBand(exactIndex("80", "100"), moha)).toBe("B");
    expect(assignBand(exactIndex("0", "100"), moha)).toBe("D");
  });

  it("gives the published commune at 85.82 the band 'Tốt'", () => {
    const province = [
      { label: "Xuất sắc", minIndex: new Decimal(90) },
      { label: "Tốt", minIndex: new Decimal(80) },
      { label: "Khá", minIndex: new Decimal(70) },
    ];
    expect(assignBand(exactIndex("85.82", "100"), province)).toBe("Tốt");
    expect(assignBand(exactIndex("69.99", "100"), province)).toBeNull();
  });

  it("compares the exact index, not the 4-decimal value shown as 90,00", () => {
    const index = exactIndex("89.99996", "100");
    expect(indexValue(index, 4).toFixed()).toBe("90");
    expect(assignBand(index, moha)).toBe("B");
    // 62.99997 / 70 = 89.99995714…: below 90, however it is rounded for display.
    expect(assignBand(exactIndex("62.99997", "70"), moha)).toBe("B");
    expect(assignBand(exactIndex("63", "70"), moha)).toBe("A");
  });

  it("accepts a stored decimal index and no bands at all", () => {
    expect(assignBand(new Decimal("90.0000"), moha)).toBe("A");
    expect(assignBand(exactIndex("95", "100"), [])).toBeNull();
  });
});
