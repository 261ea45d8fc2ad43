import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "@/lib/observability/logger";

/**
 * The request id: the one a reverse proxy or load balancer already gave the request (so its logs
 * and ours can be joined), when it looks like an id, else a new one.
 */
export function requestIdFor(req: IncomingMessage): string {
  const incoming = req.headers["x-request-id"];
  return typeof incoming === "string" && /^[A-Za-z0-9._:-]{8,128}$/.test(incoming) ? incoming : randomUUID();
}

/**
 * The address as logged: the path, and the names of query parameters without their values, which
 * may be anything a visitor typed (a search) or a secret in a link.
 */
export function loggablePath(url: string | undefined): string {
  const raw = url ?? "/";
  const queryAt = raw.indexOf("?");
  if (queryAt === -1) return raw;
  const names = [...new Set([...new URLSearchParams(raw.slice(queryAt + 1)).keys()])];
  return names.length ? `${raw.slice(0, queryAt)}?${names.join("&")}` : raw.slice(0, queryAt);
}

/** One line per request once its response is done (or the client went away before). */
export function logWhenDone(req: IncomingMessage, res: ServerResponse, requestId: string, bytesSent: () => number): void {
  const started = process.hrtime.bigint();
  // Named here: the close event does not run inside the request's context.
  res.once("close", () => {
    const line = {
      requestId,
      method: req.method,
      path: loggablePath(req.url),
      status: res.statusCode,
      durationMs: Math.round(Number(process.hrtime.bigint() - started) / 1e4) / 100,
      bytes: bytesSent(),
      ...(res.writableFinished ? {} : { aborted: true }),
    };
    if (res.statusCode >= 500) logger.error(line, "request");
    else logger.info(line, "request");
  });
}
