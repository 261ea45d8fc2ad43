import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// Who may run from one folder: several `npm start` on DATABASE_URL side by side (instances of one
// portal), but the demo, dev and a start on the embedded database only alone, since they own
// .data/ and the demo rebuilds .next/. This test process stands in for the running one: its live
// pid holds the lock. The web port is taken, so a start that gets past the lock stops there with
// its own message, before touching any database or build.

const root = path.resolve(import.meta.dirname, "..", "..");
const UNREACHABLE = "postgresql://postgres@127.0.0.1:1/par_index";

let busyPort = 0;
const blocker = net.createServer();
beforeAll(async () => {
  await new Promise<void>((resolve) => blocker.listen(0, resolve));
  busyPort = (blocker.address() as net.AddressInfo).port;
});
afterAll(() => {
  blocker.close();
});

function run(mode: string, env: Record<string, string>) {
  const environment: NodeJS.ProcessEnv = { ...process.env, PORT: String(busyPort), ...env };
  if (!("DATABASE_URL" in env)) delete environment.DATABASE_URL;
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/run-app.ts", mode], {
    cwd: root,
    env: environment,
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr };
}

function dataDirWith(lockFile: string): string {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "par-folder-lock-"));
  writeFileSync(path.join(dataDir, lockFile), String(process.pid));
  return dataDir;
}

describe("several instances in one folder", () => {
  it("lets an `npm start` on DATABASE_URL start next to another instance of the folder", () => {
    const dataDir = dataDirWith(`instance-${process.pid}.lock`);
    const result = run("start", { PAR_DATA_DIR: dataDir, DATABASE_URL: UNREACHABLE, AUTH_SECRET: "x".repeat(40) });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`Port ${busyPort} is already in use`);
    // It leaves the other instance's lock alone, and its own is gone with it.
    expect(readdirSync(dataDir)).toEqual([`instance-${process.pid}.lock`]);
  });

  it("refuses the demo while an instance runs from the folder, naming its process", () => {
    const result = run("demo", { PAR_DATA_DIR: dataDirWith(`instance-${process.pid}.lock`) });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`already running from this folder (process ${process.pid})`);
  });

  it("refuses an instance while the demo owns the folder", () => {
    const result = run("start", { PAR_DATA_DIR: dataDirWith("app.lock"), DATABASE_URL: UNREACHABLE, AUTH_SECRET: "x".repeat(40) });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`already running from this folder (process ${process.pid})`);
  });

  it("forgets the lock of an instance that is gone", () => {
    // A pid far above any pid_max: no such process.
    const dataDir = dataDirWith("instance-99999999.lock");
    const result = run("demo", { PAR_DATA_DIR: dataDir });
    expect(result.stderr).toContain(`Port ${busyPort} is already in use`);
    expect(readdirSync(dataDir)).toEqual([]);
  });
});
