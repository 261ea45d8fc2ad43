import Decimal from "decimal.js";
import { buildTree, type CriterionMethod, type CriterionNode, type FlatCriterion } from "@/lib/scoring/criteria-tree";
import { computeUnitScore, type LeafScore } from "@/lib/scoring/compute-unit-score";
import { exactMinus, exactSum, exactTimes, toExact } from "@/lib/scoring/exact-decimal";
import { fraction, roundFraction } from "@/lib/scoring/fraction";

/** One leaf's stored score: the council's appraisal (what is published) and the unit's own claim. */
export type LeafScoreRecord = {
  code: string;
  appraisedPoints: Decimal.Value | null;
  notApplicable: boolean;
  selfPoints: Decimal.Value | null;
  selfNotApplicable: boolean;
  appraisalReason: string | null;
};

/** A node of the tree with the unit's points; decimals as plain exact strings ("12.5", "0"). */
export type CriterionBreakdownRow = {
  code: string;
  name: string;
  /** 1 = field (lĩnh vực), 2 = criterion, 3 = sub-criterion. */
  depth: number;
  isLeaf: boolean;
  method: CriterionMethod;
  fieldCode: string;
  maxPoints: string;
  /** The node's max without its not-applicable leaves; "0" when the whole node is not applicable. */
  applicableMax: string;
  points: string;
  /** applicableMax − points. */
  lost: string;
  notApplicable: boolean;
  /** The unit's own claim on a leaf; null on parents and on leaves it made no claim on (survey leaves). */
  self: { points: string | null; notApplicable: boolean } | null;
};

export type LeafPointsLostRow = {
  code: string;
  name: string;
  fieldCode: string;
  fieldName: string;
  points: string;
  applicableMax: string;
  lost: string;
};

/** A leaf where the council did not simply recognise the unit's claim. */
export type SelfAppraisalDifference = {
  code: string;
  name: string;
  fieldCode: string;
  maxPoints: string;
  selfPoints: string | null;
  selfNotApplicable: boolean;
  appraisedPoints: string;
  notApplicable: boolean;
  /** appraised − self when both are points; null when either side is not applicable. */
  difference: string | null;
  reason: string | null;
};

export type SelfAppraisalComparison = {
  /** Points the unit claimed on the leaves it did not claim not applicable. */
  selfTotal: string;
  /**
   * Appraised points on the same claimed leaves (survey leaves, which a unit cannot claim, are left
   * out of both sides, so that the two totals compare like with like).
   */
  appraisedTotal: string;
  /** Leaves the unit made a claim on (points or not applicable). */
  claimedLeaves: number;
  differences: SelfAppraisalDifference[];
};

export type UnitCriterionBreakdown = {
  total: string;
  applicableMax: string;
  /** Depth-1 totals, to be checked against the published snapshot before anything is shown. */
  fields: { code: string; points: string; applicableMax: string }[];
  /** Every node, depth first in the tree's order. */
  rows: CriterionBreakdownRow[];
  /** Applicable leaves that lost points, largest loss first, ties by code; not-applicable leaves left out. */
  pointsLost: LeafPointsLostRow[];
  selfAppraisal: SelfAppraisalComparison;
};

/**
 * A unit's published score broken down to every criterion, from the frozen leaf scores of its
 * period. The roll-up and the loss order come from computeUnitScore, the same code the publication
 * used, so the breakdown cannot drift from the published totals by a different rule.
 */
export function unitCriterionBreakdown(criteria: readonly FlatCriterion[], scores: readonly LeafScoreRecord[]): UnitCriterionBreakdown {
  const tree = buildTree(criteria);
  const byCode = new Map(scores.map((score) => [score.code, score]));
  const leafScores = new Map<string, LeafScore>(
    scores.map((score) => [
      score.code,
      { points: score.appraisedPoints === null ? null : toExact(score.appraisedPoints), notApplicable: score.notApplicable },
    ]),
  );
  const unitScore = computeUnitScore(tree, leafScores);

  const rows: CriterionBreakdownRow[] = [];
  const leaves: { node: CriterionNode; field: CriterionNode }[] = [];
  const visit = (node: CriterionNode, depth: number, field: CriterionNode) => {
    const score = unitScore.nodes.get(node.code)!;
    const isLeaf = node.children.length === 0;
    rows.push({
      code: node.code,
      name: node.name,
      depth,
      isLeaf,
      method: node.method,
      fieldCode: field.code,
      maxPoints: score.maxPoints.toFixed(),
      applicableMax: score.applicableMax.toFixed(),
      points: score.points.toFixed(),
      lost: exactMinus(score.applicableMax, score.points).toFixed(),
      notApplicable: score.notApplicable,
      self: isLeaf ? selfClaim(byCode.get(node.code)) : null,
    });
    if (isLeaf) leaves.push({ node, field });
    node.children.forEach((child) => visit(child, depth + 1, field));
  };
  tree.forEach((field) => visit(field, 1, field));

  const fieldOf = new Map(leaves.map(({ node, field }) => [node.code, field]));
  const pointsLost = unitScore.pointsLost.map((loss): LeafPointsLostRow => {
    const field = fieldOf.get(loss.code)!;
    const points = unitScore.nodes.get(loss.code)!.points;
    return {
      code: loss.code,
      name: loss.name,
      fieldCode: field.code,
      fieldName: field.name,
      points: points.toFixed(),
      applicableMax: loss.maxPoints.toFixed(),
      lost: loss.lost.toFixed(),
    };
  });

  return {
    total: unitScore.total.toFixed(),
    applicableMax: unitScore.applicableMax.toFixed(),
    fields: unitScore.fields.map((field) => ({ code: field.code, points: field.points.toFixed(), applicableMax: field.applicableMax.toFixed() })),
    rows,
    pointsLost,
    selfAppraisal: compareSelfWithAppraisal(leaves, byCode, unitScore.nodes),
  };
}

