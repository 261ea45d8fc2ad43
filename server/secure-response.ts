import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import compression from "compression";
import { createScriptNonceRewriter, type ScriptNonceRewriter } from "./script-nonce-rewriter";
import { EVERY_RESPONSE_HEADERS, htmlContentSecurityPolicy, newNonce, STRICT_TRANSPORT_SECURITY } from "./security-headers";

type WriteCallback = (error?: Error | null) => void;
type Write = (chunk: unknown, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback) => boolean;
type End = (chunk?: unknown, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback) => ServerResponse;

// The level Next.js's own `compress` uses; brotli at the package's quality 4. Both are cheap
// enough for a 1 MB league table under load, where maximum settings would not be.
const compress = compression();

function byteLength(chunk: unknown, encoding?: BufferEncoding | WriteCallback): number {
  if (typeof chunk === "string") return Buffer.byteLength(chunk, typeof encoding === "string" ? encoding : "utf8");
  return chunk instanceof Uint8Array ? chunk.byteLength : 0;
}

function asBuffer(chunk: unknown, encoding?: BufferEncoding | WriteCallback): Buffer {
  if (typeof chunk === "string") return Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8");
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.alloc(0);
}

function callbackOf(encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback): WriteCallback | undefined {
  return typeof encoding === "function" ? encoding : callback;
}

function setHeadersGivenToWriteHead(res: ServerResponse, headers: unknown): void {
  if (Array.isArray(headers)) {
    // writeHead's flat [name, value, name, value, …] form.
    for (let index = 0; index + 1 < headers.length; index += 2) res.appendHeader(String(headers[index]), headers[index + 1] as string | string[]);
  } else if (headers && typeof headers === "object") {
    for (const [name, value] of Object.entries(headers as OutgoingHttpHeaders)) if (value !== undefined) res.setHeader(name, value);
  }
}

/**
 * Calls `listener` once, just before the status line and headers go out (whether Next.js calls
 * writeHead or lets the first write send them), with every header already set, so it can still
 * change them.
 */
function beforeHeadersAreSent(res: ServerResponse, listener: () => void): void {
  const writeHead = res.writeHead;
  res.writeHead = function (this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    res.writeHead = writeHead;
    const [reasonOrHeaders, headers] = rest;
    this.statusCode = statusCode;
    if (typeof reasonOrHeaders === "string") this.statusMessage = reasonOrHeaders;
    setHeadersGivenToWriteHead(this, typeof reasonOrHeaders === "string" ? headers : reasonOrHeaders);
    listener();
    return writeHead.call(this, this.statusCode);
  } as ServerResponse["writeHead"];
}

/** Counts the body bytes that leave (after compression), for the access log. */
function countBodyBytes(res: ServerResponse): () => number {
  let bytes = 0;
  const write = res.write as Write;
  const end = res.end as End;
  res.write = function (this: ServerResponse, chunk: unknown, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback) {
    bytes += byteLength(chunk, encoding);
    return write.call(this, chunk, encoding, callback);
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, chunk?: unknown, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback) {
    if (typeof chunk !== "function") bytes += byteLength(chunk, encoding);
    return end.call(this, chunk, encoding, callback);
  } as ServerResponse["end"];
  return () => bytes;
}

/**
 * HTML answers get a fresh nonce in their Content-Security-Policy and on each of their script
 * tags. The body changes length, so its Content-Length goes; its ETag goes too, or a browser
 * revalidating a page would keep the old body (old nonces) under the new policy of a 304.
 */
function addNoncesToHtml(req: IncomingMessage, res: ServerResponse): void {
  let rewriter: ScriptNonceRewriter | null = null;
  beforeHeadersAreSent(res, () => {
    if (!String(res.getHeader("content-type") ?? "").toLowerCase().startsWith("text/html")) return;
    const nonce = newNonce();
    res.setHeader("content-security-policy", htmlContentSecurityPolicy(nonce));
    res.removeHeader("etag");
    res.removeHeader("content-length");
    if (req.method !== "HEAD" && res.statusCode !== 204 && res.statusCode !== 304) rewriter = createScriptNonceRewriter(nonce);
  });

  const write = res.write as Write;
  const end = res.end as End;
  res.write = function (this: ServerResponse, chunk: unknown, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback) {
    if (!this.headersSent) this.writeHead(this.statusCode);
    if (!rewriter || chunk === undefined || chunk === null) return write.call(this, chunk, encoding, callback);
    const ready = rewriter.push(asBuffer(chunk, encoding));
    const done = callbackOf(encoding, callback);
    // A chunk that only held the start of a tag is sent with the next one.
    if (ready.length === 0) {
      if (done) process.nextTick(done);
      return true;
    }
    // compression's write() takes no callback (it would be read as the encoding): called here.
    const accepted = write.call(this, ready);
    if (done) process.nextTick(done);
    return accepted;
  } as ServerResponse["write"];
  res.end = function (this: ServerResponse, chunk?: unknown, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback) {
    const body = typeof chunk === "function" ? undefined : chunk;
    const done = typeof chunk === "function" ? (chunk as WriteCallback) : callbackOf(encoding, callback);
    if (!this.headersSent) {
      // As Node.js would for a body given whole to end(); the listener drops it again for HTML.
      if (body !== undefined && body !== null && !this.hasHeader("content-length")) this.setHeader("content-length", byteLength(body, encoding));
      this.writeHead(this.statusCode);
    }
    // compression's end() takes no callback.
    if (done) this.once("finish", () => done());
    if (!rewriter) return end.call(this, body, typeof encoding === "string" ? encoding : undefined);
    const head = body === undefined || body === null ? Buffer.alloc(0) : rewriter.push(asBuffer(body, encoding));
    const tail = rewriter.flush();
    return end.call(this, tail.length ? Buffer.concat([head, tail]) : head);
  } as ServerResponse["end"];
}

export type SecureResponseOptions = { requestId: string; strictTransportSecurity: boolean };

/**
 * Prepares `res` before Next.js writes to it: the headers every response carries, nonces for HTML,
 * then compression of what results (gzip or brotli as the client accepts; Next.js's own is off in
 * next.config.ts, as it would compress before the nonces are added). Returns the body byte count.
 */
export function secureResponse(req: IncomingMessage, res: ServerResponse, options: SecureResponseOptions): () => number {
  res.setHeader("x-request-id", options.requestId);
  for (const [name, value] of Object.entries(EVERY_RESPONSE_HEADERS)) res.setHeader(name, value);
  if (options.strictTransportSecurity) res.setHeader("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  // Innermost first: each wrapper writes into the one installed before it.
  const bytesSent = countBodyBytes(res);
  compress(req as Parameters<typeof compress>[0], res as Parameters<typeof compress>[1], () => {});
  addNoncesToHtml(req, res);
  return bytesSent;
}
