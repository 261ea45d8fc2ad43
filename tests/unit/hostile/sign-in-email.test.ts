import { describe, expect, it } from "vitest";
import { signInInput } from "@/lib/domain/sign-in-input";

// Found by the hostile corpus: an email holding a NUL reached the attempt counter's key, which
// PostgreSQL cannot store, and the sign-in form got a bare English error instead of "wrong email
// or password" in its language.

describe("the sign-in email", () => {
  it("names no account when it holds a NUL or half a surrogate pair", () => {
    for (const email of ["a\u0000b@demo.parindex.vn", "\ud800@demo.parindex.vn"]) {
      expect(signInInput.safeParse({ email, password: "demo-2025", ip: "198.51.100.1" }).success, JSON.stringify(email)).toBe(false);
    }
  });

  it("still reads any other address, spelled as stored", () => {
    const parsed = signInInput.parse({ email: "  TuPhap@Demo.ParIndex.vn ", password: "demo-2025", ip: "198.51.100.1" });
    expect(parsed.email).toBe("tuphap@demo.parindex.vn");
  });
});
