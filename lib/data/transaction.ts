import { AsyncLocalStorage } from "node:async_hooks";
import type { Prisma } from "@/lib/generated/prisma/client";
import { getPrisma } from "./prisma";
import { asDatabaseOutage, DatabaseUnavailableError, isDatabaseKnownDown } from "./database-availability";

/** A client bound to one open transaction: data functions take it so services can compose them. */
export type Tx = Prisma.TransactionClient;

const ambient = new AsyncLocalStorage<Tx>();

/** The open transaction of this async context when there is one, so reads see its writes. */
export function currentClient(): Tx {
  return ambient.getStore() ?? getPrisma();
}

/**
 * Runs `work` in one transaction (read committed, with explicit state checks and row locks in
 * each use case). Called inside another inTransaction, it joins that one, so a batch of use
 * cases (the demo seed, say) is all or nothing. National-scale imports take seconds, hence the
 * long default timeout.
 */
export function inTransaction<T>(work: (tx: Tx) => Promise<T>, options: { timeoutMs?: number } = {}): Promise<T> {
  const current = ambient.getStore();
  if (current) return work(current);
  // Opening the transaction is not a query the client's availability watch sees.
  if (isDatabaseKnownDown()) return Promise.reject(new DatabaseUnavailableError());
  return getPrisma()
    .$transaction((tx) => ambient.run(tx, () => work(tx)), {
      timeout: options.timeoutMs ?? 120_000,
      maxWait: 10_000,
    })
    .catch((error: unknown) => {
      throw asDatabaseOutage(error);
    });
}
