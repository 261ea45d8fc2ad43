import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/review/permissions";
import { currentClient } from "./transaction";

export type UnitOption = { code: string; name: string; dissolved: boolean };

/**
 * The units home affairs picks from in the console's forms, by name: a new officer joins a unit
 * that still exists, while a filter (who was bound to, or acted on, a unit) also needs the
 * dissolved ones. Only the account and audit screens ask, so other roles get none.
 */
export async function listUnitOptions(actor: Actor, options: { includeDissolved?: boolean } = {}): Promise<UnitOption[]> {
  if (!can(actor, "user.manage") && !can(actor, "audit.read")) return [];
  const units = await currentClient().unit.findMany({
    where: options.includeDissolved ? {} : { dissolvedOn: null },
    orderBy: [{ name: "asc" }, { code: "asc" }],
    select: { code: true, name: true, dissolvedOn: true },
  });
  return units.map((unit) => ({ code: unit.code, name: unit.name, dissolved: unit.dissolvedOn !== null }));
}
