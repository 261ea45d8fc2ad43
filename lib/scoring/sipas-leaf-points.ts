import Decimal from "decimal.js";
import { toExact } from "@/lib/scoring/exact-decimal";
import { roundHalfUp } from "@/lib/scoring/round";
import {
  POINTS_DECIMAL_PLACES,
  ScoringInputError,
  ScoringRuleError,
  evaluateScoringRule,
  scoringRuleSchema,
  type ScoringRule,
} from "@/lib/scoring/scoring-rule";

/** A survey leaf tied to SIPAS, as the criteria set stores it. */
export type SipasLeaf = {
  code: string;
  maxPoints: Decimal.Value;
  /** The stored JSON rule, or null: a tied leaf without a rule is scored in proportion. */
  scoringRule: unknown;
};

const PROPORTIONAL: ScoringRule = { type: "proportional" };

/**
 * Points of a SIPAS-tied leaf from its figure (the overall index or an element's index, a
 * percentage 0–100 as an exact decimal string). Only rules that read a percentage fit: a
 * threshold table or proportional. Yes/no, count and free-decimal rules mean the set was built
 * for a hand-entered leaf, so they are refused rather than given a meaning here.
 * The result has at most 4 decimals (half-up), the precision points are stored and entered with,
 * so a threshold row awarding e.g. a third of the max still gives a storable value.
 */
export function sipasLeafPoints(leaf: SipasLeaf, figure: Decimal.Value): string {
  const rule = leafRule(leaf);
  if (typeof figure === "string" && !/^\d+(\.\d+)?$/.test(figure)) {
    throw new ScoringInputError("wrong-type", `SIPAS figure "${figure}" for ${leaf.code} is not a decimal number`);
  }
  const rate = toExact(figure);
  if (!rate.isFinite() || rate.lessThan(0) || rate.greaterThan(100)) {
    throw new ScoringInputError("out-of-range", `SIPAS figure ${rate.toString()} for ${leaf.code} is outside 0 to 100`);
  }
  const points = evaluateScoringRule(rule, rate, leaf.maxPoints);
  return roundHalfUp(points, POINTS_DECIMAL_PLACES).toFixed();
}

function leafRule(leaf: SipasLeaf): ScoringRule {
  if (leaf.scoringRule === null || leaf.scoringRule === undefined) return PROPORTIONAL;
  const parsed = scoringRuleSchema.safeParse(leaf.scoringRule);
  if (!parsed.success) throw new ScoringRuleError(`The stored scoring rule of ${leaf.code} is not valid`);
  if (parsed.data.type !== "threshold" && parsed.data.type !== "proportional") {
    throw new ScoringRuleError(`${leaf.code} takes a SIPAS percentage, which a ${parsed.data.type} rule cannot score`);
  }
  return parsed.data;
}
