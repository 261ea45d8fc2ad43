import Decimal from "decimal.js";
import { compareCriterionCodes, leavesOf, type CriterionNode } from "@/lib/scoring/criteria-tree";
import type { NodeScore, UnitScore } from "@/lib/scoring/compute-unit-score";
import { exactMinus, exactSum } from "@/lib/scoring/exact-decimal";

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
  return orderLosses(losses);
}

/**
 * A group's losses summed elsewhere (by the database, per field) in the order every loss list
 * uses: criteria nobody lost points on left out, the largest loss first, ties by code.
 */
export function orderLosses(losses: readonly CriterionLoss[]): CriterionLoss[] {
  return losses.filter((loss) => !loss.lost.isZero()).sort((a, b) => b.lost.comparedTo(a.lost) || compareCriterionCodes(a.code, b.code));
}
