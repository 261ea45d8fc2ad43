import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { noteDatabaseFailure, noteDatabaseReachable } from "@/lib/data/database-availability";
import { runWithRequestContext, type RequestContext } from "@/lib/observability/request-context";
import { answerDatabaseOutages } from "@/server/database-outage-response";
import { createPortalHttpServer } from "@/server/portal-http-server";

// A stand-in for Next.js: each path fails or answers the way a rendered page or route does.
const routes: Record<string, (res: http.ServerResponse) => void> = {
  "/units/a": (res) => {
    // A page whose server component met the outage: Next's empty error shell, status 500.
    noteDatabaseFailure(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" }));
    res.writeHead(500, { "content-type": "text/html; charset=utf-8", "content-length": "42" });
    res.end('<html id="__next_error__"><body></body></html>');
  },
  "/api/console/inbox": (res) => {
    noteDatabaseFailure(Object.assign(new Error("terminating connection"), { code: "57P01" }));
    res.statusCode = 500;
    res.end();
  },
  "/units/b": (res) => {
    noteDatabaseFailure(Object.assign(new Error("Connection terminated unexpectedly"), {}));
    // The probe found the database back while this page was still failing.
    noteDatabaseReachable();
    res.writeHead(500, { "content-type": "text/html; charset=utf-8" });
    res.end('<html id="__next_error__"><body></body></html>');
  },
  "/bug": (res) => {
    res.statusCode = 500;
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.write("<html><body>");
    res.end("Lỗi</body></html>");
  },
  "/cached": (res) => {
    res.setHeader("content-type", "text/html; charset=utf-8");
    res.end("<html><body>Bảng xếp hạng</body></html>");
  },
};

let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const context: RequestContext = { requestId: "test" };
    answerDatabaseOutages(req, res, context);
    runWithRequestContext(context, () => routes[req.url ?? ""]?.(res));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => noteDatabaseReachable());

describe("the web server's answer when the database is out of reach", () => {
  it("replaces a page's empty error shell with a 503 page a visitor can read without JavaScript", async () => {
    const response = await fetch(`${base}/units/a`);
    expect(response.status).toBe(503);
    expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const page = await response.text();
    expect(page).toContain("Cổng thông tin tạm thời gián đoạn");
    expect(page).toContain("The portal is briefly unavailable");
    expect(page.indexOf("tạm thời gián đoạn")).toBeLessThan(page.indexOf("briefly unavailable"));
    expect(page).not.toMatch(/<script|__next_error__|ECONNREFUSED|127\.0\.0\.1/);
  });

  it("answers an API route that failed with JSON the console and API clients both read", async () => {
    const response = await fetch(`${base}/api/console/inbox`);
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ ok: false, code: "database_unavailable", error: { code: "database_unavailable" } });
  });

  it("still answers 503 for a request that met the outage when the database is back by the time it fails", async () => {
    const response = await fetch(`${base}/units/b`);
    // The visitor's request failed because of the outage; an "unexpected error" would be wrong.
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("Cổng thông tin tạm thời gián đoạn");
  });

  it("leaves a 500 from a bug alone while the database is up", async () => {
    const response = await fetch(`${base}/bug`);
    expect(response.status).toBe(500);
    expect(await response.text()).toContain("Lỗi");
  });

  it("serves a page that needs no database (a cached one) normally during an outage", async () => {
    noteDatabaseFailure(Object.assign(new Error("refused"), { code: "ECONNREFUSED" }));
    const response = await fetch(`${base}/cached`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("Bảng xếp hạng");
  });

  it("leaves the answers Next's own client reads (router fetches, server actions) to Next", async () => {
    for (const header of [{ rsc: "1" }, { "next-action": "7f00aa" }] as Record<string, string>[]) {
      const response = await fetch(`${base}/units/a`, { headers: header });
      expect(response.status).toBe(500);
      expect(await response.text()).toContain("__next_error__");
    }
  });

  it("answers a HEAD with the status and no body", async () => {
    const response = await fetch(`${base}/units/a`, { method: "HEAD" });
    expect(response.status).toBe(503);
    expect(await response.text()).toBe("");
  });
});

describe("the portal's web server", () => {
  it("answers a page that met the outage with the 503 page, behind its security headers and compressed", async () => {
    const portal = createPortalHttpServer(async (_req, res) => {
      noteDatabaseFailure(Object.assign(new Error("the database system is shutting down"), { code: "57P03" }));
      res.statusCode = 500;
      res.setHeader("content-type", "text/html; charset=utf-8");
      res.end('<!DOCTYPE html><html id="__next_error__"><head></head><body><script src="/_next/static/chunks/a.js" async=""></script></body></html>');
    });
    await new Promise<void>((resolve) => portal.server.listen(0, "127.0.0.1", resolve));
    try {
      const { port } = portal.server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/vi/units/a`, { headers: { "accept-encoding": "gzip" } });
      expect(response.status).toBe(503);
      expect(response.headers.get("content-encoding")).toBe("gzip");
      expect(response.headers.get("content-security-policy")).toContain("script-src");
      expect(response.headers.get("x-request-id")).toBeTruthy();
      expect(await response.text()).toContain("Cổng thông tin tạm thời gián đoạn");
    } finally {
      await portal.stop();
    }
  });
});
