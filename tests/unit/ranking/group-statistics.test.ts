import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { EmptyGroupError, computeGroupStatistics } from "@/lib/ranking/group-statistics";
import { exactIndex } from "@/lib/scoring/compute-unit-score";
import { compareFractions, fraction } from "@/lib/scoring/fraction";

const indices = (values: string[]) => values.map((value) => exactIndex(value, "100"));

describe("computeGroupStatistics", () => {
  it("gives the departments' mean 91.19, 1.76 below last year's 92.95", () => {
    const stats = computeGroupStatistics(indices(["93.02", "88.6", "91.95", "91.19"]), new Decimal("92.95"));
    expect(stats.count).toBe(4);
    expect(stats.mean.rounded4.toFixed()).toBe("91.19");
    expect(stats.meanChange?.rounded4.toFixed()).toBe("-1.76");
    expect(stats.min.rounded4.toFixed()).toBe("88.6");
    expect(stats.max.rounded4.toFixed()).toBe("93.02");
  });

  it("takes the median of an even count as the mean of the two middle indices", () => {
    const stats = computeGroupStatistics(indices(["70", "95", "80", "85"]));
    expect(stats.median.rounded4.toFixed()).toBe("82.5");
    expect(stats.meanChange).toBeNull();
    expect(computeGroupStatistics(indices(["70", "95", "80"])).median.rounded4.toFixed()).toBe("80");
  });

  it("keeps the mean exact when indices are not finite decimals", () => {
    // (200/3 + 100/3) / 2 = 50 exactly, and (2/3 + 85.85495) / 2 sits on no rounding boundary by accident.
    const stats = computeGroupStatistics([exactIndex("20", "30"), exactIndex("10", "30")]);
    expect(compareFractions(stats.mean.exact, fraction(50, 1))).toBe(0);
    const boundary = computeGroupStatistics([exactIndex("2", "3"), exactIndex("1", "3"), exactIndex("85.85985", "100")]);
    // (66.666… + 33.333… + 85.85985) / 3 = 61.95328333… exactly; half-up at 4 decimals is 61.9533.
    expect(boundary.mean.rounded4.toFixed()).toBe("61.9533");
  });

  it("rounds a mean lying exactly on a half to 4 decimals upward", () => {
    const stats = computeGroupStatistics(indices(["90.0001", "90.0002"]));
    expect(stats.mean.rounded4.toFixed()).toBe("90.0002");
  });

  it("refuses an empty group", () => {
    expect(() => computeGroupStatistics([])).toThrow(EmptyGroupError);
  });
});
