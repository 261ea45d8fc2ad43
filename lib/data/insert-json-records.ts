import type { Tx } from "./transaction";

/**
 * Inserts many rows with one statement per chunk: the rows travel as one JSON parameter that
 * `sql` unpacks with json_to_recordset($1::json) (extra parameters follow as $2, $3, …). Tens of
 * thousands of rows take one round trip instead of one each, and the driver converts one string
 * instead of every value. `toRecord` runs chunk by chunk, so a national package's records are
 * never all in memory at once.
 */
export async function insertJsonRecords<T>(
  tx: Tx,
  sql: string,
  rows: readonly T[],
  toRecord: (row: T) => object,
  options: { chunk?: number; parameters?: unknown[]; onChunk?: (done: number) => void } = {},
): Promise<void> {
  const size = options.chunk ?? 20_000;
  for (let start = 0; start < rows.length; start += size) {
    const json = JSON.stringify(rows.slice(start, start + size).map(toRecord));
    await tx.$executeRawUnsafe(sql, json, ...(options.parameters ?? []));
    options.onChunk?.(Math.min(start + size, rows.length));
  }
}
