import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedServer } from "@/scripts/db/embedded-server";
import { freePort } from "@/scripts/db/free-port";

export type TestDatabaseServer = {
  /** URL of the server's maintenance database, to create and drop scratch databases. */
  adminUrl: string;
  databaseUrl: (name: string) => string;
  stop: () => Promise<void>;
};

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/**
 * DATABASE_URL's server when set (CI and developers run PostgreSQL 15 there), otherwise a
 * throw-away embedded PostgreSQL in a temporary directory.
 */
export async function startTestDatabaseServer(): Promise<TestDatabaseServer> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    const adminUrl = withDatabase(configured, "postgres");
    return { adminUrl, databaseUrl: (name) => withDatabase(configured, name), stop: async () => {} };
  }
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "par-index-test-pg-"));
  rmSync(dataDir, { recursive: true, force: true }); // initdb wants to create it itself
  const server = await startEmbeddedServer({ dataDir, port: await freePort(), persistent: false });
  return { adminUrl: server.baseUrl("postgres"), databaseUrl: server.baseUrl, stop: server.stop };
}

export async function createDatabase(server: TestDatabaseServer, prefix: string): Promise<string> {
  const name = `${prefix}_${process.pid}_${Date.now().toString(36)}`;
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${client.escapeIdentifier(name)}`);
  } finally {
    await client.end();
  }
  return name;
}

export async function dropDatabase(server: TestDatabaseServer, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: server.adminUrl });
  await client.connect();
  try {
    await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
  } finally {
    await client.end();
  }
}
