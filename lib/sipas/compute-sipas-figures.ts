import type { SipasQuestionnaire } from "@/lib/sipas/questionnaire";
import {
  add,
  divide,
  isZero,
  multiply,
  rational,
  rationalFromDecimal,
  roundRational,
  squareRoot,
  subtract,
  toRootDecimal,
  RootDecimal,
  ZERO,
  type Rational,
} from "@/lib/sipas/sipas-rational";

/**
 * How a unit's satisfaction figures are computed from its accepted responses. Every figure is a
 * percentage (0–100) as an exact decimal string rounded half-up to 4 decimals, once, at the end.
 */

/** One respondent's answers: question code → a whole number on the questionnaire's scale. */
export type SipasResponseAnswers = ReadonlyMap<string, number>;

export type SipasQuestionFigure = {
  code: string;
  elementCode: string;
  /** Null when nobody answered the question (an optional one). */
  index: string | null;
  answers: number;
};

export type SipasElementFigure = {
  code: string;
  index: string | null;
  /** Respondents who answered at least one of the element's questions. */
  responses: number;
  answers: number;
};

export type SipasUnitFigures = {
  /** Null only when no response answered any question of an element that carries weight. */
  index: string | null;
  responses: number;
  /** 95 % confidence interval, null with fewer than 2 respondents. */
  ciLow: string | null;
  ciHigh: string | null;
  smallSample: boolean;
  questions: SipasQuestionFigure[];
  elements: SipasElementFigure[];
};

export class SipasComputationError extends Error {
  readonly code = "SIPAS_COMPUTATION";
  constructor(message: string) {
    super(message);
    this.name = "SipasComputationError";
  }
}

const PLACES = 4;
const HUNDRED = rational(100n);
/** The two-sided 95 % quantile of the normal distribution. */
const Z_95 = "1.96";

/**
 * Each answer scores a number in [0, 1] as the integer ratio `points / span`: with
 * "share_satisfied" 1 when the answer is at or above `satisfiedFrom` (span 1), with "mean_scaled"
 * (value − min) over (max − min). An index is then 100 × Σ points / (span × answers): the share of
 * satisfied answers, or the mean answer mapped linearly onto 0–100.
 */
function scorer(questionnaire: SipasQuestionnaire): { points: (value: number) => bigint; span: bigint } {
  const { min, max, satisfiedFrom } = questionnaire.scale;
  if (questionnaire.indexMethod === "share_satisfied") return { points: (value) => (value >= satisfiedFrom ? 1n : 0n), span: 1n };
  if (max <= min) throw new SipasComputationError(`The scale ${min}–${max} has no range to map onto 0–100`);
  return { points: (value) => BigInt(value - min), span: BigInt(max - min) };
}

type Tally = { points: bigint; answers: number };

function tallyIndex(tally: Tally, span: bigint): Rational | null {
  return tally.answers ? multiply(HUNDRED, rational(tally.points, span * BigInt(tally.answers))) : null;
}

function rounded(value: Rational | null): string | null {
  return value ? roundRational(value, PLACES) : null;
}

/**
 * A unit's figures from its accepted responses (order does not matter).
 *
 * - Question and element indices pool every answer given to them (an element's index is over all
 *   answers to its questions, so a respondent who answered more of them counts more there).
 * - The overall index is the mean of the element indices weighted by the element weights. An
 *   element nobody answered (only optional questions, all skipped) has no index: it is left out
 *   and the remaining weights are renormalised, rather than counting it as 0 % satisfied.
 * - The 95 % confidence interval is the normal approximation over respondents: each respondent's
 *   own score is computed like the overall index from their answers only; with s the sample
 *   standard deviation of those scores over the n respondents who have one, the interval is
 *   index ± 1.96 × s / √n, clamped to [0, 100]. It is null below 2 respondents, where s is
 *   undefined. It measures sampling noise only, not bias in who answered.
 */
