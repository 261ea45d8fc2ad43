import { format, stripVTControlCharacters } from "node:util";
import { logger } from "@/lib/observability/logger";

type Level = "error" | "warn" | "info";

/**
 * Next.js reports a failed render through console.error: "⨯ Error: …" and a stack over many
 * lines, between the portal's JSON lines. Sent through the logger instead, each report is one
 * JSON line with its level and the request id, so a log collector reads it whole and an operator
 * can join it to the access-log line of the request that failed.
 */
export function sendConsoleToLogger(): void {
  const to =
    (level: Level) =>
    (...args: unknown[]): void => {
      const err = args.find((arg): arg is Error => arg instanceof Error);
      const rest = err ? args.filter((arg) => arg !== err) : args;
      // Without the terminal's colours and Next.js's leading ✓ ⨯ ⚠: the level says as much.
      const message = stripVTControlCharacters(format(...rest)).replace(/^[\s✓⨯⚠]+/u, "").trim();
      logger[level]({ event: "console", ...(err ? { err } : {}) }, message || err?.message || "");
    };
  console.error = to("error");
  console.warn = to("warn");
  console.info = to("info");
  console.log = to("info");
}
