import { describe, expect, it } from "vitest";
import type { IncomingMessage } from "node:http";
import { loggablePath, requestIdFor } from "@/server/access-log";

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe("the access log", () => {
  it("logs the path and the names of query parameters, never their values", () => {
    expect(loggablePath("/compare?period=son-la-2024&units=a,b")).toBe("/compare?period&units");
    expect(loggablePath("/reset?token=s3cr3t&token=again")).toBe("/reset?token");
    expect(loggablePath("/son-la-2024")).toBe("/son-la-2024");
    expect(loggablePath("/x?")).toBe("/x");
  });

  it("keeps a proxy's request id, and replaces one that could forge a log line", () => {
    expect(requestIdFor(request({ "x-request-id": "lb-7f3a2c9e-01" }))).toBe("lb-7f3a2c9e-01");
    const forged = requestIdFor(request({ "x-request-id": 'x"\n{"level":"fatal"}' }));
    expect(forged).toMatch(/^[0-9a-f-]{36}$/);
    expect(requestIdFor(request({}))).not.toBe(requestIdFor(request({})));
  });
});