export function computeSipasFigures(questionnaire: SipasQuestionnaire, responses: readonly SipasResponseAnswers[]): SipasUnitFigures {
  const { points, span } = scorer(questionnaire);
  const { min, max } = questionnaire.scale;
  const elementOf = new Map<string, number>();
  questionnaire.elements.forEach((element, position) => {
    for (const question of element.questions) elementOf.set(question.code, position);
  });
  const weights = questionnaire.elements.map((element) => {
    const weight = rationalFromDecimal(element.weight);
    if (weight.n < 0n) throw new SipasComputationError(`Element ${element.code} has a negative weight`);
    return weight;
  });

  const questionTallies = new Map<string, Tally>();
  const elementTallies = questionnaire.elements.map((): Tally & { responses: number } => ({ points: 0n, answers: 0, responses: 0 }));
  const respondentScores: Rational[] = [];

  for (const response of responses) {
    const own = questionnaire.elements.map((): Tally => ({ points: 0n, answers: 0 }));
    for (const [code, value] of response) {
      const position = elementOf.get(code);
      if (position === undefined) throw new SipasComputationError(`Answer to unknown question ${code}`);
      if (!Number.isInteger(value) || value < min || value > max) throw new SipasComputationError(`Answer ${value} to ${code} is off the scale ${min}–${max}`);
      const scored = points(value);
      const question = questionTallies.get(code) ?? { points: 0n, answers: 0 };
      question.points += scored;
      question.answers += 1;
      questionTallies.set(code, question);
      const tally = own[position]!;
      tally.points += scored;
      tally.answers += 1;
    }
    own.forEach((tally, position) => {
      if (!tally.answers) return;
      const element = elementTallies[position]!;
      element.points += tally.points;
      element.answers += tally.answers;
      element.responses += 1;
    });
    const score = weightedMean(own.map((tally) => tallyIndex(tally, span)), weights);
    if (score) respondentScores.push(score);
  }

  const elementIndices = elementTallies.map((tally) => tallyIndex(tally, span));
  const index = weightedMean(elementIndices, weights);
  const interval = index ? confidenceInterval(index, respondentScores) : null;

  return {
    index: rounded(index),
    responses: responses.length,
    ciLow: interval?.low ?? null,
    ciHigh: interval?.high ?? null,
    smallSample: responses.length < questionnaire.smallSampleThreshold,
    questions: questionnaire.elements.flatMap((element) =>
      element.questions.map((question) => {
        const tally = questionTallies.get(question.code) ?? { points: 0n, answers: 0 };
        return { code: question.code, elementCode: element.code, index: rounded(tallyIndex(tally, span)), answers: tally.answers };
      }),
    ),
    elements: questionnaire.elements.map((element, position) => ({
      code: element.code,
      index: rounded(elementIndices[position] ?? null),
      responses: elementTallies[position]!.responses,
      answers: elementTallies[position]!.answers,
    })),
  };
}

/** Σ wᵢ·xᵢ / Σ wᵢ over the elements that have a value; null when their weights sum to zero. */
function weightedMean(values: (Rational | null)[], weights: Rational[]): Rational | null {
  let sum = ZERO;
  let total = ZERO;
  values.forEach((value, position) => {
    if (!value) return;
    const weight = weights[position]!;
    sum = add(sum, multiply(weight, value));
    total = add(total, weight);
  });
  return isZero(total) ? null : divide(sum, total);
}

/**
 * index ± 1.96 × s/√n with s² = (n·Σx² − (Σx)²) / (n·(n − 1)), exact up to the square root,
 * which decimal.js takes with 60 significant digits before the bounds are rounded to 4 decimals.
 */
function confidenceInterval(index: Rational, scores: Rational[]): { low: string; high: string } | null {
  const n = BigInt(scores.length);
  if (n < 2n) return null;
  let sum = ZERO;
  let sumOfSquares = ZERO;
  for (const score of scores) {
    sum = add(sum, score);
    sumOfSquares = add(sumOfSquares, multiply(score, score));
  }
  const variance = divide(subtract(multiply(rational(n), sumOfSquares), multiply(sum, sum)), rational(n * (n - 1n)));
  const standardErrorSquared = divide(variance, rational(n));
  if (isZero(standardErrorSquared)) {
    const exact = roundRational(index, PLACES);
    return { low: exact, high: exact };
  }
  const margin = squareRoot(standardErrorSquared).times(Z_95);
  const centre = toRootDecimal(index);
  const clamp = (value: InstanceType<typeof RootDecimal>) => RootDecimal.max(0, RootDecimal.min(100, value));
  return {
    low: clamp(centre.minus(margin)).toDecimalPlaces(PLACES, RootDecimal.ROUND_HALF_UP).toFixed(PLACES),
    high: clamp(centre.plus(margin)).toDecimalPlaces(PLACES, RootDecimal.ROUND_HALF_UP).toFixed(PLACES),
  };
}
