import { listUnitsQuery, type ListUnitsQuery } from "@/lib/domain/unit-setup-input";
import { foldDiacritics, matchesFoldedQuery } from "@/lib/domain/fold-diacritics";
import { invalidInput, UnitSetupError } from "@/lib/domain/setup-error";
import { listUnitRows } from "@/lib/data/units-admin";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

export type UnitLineageLink = { code: string; name: string; kind: "merge" | "split"; effectiveOn: string; note: string | null };

export type UnitListItem = {
  code: string;
  name: string;
  nameEn: string | null;
  kind: string;
  parentUnit: { code: string; name: string } | null;
  /** YYYY-MM-DD; null while the unit exists. */
  dissolvedOn: string | null;
  /** The group of the latest period that evaluates the unit (by year). */
  latestGroup: { periodCode: string; periodYear: number; periodStatus: string; groupCode: string; groupName: string } | null;
  predecessors: UnitLineageLink[];
  successors: UnitLineageLink[];
  /** The code is on published results and cannot change. */
  codeLocked: boolean;
  /** The form's optimistic lock for updateUnit. */
  updatedAt: Date;
};

/** Units for the admin list, searched by name or code with or without diacritics. */
export async function listUnits(actor: Actor, input: ListUnitsQuery = {}): Promise<UnitListItem[]> {
  assertCan(actor, "unit.edit");
  const parsed = listUnitsQuery.safeParse(input);
  if (!parsed.success) throw invalidInput(UnitSetupError, parsed.error);
  const { query, includeDissolved } = parsed.data;
  const rows = await listUnitRows({ includeDissolved });
  const day = (date: Date) => date.toISOString().slice(0, 10);
  return rows
    .filter((row) => !query || matchesFoldedQuery(foldDiacritics(`${row.code} ${row.name} ${row.nameEn ?? ""}`), query))
    .map((row) => {
      const latest = row.assessments[0];
      return {
        code: row.code,
        name: row.name,
        nameEn: row.nameEn,
        kind: row.kind,
        parentUnit: row.parentUnit,
        dissolvedOn: row.dissolvedOn ? day(row.dissolvedOn) : null,
        latestGroup: latest
          ? { periodCode: latest.period.code, periodYear: latest.period.year, periodStatus: latest.period.status, groupCode: latest.group.code, groupName: latest.group.name }
          : null,
        predecessors: row.predecessorLinks.map((link) => ({ ...link.predecessor, kind: link.kind, effectiveOn: day(link.effectiveOn), note: link.note })),
        successors: row.successorLinks.map((link) => ({ ...link.successor, kind: link.kind, effectiveOn: day(link.effectiveOn), note: link.note })),
        codeLocked: row._count.publishedResults > 0 || latest?.period.status === "published",
        updatedAt: row.updatedAt,
      };
    });
}
