import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "..", "..");
const tsx = path.join(root, "node_modules", ".bin", "tsx");

function run(script: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(tsx, [script, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: result.status, stderr: result.stderr.trim(), stdout: result.stdout.trim() };
}

describe("start-up faults give one clear line", () => {
  it("an unreachable DATABASE_URL names host and port and what to check, without a stack trace", () => {
    const result = run("scripts/migrate.ts", ["deploy"], { DATABASE_URL: "postgresql://postgres@127.0.0.1:1/par_index" });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain("127.0.0.1:1");
    expect(result.stderr).toContain("DATABASE_URL");
    expect(result.stderr).toMatch(/Check that the server is running/);
    expect(result.stderr.split("\n")).toHaveLength(1);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it("a malformed DATABASE_URL is reported as such", () => {
    const result = run("scripts/migrate.ts", ["deploy"], { DATABASE_URL: "not a url" });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/DATABASE_URL is not a valid URL/);
  });

  it("a web port already in use says so and names the variable that changes it", async () => {
    const blocker = net.createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const dataDir = mkdtempSync(path.join(os.tmpdir(), "par-data-"));
      const result = run("scripts/run-app.ts", ["start"], {
        PORT: String(port),
        DATABASE_URL: "postgresql://postgres@127.0.0.1:1/x",
        PAR_DATA_DIR: dataDir,
        AUTH_SECRET: "startup-errors-test-key-0123456789abcdef",
      });
      expect(result.status).not.toBe(0);
      expect(result.stderr).toContain(`Port ${port} is already in use`);
      expect(result.stderr).toContain("PORT=");
    } finally {
      blocker.close();
    }
  });

  it("a second start while the portal runs from the same folder is refused and touches nothing", () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "par-data-"));
    // This test process stands in for the running portal: a live pid holds the lock.
    writeFileSync(path.join(dataDir, "app.lock"), String(process.pid));
    const result = run("scripts/run-app.ts", ["demo"], { PAR_DATA_DIR: dataDir, PORT: "3999" });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain(`already running from this folder (process ${process.pid})`);
  });

  it("npm start refuses to run without AUTH_SECRET, or with a short one, in one line naming the variable", () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "par-data-"));
    const missing = run("scripts/run-app.ts", ["start"], { PAR_DATA_DIR: dataDir, PORT: "3719", AUTH_SECRET: "", DATABASE_URL: "postgresql://postgres@127.0.0.1:1/x" });
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toMatch(/AUTH_SECRET is not set/);
    expect(missing.stderr).toContain("at least 32 characters");
    expect(missing.stderr.split("\n")).toHaveLength(1);
    // Refused before anything else is tried: the database address is never reached for.
    expect(missing.stderr).not.toContain("127.0.0.1:1");

    const short = run("scripts/run-app.ts", ["start"], { PAR_DATA_DIR: dataDir, PORT: "3719", AUTH_SECRET: "changeme", DATABASE_URL: "postgresql://postgres@127.0.0.1:1/x" });
    expect(short.status).not.toBe(0);
    expect(short.stderr).toContain("AUTH_SECRET is only 8 characters long");
  });

  it("the production web server itself refuses to start without AUTH_SECRET", () => {
    const result = run("server/portal-server.ts", [], { NODE_ENV: "production", AUTH_SECRET: "", PORT: "3719" });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/^✖ AUTH_SECRET is not set/);
    expect(result.stderr.split("\n")).toHaveLength(1);
  });

  it("the production web server refuses a NODE_ENV other than production, which would drop Secure cookies and HSTS", () => {
    const result = run("server/portal-server.ts", [], { NODE_ENV: "development", AUTH_SECRET: "x".repeat(40), PORT: "3719" });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/^✖ NODE_ENV="development": this server runs the production build only/);
    expect(result.stderr.split("\n")).toHaveLength(1);
  });
});
