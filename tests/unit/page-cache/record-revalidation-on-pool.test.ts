import net from "node:net";
import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { recordRevalidationOnPool } from "@/lib/data/page-cache-revisions.mjs";

/** A PostgreSQL message: its type byte, its length, its body. */
function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0);
  head.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([head, body]);
}

/**
 * A server that lets the client in (authentication ok, ready for a query) and then, as PostgreSQL
 * restarting would, cuts the connection when the transaction's first statement arrives.
 */
function restartingServer(): Promise<{ port: number; close: () => void }> {
  const server = net.createServer((socket) => {
    let greeted = false;
    socket.on("data", () => {
      if (greeted) return void socket.destroy();
      greeted = true;
      socket.write(Buffer.concat([message("R", Buffer.alloc(4)), message("Z", Buffer.from("I"))]));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve({ port: (server.address() as net.AddressInfo).port, close: () => server.close() })),
  );
}

let cleanup: (() => Promise<void>) | null = null;
afterEach(async () => {
  await cleanup?.();
  cleanup = null;
});

describe("recording a revalidation while PostgreSQL restarts", () => {
  it("fails the recording, keeps the process alive and drops the broken connection", async () => {
    const server = await restartingServer();
    const pool = new pg.Pool({ host: "127.0.0.1", port: server.port, user: "x", database: "x", max: 2 });
    pool.on("error", () => {});
    cleanup = async () => {
      await pool.end().catch(() => {});
      server.close();
    };
    const uncaught: unknown[] = [];
    const keep = (error: unknown) => uncaught.push(error);
    process.on("uncaughtException", keep);
    try {
      await expect(recordRevalidationOnPool(pool, ["_N_T_/[locale]/layout"])).rejects.toThrow(/Connection terminated/);
      // The socket's own 'error', had nobody listened, would arrive as an event after the rejection.
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      process.off("uncaughtException", keep);
    }
    expect(uncaught).toEqual([]);
    expect(pool.totalCount).toBe(0);
  });
});
