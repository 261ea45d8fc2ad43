import { describe, expect, it } from "vitest";
import { decodeRouteSegment } from "@/lib/domain/route-segment";

describe("decodeRouteSegment", () => {
  it("gives the same code whether Next.js hands the segment encoded or already decoded", () => {
    expect(decodeRouteSegment("so-tu-phap")).toBe("so-tu-phap");
    expect(decodeRouteSegment("so%2Dtu%2Dphap")).toBe("so-tu-phap");
    expect(decodeRouteSegment("s%C3%B4")).toBe("sô");
    expect(decodeRouteSegment("sô")).toBe("sô");
  });

  it("keeps a malformed escape as it is, a code that does not exist, instead of throwing", () => {
    expect(decodeRouteSegment("so-tu-phap%")).toBe("so-tu-phap%");
    expect(decodeRouteSegment("%E0%A4%A")).toBe("%E0%A4%A");
    expect(decodeRouteSegment("%C3")).toBe("%C3");
  });
});
