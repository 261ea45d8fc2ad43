/** The portal's production build, served as `npm start` does (server/portal-server.ts), on a given database. */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { PROJECT_ROOT } from "../db/project-root";
import { clearPageCache } from "../clear-page-cache";
import { freePort } from "../db/free-port";

export async function startProductionServer(databaseUrl: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  clearPageCache();
  const web = spawn(process.execPath, ["--import", "tsx", path.join(PROJECT_ROOT, "server/portal-server.ts")], {
    cwd: PROJECT_ROOT,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      PORT: String(port),
      // A production server refuses to start without a session key (the bench signs nobody in).
      // The access log stays on: its cost is part of serving a page.
      AUTH_SECRET: process.env.AUTH_SECRET ?? randomBytes(32).toString("base64url"),
    },
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (web.exitCode !== null) return;
    const exited = new Promise((resolve) => web.once("exit", resolve));
    web.kill("SIGTERM");
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (web.exitCode !== null) throw new Error(`the portal server exited with ${web.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return { url, stop };
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error("the portal server did not answer /api/health within 60 s");
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
