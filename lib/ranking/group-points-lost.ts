import Decimal from "decimal.js";
import { compareCriterionCodes, leavesOf, type CriterionNode } from "@/lib/scoring/criteria-tree";
import type { NodeScore, UnitScore } from "@/lib/scoring/compute-unit-score";
import { assertExact, exactMinus, exactSum, toExact } from "@/lib/scoring/exact-decimal";

export type CriterionLoss = {
  code: string;
  name: string;
  /** Sum over the group's units of (applicable max − points). */
  lost: Decimal;
  /** Sum of the criterion's applicable max over the units, so a share lost can be shown. */
  applicableMax: Decimal;
  /** Units that lost any points on it. */
  unitsLosing: number;
};

export type GroupPointsLost = { leaves: CriterionLoss[]; fields: CriterionLoss[] };

/**
 * Where a group lost its points — what provinces order units to fix. Criteria nobody lost
 * points on are left out; the largest loss comes first, ties by criterion code.
 */
export function computeGroupPointsLost(tree: readonly CriterionNode[], scores: readonly UnitScore[]): GroupPointsLost {
  return { leaves: lossesOf(leavesOf(tree), scores), fields: lossesOf(tree, scores) };
}

function lossesOf(nodes: readonly CriterionNode[], scores: readonly UnitScore[]): CriterionLoss[] {
  const losses: CriterionLoss[] = [];
  for (const node of nodes) {
    const perUnit = scores
      .map((score) => score.nodes.get(node.code))
      .filter((nodeScore): nodeScore is NodeScore => nodeScore !== undefined && !nodeScore.notApplicable);
    const lostPerUnit = perUnit.map((nodeScore) => exactMinus(nodeScore.applicableMax, nodeScore.points));
    const lost = exactSum(lostPerUnit);
    if (lost.isZero()) continue;
    losses.push({
      code: node.code,
      name: node.name,
      lost,
      applicableMax: exactSum(perUnit.map((nodeScore) => nodeScore.applicableMax)),
      unitsLosing: lostPerUnit.filter((unitLost) => !unitLost.isZero()).length,
    });
  }
  return losses.sort((a, b) => b.lost.comparedTo(a.lost) || compareCriterionCodes(a.code, b.code));
}

/**
 * Field losses of a group from each unit's field totals, the same figures computeGroupPointsLost
 * gives for fields: a unit loses on a field when its points there are below the field's
 * applicable max.
 */
export function groupFieldLosses(
  unitFields: readonly { code: string; name: string; points: Decimal; applicableMax: Decimal; notApplicable: boolean }[][],
): CriterionLoss[] {
  const fields = new Map<string, CriterionLoss>();
  for (const unit of unitFields) {
    for (const field of unit) {
      if (field.notApplicable) continue;
      const lost = exactMinus(field.applicableMax, field.points);
      const entry = fields.get(field.code);
      if (!entry) {
        fields.set(field.code, { code: field.code, name: field.name, lost, applicableMax: toExact(field.applicableMax), unitsLosing: lost.isZero() ? 0 : 1 });
        continue;
      }
      entry.lost = assertExact(entry.lost.plus(lost), "sum");
      entry.applicableMax = assertExact(entry.applicableMax.plus(field.applicableMax), "sum");
      entry.unitsLosing += lost.isZero() ? 0 : 1;
    }
  }
  return [...fields.values()]
    .filter((field) => !field.lost.isZero())
    .sort((a, b) => b.lost.comparedTo(a.lost) || compareCriterionCodes(a.code, b.code));
}
