/**
 * Next.js's page cache (next.config.ts `cacheHandler`) made safe for several app instances on one
 * database. Each instance keeps its rendered pages where Next.js keeps them (memory, then
 * .next/server), but revalidations are shared through PostgreSQL (page-cache-revisions.mjs):
 *
 * - revalidateTag (what revalidatePath calls) records the tags with a new revision;
 * - every cached page carries the newest revision known when its render began, and before it is
 *   served the instance reads the revisions: a page with a tag revalidated since is not served
 *   but rendered again, on this request.
 *
 * So a GET that reaches any instance after a publication's response sees the new figures: the
 * check it waits for is one that started after it arrived. Concurrent requests share one check
 * (a small table read, one at a time per instance), so the cost stays one query per batch of
 * requests, not per request.
 *
 * Without DATABASE_URL (next build) it is Next.js's own file-system cache.
 * Plain JavaScript: Next.js imports this file itself, without compiling it.
 */
import { createRequire } from "node:module";
import pg from "pg";
import pino from "pino";
import { READ_REVISIONS_SQL, isStillCurrent, recordRevalidationOnPool, revisionsFromRows } from "./page-cache-revisions.mjs";

const require = createRequire(import.meta.url);
// The class Next.js uses when no handler is configured, from the same module instance as the
// server's, so that its local tag bookkeeping stays the one the server reads.
const FileSystemCache = require("next/dist/server/lib/incremental-cache/file-system-cache.js").default;

/** The revision a cached page was rendered at, kept with the page (memory and disk), never sent. */
const RENDERED_AT_HEADER = "x-par-page-cache-revision";
const TAGS_HEADER = "x-next-cache-tags";
const PAGE_KINDS = new Set(["APP_PAGE", "APP_ROUTE"]);
/** Pages whose render is pending (see `renderBases`); more means addresses nobody will render. */
const MAX_PENDING_RENDERS = 5000;

// The shape of lib/observability/logger.ts (which this uncompiled file cannot import), with the
// request id from the same per-process store.
const REQUEST_CONTEXT = Symbol.for("par-index.request-context");
const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "par-index" },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
  mixin() {
    const requestId = globalThis[REQUEST_CONTEXT]?.getStore()?.requestId;
    return requestId ? { requestId } : {};
  },
});

/** @type {pg.Pool | null} */
let pool = null;

function revisionsPool() {
  if (!pool) {
    pool = new pg.Pool({
      connectionString: process.env.DATABASE_URL,
      // One check at a time per instance, and the rare revalidation: two connections are enough.
      max: 2,
      connectionTimeoutMillis: 2000,
      query_timeout: 2000,
      keepAlive: true,
    });
    // A connection dropped by a database restart must not end the process; the next query reconnects.
    pool.on("error", (err) => logger.warn({ event: "page_cache.connection_error", err }, "a page cache database connection failed"));
  }
  return pool;
}

/** Whether the last check failed (the database out of reach). */
let checksFailing = false;
/** @type {Promise<import("./page-cache-revisions.mjs").PageCacheRevisions> | null} */
let checking = null;
/** @type {Promise<import("./page-cache-revisions.mjs").PageCacheRevisions> | null} */
let nextCheck = null;

function startCheck() {
  const check = revisionsPool()
    .query(READ_REVISIONS_SQL)
    .then((result) => revisionsFromRows(result.rows))
    .finally(() => {
      if (checking === check) checking = null;
    });
  checking = check;
  return check;
}

/**
 * Revisions read by a query that began after this call: one already running may have begun before
 * a revalidation this request must see, so late callers share the following one instead.
 */
function currentRevisions() {
  if (!checking) return startCheck();
  nextCheck ??= checking
    .catch(() => {})
    .then(() => {
      nextCheck = null;
      return startCheck();
    });
  return nextCheck;
}

/**
 * For a page about to be rendered: the newest revision before its render began. Kept until the
 * render's `set`; the lowest is kept when several wait, which at worst renders once more.
 * @type {Map<string, number>}
 */
const renderBases = new Map();

