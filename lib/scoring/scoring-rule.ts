import Decimal from "decimal.js";
import { z } from "zod";
import { ExactDecimal, assertExact, exactTimes, toExact } from "@/lib/scoring/exact-decimal";
import { roundHalfUp } from "@/lib/scoring/round";

/**
 * Rules a criteria set publishes for scoring a sub-criterion from a number, a yes/no answer or
 * a count. They are data (stored with the set, shown on the methodology page), hence a schema.
 * Numbers may be written as JSON numbers or decimal strings; both become exact decimals.
 */
const decimalValue = z
  .union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/, "Expected a decimal such as 92.5")])
  .refine((value) => typeof value === "string" || Number.isFinite(value), "Expected a finite number")
  .transform((value) => toExact(typeof value === "number" ? String(value) : value));

const nonNegativeDecimal = decimalValue.refine((value) => !value.isNegative() || value.isZero(), "Must not be negative");

/** What a rule row gives: a share of the criterion's max (0.5 = half) or a number of points. */
const awardSchema = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("fraction"),
    value: nonNegativeDecimal.refine((value) => value.lessThanOrEqualTo(1), "A fraction of max points is at most 1"),
  }),
  z.strictObject({ kind: z.literal("points"), value: nonNegativeDecimal }),
]);

const boundSchema = z.strictObject({ value: decimalValue, inclusive: z.boolean() });

const thresholdRowSchema = z
  .strictObject({ from: boundSchema.optional(), to: boundSchema.optional(), award: awardSchema })
  .refine(
    ({ from, to }) =>
      !from || !to || from.value.lessThan(to.value) || (from.value.equals(to.value) && from.inclusive && to.inclusive),
    "A row's lower bound must be below its upper bound",
  );

const inputRangeSchema = z
  .strictObject({ min: decimalValue.optional(), max: decimalValue.optional() })
  .refine(({ min, max }) => !min || !max || min.lessThanOrEqualTo(max), "Input min must not exceed input max");

/** The first row whose bounds contain the input wins; no matching row gives `otherwise` (0 by default). */
const thresholdRuleSchema = z.strictObject({
  type: z.literal("threshold"),
  input: inputRangeSchema.optional(),
  rows: z.array(thresholdRowSchema).min(1),
  otherwise: awardSchema.optional(),
});

const yesNoRuleSchema = z.strictObject({
  type: z.literal("yes_no"),
  yes: awardSchema.optional(),
  no: awardSchema.optional(),
});

const countPerItemRuleSchema = z.strictObject({
  type: z.literal("count"),
  mode: z.literal("per_item"),
  pointsPerItem: nonNegativeDecimal,
});

/** The row with the highest `atLeast` not above the count wins, whatever order rows are written in. */
const countThresholdsRuleSchema = z.strictObject({
  type: z.literal("count"),
  mode: z.literal("thresholds"),
  rows: z
    .array(z.strictObject({ atLeast: z.int().nonnegative(), award: awardSchema }))
    .min(1)
    .refine((rows) => new Set(rows.map((row) => row.atLeast)).size === rows.length, "Each atLeast must be different"),
});

const decimalRuleSchema = z.strictObject({
  type: z.literal("decimal"),
  maxDecimalPlaces: z.int().nonnegative().optional(),
});

/**
 * Points in proportion to a percentage (0–100), e.g. a SIPAS index: maxPoints × rate / 100.
 * Rounded half-up to 4 decimals because points are stored and typed with at most 4 decimals
 * (Decimal(9, 4), the appraisal form's limit): an unrounded product such as 1.5 × 91.23 % =
 * 1.36845 would otherwise be cut silently by the database instead of by a published rule.
 */
const proportionalRuleSchema = z.strictObject({ type: z.literal("proportional") });

/** Decimals of the points a proportional rule gives (the storage and input limit of points). */
export const POINTS_DECIMAL_PLACES = 4;

export const scoringRuleSchema = z.discriminatedUnion("type", [
  thresholdRuleSchema,
  yesNoRuleSchema,
  z.discriminatedUnion("mode", [countPerItemRuleSchema, countThresholdsRuleSchema]),
  decimalRuleSchema,
  proportionalRuleSchema,
]);

/** A parsed rule, with exact decimals. */
export type ScoringRule = z.output<typeof scoringRuleSchema>;
/** A rule as stored or sent as JSON. */
export type ScoringRuleData = z.input<typeof scoringRuleSchema>;
export type ScoringAward = z.output<typeof awardSchema>;

/** A rate or decimal for `threshold`, `decimal` and `proportional`, true/false for `yes_no`, a whole number for `count`. */
export type ScoringInput = Decimal | string | number | boolean;

export type ScoringInputProblem = "wrong-type" | "out-of-range" | "not-an-integer" | "too-many-decimals";

