import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { withoutUnusableCallbackUrl } from "@/lib/auth/next-auth-callback-url";

// Found by the hostile corpus: /api/auth/signin?callbackUrl=NaN (or a forged callback-url cookie)
// made next-auth answer 500. Such a value is dropped before next-auth reads the request.

describe("next-auth's callbackUrl", () => {
  it("is dropped from the query and the cookies when it is neither a path nor an http(s) address", async () => {
    for (const value of ["NaN", "<script>alert(1)</script>", "javascript:alert(1)", "Sơn La", "../../etc/passwd"]) {
      const request = new NextRequest(`http://portal.test/api/auth/signin?callbackUrl=${encodeURIComponent(value)}&error=x`, {
        headers: { cookie: `next-auth.csrf-token=abc; next-auth.callback-url=${encodeURIComponent(value)}; locale=vi` },
      });
      const cleaned = withoutUnusableCallbackUrl(request);
      expect(cleaned.nextUrl.searchParams.get("callbackUrl"), value).toBeNull();
      expect(cleaned.nextUrl.searchParams.get("error")).toBe("x");
      expect(cleaned.headers.get("cookie")).toBe("next-auth.csrf-token=abc; locale=vi");
    }
  });

  it("keeps a path, an http(s) address and a posted form as they are", async () => {
    const kept = new NextRequest("http://portal.test/api/auth/signin?callbackUrl=%2Fconsole", { headers: { cookie: "next-auth.callback-url=http%3A%2F%2Fportal.test%2Fconsole" } });
    expect(withoutUnusableCallbackUrl(kept)).toBe(kept);
    const posted = new NextRequest("http://portal.test/api/auth/callback/credentials?callbackUrl=x", { method: "POST", body: "email=a%40b.vn", headers: { "content-type": "application/x-www-form-urlencoded" } });
    const cleaned = withoutUnusableCallbackUrl(posted);
    expect(cleaned.method).toBe("POST");
    expect(await cleaned.text()).toBe("email=a%40b.vn");
  });
});