function rememberRenderBase(key, newest) {
  const known = renderBases.get(key);
  if (known !== undefined && known <= newest) return;
  renderBases.delete(key);
  if (renderBases.size >= MAX_PENDING_RENDERS) renderBases.delete(renderBases.keys().next().value);
  renderBases.set(key, newest);
}

function isPage(value) {
  return Boolean(value) && PAGE_KINDS.has(value.kind);
}

function tagsOf(value) {
  const header = value.headers?.[TAGS_HEADER];
  return typeof header === "string" && header ? header.split(",") : [];
}

function renderedAtOf(value) {
  const revision = Number(value.headers?.[RENDERED_AT_HEADER]);
  return Number.isSafeInteger(revision) && revision > 0 ? revision : 0;
}

function withoutRenderedAt(entry) {
  if (!entry?.value?.headers || !(RENDERED_AT_HEADER in entry.value.headers)) return entry;
  const headers = { ...entry.value.headers };
  delete headers[RENDERED_AT_HEADER];
  return { ...entry, value: { ...entry.value, headers } };
}

/** Whether Next.js will render the page again in the background after serving it (its time is up). */
function dueForRefresh(entry) {
  const seconds = entry.cacheControl?.revalidate;
  return typeof seconds === "number" && entry.lastModified + seconds * 1000 < Date.now();
}

const DATABASE_AVAILABILITY = Symbol.for("par-index.database-availability");

export default class PageCacheHandler extends FileSystemCache {
  constructor(context) {
    super(context);
    this.shared = Boolean(process.env.DATABASE_URL) && !context.dev;
  }

  async get(key, context) {
    const entry = await super.get(key, context);
    if (!this.shared || !PAGE_KINDS.has(context?.kind)) return entry;
    // While the data layer knows PostgreSQL is down (lib/data/database-availability.ts), the page as
    // cached is served without asking: a server that hangs instead of refusing would otherwise
    // hold every cached page for the length of a connection timeout.
    if (globalThis[DATABASE_AVAILABILITY]?.down) return withoutRenderedAt(entry);
    let revisions;
    try {
      revisions = await currentRevisions();
    } catch (err) {
      // The database is unreachable: the page as cached is the best answer there is. Said once
      // per outage, not once per request.
      if (!checksFailing) logger.warn({ event: "page_cache.check_failed", err }, "cannot read the page cache's revisions; serving cached pages as they are");
      checksFailing = true;
      return withoutRenderedAt(entry);
    }
    if (checksFailing) logger.info({ event: "page_cache.check_recovered" }, "the page cache's revisions can be read again");
    checksFailing = false;
    if (!entry || !isPage(entry.value)) {
      rememberRenderBase(key, revisions.newest);
      return entry;
    }
    if (!isStillCurrent(revisions, tagsOf(entry.value), renderedAtOf(entry.value))) {
      rememberRenderBase(key, revisions.newest);
      return null;
    }
    if (dueForRefresh(entry)) rememberRenderBase(key, revisions.newest);
    return withoutRenderedAt(entry);
  }

  async set(key, data, context) {
    // A "not found" answer for an unknown code is not kept: every made-up address would otherwise
    // leave a page on disk, and a visitor looping over random codes could fill it.
    if (isPage(data) && data.status === 404) return;
    if (this.shared && isPage(data)) {
      const base = renderBases.get(key);
      renderBases.delete(key);
      // Without a base (none was checked before this render) the page counts as rendered at 0:
      // served until one of its tags is revalidated at all, then rendered again with a base.
      if (base !== undefined) data = { ...data, headers: { ...data.headers, [RENDERED_AT_HEADER]: String(base) } };
    }
    return super.set(key, data, context);
  }

  async revalidateTag(tags, durations) {
    await super.revalidateTag(tags, durations);
    const list = typeof tags === "string" ? [tags] : tags;
    if (!this.shared || list.length === 0) return;
    // Every revalidation expires the pages at once on every instance, as revalidatePath does here.
    try {
      const revision = await recordRevalidationOnPool(revisionsPool(), list);
      logger.debug({ event: "page_cache.revalidated", tags: list, revision }, "pages revalidated on every instance");
    } catch (err) {
      logger.error({ event: "page_cache.revalidation_not_shared", err, tags: list }, "other instances will refresh these pages within their revalidate time");
    }
  }
}
