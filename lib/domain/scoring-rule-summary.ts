import Decimal from "decimal.js";
import { POINTS_DECIMAL_PLACES, scoringRuleSchema, type ScoringAward } from "@/lib/scoring/scoring-rule";
import { exactTimes, toExact } from "@/lib/scoring/exact-decimal";

/**
 * A stored scoring rule restated for readers: every award turned into the points it gives on this
 * criterion, defaults written out, decimals as plain strings. The methodology page puts it into
 * words; keeping the arithmetic here means the words can never disagree with `evaluateScoringRule`.
 */

/** What a rule row gives. `share` is the fraction of the max as a percentage ("50"), null for fixed points. */
export type AwardSummary = { share: string | null; points: string };

export type BoundSummary = { value: string; inclusive: boolean };

export type ThresholdRowSummary = { from: BoundSummary | null; to: BoundSummary | null; award: AwardSummary };

export type ScoringRuleSummary =
  | {
      type: "threshold";
      /** Allowed input range, when the rule sets one. */
      inputMin: string | null;
      inputMax: string | null;
      /** In the rule's order: the first row whose bounds hold the value applies. */
      rows: ThresholdRowSummary[];
      /** A value that no row holds. */
      otherwise: AwardSummary;
    }
  | { type: "yes_no"; yes: AwardSummary; no: AwardSummary }
  | { type: "count_per_item"; pointsPerItem: string; cap: string }
  | {
      type: "count_thresholds";
      /** Highest `atLeast` first: reading down, the first row the count reaches applies. */
      rows: { atLeast: number; award: AwardSummary }[];
      /** Counts below every row, when the lowest row starts above zero. */
      below: { count: number; award: AwardSummary } | null;
    }
  | { type: "decimal"; max: string; maxDecimalPlaces: number | null }
  /** max × rate / 100, rounded half-up to `decimalPlaces`. */
  | { type: "proportional"; max: string; decimalPlaces: number }
  /** The stored JSON does not pass the schema, or awards more than the criterion's max. */
  | { type: "invalid" };

const ZERO: AwardSummary = { share: null, points: "0" };

/** Null when the criterion has no rule. */
export function summarizeScoringRule(stored: unknown, maxPoints: Decimal.Value): ScoringRuleSummary | null {
  if (stored === null || stored === undefined) return null;
  const parsed = scoringRuleSchema.safeParse(stored);
  if (!parsed.success) return { type: "invalid" };
  const rule = parsed.data;
  const max = toExact(maxPoints);
  const award = (value: ScoringAward | undefined, fallback: AwardSummary): AwardSummary | "too-high" => {
    if (!value) return fallback;
    if (value.kind === "fraction") {
      return { share: plain(exactTimes(value.value, 100)), points: plain(exactTimes(max, value.value)) };
    }
    return value.value.greaterThan(max) ? "too-high" : { share: null, points: plain(value.value) };
  };
  const full: AwardSummary = { share: "100", points: plain(max) };

  switch (rule.type) {
    case "threshold": {
      const rows = rule.rows.map((row) => ({ row, award: award(row.award, ZERO) }));
      const otherwise = award(rule.otherwise, ZERO);
      if (otherwise === "too-high" || rows.some((entry) => entry.award === "too-high")) return { type: "invalid" };
      return {
        type: "threshold",
        inputMin: rule.input?.min ? plain(rule.input.min) : null,
        inputMax: rule.input?.max ? plain(rule.input.max) : null,
        rows: rows.map(({ row, award: given }) => ({
          from: row.from ? { value: plain(row.from.value), inclusive: row.from.inclusive } : null,
          to: row.to ? { value: plain(row.to.value), inclusive: row.to.inclusive } : null,
          award: given as AwardSummary,
        })),
        otherwise,
      };
    }
    case "yes_no": {
      // evaluateScoringRule gives the whole max for "yes" and nothing for "no" unless the rule says otherwise.
      const yes = award(rule.yes, full);
      const no = award(rule.no, ZERO);
      if (yes === "too-high" || no === "too-high") return { type: "invalid" };
      return { type: "yes_no", yes, no };
    }
    case "count": {
      if (rule.mode === "per_item") return { type: "count_per_item", pointsPerItem: plain(rule.pointsPerItem), cap: plain(max) };
      const rows = [...rule.rows].sort((a, b) => b.atLeast - a.atLeast).map((row) => ({ atLeast: row.atLeast, award: award(row.award, ZERO) }));
      if (rows.some((row) => row.award === "too-high")) return { type: "invalid" };
      const lowest = rows[rows.length - 1]!.atLeast;
      return {
        type: "count_thresholds",
        rows: rows as { atLeast: number; award: AwardSummary }[],
        below: lowest > 0 ? { count: lowest, award: ZERO } : null,
      };
    }
    case "decimal":
      return { type: "decimal", max: plain(max), maxDecimalPlaces: rule.maxDecimalPlaces ?? null };
    case "proportional":
      return { type: "proportional", max: plain(max), decimalPlaces: POINTS_DECIMAL_PLACES };
  }
}

/** Plain notation without trailing zeros ("1.5", never "1.50" or "1.5e+0"). */
function plain(value: Decimal): string {
  return value.toFixed();
}
