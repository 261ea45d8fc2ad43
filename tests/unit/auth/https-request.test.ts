import { describe, expect, it } from "vitest";
import { isHttpsRequest, isProductionHttps } from "@/lib/auth/https-request";

describe("whether a request reached the portal over HTTPS", () => {
  it("behind a TLS-terminating proxy, from its X-Forwarded-Proto", () => {
    expect(isHttpsRequest(new Headers({ "x-forwarded-proto": "https" }), {})).toBe(true);
    expect(isHttpsRequest({ "x-forwarded-proto": "https, http" }, {})).toBe(true);
    expect(isHttpsRequest(new Headers({ "x-forwarded-proto": "http" }), {})).toBe(false);
    expect(isHttpsRequest(new Headers(), {})).toBe(false);
  });

  it("without a trusted proxy, a client's claim is not believed", () => {
    expect(isHttpsRequest(new Headers({ "x-forwarded-proto": "https" }), { TRUSTED_PROXY_HOPS: "0" })).toBe(false);
  });

  it("always when the operator declares an https public address", () => {
    expect(isHttpsRequest(new Headers(), { PUBLIC_BASE_URL: "https://cchc.sonla.gov.vn" })).toBe(true);
    expect(isHttpsRequest(new Headers(), { PUBLIC_BASE_URL: "http://10.0.0.5:3000" })).toBe(false);
  });

  it("Secure cookies and HSTS only in production over HTTPS, never in the demo or over HTTP", () => {
    const https = new Headers({ "x-forwarded-proto": "https" });
    expect(isProductionHttps(https, { NODE_ENV: "production" })).toBe(true);
    expect(isProductionHttps(https, { NODE_ENV: "development" })).toBe(false);
    expect(isProductionHttps(new Headers({ "x-forwarded-proto": "http" }), { NODE_ENV: "production" })).toBe(false);
  });
});
