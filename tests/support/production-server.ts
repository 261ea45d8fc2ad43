import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..", "..");

export type ProductionServer = {
  url: string;
  child: ChildProcess;
  /** What the server printed so far on stdout and stderr, for failure messages. */
  output: () => string;
  /** Its log so far: stdout alone, one JSON object per line. */
  log: () => string;
  stop: () => Promise<void>;
};

/**
 * The portal as `npm start` runs it (the production web server around the production build), on
 * `port` with `env`. Needs `next build` to have run: `npm test` builds before the tests that need
 * it; alone, run `npm run build` first.
 */
export async function startProductionServer(options: { port: number; env: Record<string, string> }): Promise<ProductionServer> {
  if (!existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    throw new Error("This test needs the production build: run `npm run build` first.");
  }
  let output = "";
  let log = "";
  const child = spawn(process.execPath, ["--import", "tsx", "server/portal-server.ts"], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      PORT: String(options.port),
      AUTH_SECRET: "test-session-signing-key-not-for-production-0123456789",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString("utf8");
    log += chunk.toString("utf8");
  });
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const url = `http://127.0.0.1:${options.port}`;

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  };

  for (let attempt = 0; attempt < 240; attempt++) {
    if (child.exitCode !== null) throw new Error(`The production server exited (${child.exitCode}):\n${output.slice(-3000)}`);
    try {
      if ((await fetch(`${url}/api/health/live`)).ok) return { url, child, output: () => output, log: () => log, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`The production server did not answer on port ${options.port}:\n${output.slice(-3000)}`);
}
