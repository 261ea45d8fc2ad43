import { buildMethodologyTree, type MethodologyCriterionRecord, type MethodologyNode } from "@/lib/domain/methodology-tree";
import type { CriteriaSetProblem } from "@/lib/domain/criteria-set-problems";
import { exactSum, toExact } from "@/lib/scoring/exact-decimal";
import { compareCriterionCodes } from "@/lib/scoring/criteria-tree";

export type EditorCriterionRecord = MethodologyCriterionRecord;

/** A node of the set as the editor shows it. */
export type EditorNode = Omit<MethodologyNode, "children" | "scoringRule"> & {
  /** The stored rule as written, for the edit form. */
  scoringRule: unknown;
  /** The SIPAS source as stored, for the edit form (`sipasInput` is only set where it takes effect). */
  storedSipasInput: string | null;
  /** The rule restated in points (what the methodology page will say); null without a rule. */
  ruleSummary: MethodologyNode["scoringRule"];
  /** Sum of the children's max points; null for a leaf. Differs from maxPoints when there is a problem. */
  childrenSum: string | null;
  /** Score rows on this node and on its subtree: a node with any cannot be deleted. */
  scoredRows: number;
  subtreeScoredRows: number;
  /** Problems found at this node. */
  problems: CriteriaSetProblem[];
  /** Nodes of the previous version this one corresponds to (comparability across years). */
  mappedTo: { code: string; name: string }[];
  children: EditorNode[];
};

/**
 * The editor's tree: the methodology tree (order, levels, appraisal/survey split, rule summary)
 * with what editing needs on every node.
 */
export function buildEditorTree(
  records: readonly EditorCriterionRecord[],
  extra: {
    scoredRows: ReadonlyMap<string, number>;
    problems: readonly CriteriaSetProblem[];
    mappedTo: ReadonlyMap<string, { code: string; name: string }[]>;
  },
): { fields: EditorNode[]; totalMax: string; appraisalMax: string; surveyMax: string; countsByLevel: number[] } {
  const methodology = buildMethodologyTree(records);
  const byCode = new Map(records.map((record) => [record.code, record]));
  const decorate = (node: MethodologyNode): EditorNode => {
    const record = byCode.get(node.code)!;
    const children = node.children.map(decorate);
    const scoredRows = extra.scoredRows.get(record.id) ?? 0;
    const { scoringRule: ruleSummary, ...rest } = node;
    return {
      ...rest,
      scoringRule: record.scoringRule ?? null,
      storedSipasInput: record.sipasInput ?? null,
      ruleSummary,
      childrenSum: children.length ? exactSum(children.map((child) => toExact(child.maxPoints))).toFixed() : null,
      scoredRows,
      subtreeScoredRows: scoredRows + children.reduce((sum, child) => sum + child.subtreeScoredRows, 0),
      problems: extra.problems.filter((problem) => problem.code === node.code),
      mappedTo: extra.mappedTo.get(record.id) ?? [],
      children,
    };
  };
  return {
    fields: methodology.fields.map(decorate),
    totalMax: methodology.totalMax,
    appraisalMax: methodology.appraisalMax,
    surveyMax: methodology.surveyMax,
    countsByLevel: methodology.countsByLevel,
  };
}

/** The children of `parentId` (null: the fields) in the set's order. */
export function siblingsInOrder<T extends { parentId: string | null; code: string; order: number }>(records: readonly T[], parentId: string | null): T[] {
  return records
    .filter((record) => record.parentId === parentId)
    .sort((a, b) => a.order - b.order || compareCriterionCodes(a.code, b.code));
}

/** The node and everything below it. */
export function subtreeOf<T extends { id: string; parentId: string | null }>(records: readonly T[], rootId: string): T[] {
  const subtree: T[] = [];
  const queue = [rootId];
  while (queue.length) {
    const id = queue.shift()!;
    for (const record of records) {
      if (record.id === id) subtree.push(record);
      if (record.parentId === id) queue.push(record.id);
    }
  }
  return subtree;
}

/** A new place in a list of `count` siblings: one step up or down, or an index (clamped). */
export function targetIndex(current: number, count: number, move: { direction?: "up" | "down"; toIndex?: number }): number {
  const wanted = move.direction === "up" ? current - 1 : move.direction === "down" ? current + 1 : (move.toIndex ?? current);
  return Math.min(Math.max(wanted, 0), count - 1);
}
