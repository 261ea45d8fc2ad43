import { slugify } from "@/lib/domain/slug";
import type { Tx } from "./transaction";

/** Authorities are known by name in results packages; their code is derived from it. */
export async function upsertAuthority(tx: Tx, name: string): Promise<string> {
  const code = slugify(name) || "authority";
  const row = await tx.authority.upsert({ where: { code }, create: { code, name }, update: { name }, select: { id: true } });
  return row.id;
}
