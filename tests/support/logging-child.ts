/**
 * A process that logs as the portal does, for tests that need real file descriptors (pino writes to
 * fd 1 and 2 directly, which no spy sees): `node --import tsx tests/support/logging-child.ts <scenario>`.
 */
import { logger, writeLogsToStderr } from "@/lib/observability/logger";
import { runWithRequestContext } from "@/lib/observability/request-context";
import { sendConsoleToLogger } from "@/server/console-to-logger";

const scenario = process.argv[2];

if (scenario === "stdout-then-stderr") {
  logger.warn({ event: "test.before" }, "before");
  writeLogsToStderr();
  logger.warn({ event: "test.after" }, "after");
} else if (scenario === "console") {
  sendConsoleToLogger();
  const error = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { digest: "4051841075" });
  runWithRequestContext({ requestId: "req-1" }, () => console.error(" ⨯", error));
  console.warn("\u001b[33m⚠\u001b[39m %s is deprecated", "an option");
  console.error("Failed to render %s:", "/units/x", new Error("boom"));
  process.emitWarning("an old way", "DeprecationWarning");
  console.log("▲ ready");
  console.debug("not shown at info");
} else if (scenario === "broken-pipe") {
  // As Next.js does: an uncaught exception is reported through console.error.
  let uncaught = 0;
  process.on("uncaughtException", (error) => {
    uncaught += 1;
    console.error(error);
  });
  sendConsoleToLogger();
  setTimeout(() => {
    for (let line = 0; line < 2000; line++) console.error(new Error(`line ${line}`));
    // Time for a write error, had there been one, to come back as an event.
    setTimeout(() => {
      process.stderr.write(`done, ${uncaught} uncaught\n`);
      process.exit(0);
    }, 500);
  }, 300);
} else {
  throw new Error(`unknown scenario ${scenario}`);
}