function selfClaim(record: LeafScoreRecord | undefined): CriterionBreakdownRow["self"] {
  if (!record) return null;
  if (record.selfNotApplicable) return { points: null, notApplicable: true };
  return record.selfPoints === null ? null : { points: toExact(record.selfPoints).toFixed(), notApplicable: false };
}

function compareSelfWithAppraisal(
  leaves: readonly { node: CriterionNode; field: CriterionNode }[],
  records: ReadonlyMap<string, LeafScoreRecord>,
  nodes: ReadonlyMap<string, { points: Decimal; notApplicable: boolean }>,
): SelfAppraisalComparison {
  const claimed: Decimal[] = [];
  const appraised: Decimal[] = [];
  const differences: SelfAppraisalDifference[] = [];
  let claimedLeaves = 0;
  for (const { node, field } of leaves) {
    const record = records.get(node.code);
    const score = nodes.get(node.code)!;
    // Survey leaves and leaves a unit left blank carry no claim: there is nothing to set against.
    const selfPoints = record?.selfPoints == null ? null : toExact(record.selfPoints);
    const selfNotApplicable = record?.selfNotApplicable ?? false;
    if (selfPoints === null && !selfNotApplicable) continue;
    claimedLeaves += 1;
    if (!selfNotApplicable && selfPoints !== null) claimed.push(selfPoints);
    if (!score.notApplicable) appraised.push(score.points);

    const same =
      selfNotApplicable === score.notApplicable && (score.notApplicable || (selfPoints !== null && selfPoints.equals(score.points)));
    if (same) continue;
    differences.push({
      code: node.code,
      name: node.name,
      fieldCode: field.code,
      maxPoints: toExact(node.maxPoints).toFixed(),
      selfPoints: selfNotApplicable || selfPoints === null ? null : selfPoints.toFixed(),
      selfNotApplicable,
      appraisedPoints: score.points.toFixed(),
      notApplicable: score.notApplicable,
      difference: !selfNotApplicable && !score.notApplicable && selfPoints !== null ? exactMinus(score.points, selfPoints).toFixed() : null,
      reason: record?.appraisalReason ?? null,
    });
  }
  return { selfTotal: exactSum(claimed).toFixed(), appraisedTotal: exactSum(appraised).toFixed(), claimedLeaves, differences };
}

/**
 * Whether leaf scores roll up to exactly the fields a publication printed. A breakdown that does not
 * (scores corrected after publishing, before the erratum is published) must not be shown next to it.
 */
export function breakdownMatchesPublished(
  breakdown: Pick<UnitCriterionBreakdown, "fields">,
  published: readonly { code: string; points: string; applicableMax: string }[],
): boolean {
  if (breakdown.fields.length !== published.length) return false;
  return breakdown.fields.every((field, position) => {
    const other = published[position]!;
    return other.code === field.code && toExact(other.points).equals(field.points) && toExact(other.applicableMax).equals(field.applicableMax);
  });
}

/**
 * points / applicableMax × 100, half-up to `decimals` places from the exact fraction (a quotient
 * first rounded to some precision could round a second time the wrong way); null when nothing
 * was applicable.
 */
export function shareOfMax(points: Decimal.Value, applicableMax: Decimal.Value, decimals = 2): string | null {
  const max = toExact(applicableMax);
  if (max.isZero()) return null;
  return roundFraction(fraction(exactTimes(points, 100), max), decimals).toFixed(decimals);
}
