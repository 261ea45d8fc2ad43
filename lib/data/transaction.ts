import type { Prisma } from "@/lib/generated/prisma/client";
import { getPrisma } from "./prisma";

/** A client bound to one open transaction: data functions take it so services can compose them. */
export type Tx = Prisma.TransactionClient;

/**
 * Runs `work` in one serializable-enough transaction (read committed plus explicit state checks
 * in each use case). Imports of national-scale packages take seconds, hence the long timeout.
 */
export function inTransaction<T>(work: (tx: Tx) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
  return getPrisma().$transaction(work, { timeout: options.timeoutMs ?? 120_000, maxWait: 10_000 });
}
