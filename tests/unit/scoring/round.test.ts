import { describe, expect, it } from "vitest";
import { roundHalfUp, toApiNumberString } from "@/lib/scoring/round";

describe("roundHalfUp", () => {
  it("rounds ties up, as publications do", () => {
    expect(roundHalfUp("85.855", 2).toFixed()).toBe("85.86");
    expect(roundHalfUp("85.854999", 2).toFixed()).toBe("85.85");
    expect(roundHalfUp("0.005", 2).toFixed()).toBe("0.01");
    expect(roundHalfUp("-1.765", 2).toFixed()).toBe("-1.77");
  });

  it("refuses a negative number of places", () => {
    expect(() => roundHalfUp("1", -1)).toThrow(/non-negative/);
  });
});

describe("toApiNumberString", () => {
  it("returns 4 decimals half-up as a plain JSON number", () => {
    expect(toApiNumberString("85.86125")).toBe("85.8613");
    expect(toApiNumberString("85.8600")).toBe("85.86");
    expect(toApiNumberString("0.00000001")).toBe("0");
    expect(toApiNumberString("-0.00001")).toBe("0");
    expect(toApiNumberString("100")).toBe("100");
    expect(JSON.parse(toApiNumberString("0.00005"))).toBe(0.0001);
  });
});
