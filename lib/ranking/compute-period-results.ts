import Decimal from "decimal.js";
import type { Band } from "@/lib/ranking/assign-band";
import { computeGroupPointsLost, type GroupPointsLost } from "@/lib/ranking/group-points-lost";
import type { PreviousRank } from "@/lib/ranking/rank-change";
import type { TieBreakerKey } from "@/lib/ranking/rank-units";
import { rankPeriod, type GroupRanking, type UnitRanking } from "@/lib/ranking/rank-period";
import { CriteriaTreeError, leavesOf, validateTree, type CriterionMethod, type CriterionNode } from "@/lib/scoring/criteria-tree";
import {
  ScoreInputError,
  computeUnitScore,
  type LeafPointsLost,
  type FieldScore,
  type LeafScore,
  type UnitScore,
} from "@/lib/scoring/compute-unit-score";
import { exactMinus, toExact } from "@/lib/scoring/exact-decimal";

export type PeriodUnitInput = {
  unitCode: string;
  unitName: string;
  groupCode: string;
  /** Codes of units merged into this one since the previous period. */
  predecessors: readonly string[];
  /** Appraised (or survey) points per leaf: the published score. */
  scores: ReadonlyMap<string, LeafScore>;
  /** The unit's own claim per leaf. */
  selfScores?: ReadonlyMap<string, Decimal | null>;
  /** Why the appraised points differ from the claim, per leaf. */
  reasons?: ReadonlyMap<string, string>;
};

export type PeriodResultsInput = {
  criteria: readonly CriterionNode[];
  tieBreakers: readonly TieBreakerKey[];
  bands: readonly Band[];
  units: readonly PeriodUnitInput[];
  previous?: { ranks: readonly PreviousRank[]; groupMeans: ReadonlyMap<string, Decimal> };
};

export type LeafResult = {
  code: string;
  name: string;
  method: CriterionMethod;
  /** Null when not scored yet or not applicable. */
  points: Decimal | null;
  maxPoints: Decimal;
  notApplicable: boolean;
  selfPoints: Decimal | null;
  /** points − selfPoints: negative when the council cut the claim; null unless both exist. */
  adjustment: Decimal | null;
  reason: string | null;
};

export type UnitResult = UnitRanking<FieldScore[]> & {
  leaves: LeafResult[];
  pointsLost: LeafPointsLost[];
};

export type GroupResults = Omit<GroupRanking<FieldScore[]>, "rows"> & {
  /** By rank, then unit code. */
  rows: UnitResult[];
  pointsLost: GroupPointsLost;
};

export type PeriodResults = { groups: GroupResults[] };

/** A unit's scores cannot be used; names both the unit and the criterion. */
export class UnitScoreError extends Error {
  readonly code = "INVALID_UNIT_SCORE";
  constructor(
    readonly unitCode: string,
    readonly criterionCode: string,
    message: string,
    options?: { cause: unknown },
  ) {
    super(`Unit "${unitCode}": ${message}`, options);
    this.name = "UnitScoreError";
  }
}

/**
 * Everything a publication stores for a period: each unit's scores, rank, rank change and band,
 * and each group's statistics. Pure and deterministic: rows, ranks and statistics do not depend
 * on the order of `input.units`; groups are listed in order of their first unit in the input,
 * which lets the caller choose it (e.g. by passing units sorted by the period's group order).
 */
export function computePeriodResults(input: PeriodResultsInput): PeriodResults {
  const problems = validateTree(input.criteria);
  const firstProblem = problems[0];
  if (firstProblem) {
    throw new CriteriaTreeError(problems.map((problem) => problem.message).join("; "), firstProblem.code);
  }
  const leaves = leavesOf(input.criteria);
  const leafCodes = new Set(leaves.map((leaf) => leaf.code));
  for (const unit of input.units) {
    for (const code of [...(unit.selfScores?.keys() ?? []), ...(unit.reasons?.keys() ?? [])]) {
      if (!leafCodes.has(code)) {
        throw new UnitScoreError(unit.unitCode, code, `"${code}" is not a leaf criterion of this criteria set`);
      }
    }
  }
  const scores = new Map(input.units.map((unit) => [unit.unitCode, scoreUnit(input.criteria, unit)]));
  const units = new Map(input.units.map((unit) => [unit.unitCode, unit]));
  const ranking = rankPeriod({
    tieBreakers: input.tieBreakers,
    bands: input.bands,
    previous: input.previous,
    units: input.units.map((unit) => {
      const score = scores.get(unit.unitCode)!;
      return { ...unit, totals: score, fields: score.fields };
    }),
  });
  const groups = ranking.groups.map(
    (group): GroupResults => ({
      ...group,
      rows: group.rows.map((row) => ({
        ...row,
        leaves: leaves.map((leaf) => leafResult(leaf, units.get(row.unitCode)!)),
        pointsLost: scores.get(row.unitCode)!.pointsLost,
      })),
      pointsLost: computeGroupPointsLost(
        input.criteria,
        group.rows.map((row) => scores.get(row.unitCode)!),
      ),
    }),
  );
  return { groups };
}

function scoreUnit(criteria: readonly CriterionNode[], unit: PeriodUnitInput): UnitScore {
  try {
    return computeUnitScore(criteria, unit.scores);
  } catch (error) {
    if (error instanceof ScoreInputError) {
      throw new UnitScoreError(unit.unitCode, error.criterionCode, error.message, { cause: error });
    }
    throw error;
  }
}

function leafResult(leaf: CriterionNode, unit: PeriodUnitInput): LeafResult {
  const score = unit.scores.get(leaf.code);
  const notApplicable = score?.notApplicable ?? false;
  const points = notApplicable || score?.points == null ? null : toExact(score.points);
  const claimed = unit.selfScores?.get(leaf.code);
  const selfPoints = claimed == null ? null : toExact(claimed);
  const maxPoints = toExact(leaf.maxPoints);
  if (selfPoints && (!selfPoints.isFinite() || (selfPoints.isNegative() && !selfPoints.isZero()) || selfPoints.greaterThan(maxPoints))) {
    throw new UnitScoreError(
      unit.unitCode,
      leaf.code,
      `self-assessed points ${selfPoints.toString()} for criterion "${leaf.code}" are outside 0 to ${maxPoints.toString()}`,
    );
  }
  return {
    code: leaf.code,
    name: leaf.name,
    method: leaf.method,
    points,
    maxPoints,
    notApplicable,
    selfPoints,
    adjustment: points && selfPoints ? exactMinus(points, selfPoints) : null,
    reason: unit.reasons?.get(leaf.code) ?? null,
  };
}
