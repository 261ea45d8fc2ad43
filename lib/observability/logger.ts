import pino, { type DestinationStream } from "pino";
import { currentRequestId } from "./request-context";

type Output = "stdout" | "stderr";

const outputs: Partial<Record<Output, DestinationStream>> = {};
let output: Output = "stdout";

/**
 * pino's own writer on the file descriptor: synchronous, so a fatal line written just before
 * process.exit is not lost, and silent once the reader of a pipe has gone (EPIPE) instead of
 * throwing on every line.
 */
function destination(which: Output): DestinationStream {
  return (outputs[which] ??= pino.destination({ dest: which === "stdout" ? 1 : 2, sync: true }));
}

/**
 * For the command line, whose stdout carries the exported data alone: a log line there would
 * corrupt the file an operator redirects it into.
 */
export function writeLogsToStderr(): void {
  output = "stderr";
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
  { write: (line: string) => destination(output).write(line) },
);
