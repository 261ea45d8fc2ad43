import { format, inspect, stripVTControlCharacters, types } from "node:util";
import { logger } from "@/lib/observability/logger";

type Level = "error" | "warn" | "info" | "debug";

/** Next.js's and Node's own decorations, which the level and the event already say. */
const DECORATION = /^[\s✓⨯⚠▲○»]+/u;
/** How Node.js prints a process warning (a deprecation, say): not an error of the portal. */
const NODE_WARNING = /^\(node:\d+\) /;

/**
 * Next.js reports a failed render through console.error: "⨯ Error: …" and a stack over many
 * lines, between the portal's JSON lines. Sent through the logger instead, each report is one
 * JSON line with its level and the request id, so a log collector reads it whole and an operator
 * can join it to the access-log line of the request that failed. Only for a log that is not a
 * terminal: a person watching `npm start` reads Next.js's own lines better.
 */
export function sendConsoleToLogger(): void {
  // A line that fails to be written must not report itself through the console again.
  let writing = false;
  const to =
    (level: Level) =>
    (...args: unknown[]): void => {
      if (writing) return;
      writing = true;
      try {
        const error = args.find(isError);
        const text = stripVTControlCharacters(format(...args.map((arg) => (isError(arg) ? arg.message : arg))))
          .replace(DECORATION, "")
          .trim();
        const warning = NODE_WARNING.test(text);
        logger[warning ? "warn" : level](
          { event: warning ? "node.warning" : "console", ...(error ? { err: described(error) } : {}) },
          text.replace(NODE_WARNING, ""),
        );
      } finally {
        writing = false;
      }
    };
  console.error = to("error");
  console.warn = to("warn");
  console.info = to("info");
  console.log = to("info");
  console.debug = to("debug");
}

function isError(value: unknown): value is Error {
  return types.isNativeError(value) || value instanceof Error;
}

/**
 * The error with the stack as util.inspect gives it, which Next.js maps back to the source files
 * (the raw stack points into .next/ chunks); pino's serializer adds its type and digest.
 */
function described(error: Error): Error {
  const copy = Object.assign(Object.create(Object.getPrototypeOf(error) as object) as Error, error);
  Object.defineProperties(copy, {
    message: { value: error.message, enumerable: false },
    stack: { value: inspect(error), enumerable: false },
  });
  return copy;
}
