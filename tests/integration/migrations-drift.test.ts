import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { SCHEMA_PATH, checkDrift, migrationState } from "@/scripts/db/migrations";
import pg from "pg";

describe("prisma/migrations and prisma/schema.prisma", () => {
  it("build the same database", async () => {
    expect(await checkDrift(inject("adminDatabaseUrl"))).toEqual([]);
  });

  it("report drift when a column is added to the schema without a migration", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "par-drift-"));
    const changed = path.join(dir, "schema.prisma");
    copyFileSync(SCHEMA_PATH, changed);
    const schema = readFileSync(changed, "utf8").replace(
      "model Authority {\n  id        String   @id @default(cuid())",
      "model Authority {\n  id        String   @id @default(cuid())\n  website   String?",
    );
    expect(schema).toContain("website");
    writeFileSync(changed, schema);
    const drift = await checkDrift(inject("adminDatabaseUrl"), changed);
    expect(drift.join("\n")).toContain("Authority.website");
  });

  it("tell `npm start` what is pending, failed or changed", async () => {
    expect(await migrationState(inject("databaseUrl"))).toEqual({ pending: [], failed: [], modified: [] });

    const admin = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
    await admin.connect();
    const name = `state_${Date.now()}`;
    await admin.query(`create database ${name}`);
    try {
      const url = new URL(inject("adminDatabaseUrl"));
      url.pathname = `/${name}`;
      const empty = await migrationState(url.toString());
      expect(empty.pending.length).toBeGreaterThan(0);
      expect(empty.failed).toEqual([]);
    } finally {
      await admin.query(`drop database ${name} with (force)`);
      await admin.end();
    }
  });
});
