import { describe, expect, it } from "vitest";
import { formatStatedDecimal } from "@/lib/i18n/format-stated-decimal";

describe("formatStatedDecimal", () => {
  it("prints a maximum with the decimals it has, not padded", () => {
    expect(formatStatedDecimal("13.5", "vi")).toBe("13,5");
    expect(formatStatedDecimal("31.5000", "vi")).toBe("31,5");
    expect(formatStatedDecimal("100", "vi")).toBe("100");
    expect(formatStatedDecimal("2.25", "en")).toBe("2.25");
  });
});
