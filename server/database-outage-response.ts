import type { IncomingMessage, ServerResponse } from "node:http";
import { failedForDatabaseOutage } from "@/lib/data/database-availability";
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_CODE } from "@/lib/domain/database-outage";
import { databaseOutageMessagesFor } from "@/lib/i18n/database-outage-messages";
import type { RequestContext } from "@/lib/observability/request-context";

type WriteCallback = (error?: Error | null) => void;
type Write = (chunk: unknown, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback) => boolean;
type End = (chunk?: unknown, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback) => ServerResponse;

const vi = databaseOutageMessagesFor("vi");
const en = databaseOutageMessagesFor("en");

/**
 * The page a visitor gets while the database is out of reach. Next.js renders a page whose
 * server components failed as an empty shell that only its browser script fills in (React renders
 * no error boundary on the server), so this page is written whole here: readable without
 * JavaScript, in Vietnamese first and English, no script (nothing for the CSP to allow), and a
 * link that simply asks for the same address again.
 */
export const DATABASE_OUTAGE_PAGE = `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${vi.title} · ${en.title}</title>
<style>
body{margin:0;background:#f8fafc;color:#0f172a;font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;line-height:1.5}
main{max-width:42rem;margin:0 auto;padding:2.5rem 1rem}
h1{font-size:1.6rem;margin:.25rem 0 1rem}
.code{font-size:.875rem;font-weight:600;color:#334155;margin:0}
a.retry{display:inline-block;margin-top:.5rem;padding:.5rem 1rem;border-radius:.25rem;background:#7f1d1d;color:#fff;font-weight:600;text-decoration:none}
a.retry:focus-visible{outline:2px solid #9b1c1c;outline-offset:2px}
section[lang=en]{margin-top:2rem;padding-top:1rem;border-top:1px solid #cbd5e1;font-size:.925rem;color:#334155}
</style>
</head>
<body>
<main id="main">
<p class="code">503</p>
<h1>${vi.title}</h1>
<p>${vi.text}</p>
<p>${vi.retry}</p>
<p><a class="retry" href="">${vi.retryButton}</a></p>
<section lang="en">
<h2>${en.title}</h2>
<p>${en.text} ${en.retry}</p>
<p><a href="">${en.retryButton}</a></p>
</section>
</main>
</body>
</html>
`;

/** For API clients: the public API's `error` object, and the console's ok/code/vi/en fields. */
export const DATABASE_OUTAGE_JSON = JSON.stringify({
  ok: false,
  code: DATABASE_UNAVAILABLE_CODE,
  vi: vi.short,
  en: en.short,
  error: { code: DATABASE_UNAVAILABLE_CODE, message: `${vi.short} / ${en.short}` },
});

/**
 * Turns a 500 that the database's outage caused into a 503 with Retry-After and a body that says
 * so: the page above, or JSON under /api/. Anything else (a 500 from a bug, every answer that did
 * not fail) passes through untouched; so do cached pages, which Next.js serves without the
 * database even while it is down.
 *
 * Install it on `res` before Next.js writes to it, outside (after) the wrappers that add security
 * headers, nonces and compression, so its replacement body goes through them too.
 */
export function answerDatabaseOutages(req: IncomingMessage, res: ServerResponse, request: RequestContext): void {
  let decided = false;
  let replacing = false;
  const isApi = (req.url ?? "").startsWith("/api/");
  // Next's own client reads these (a page fetched by its router, a server action's result): a
  // failed page fetch already makes the router load the address as a whole page, which gets the
  // page above; an action's error reaches the page's error boundary, which says the same.
  const forNextClient = req.headers["rsc"] !== undefined || req.headers["next-action"] !== undefined;

  function decide(): void {
    if (decided) return;
    decided = true;
    if (forNextClient || res.headersSent || res.statusCode !== 500 || !failedForDatabaseOutage(request)) return;
    replacing = true;
    res.statusCode = 503;
    // Whatever Next.js meant to send with its 500 no longer describes the body.
    for (const name of res.getHeaderNames()) {
      if (["content-length", "etag", "content-encoding", "vary", "x-nextjs-cache", "x-nextjs-prerender", "x-nextjs-stale-time"].includes(name)) res.removeHeader(name);
    }
    res.setHeader("content-type", isApi ? "application/json; charset=utf-8" : "text/html; charset=utf-8");
    res.setHeader("cache-control", "no-store");
    res.setHeader("retry-after", String(DATABASE_RETRY_AFTER_SECONDS));
  }

  const writeHead = res.writeHead;
  const write = res.write as Write;
  const end = res.end as End;

  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    this.statusCode = statusCode;
    decide();
    if (!replacing) return (writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode, ...rest);
    // Next.js's headers for its 500 (content type, length) are dropped with its body.
    return writeHead.call(this, this.statusCode);
  } as ServerResponse["writeHead"];

  res.write = function (this: ServerResponse, chunk: unknown, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback) {
    decide();
    if (!replacing) return write.call(this, chunk, encoding, callback);
    const done = typeof encoding === "function" ? encoding : callback;
    if (done) process.nextTick(done);
    return true;
  } as ServerResponse["write"];

  res.end = function (this: ServerResponse, chunk?: unknown, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback) {
    decide();
    if (!replacing) return end.call(this, chunk, encoding, callback);
    const done = typeof chunk === "function" ? (chunk as WriteCallback) : typeof encoding === "function" ? encoding : callback;
    if (done) this.once("finish", () => done());
    if (req.method === "HEAD") return end.call(this);
    return end.call(this, isApi ? DATABASE_OUTAGE_JSON : DATABASE_OUTAGE_PAGE, "utf8");
  } as ServerResponse["end"];
}
