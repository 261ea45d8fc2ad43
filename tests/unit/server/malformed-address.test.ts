import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { logger } from "@/lib/observability/logger";
import { createPortalHttpServer, type PortalHttpServer } from "@/server/portal-http-server";
import { hasMalformedPathEscape } from "@/server/malformed-address";

// Found by the hostile-input corpus (tests/e2e/hostile-input.spec.ts): a path with a percent escape
// that decodes to no text (/units/%E0, /api/v1/units/%) made Next.js answer 500 before any page
// or handler ran. The server answers such an address 400 itself; every other one reaches Next.js.

let running: PortalHttpServer | null = null;
const reached: string[] = [];

beforeEach(() => {
  vi.spyOn(logger, "info").mockImplementation(() => undefined);
  reached.length = 0;
});

afterEach(async () => {
  vi.restoreAllMocks();
  await running?.stop();
  running = null;
});

async function start(): Promise<{ host: string; port: number }> {
  running = createPortalHttpServer(async (req, res) => {
    reached.push(req.url ?? "");
    res.setHeader("content-type", "text/plain; charset=utf-8");
    res.end("page");
  });
  await new Promise<void>((resolve) => running!.server.listen(0, "127.0.0.1", resolve));
  return { host: "127.0.0.1", port: (running.server.address() as AddressInfo).port };
}

/** A request with its path sent exactly as written (fetch would re-encode it). */
function rawGet(target: { host: string; port: number }, path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request({ ...target, path, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, type: String(response.headers["content-type"]), body: Buffer.concat(chunks).toString("utf8") }));
    });
    request.on("error", reject);
    request.end();
  });
}

describe("an address with a malformed percent escape", () => {
  it("is answered 400 in both languages without reaching Next.js", async () => {
    const target = await start();
    for (const path of ["/units/%E0", "/%", "/en/son-la-2024/%C0%AF", "/survey/x/%ED%A0%80/thanks"]) {
      const answer = await rawGet(target, path);
      expect(answer, path).toEqual({ status: 400, type: "text/plain; charset=utf-8", body: "Địa chỉ không hợp lệ. / The address is malformed." });
    }
    // The API answers in its own error shape.
    expect(await rawGet(target, "/api/v1/units/%ZZ")).toEqual({
      status: 400,
      type: "application/json; charset=utf-8",
      body: JSON.stringify({ error: { code: "invalid_parameter", message: "Địa chỉ không hợp lệ. / The address is malformed." } }),
    });
    expect(reached).toEqual([]);
  });

  it("leaves every well-formed address to Next.js, whatever its escapes or query hold", async () => {
    const target = await start();
    for (const path of ["/units/so-tu-phap", "/units/100%25", "/a%00b", "/compare?units=%E0", "/units/S%C6%A1n%20La"]) {
      expect((await rawGet(target, path)).status, path).toBe(200);
    }
    expect(reached).toHaveLength(5);
    expect(hasMalformedPathEscape(undefined)).toBe(false);
  });
});
