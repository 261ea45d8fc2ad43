"use client";

import "./globals.css";
import { PageFailureNotice } from "@/components/page-failure-notice";
import { isDatabaseOutage } from "@/lib/domain/database-outage";
import { databaseOutageMessagesFor } from "@/lib/i18n/database-outage-messages";

/** A failure of the root layout itself: the same notice, in a document of its own. */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const vi = databaseOutageMessagesFor("vi");
  return (
    <html lang="vi">
      <body className="min-h-screen bg-slate-50 font-sans text-slate-900 antialiased">
        <title>{isDatabaseOutage(error) ? vi.title : vi.unexpectedTitle}</title>
        <main className="mx-auto max-w-2xl px-4 py-10">
          <PageFailureNotice error={error} retry={retry} />
        </main>
      </body>
    </html>
  );
}
