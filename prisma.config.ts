import "dotenv/config";
import { defineConfig } from "prisma/config";

// DATABASE_URL is optional here: `prisma generate` needs no database, and the migration
// scripts (scripts/migrate.ts) resolve the embedded server itself when it is unset.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost/unset" },
});
