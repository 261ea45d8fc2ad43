import { AsyncLocalStorage } from "node:async_hooks";

export type RequestContext = { requestId: string };

/**
 * One store per process, kept on globalThis: the server that receives the request and the route
 * code Next.js bundled separately load this file as two modules, and both must see the same
 * request id.
 */
const KEY = Symbol.for("par-index.request-context");
type Holder = { [KEY]?: AsyncLocalStorage<RequestContext> };
const holder = globalThis as Holder;
const storage: AsyncLocalStorage<RequestContext> = (holder[KEY] ??= new AsyncLocalStorage<RequestContext>());

/** Runs `work` with `context` visible to every log line written while it runs. */
export function runWithRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

/** The context of the request being served, for what must remember something about that request. */
export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
