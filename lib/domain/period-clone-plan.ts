/** A unit as a period clone sees it: evaluated last year, perhaps dissolved since. */
export type CloneSourceUnit = { unitId: string; unitCode: string; groupId: string };

export type CloneUnitState = { code: string; dissolved: boolean };

export type ClonedUnit = {
  unitId: string;
  groupId: string;
  /** Codes of last year's units this one stands in for (after a merge or split); empty for itself. */
  replaces: string[];
};

export type CloneSkip = { unitCode: string; reason: "dissolved_without_successor" };

/**
 * Which units a period cloned from last year's evaluates, in which group: last year's units that
 * still exist keep their group; a dissolved unit is replaced by its successors (following the
 * lineage through later merges and splits) in its group, unless a successor is already evaluated
 * in its own group; a dissolved unit with no living successor is left out and reported.
 */
export function planClonedUnits(
  source: readonly CloneSourceUnit[],
  units: ReadonlyMap<string, CloneUnitState>,
  successorsOf: ReadonlyMap<string, readonly string[]>,
): { units: ClonedUnit[]; skipped: CloneSkip[] } {
  const planned = new Map<string, ClonedUnit>();
  const dissolved: CloneSourceUnit[] = [];
  // Living units first, so a successor that was evaluated last year keeps its own group.
  for (const entry of source) {
    if (units.get(entry.unitId)?.dissolved) dissolved.push(entry);
    else if (!planned.has(entry.unitId)) planned.set(entry.unitId, { unitId: entry.unitId, groupId: entry.groupId, replaces: [] });
  }
  const skipped: CloneSkip[] = [];
  for (const entry of dissolved) {
    const living = livingSuccessors(entry.unitId, units, successorsOf);
    if (living.length === 0) {
      skipped.push({ unitCode: entry.unitCode, reason: "dissolved_without_successor" });
      continue;
    }
    for (const unitId of living) {
      const existing = planned.get(unitId);
      if (existing) existing.replaces.push(entry.unitCode);
      else planned.set(unitId, { unitId, groupId: entry.groupId, replaces: [entry.unitCode] });
    }
  }
  return { units: [...planned.values()], skipped };
}

function livingSuccessors(
  unitId: string,
  units: ReadonlyMap<string, CloneUnitState>,
  successorsOf: ReadonlyMap<string, readonly string[]>,
): string[] {
  const living: string[] = [];
  const seen = new Set([unitId]);
  const queue = [...(successorsOf.get(unitId) ?? [])];
  while (queue.length > 0) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    if (units.get(next)?.dissolved) queue.push(...(successorsOf.get(next) ?? []));
    else living.push(next);
  }
  return living;
}
