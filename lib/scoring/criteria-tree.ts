import Decimal from "decimal.js";
import { exactSum, toExact } from "@/lib/scoring/exact-decimal";

export type CriterionMethod = "appraisal" | "survey";

export type CriterionNode = {
  code: string;
  name: string;
  maxPoints: Decimal;
  method: CriterionMethod;
  children: CriterionNode[];
};

export type FlatCriterion = {
  code: string;
  parentCode: string | null;
  name: string;
  maxPoints: Decimal.Value;
  method: CriterionMethod;
  order: number;
};

export type TreeProblemKind = "max-mismatch" | "duplicate-code" | "negative-max" | "invalid-max";

export type TreeProblem = { kind: TreeProblemKind; code: string; message: string };

export class CriteriaTreeError extends Error {
  readonly code = "INVALID_CRITERIA_TREE";
  constructor(
    message: string,
    readonly criterionCode: string,
  ) {
    super(message);
    this.name = "CriteriaTreeError";
  }
}

/** Leaves in document order (depth first, children in their given order). */
export function leavesOf(tree: readonly CriterionNode[]): CriterionNode[] {
  const leaves: CriterionNode[] = [];
  const visit = (node: CriterionNode) => {
    if (node.children.length === 0) leaves.push(node);
    else node.children.forEach(visit);
  };
  tree.forEach(visit);
  return leaves;
}

/** Every node with its depth (1 = field), depth first. */
export function nodesOf(tree: readonly CriterionNode[]): { node: CriterionNode; depth: number }[] {
  const nodes: { node: CriterionNode; depth: number }[] = [];
  const visit = (node: CriterionNode, depth: number) => {
    nodes.push({ node, depth });
    node.children.forEach((child) => visit(child, depth + 1));
  };
  tree.forEach((node) => visit(node, 1));
  return nodes;
}

/** Problems that make the tree unusable for scoring; an empty list means it is valid. */
export function validateTree(tree: readonly CriterionNode[]): TreeProblem[] {
  const problems: TreeProblem[] = [];
  const seen = new Set<string>();
  for (const { node } of nodesOf(tree)) {
    if (seen.has(node.code)) {
      problems.push({ kind: "duplicate-code", code: node.code, message: `Criterion code "${node.code}" is used more than once` });
    }
    seen.add(node.code);

    if (!node.maxPoints.isFinite()) {
      problems.push({ kind: "invalid-max", code: node.code, message: `Criterion "${node.code}" has no valid max points` });
      continue;
    }
    if (node.maxPoints.isNegative() && !node.maxPoints.isZero()) {
      problems.push({
        kind: "negative-max",
        code: node.code,
        message: `Criterion "${node.code}" has negative max points ${node.maxPoints.toString()}`,
      });
    }
    if (node.children.length > 0 && node.children.every((child) => child.maxPoints.isFinite())) {
      const childrenSum = exactSum(node.children.map((child) => child.maxPoints));
      if (!childrenSum.equals(node.maxPoints)) {
        problems.push({
          kind: "max-mismatch",
          code: node.code,
          message: `Criterion "${node.code}" has max points ${node.maxPoints.toString()} but its children sum to ${childrenSum.toString()}`,
        });
      }
    }
  }
  return problems;
}

/**
 * Builds the tree from rows as stored (one row per node with its parent's code). Siblings are
 * ordered by `order`, then by code, so the result does not depend on the order of the rows.
 */
export function buildTree(flatNodes: readonly FlatCriterion[]): CriterionNode[] {
  const byCode = new Map<string, FlatCriterion>();
  for (const row of flatNodes) {
    if (byCode.has(row.code)) throw new CriteriaTreeError(`Criterion code "${row.code}" is used more than once`, row.code);
    byCode.set(row.code, row);
  }
  const childrenOf = new Map<string | null, FlatCriterion[]>();
  for (const row of flatNodes) {
    if (row.parentCode !== null && !byCode.has(row.parentCode)) {
      throw new CriteriaTreeError(`Criterion "${row.code}" refers to unknown parent "${row.parentCode}"`, row.code);
    }
    const siblings = childrenOf.get(row.parentCode) ?? [];
    siblings.push(row);
    childrenOf.set(row.parentCode, siblings);
  }

  let built = 0;
  const build = (row: FlatCriterion): CriterionNode => {
    built += 1;
    return {
      code: row.code,
      name: row.name,
      maxPoints: toExact(row.maxPoints),
      method: row.method,
      children: sortSiblings(childrenOf.get(row.code) ?? []).map(build),
    };
  };
  const tree = sortSiblings(childrenOf.get(null) ?? []).map(build);
  if (built !== flatNodes.length) {
    const reached = new Set(nodesOf(tree).map(({ node }) => node.code));
    const stranded = flatNodes.find((row) => !reached.has(row.code));
    const code = stranded?.code ?? "";
    throw new CriteriaTreeError(`Criterion "${code}" is part of a parent cycle and never reaches a field`, code);
  }
  return tree;
}

/** Orders codes the way people read them: "1.2" before "1.10", segment by segment. */
export function compareCriterionCodes(a: string, b: string): number {
  const left = a.split(".");
  const right = b.split(".");
  for (let i = 0; i < Math.max(left.length, right.length); i += 1) {
    const x = left[i];
    const y = right[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const bothNumeric = /^\d+$/.test(x) && /^\d+$/.test(y);
    if (bothNumeric && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return 0;
}

function sortSiblings(rows: readonly FlatCriterion[]): FlatCriterion[] {
  return [...rows].sort((a, b) => a.order - b.order || compareCriterionCodes(a.code, b.code));
}
