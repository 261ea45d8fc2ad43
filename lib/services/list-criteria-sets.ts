import { criteriaSetLock } from "@/lib/domain/criteria-set-edit-rules";
import { listCriteriaSetRows } from "@/lib/data/criteria-sets";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

export type CriteriaSetListItem = {
  code: string;
  name: string;
  version: number;
  previousVersionCode: string | null;
  nodes: number;
  locked: boolean;
  periods: { code: string; year: number; status: string }[];
  createdAt: Date;
};

/** Every criteria set, newest first, for the list the editor is opened from. */
export async function listCriteriaSets(actor: Actor): Promise<CriteriaSetListItem[]> {
  assertCan(actor, "criteria_set.edit");
  const rows = await listCriteriaSetRows();
  return rows.map((row) => ({
    code: row.code,
    name: row.name,
    version: row.version,
    previousVersionCode: row.previousVersion?.code ?? null,
    nodes: row._count.criteria,
    locked: criteriaSetLock({ code: row.code, lockedAt: row.lockedAt, periods: row.periods }) !== null,
    periods: row.periods,
    createdAt: row.createdAt,
  }));
}