export class ScoringInputError extends Error {
  readonly code = "INVALID_SCORING_INPUT";
  constructor(
    readonly problem: ScoringInputProblem,
    message: string,
  ) {
    super(message);
    this.name = "ScoringInputError";
  }
}

/** The rule cannot be applied to this criterion, e.g. it awards more points than the criterion's max. */
export class ScoringRuleError extends Error {
  readonly code = "INVALID_SCORING_RULE";
  constructor(message: string) {
    super(message);
    this.name = "ScoringRuleError";
  }
}

/** Points for one input; always within [0, maxPoints], or a typed error. */
export function evaluateScoringRule(rule: ScoringRule, input: ScoringInput, maxPoints: Decimal.Value): Decimal {
  const max = toExact(maxPoints);
  if (!max.isFinite() || (max.isNegative() && !max.isZero())) {
    throw new ScoringRuleError(`Max points must be a non-negative number, got ${max.toString()}`);
  }
  switch (rule.type) {
    case "threshold": {
      const value = decimalInput(input);
      checkRange(value, rule.input?.min, rule.input?.max);
      const row = rule.rows.find(
        ({ from, to }) =>
          (!from || (from.inclusive ? value.greaterThanOrEqualTo(from.value) : value.greaterThan(from.value))) &&
          (!to || (to.inclusive ? value.lessThanOrEqualTo(to.value) : value.lessThan(to.value))),
      );
      return awardPoints(row?.award ?? rule.otherwise, max);
    }
    case "yes_no": {
      if (typeof input !== "boolean") throw new ScoringInputError("wrong-type", "Expected yes (true) or no (false)");
      return awardPoints(input ? (rule.yes ?? { kind: "fraction", value: new ExactDecimal(1) }) : rule.no, max);
    }
    case "count": {
      const count = countInput(input);
      if (rule.mode === "per_item") {
        const points = exactTimes(count, rule.pointsPerItem);
        return points.greaterThan(max) ? max : points;
      }
      const reached = rule.rows
        .filter((row) => count.greaterThanOrEqualTo(row.atLeast))
        .sort((a, b) => b.atLeast - a.atLeast)[0];
      return awardPoints(reached?.award, max);
    }
    case "decimal": {
      const value = decimalInput(input);
      checkRange(value, new ExactDecimal(0), max);
      if (rule.maxDecimalPlaces !== undefined && value.decimalPlaces() > rule.maxDecimalPlaces) {
        throw new ScoringInputError(
          "too-many-decimals",
          `${value.toString()} has more than ${rule.maxDecimalPlaces} decimal places`,
        );
      }
      return value;
    }
    case "proportional": {
      const rate = decimalInput(input);
      checkRange(rate, new ExactDecimal(0), new ExactDecimal(100));
      // Dividing by 100 only moves the decimal point, so the quotient is exact before rounding.
      return roundHalfUp(assertExact(exactTimes(max, rate).dividedBy(100), "division"), POINTS_DECIMAL_PLACES);
    }
  }
}

function awardPoints(award: ScoringAward | undefined, max: Decimal): Decimal {
  if (!award) return new ExactDecimal(0);
  if (award.kind === "fraction") return exactTimes(max, award.value);
  if (award.value.greaterThan(max)) {
    throw new ScoringRuleError(`The rule awards ${award.value.toString()} points, above the criterion's max ${max.toString()}`);
  }
  return award.value;
}

function decimalInput(input: ScoringInput): Decimal {
  if (typeof input === "boolean") throw new ScoringInputError("wrong-type", "Expected a number, got yes/no");
  if (typeof input === "string" && !/^-?\d+(\.\d+)?$/.test(input.trim())) {
    throw new ScoringInputError("wrong-type", `"${input}" is not a decimal number`);
  }
  const value = toExact(typeof input === "number" ? numberText(input) : typeof input === "string" ? input.trim() : input);
  if (!value.isFinite()) throw new ScoringInputError("wrong-type", "Expected a finite number");
  return value;
}

function countInput(input: ScoringInput): Decimal {
  const value = decimalInput(input);
  if (!value.isInteger()) throw new ScoringInputError("not-an-integer", `A count must be a whole number, got ${value.toString()}`);
  checkRange(value, new ExactDecimal(0), undefined);
  return value;
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new ScoringInputError("wrong-type", "Expected a finite number");
  return String(value);
}

function checkRange(value: Decimal, min: Decimal | undefined, max: Decimal | undefined): void {
  if ((min && value.lessThan(min)) || (max && value.greaterThan(max))) {
    const range = `${min?.toString() ?? "−∞"} to ${max?.toString() ?? "∞"}`;
    throw new ScoringInputError("out-of-range", `${value.toString()} is outside the allowed range ${range}`);
  }
}
