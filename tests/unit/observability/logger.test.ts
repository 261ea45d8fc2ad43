import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..", "..", "..");
const CHILD = "tests/support/logging-child.ts";
const env = { ...process.env, LOG_LEVEL: "info" };

function run(scenario: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", CHILD, scenario], { cwd: ROOT, env, encoding: "utf8" });
  const lines = (text: string) =>
    text
      .split("\n")
      .filter((line) => line.trim() !== "")
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { status: result.status, stdout: lines(result.stdout), stderr: result.stderr };
}

describe("the logger", () => {
  it("writes one JSON line per event to stdout, and to stderr alone once the command line asks", () => {
    const result = run("stdout-then-stderr");
    expect(result.status).toBe(0);
    expect(result.stdout).toEqual([expect.objectContaining({ level: "warn", service: "par-index", event: "test.before", msg: "before" })]);
    expect(JSON.parse(result.stderr.trim())).toMatchObject({ level: "warn", event: "test.after", msg: "after" });
  });

  it("turns Next.js's console reports into JSON lines: errors with stack, digest and request id; Node's warnings as warnings", () => {
    const result = run("console");
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    // Node.js emits its warning on the next tick, after the lines written synchronously.
    const [render, deprecated, placeholder, ready, warning, ...rest] = result.stdout;
    expect(render).toMatchObject({ level: "error", event: "console", requestId: "req-1", msg: "connect ECONNREFUSED 127.0.0.1:5432" });
    expect(render!.err).toMatchObject({ type: "Error", digest: "4051841075" });
    expect(String((render!.err as { stack: string }).stack)).toContain("logging-child.ts");
    expect(deprecated).toMatchObject({ level: "warn", event: "console", msg: "an option is deprecated" });
    expect(placeholder).toMatchObject({ level: "error", msg: "Failed to render /units/x: boom" });
    expect(ready).toMatchObject({ level: "info", msg: "ready" });
    expect(warning).toMatchObject({ level: "warn", event: "node.warning" });
    expect(String(warning!.msg)).toContain("DeprecationWarning: an old way");
    // console.debug is below LOG_LEVEL=info.
    expect(rest).toEqual([]);
  });

  it("stops writing, without looping or crashing, once the reader of its pipe has gone", async () => {
    const child = spawn(process.execPath, ["--import", "tsx", CHILD, "broken-pipe"], { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] });
    child.stdout.destroy();
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
    const status = await new Promise<number | null>((resolve) => child.once("exit", resolve));
    expect(stderr).toBe("done, 0 uncaught\n");
    expect(status).toBe(0);
  });
});
