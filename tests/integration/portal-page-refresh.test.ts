import { createServer, type IncomingHttpHeaders } from "node:http";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { refreshPortalPages, removePortalAddress, writePortalAddress } from "@/scripts/db/portal-address";

// What a command-line publication does after it commits: ask the portal running from the same
// folder to drop its cached pages, with the secret only that portal's starter knows.
describe("refreshing the running portal's pages after a publication", () => {
  const previous = process.env.PAR_DATA_DIR;
  beforeEach(() => {
    process.env.PAR_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "par-portal-"));
  });
  afterEach(() => {
    removePortalAddress(process.pid);
    if (previous === undefined) delete process.env.PAR_DATA_DIR;
    else process.env.PAR_DATA_DIR = previous;
  });

  it("asks the portal with its token, and says so", async () => {
    const received: { method?: string; url?: string; headers: IncomingHttpHeaders }[] = [];
    const portal = createServer((request, response) => {
      received.push({ method: request.method, url: request.url, headers: request.headers });
      response.writeHead(200, { "content-type": "application/json" }).end('{"revalidated":true}');
    });
    await new Promise<void>((resolve) => portal.listen(0, "127.0.0.1", resolve));
    const { port } = portal.address() as { port: number };
    try {
      writePortalAddress({ pid: process.pid, url: `http://127.0.0.1:${port}`, token: "secret-token" });
      expect(await refreshPortalPages()).toBe("refreshed");
      expect(received).toEqual([expect.objectContaining({ method: "POST", url: "/api/revalidate" })]);
      expect(received[0]!.headers.authorization).toBe("Bearer secret-token");
    } finally {
      portal.close();
    }
  });

  it("reports no portal when none runs from this folder, and an unreachable one when it does not answer", async () => {
    expect(await refreshPortalPages()).toBe("no-portal");
    writePortalAddress({ pid: process.pid, url: "http://127.0.0.1:9", token: "secret-token" });
    expect(await refreshPortalPages()).toBe("unreachable");
  });
});
