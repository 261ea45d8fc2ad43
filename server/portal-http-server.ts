import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { logger } from "@/lib/observability/logger";
import { runWithRequestContext } from "@/lib/observability/request-context";
import { isProductionHttps } from "@/lib/auth/https-request";
import { secureResponse } from "./secure-response";
import { logWhenDone, requestIdFor } from "./access-log";
import { answerMalformedAddress, hasMalformedPathEscape } from "./malformed-address";
import { answerDatabaseOutages } from "./database-outage-response";

/** What renders the answer: Next.js's request handler in production, a stand-in in tests. */
export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export type PortalHttpServer = {
  server: http.Server;
  /** Stops taking connections, lets the requests in flight finish, resolves once all are answered. */
  stop(): Promise<void>;
};

/**
 * The HTTP server around `handle`: every request gets its id (response header, and the context
 * every log line written while it is served reads), its security headers, CSP nonces when it is
 * HTML, compression, and one access-log line.
 */
export function createPortalHttpServer(handle: RequestHandler): PortalHttpServer {
  let stopping: Promise<void> | null = null;

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = requestIdFor(req);
    req.headers["x-request-id"] = requestId;
    const bytesSent = secureResponse(req, res, { requestId, strictTransportSecurity: isProductionHttps(req.headers) });
    const context = { requestId };
    // Outermost, so a failed page's 503 replacement goes through the headers, nonces and compression.
    answerDatabaseOutages(req, res, context);
    logWhenDone(req, res, requestId, bytesSent);
    if (stopping) res.setHeader("connection", "close");
    if (hasMalformedPathEscape(req.url)) return answerMalformedAddress(req.url, res);
    try {
      await runWithRequestContext(context, () => handle(req, res));
    } catch (error) {
      logger.error({ err: error, requestId }, "request failed outside Next.js");
      if (!res.headersSent) {
        res.statusCode = 500;
        res.setHeader("content-type", "text/plain; charset=utf-8");
      }
      res.end("Lỗi máy chủ / Internal Server Error");
    }
  }

  const server = http.createServer((req, res) => void serve(req, res));
  // Longer than a reverse proxy keeps an idle upstream connection (nginx: 60 s). With Node's 5 s,
  // the portal could close one just as nginx sends a request on it, and nginx does not retry a
  // POST: the console's forms would now and then get a 502.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;

  function stop(): Promise<void> {
    stopping ??= new Promise<void>((resolve) => {
      // A keep-alive connection waits idle between requests: close each once it has answered.
      const closeIdle = setInterval(() => server.closeIdleConnections(), 50);
      server.close(() => {
        clearInterval(closeIdle);
        resolve();
      });
      server.closeIdleConnections();
    });
    return stopping;
  }

  return { server, stop };
}
