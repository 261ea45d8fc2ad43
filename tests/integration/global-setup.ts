import type { TestProject } from "vitest/node";
import { applyMigrations } from "@/scripts/db/migrations";
import { createDatabase, dropDatabase, startTestDatabaseServer } from "@/tests/support/test-database-server";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    adminDatabaseUrl: string;
  }
}

/** One fresh database per run, with every migration applied as `npm run db:migrate` would. */
export default async function setup(project: TestProject) {
  const server = await startTestDatabaseServer();
  const name = await createDatabase(server, "par_test");
  const url = server.databaseUrl(name);
  await applyMigrations(url);
  project.provide("databaseUrl", url);
  project.provide("adminDatabaseUrl", server.adminUrl);
  return async () => {
    await dropDatabase(server, name);
    await server.stop();
  };
}
