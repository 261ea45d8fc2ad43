import { isDatabaseOutage } from "@/lib/domain/database-outage";
import { databaseOutageMessagesFor } from "@/lib/i18n/database-outage-messages";

/**
 * What a page that failed to render shows, in Vietnamese first and then English (an error page has
 * no reliable language of its own): a database outage says the portal is briefly unavailable and
 * nothing is lost; anything else is a plain apology. Never the error's text or stack.
 */
export function PageFailureNotice({ error, retry }: { error: unknown; retry: () => void }) {
  const outage = isDatabaseOutage(error);
  const vi = databaseOutageMessagesFor("vi");
  const en = databaseOutageMessagesFor("en");
  const digest = failureDigest(error);
  return (
    <div className="max-w-2xl space-y-4" data-failure={outage ? "database-unavailable" : "unexpected"}>
      <p className="text-sm font-semibold tracking-wide text-slate-700">{outage ? "503" : "500"}</p>
      <h1 className="text-2xl font-bold sm:text-3xl">{outage ? vi.title : vi.unexpectedTitle}</h1>
      <p className="text-slate-800">{outage ? vi.text : vi.unexpectedText}</p>
      {outage && <p className="text-slate-800">{vi.retry}</p>}
      {!outage && digest && (
        <p className="text-slate-800">
          {vi.reference} <code className="font-mono font-semibold">{digest}</code>
        </p>
      )}
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="button"
          onClick={retry}
          className="rounded bg-brand-800 px-4 py-2 font-semibold text-white hover:bg-brand-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
        >
          {vi.retryButton} <span lang="en">/ {en.retryButton}</span>
        </button>
        {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- a full load, not a client navigation, starts the visitor afresh after a failure (and keeps next/link's code out of every page's error boundary) */}
        <a href="/" className="font-medium text-brand-800 underline underline-offset-2">
          {vi.home}
        </a>
      </div>
      <div lang="en" className="border-t border-slate-300 pt-4 text-sm text-slate-700">
        <p className="font-semibold">{outage ? en.title : en.unexpectedTitle}</p>
        <p>{outage ? `${en.text} ${en.retry}` : en.unexpectedText}</p>
        {!outage && digest && (
          <p>
            {en.reference} <code className="font-mono">{digest}</code>
          </p>
        )}
      </div>
    </div>
  );
}

/** The code Next.js (or the app) gives a server failure, never its text; only a plain token is shown. */
function failureDigest(error: unknown): string | null {
  const digest = typeof error === "object" && error !== null ? (error as { digest?: unknown }).digest : undefined;
  return typeof digest === "string" && /^[\w-]{1,64}$/.test(digest) ? digest : null;
}
