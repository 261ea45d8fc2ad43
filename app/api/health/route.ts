import { NextResponse } from "next/server";
import { checkDatabaseHealth } from "@/lib/data/database-health";

export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabaseHealth();
  const body = database.up
    ? { status: "ok", database: { status: "up", latencyMs: database.latencyMs, migrationsApplied: database.migrations } }
    : { status: "unavailable", database: { status: "down", reason: database.reason } };
  return NextResponse.json(body, { status: database.up ? 200 : 503, headers: { "cache-control": "no-store" } });
}
