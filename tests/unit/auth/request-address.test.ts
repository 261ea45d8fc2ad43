import { describe, expect, it } from "vitest";
import { requestAddress } from "@/lib/auth/request-address";

describe("the client's address", () => {
  it("behind one proxy, is the entry the proxy appended, not what the client claimed", () => {
    const headers = new Headers({ "x-forwarded-for": "10.9.9.9, 203.0.113.7" });
    expect(requestAddress(headers, {})).toBe("203.0.113.7");
  });

  it("behind two proxies, is the second entry from the right", () => {
    const headers = { "x-forwarded-for": "10.9.9.9, 203.0.113.7, 172.16.0.2" };
    expect(requestAddress(headers, { TRUSTED_PROXY_HOPS: "2" })).toBe("203.0.113.7");
  });

  it("with fewer entries than hops, takes the leftmost; with none, says unknown", () => {
    expect(requestAddress(new Headers({ "x-forwarded-for": "203.0.113.7" }), { TRUSTED_PROXY_HOPS: "3" })).toBe("203.0.113.7");
    expect(requestAddress(new Headers(), {})).toBe("unknown");
  });
});
