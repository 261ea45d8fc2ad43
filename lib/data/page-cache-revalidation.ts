import { getPrisma } from "./prisma";
import { EVERY_PAGE_TAG, LOCK_REVISIONS_SQL, RECORD_REVALIDATION_SQL } from "./page-cache-revisions.mjs";

/**
 * What the console's publication does through revalidatePath, for code that runs outside the web
 * server (the command line, a restore): every app instance on this database renders each cached
 * page again on its next request. Call it after the change has committed.
 */
export async function revalidateEveryPage(): Promise<number> {
  const prisma = getPrisma();
  const [, rows] = await prisma.$transaction([
    prisma.$executeRawUnsafe(LOCK_REVISIONS_SQL),
    prisma.$queryRawUnsafe<{ revision: string }[]>(RECORD_REVALIDATION_SQL, [EVERY_PAGE_TAG]),
  ]);
  return Number(rows[0]?.revision ?? 0);
}
