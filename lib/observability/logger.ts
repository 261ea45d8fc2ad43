import pino from "pino";
import { currentRequestId } from "./request-context";

let stream: NodeJS.WritableStream = process.stdout;

/**
 * For the command line, whose stdout carries the exported data alone: a log line there would
 * corrupt the file an operator redirects it into.
 */
export function writeLogsToStderr(): void {
  stream = process.stderr;
}

/**
 * The one logger of the server: one JSON object per line on stdout, for the operator's log
 * collector, with the request id of the request being served when there is one. LOG_LEVEL
 * (`debug`, `info`, `warn`, `error`, `silent`) sets how much is written; `info` by default.
 */
export const logger = pino(
  {
    level: process.env.LOG_LEVEL ?? "info",
    base: { service: "par-index" },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    mixin() {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
  },
  // Looked up per line, so writeLogsToStderr takes effect after the logger exists.
  { write: (line: string) => stream.write(line) },
);
