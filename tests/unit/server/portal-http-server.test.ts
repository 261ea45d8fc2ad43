import http from "node:http";
import type { AddressInfo } from "node:net";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { currentRequestId } from "@/lib/observability/request-context";
import { logger } from "@/lib/observability/logger";
import { createPortalHttpServer, type PortalHttpServer, type RequestHandler } from "@/server/portal-http-server";

// The production server's own work, around a stand-in for Next.js's handler: what a browser
// receives for an HTML page streamed in awkward pieces, a JSON answer, a failure, and a shutdown
// with a request in flight.

type Answer = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

let running: PortalHttpServer | null = null;
let accessLog: { mock: { calls: unknown[][] } };

beforeEach(() => {
  accessLog = vi.spyOn(logger, "info").mockImplementation(() => undefined);
  vi.spyOn(logger, "error").mockImplementation(() => undefined);
});

afterEach(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await running?.stop();
  running = null;
});

async function start(handle: RequestHandler): Promise<string> {
  running = createPortalHttpServer(handle);
  await new Promise<void>((resolve) => running!.server.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(running.server.address() as AddressInfo).port}`;
}

function get(url: string, headers: Record<string, string> = {}, method = "GET"): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { headers, method, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on("error", reject);
    request.end();
  });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A page as Next.js streams it: pieces cut inside a tag name and inside a Vietnamese letter. */
const PAGE = Buffer.from(
  '<!DOCTYPE html><html lang="vi"><head><link rel="preload" as="script" href="/a.js"/><script src="/a.js" async=""></script></head>' +
    '<body><h1>Bảng xếp hạng Sơn La</h1><script>self.__next_f.push([1,"\\u003cscript\\u003e"])</script><script>$RC("B:0","S:0")</script></body></html>',
);
const CUTS = [PAGE.indexOf("<script") + 3, PAGE.indexOf("Sơn") + 2, PAGE.lastIndexOf("<scr") + 4, PAGE.length - 2];

function streamPage(status = 200): RequestHandler {
  return async (_req, res) => {
    res.statusCode = status;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.setHeader("content-length", PAGE.length);
    res.setHeader("etag", '"rendered-once"');
    let from = 0;
    for (const cut of CUTS) {
      res.write(PAGE.subarray(from, cut));
      from = cut;
      await pause(2);
    }
    res.end(PAGE.subarray(from));
  };
}

function nonceIn(answer: Answer): string {
  const nonce = /'nonce-([^']+)'/.exec(String(answer.headers["content-security-policy"]))?.[1];
  expect(nonce).toBeTruthy();
  return nonce!;
}

describe("the production server around Next.js", () => {
  it("an HTML page streamed in pieces reaches the browser with one fresh nonce on each script, in the policy too", async () => {
    const url = await start(streamPage());
    const [first, second] = [await get(url), await get(url)];
    for (const answer of [first, second]) {
      const html = answer.body.toString();
      const nonce = nonceIn(answer);
      expect(html.match(/<script nonce="([^"]+)"/g)).toEqual(Array(3).fill(`<script nonce="${nonce}"`));
      expect(html).toContain(`<link nonce="${nonce}" rel="preload"`);
      expect(html).toContain("Bảng xếp hạng Sơn La");
      expect(html).toContain("\\u003cscript\\u003e");
      expect(html.replaceAll(` nonce="${nonce}"`, "")).toBe(PAGE.toString());
      expect(answer.headers["content-security-policy"]).toContain(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
      expect(answer.headers["content-security-policy"]).toContain("frame-ancestors 'none'");
      expect(answer.headers["content-length"]).toBeUndefined();
      expect(answer.headers["etag"]).toBeUndefined();
      expect(answer.headers["x-frame-options"]).toBe("DENY");
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
    }
    expect(nonceIn(first)).not.toBe(nonceIn(second));
  });

  it("compresses after adding the nonces: gzip or brotli as accepted", async () => {
    const url = await start(streamPage());
    const gzip = await get(url, { "accept-encoding": "gzip, deflate" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gzip.body).toString()).toContain(`<script nonce="${nonceIn(gzip)}" src="/a.js"`);
    const brotli = await get(url, { "accept-encoding": "br" });
    expect(brotli.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(brotli.body).toString()).toContain(`<script nonce="${nonceIn(brotli)}">$RC(`);
  });

  it("an error page is HTML like any other; a HEAD request gets the headers without a body", async () => {
    const url = await start(streamPage(404));
    const missing = await get(url);
    expect(missing.status).toBe(404);
    expect(missing.body.toString()).toContain(`<script nonce="${nonceIn(missing)}"`);
    const head = await get(url, {}, "HEAD");
    expect(head.body.length).toBe(0);
    expect(head.headers["content-security-policy"]).toContain("'nonce-");
  });

  it("a JSON answer keeps its body and length, gets the headers and a policy that forbids framing", async () => {
    const body = JSON.stringify({ data: ["<script>not a tag in JSON</script>"] });
    const url = await start(async (_req, res) => {
      res.setHeader("content-type", "application/json");
      res.setHeader("access-control-allow-origin", "*");
      res.end(body);
    });
    const answer = await get(url);
    expect(answer.body.toString()).toBe(body);
    expect(answer.headers["content-length"]).toBe(String(Buffer.byteLength(body)));
    expect(answer.headers["content-security-policy"]).toBe("frame-ancestors 'none'");
    expect(answer.headers["access-control-allow-origin"]).toBe("*");
    expect(answer.headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  });

  it("every line logged while a request is served carries its id, the one in the response header", async () => {
    const url = await start(async (_req, res) => {
      await pause(1);
      res.setHeader("content-type", "text/plain");
      res.end(String(currentRequestId()));
    });
    const answer = await get(url);
    expect(answer.body.toString()).toBe(answer.headers["x-request-id"]);
    expect(answer.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect((await get(url, { "x-request-id": "proxy-0123456789" })).body.toString()).toBe("proxy-0123456789");
  });

  it("writes one access-log line per request: id, method, path without query values, status, bytes sent", async () => {
    const url = await start(streamPage());
    const answer = await get(`${url}/compare?period=son-la-2024&token=s3cr3t`, { "accept-encoding": "gzip" });
    await pause(20);
    const lines = accessLog.mock.calls.filter((call) => call[1] === "request").map((call) => call[0] as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      requestId: answer.headers["x-request-id"],
      method: "GET",
      path: "/compare?period&token",
      status: 200,
      bytes: answer.body.length,
    });
    expect(JSON.stringify(lines[0])).not.toContain("s3cr3t");
    expect(lines[0]!.durationMs).toEqual(expect.any(Number));
  });

  it("a handler that throws gives a 500 with the headers, not a hung connection", async () => {
    const url = await start(async () => {
      throw new Error("boom");
    });
    const answer = await get(url);
    expect(answer.status).toBe(500);
    expect(answer.body.toString()).toContain("Internal Server Error");
    expect(answer.headers["x-content-type-options"]).toBe("nosniff");
  });

  it("HSTS only in production over HTTPS (the proxy's X-Forwarded-Proto)", async () => {
    const url = await start(streamPage());
    vi.stubEnv("NODE_ENV", "production");
    expect((await get(url, { "x-forwarded-proto": "https" })).headers["strict-transport-security"]).toBe("max-age=31536000; includeSubDomains");
    expect((await get(url, { "x-forwarded-proto": "http" })).headers["strict-transport-security"]).toBeUndefined();
    vi.stubEnv("NODE_ENV", "development");
    expect((await get(url, { "x-forwarded-proto": "https" })).headers["strict-transport-security"]).toBeUndefined();
  });

  it("on shutdown a request in flight is answered in full, then no new connection is taken", async () => {
    let started!: () => void;
    const inFlight = new Promise<void>((resolve) => (started = resolve));
    const url = await start(async (_req, res) => {
      started();
      await pause(300);
      res.setHeader("content-type", "text/plain");
      res.end("answered");
    });
    const answer = get(url);
    await inFlight;
    const stopped = running!.stop();
    expect((await answer).body.toString()).toBe("answered");
    await stopped;
    await expect(get(url)).rejects.toThrow(/ECONNREFUSED/);
  });
});
