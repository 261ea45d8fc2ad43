import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmbeddedServer, type EmbeddedServer } from "@/scripts/db/embedded-server";
import { applyMigrations } from "@/scripts/db/migrations";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { importResultsPackage } from "@/lib/services/import-results-package";
import { disconnectPrisma } from "@/lib/data/prisma";
import { COMMAND_LINE } from "@/lib/auth/actor";
import { buildPackage } from "@/tests/support/results-package-factory";
import { startProductionServer, type ProductionServer } from "@/tests/support/production-server";
import { freePort } from "@/scripts/db/free-port";

// A PostgreSQL of this test's own, stopped and started again under a running portal. Its port is
// chosen once: the restarted database must come back where the portal looks for it.
let databasePort: number;
const DATABASE = "hb_outage";
/** A generous give-up, not a measure: the portal's probe asks every 2 s. */
const RECOVERY_GIVE_UP_MS = 60_000;

let folder: string;
let database: EmbeddedServer | null = null;
let portal: ProductionServer | null = null;

const startDatabase = () => startEmbeddedServer({ dataDir: path.join(folder, "pg"), port: databasePort, persistent: true });

beforeAll(async () => {
  folder = mkdtempSync(path.join(os.tmpdir(), "hb-outage-"));
  databasePort = await freePort();
  database = await startDatabase();
  const admin = new pg.Client({ connectionString: database.baseUrl("postgres") });
  await admin.connect();
  await admin.query(`create database ${DATABASE}`);
  await admin.end();
  const url = database.baseUrl(DATABASE);
  await applyMigrations(url);
  process.env.DATABASE_URL = url;
  const parsed = parseResultsPackage(
    JSON.stringify(buildPackage({ code: "mat-ket-noi-2024", year: 2024, units: [{ code: "xa-a", name: "UBND xã Chiềng Ban", points: [28, 25, 35] }, { code: "xa-b", name: "UBND xã Mường Bon", points: [20, 22, 30] }] })),
  );
  if (!parsed.ok) throw new Error("fixture package is invalid");
  await importResultsPackage({ pkg: parsed.package, replace: false, publish: true, actor: COMMAND_LINE });
  await disconnectPrisma();
  portal = await startProductionServer({ port: await freePort(), env: { DATABASE_URL: url, PAR_DATA_DIR: folder } });
});

afterAll(async () => {
  await portal?.stop();
  await database?.stop();
  rmSync(folder, { recursive: true, force: true });
});

const get = (address: string) => fetch(`${portal!.url}${address}`, { redirect: "manual" });

describe("the portal while PostgreSQL stops and starts again", () => {
  it("answers 503 with a bilingual message while it is down, and serves the same page again once it is back, without a restart", async () => {
    const before = await get("/units/xa-a");
    expect(before.status).toBe(200);
    expect(await before.text()).toContain("UBND xã Chiềng Ban");
    expect((await get("/api/health/ready")).status).toBe(200);
    // The league table, rendered once: in the page cache from now on.
    expect((await get("/mat-ket-noi-2024")).status).toBe(200);
    const pid = portal!.child.pid;

    await database!.stop();
    database = null;

    const page = await get("/units/xa-a");
    expect(page.status).toBe(503);
    expect(Number(page.headers.get("retry-after"))).toBeGreaterThan(0);
    const html = await page.text();
    expect(html).toContain("Cổng thông tin tạm thời gián đoạn");
    expect(html).toContain("Dữ liệu đã lưu không bị mất");
    expect(html).toContain("The portal is briefly unavailable");
    expect(html).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|at .*\.js|Prisma/);

    // A page already in the cache is still served: citizens keep reading the published tables.
    const cachedTable = await get("/mat-ket-noi-2024");
    expect(cachedTable.status).toBe(200);
    expect(await cachedTable.text()).toContain("UBND xã Mường Bon");

    const ready = await get("/api/health/ready");
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: "unavailable", database: { status: "down" } });
    const live = await get("/api/health/live");
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: "ok" });
    // Monitors and the app's own starter poll /api/health: the readiness answer.
    expect((await get("/api/health")).status).toBe(503);

    const api = await get("/api/v1/periods");
    expect(api.status).toBe(503);
    expect(await api.json()).toMatchObject({ error: { code: "database_unavailable" } });

    database = await startDatabase();
    const giveUpAt = Date.now() + RECOVERY_GIVE_UP_MS;
    let after = await get("/units/xa-a");
    while (after.status !== 200 && Date.now() < giveUpAt) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      after = await get("/units/xa-a");
    }
    expect(after.status).toBe(200);
    expect(await after.text()).toContain("UBND xã Chiềng Ban");
    expect((await get("/api/health/ready")).status).toBe(200);
    // The same process served throughout: nothing restarted it.
    expect(portal!.child.pid).toBe(pid);
    expect(portal!.child.exitCode).toBeNull();
    // The operator's log has the outage's start and end, once each, as JSON lines; Next.js's own
    // reports of the failed renders are JSON lines too, never a bare stack between them.
    const lines = portal!
      .log()
      .split("\n")
      .filter((line) => line.trim() !== "");
    expect(lines.filter((line) => !line.startsWith("{"))).toEqual([]);
    const events = lines.map((line) => (JSON.parse(line) as { event?: string }).event);
    expect(events.filter((event) => event === "database.unreachable")).toHaveLength(1);
    expect(events.filter((event) => event === "database.reachable")).toHaveLength(1);
  });
});
