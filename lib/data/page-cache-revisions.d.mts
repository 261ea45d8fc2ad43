// Types of page-cache-revisions.mjs for the TypeScript side (the project compiles no JavaScript).
export declare const EVERY_PAGE_TAG: string;
export declare const LOCK_REVISIONS_SQL: string;
export declare const RECORD_REVALIDATION_SQL: string;
export declare const READ_REVISIONS_SQL: string;

export type PageCacheRevisions = { newest: number; byTag: Map<string, number> };

export declare function recordRevalidation(
  client: { query: (text: string, values?: unknown[]) => Promise<{ rows: Array<Record<string, unknown>> }> },
  tags: string[],
): Promise<number>;
export declare function recordRevalidationOnPool(pool: import("pg").Pool, tags: string[]): Promise<number>;
export declare function revisionsFromRows(rows: Array<{ tag: unknown; revision: unknown }>): PageCacheRevisions;
export declare function isStillCurrent(revisions: PageCacheRevisions, tags: string[], renderedAt: number): boolean;
