import Decimal from "decimal.js";
import { CriteriaTreeError, compareCriterionCodes, type CriterionNode } from "@/lib/scoring/criteria-tree";
import { ExactDecimal, exactMinus, exactSum, exactTimes, toExact } from "@/lib/scoring/exact-decimal";
import { fraction, roundFraction, type Fraction } from "@/lib/scoring/fraction";

/** `points: null` (or no entry at all) means not scored yet and counts as 0 while a period is in progress. */
export type LeafScore = { points: Decimal | null; notApplicable: boolean };

/**
 * The index as the exact fraction `total × 100 / applicableMax` (0/1 when nothing is applicable).
 * See Fraction for why it is not a decimal: 200/3 must never tie with its 20-digit rounding.
 */
export type ExactIndex = Fraction;

export type NodeScore = {
  points: Decimal;
  maxPoints: Decimal;
  applicableMax: Decimal;
  /** Every leaf below is not applicable, so the node is left out of this unit's evaluation. */
  notApplicable: boolean;
};

export type FieldScore = {
  code: string;
  name: string;
  points: Decimal;
  maxPoints: Decimal;
  applicableMax: Decimal;
  notApplicable: boolean;
};

export type LeafPointsLost = { code: string; name: string; lost: Decimal; maxPoints: Decimal };

/** What ranking needs of a unit's score, however it was summed (from leaves or by the database). */
export type UnitTotals = {
  total: Decimal;
  applicableMax: Decimal;
  index: ExactIndex;
  appraisalPoints: Decimal;
  surveyPoints: Decimal;
};

export type UnitScore = UnitTotals & {
  /** Depth-1 nodes in tree order; their points sum exactly to `total`. */
  fields: FieldScore[];
  nodes: Map<string, NodeScore>;
  /** Applicable leaves that lost points, largest loss first, ties by code. */
  pointsLost: LeafPointsLost[];
};

export type ScoreInputProblem = "points-out-of-range" | "invalid-points" | "unknown-criterion";

export class ScoreInputError extends Error {
  readonly code = "INVALID_SCORE";
  constructor(
    readonly problem: ScoreInputProblem,
    readonly criterionCode: string,
    message: string,
  ) {
    super(message);
    this.name = "ScoreInputError";
  }
}

export function exactIndex(total: Decimal.Value, applicableMax: Decimal.Value): ExactIndex {
  const max = toExact(applicableMax);
  if (max.isZero()) return fraction(0, 1);
  return fraction(exactTimes(total, 100), max);
}

/**
 * The index as pages show it (2 decimals, half-up) from a stored total and applicable max: rounded
 * once from the exact fraction, never from the stored 4-decimal index.
 */
export function displayIndex(total: Decimal.Value, applicableMax: Decimal.Value): string {
  return indexValue(exactIndex(total, applicableMax), 2).toFixed(2);
}

/** The index rounded half-up to `decimals` places: 4 for storage and the API, 2 for display. */
export function indexValue(value: ExactIndex | { index: ExactIndex }, decimals: number): Decimal {
  return roundFraction("index" in value ? value.index : value, decimals);
}

/**
 * Rolls leaf points up the tree. Points outside [0, leaf max] are rejected, not clamped:
 * callers validate input first, and a clamped score would publish a number nobody entered.
 */
export function computeUnitScore(tree: readonly CriterionNode[], scores: ReadonlyMap<string, LeafScore>): UnitScore {
  const nodes = new Map<string, NodeScore>();
  const leafNames = new Map<string, string>();
  let appraisalPoints: Decimal = new ExactDecimal(0);
  let surveyPoints: Decimal = new ExactDecimal(0);

  const visit = (node: CriterionNode): NodeScore => {
    if (nodes.has(node.code)) throw new CriteriaTreeError(`Criterion code "${node.code}" is used more than once`, node.code);
    let result: NodeScore;
    if (node.children.length === 0) {
      leafNames.set(node.code, node.name);
      result = scoreLeaf(node, scores.get(node.code));
      if (!result.notApplicable) {
        if (node.method === "survey") surveyPoints = surveyPoints.plus(result.points);
        else appraisalPoints = appraisalPoints.plus(result.points);
      }
    } else {
      const children = node.children.map(visit);
      result = {
        points: exactSum(children.map((child) => child.points)),
        maxPoints: toExact(node.maxPoints),
        applicableMax: exactSum(children.map((child) => child.applicableMax)),
        notApplicable: children.every((child) => child.notApplicable),
      };
    }
    nodes.set(node.code, result);
    return result;
  };
  const fieldScores = tree.map(visit);

  for (const code of scores.keys()) {
    if (!leafNames.has(code)) {
      throw new ScoreInputError("unknown-criterion", code, `"${code}" is not a leaf criterion of this criteria set`);
    }
  }

  const fields = tree.map((node, i) => {
    const score = fieldScores[i] as NodeScore;
    return { code: node.code, name: node.name, ...score };
  });
  const total = exactSum(fields.map((field) => field.points));
  const applicableMax = exactSum(fields.map((field) => field.applicableMax));

  const pointsLost: LeafPointsLost[] = [];
  for (const [code, name] of leafNames) {
    const leaf = nodes.get(code) as NodeScore;
    if (leaf.notApplicable) continue;
    const lost = exactMinus(leaf.applicableMax, leaf.points);
    if (lost.isZero()) continue;
    pointsLost.push({ code, name, lost, maxPoints: leaf.applicableMax });
  }
  pointsLost.sort((a, b) => b.lost.comparedTo(a.lost) || compareCriterionCodes(a.code, b.code));

  return {
    total,
    applicableMax,
    index: exactIndex(total, applicableMax),
    appraisalPoints,
    surveyPoints,
    fields,
    nodes,
    pointsLost,
  };
}

function scoreLeaf(node: CriterionNode, score: LeafScore | undefined): NodeScore {
  const maxPoints = toExact(node.maxPoints);
  if (score?.notApplicable) {
    return { points: new ExactDecimal(0), maxPoints, applicableMax: new ExactDecimal(0), notApplicable: true };
  }
  const points = score?.points == null ? new ExactDecimal(0) : toExact(score.points);
  if (!points.isFinite()) {
    throw new ScoreInputError("invalid-points", node.code, `Points for criterion "${node.code}" are not a number`);
  }
  if (points.isNegative() && !points.isZero()) {
    throw new ScoreInputError("points-out-of-range", node.code, `Points ${points.toString()} for criterion "${node.code}" are negative`);
  }
  if (points.greaterThan(maxPoints)) {
    throw new ScoreInputError(
      "points-out-of-range",
      node.code,
      `Points ${points.toString()} for criterion "${node.code}" exceed its max ${maxPoints.toString()}`,
    );
  }
  return { points, maxPoints, applicableMax: maxPoints, notApplicable: false };
}
