import { buildEditorTree, siblingsInOrder, type EditorNode } from "@/lib/domain/criteria-set-editor-view";
import { criteriaSetLock, criteriaSetNotFound, type CriteriaSetLock } from "@/lib/domain/criteria-set-edit-rules";
import { criteriaSetProblems, type CriteriaSetProblem } from "@/lib/domain/criteria-set-problems";
import { loadCriteriaSetEditorData, toCheckRows } from "@/lib/data/criteria-sets";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

export type CriteriaSetVersionRef = { code: string; name: string; version: number };

export type CriteriaSetEditorView = {
  set: { code: string; name: string; version: number; createdAt: Date; lockedAt: Date | null };
  /** Null when the tree may be edited; otherwise why not, in both languages (then offer "new version"). */
  lock: CriteriaSetLock | null;
  previousVersion: CriteriaSetVersionRef | null;
  nextVersions: CriteriaSetVersionRef[];
  periods: { code: string; name: string; year: number; status: string }[];
  tree: { fields: EditorNode[]; totalMax: string; appraisalMax: string; surveyMax: string; countsByLevel: number[] };
  /** Every problem; empty when a period may open on the set. */
  problems: CriteriaSetProblem[];
  /**
   * Comparability with the previous version: each node's counterparts are on the node
   * (`mappedTo`); these are the previous version's fields that nothing in this set continues.
   */
  unmappedPreviousFields: { code: string; name: string }[];
};

/** The criteria set editor page: tree with max points, methods, rules, problems, lock and mapping. */
export async function loadCriteriaSetEditor(actor: Actor, code: string): Promise<CriteriaSetEditorView> {
  assertCan(actor, "criteria_set.edit");
  const data = await loadCriteriaSetEditorData(code.trim());
  if (!data) throw criteriaSetNotFound(code);
  const { set, criteria, previousCriteria, mappings, scoredRows } = data;

  const problems = criteriaSetProblems(toCheckRows(criteria));
  const own = new Set(criteria.map((criterion) => criterion.id));
  const previousById = new Map(previousCriteria.map((criterion) => [criterion.id, criterion]));
  const mappedTo = new Map<string, { code: string; name: string }[]>();
  const continued = new Set<string>();
  for (const mapping of mappings) {
    // A mapping may have been declared either way round: it says the two nodes correspond.
    const [mine, theirs] = own.has(mapping.fromCriterionId)
      ? [mapping.fromCriterionId, mapping.toCriterionId]
      : [mapping.toCriterionId, mapping.fromCriterionId];
    const previous = previousById.get(theirs);
    if (!previous) continue;
    continued.add(previous.id);
    mappedTo.set(mine, [...(mappedTo.get(mine) ?? []), { code: previous.code, name: previous.name }]);
  }

  return {
    set: { code: set.code, name: set.name, version: set.version, createdAt: set.createdAt, lockedAt: set.lockedAt },
    lock: criteriaSetLock({ code: set.code, lockedAt: set.lockedAt, periods: set.periods }),
    previousVersion: set.previousVersion ? { code: set.previousVersion.code, name: set.previousVersion.name, version: set.previousVersion.version } : null,
    nextVersions: set.nextVersions,
    periods: set.periods,
    tree: buildEditorTree(criteria, { scoredRows, problems, mappedTo }),
    problems,
    unmappedPreviousFields: siblingsInOrder(previousCriteria, null)
      .filter((field) => !continued.has(field.id))
      .map((field) => ({ code: field.code, name: field.name })),
  };
}
