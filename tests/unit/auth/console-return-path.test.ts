import { describe, expect, it } from "vitest";
import { consoleReturnPath } from "@/lib/auth/return-path";

describe("where sign-in returns to", () => {
  it("goes back to the console page that asked", () => {
    expect(consoleReturnPath("/console/appraisal/par-2025/so-y-te")).toBe("/console/appraisal/par-2025/so-y-te");
    expect(consoleReturnPath("/console?x=1")).toBe("/console?x=1");
  });

  it("never leaves the console, nor loops back to sign-in", () => {
    for (const bad of ["https://evil.example/console", "//evil.example", "/consolefoo", "/console/sign-in", "/\\evil", "/console\\..\\x", undefined, ""]) {
      expect(consoleReturnPath(bad)).toBe("/console");
    }
  });
});
