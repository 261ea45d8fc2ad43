/**
 * The production web server (`npm start`, `npm run demo`, the e2e and bench servers): Next.js's
 * request handler inside a plain Node.js HTTP server that gives every response its security
 * headers, every HTML response a fresh CSP nonce on each of its scripts, every request an id its
 * log lines carry, and one access-log line (server/portal-http-server.ts).
 *
 * Why not Next.js's own nonces: reading a nonce while rendering makes every page dynamic, and the
 * public pages must be served from the page cache (a 500-unit league table at half a static
 * file's rate). Here the cached HTML is rendered once and the nonce added as it is sent.
 *
 *   PORT=3000 AUTH_SECRET=… node --import tsx server/portal-server.ts
 *
 * Stops on SIGTERM or SIGINT: no new connections, requests in flight are answered, then exits.
 */
import { PROJECT_ROOT } from "../scripts/db/project-root";
import { productionAuthSecretProblem } from "../scripts/db/auth-secret";
import { logger } from "@/lib/observability/logger";
import { createPortalHttpServer } from "./portal-http-server";
import { sendConsoleToLogger } from "./console-to-logger";
import { quietKnownWarnings } from "../scripts/db/quiet-known-warnings";

/** Below run-app's 8 s between SIGTERM and SIGKILL. */
const SHUTDOWN_DEADLINE_MS = 7000;

function fail(line: string): never {
  process.stderr.write(`✖ ${line}\n`);
  process.exit(1);
}

async function main(): Promise<void> {
  // React and Next.js choose their production builds from NODE_ENV when first loaded, below.
  // Anything else would also drop the Secure cookies, HSTS and the AUTH_SECRET check, silently.
  const nodeEnv = process.env.NODE_ENV || "production";
  if (nodeEnv !== "production") fail(`NODE_ENV="${nodeEnv}": this server runs the production build only. Unset NODE_ENV or set it to production (npm run dev is the development server).`);
  Object.assign(process.env, { NODE_ENV: "production" });
  const problem = productionAuthSecretProblem();
  if (problem) fail(problem);
  const port = Number(process.env.PORT ?? "3000");
  if (!Number.isInteger(port) || port < 1 || port > 65535) fail(`PORT="${process.env.PORT}" is not a valid port number (1–65535).`);

  quietKnownWarnings();
  if (!process.stdout.isTTY) sendConsoleToLogger();
  const { default: next } = await import("next");
  const app = next({ dev: false, dir: PROJECT_ROOT, hostname: "localhost", port });
  await app.prepare();
  const handle = app.getRequestHandler();
  const portal = createPortalHttpServer((req, res) => handle(req, res));

  portal.server.once("error", (error: NodeJS.ErrnoException) => {
    fail(error.code === "EADDRINUSE" ? `Port ${port} is already in use. Choose another with PORT=…` : `The web server could not listen on port ${port}: ${error.message}`);
  });
  portal.server.listen(port, () => logger.info({ port }, "portal listening"));

  const stop = (signal: NodeJS.Signals) => {
    logger.info({ signal }, "stopping: no new connections, finishing the requests in flight");
    setTimeout(() => {
      logger.warn("requests still in flight at the shutdown deadline were cut off");
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    void portal
      .stop()
      .then(() => app.close())
      .finally(() => process.exit(0));
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}

main().catch((error: unknown) => {
  logger.fatal({ err: error }, "the portal could not start");
  process.exit(1);
});
