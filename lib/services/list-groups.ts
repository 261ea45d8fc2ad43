import { listGroupRows } from "@/lib/data/units-admin";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

export type GroupListItem = {
  code: string;
  name: string;
  nameEn: string | null;
  order: number;
  /** How many assessments (unit × period) use the group. */
  assessments: number;
  published: boolean;
};

/** The peer groups (khối) in their display order. */
export async function listGroups(actor: Actor): Promise<GroupListItem[]> {
  assertCan(actor, "unit.edit");
  const rows = await listGroupRows();
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    nameEn: row.nameEn,
    order: row.order,
    assessments: row._count.assessments,
    published: row._count.publishedResults > 0,
  }));
}
