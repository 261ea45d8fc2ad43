"use client";

import { PageFailureNotice } from "@/components/page-failure-notice";

/**
 * Any page or nested layout that fails to render (the console's frame included): the site's header
 * and footer stay, the failure is explained without its details, and the visitor can try again.
 * The web server answers such a page with 503 while the database is down.
 */
export default function PageError({ error, retry }: { error: unknown; retry: () => void }) {
  return <PageFailureNotice error={error} retry={retry} />;
}
