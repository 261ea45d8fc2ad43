import { chmodSync, mkdtempSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { startEmbeddedServer } from "@/scripts/db/embedded-server";
import { freePort } from "@/scripts/db/free-port";

let folder: string | null = null;

afterEach(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe("the embedded database's folder", () => {
  it("starts even when its parent folder was made private (e.g. by the tests' evidence folder)", async () => {
    folder = mkdtempSync(path.join(os.tmpdir(), "par-data-"));
    chmodSync(folder, 0o750);
    const server = await startEmbeddedServer({ dataDir: path.join(folder, "pg"), port: await freePort(), persistent: false });
    try {
      const client = new pg.Client({ connectionString: server.baseUrl("postgres") });
      await client.connect();
      expect((await client.query("select 1 as one")).rows[0]).toEqual({ one: 1 });
      await client.end();
      // Only passing through was added: the folder's owner keeps it from being listed by others.
      expect(statSync(folder).mode & 0o777).toBe(process.getuid?.() === 0 ? 0o751 : 0o750);
    } finally {
      await server.stop();
    }
  });
});
