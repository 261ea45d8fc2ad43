import { rmSync } from "node:fs";
import path from "node:path";
import { PROJECT_ROOT } from "./db/project-root";

/**
 * Pages rendered on request are cached in the build folder (.next/server/route-cache), where they
 * outlive the server. A new server may point at another database (the demo's, a test's, the
 * bench's): it starts with an empty cache, and each page is rendered again on its first request.
 */
export function clearPageCache(): void {
  rmSync(path.join(PROJECT_ROOT, ".next", "server", "route-cache"), { recursive: true, force: true });
}
