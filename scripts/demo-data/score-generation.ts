/**
 * Leaf-level score generation. All points are handled as exact integers of thousandths of a point
 * ("milli"), so every sum is exact; they are turned into decimals only when emitted.
 */

import Decimal from "decimal.js";
import type { DemoLeaf } from "./criteria-sets";
import type { ScoreRowJson, SipasRowJson } from "./results-package-json";
import { intBetween, normal, pick, rngFor, shuffled, type Rng } from "./prng";

/** Appraised points move in quarter points. */
export const APPRAISAL_STEP_MILLI = 250;

export interface NotApplicableSpec {
  criteria: string[];
  reason: string;
}

export interface UnitPlan {
  unit: string;
  /** Achieved total over applicable leaves, in thousandths of a point. */
  totalMilli: number;
  /** Forces how much of the lost points are appraisal points (the rest are survey points). */
  appraisalLossMilli?: number;
  notApplicable?: NotApplicableSpec;
}

/** Exact emitted number from thousandths (at most 3 decimals; the decimal string round-trips). */
export function milliToNumber(milli: number): number {
  if (!Number.isSafeInteger(milli)) throw new Error(`not an integer number of thousandths: ${milli}`);
  return Number(new Decimal(milli).dividedBy(1000).toFixed());
}

export function applicableMaxMilli(leaves: DemoLeaf[], notApplicable?: NotApplicableSpec): number {
  const na = new Set(notApplicable?.criteria ?? []);
  return leaves.filter((l) => !na.has(l.code)).reduce((sum, l) => sum + l.maxMilli, 0);
}

function weightedPick<T extends { maxMilli: number }>(rng: Rng, items: T[]): T {
  const total = items.reduce((sum, i) => sum + i.maxMilli, 0);
  let r = rng() * total;
  for (const item of items) {
    r -= item.maxMilli;
    if (r < 0) return item;
  }
  const last = items[items.length - 1];
  if (last === undefined) throw new Error("weighted pick from an empty list");
  return last;
}

function roundDownTo(value: number, step: number): number {
  return Math.floor(value / step) * step;
}

/** Spread `lossMilli` over appraisal leaves in quarter points; returns lost thousandths per leaf. */
function spreadAppraisalLoss(rng: Rng, leaves: DemoLeaf[], lossMilli: number): Map<string, number> {
  const loss = new Map<string, number>(leaves.map((l) => [l.code, 0]));
  let remaining = lossMilli;
  while (remaining > 0) {
    const candidates = leaves.filter((l) => l.maxMilli - (loss.get(l.code) ?? 0) >= APPRAISAL_STEP_MILLI);
    if (candidates.length === 0) throw new Error(`cannot take ${remaining} more thousandths off appraisal leaves`);
    const chosen = weightedPick(rng, candidates);
    const room = chosen.maxMilli - (loss.get(chosen.code) ?? 0);
    const half = Math.max(APPRAISAL_STEP_MILLI, roundDownTo(chosen.maxMilli / 2, APPRAISAL_STEP_MILLI));
    const chunk = Math.min(pick(rng, [250, 250, 250, 500, 500, 750, 1000, half, room]), room, remaining);
    loss.set(chosen.code, (loss.get(chosen.code) ?? 0) + chunk);
    remaining -= chunk;
  }
  return loss;
}

/** Spread `lossMilli` over survey leaves roughly in proportion to their max, in `step` thousandths. */
function spreadSurveyLoss(rng: Rng, leaves: DemoLeaf[], lossMilli: number, step: number): Map<string, number> {
  const loss = new Map<string, number>(leaves.map((l) => [l.code, 0]));
  if (lossMilli === 0) return loss;
  if (lossMilli % step !== 0) throw new Error(`survey loss ${lossMilli} is not a multiple of ${step}`);
  const units = lossMilli / step;
  const weights = leaves.map((l) => l.maxMilli * (0.6 + 0.8 * rng()));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  let given = 0;
  leaves.forEach((l, i) => {
    const cap = Math.floor((l.maxMilli * 0.9) / step);
    const share = Math.min(cap, Math.floor((units * (weights[i] ?? 0)) / weightSum));
    loss.set(l.code, share * step);
    given += share;
  });
  let remaining = units - given;
  for (const capShare of [0.9, 1]) {
    for (const l of shuffled(rng, leaves)) {
      if (remaining === 0) break;
      const cap = Math.floor((l.maxMilli * capShare) / step);
      const current = (loss.get(l.code) ?? 0) / step;
      const add = Math.min(remaining, cap - current);
      if (add > 0) {
        loss.set(l.code, (current + add) * step);
        remaining -= add;
      }
    }
  }
  if (remaining !== 0) throw new Error(`cannot take ${lossMilli} thousandths off survey leaves`);
  return loss;
}

const RAISED_REASON = "Hội đồng thẩm định công nhận thêm điểm do đơn vị bổ sung tài liệu kiểm chứng";
const UNDERCLAIMED_REASON = "Đơn vị tự chấm thiếu; Hội đồng thẩm định công nhận đủ điểm theo tài liệu kiểm chứng";

/** The unit's own claim for an appraisal leaf, and the reason when it differs from the appraisal. */
function selfClaim(rng: Rng, leaf: DemoLeaf, pointsMilli: number): { selfMilli: number; reason?: string } {
  const r = rng();
  if (pointsMilli === leaf.maxMilli) {
    if (r < 0.03 && leaf.maxMilli >= 1000) return { selfMilli: leaf.maxMilli - 500, reason: UNDERCLAIMED_REASON };
    return { selfMilli: leaf.maxMilli };
  }
  const gap = leaf.maxMilli - pointsMilli;
  if (r < 0.6) return { selfMilli: leaf.maxMilli, reason: leaf.lossReason };
  if (r < 0.75) {
    const partial = Math.max(APPRAISAL_STEP_MILLI, roundDownTo(gap / 2, APPRAISAL_STEP_MILLI));
    return { selfMilli: pointsMilli + partial, reason: leaf.lossReason };
  }
  if (r < 0.95 || pointsMilli < APPRAISAL_STEP_MILLI) return { selfMilli: pointsMilli };
  return { selfMilli: pointsMilli - APPRAISAL_STEP_MILLI, reason: RAISED_REASON };
}

export interface GeneratedUnitScores {
  rows: ScoreRowJson[];
  appraisalMilli: number;
  surveyMilli: number;
  surveyMaxMilli: number;
  applicableMaxMilli: number;
}

/**
 * One row per leaf for one unit, reaching exactly `plan.totalMilli`.
 * `surveyStepMilli` is 10 for 2-decimal survey points, 1 for 3-decimal ones.
 */
export function generateUnitScores(
  seed: string,
  leaves: DemoLeaf[],
  plan: UnitPlan,
  surveyStepMilli: number,
): GeneratedUnitScores {
  const rng = rngFor(`${seed}:scores`);
  const na = new Set(plan.notApplicable?.criteria ?? []);
  const applicable = leaves.filter((l) => !na.has(l.code));
  const appraisalLeaves = applicable.filter((l) => l.method === "appraisal");
  const surveyLeaves = applicable.filter((l) => l.method === "survey");
  const appraisalMax = appraisalLeaves.reduce((s, l) => s + l.maxMilli, 0);
  const surveyMax = surveyLeaves.reduce((s, l) => s + l.maxMilli, 0);
  const lossMilli = appraisalMax + surveyMax - plan.totalMilli;
  if (lossMilli < 0) throw new Error(`${seed}: total ${plan.totalMilli} above the applicable max`);

  let appraisalLoss: number;
  if (plan.appraisalLossMilli !== undefined) {
    appraisalLoss = plan.appraisalLossMilli;
  } else {
    const surveyShare = 0.35 + 0.3 * rng();
    appraisalLoss = roundDownTo(lossMilli * (1 - surveyShare), APPRAISAL_STEP_MILLI);
    const surveyCeiling = roundDownTo(surveyMax * 0.75, surveyStepMilli);
    if (lossMilli - appraisalLoss > surveyCeiling) {
      appraisalLoss = Math.ceil((lossMilli - surveyCeiling) / APPRAISAL_STEP_MILLI) * APPRAISAL_STEP_MILLI;
    }
  }
  const surveyLoss = lossMilli - appraisalLoss;
  if (appraisalLoss < 0 || surveyLoss < 0 || appraisalLoss % APPRAISAL_STEP_MILLI !== 0) {
    throw new Error(`${seed}: cannot split a loss of ${lossMilli} with ${appraisalLoss} on appraisal`);
  }

  const lost = new Map<string, number>([
    ...spreadAppraisalLoss(rng, appraisalLeaves, appraisalLoss),
    ...spreadSurveyLoss(rng, surveyLeaves, surveyLoss, surveyStepMilli),
  ]);

  const rows: ScoreRowJson[] = leaves.map((leaf): ScoreRowJson => {
    if (na.has(leaf.code)) {
      return {
        unit: plan.unit,
        criterion: leaf.code,
        notApplicable: true,
        reason: plan.notApplicable?.reason ?? "Không đánh giá",
      };
    }
    const pointsMilli = leaf.maxMilli - (lost.get(leaf.code) ?? 0);
    if (leaf.method === "survey") {
      return { unit: plan.unit, criterion: leaf.code, points: milliToNumber(pointsMilli) };
    }
    const claim = selfClaim(rng, leaf, pointsMilli);
    const row: ScoreRowJson = {
      unit: plan.unit,
      criterion: leaf.code,
      points: milliToNumber(pointsMilli),
      selfPoints: milliToNumber(claim.selfMilli),
    };
    if (claim.reason !== undefined) row.reason = claim.reason;
    return row;
  });

  return {
    rows,
    appraisalMilli: appraisalMax - appraisalLoss,
    surveyMilli: surveyMax - surveyLoss,
    surveyMaxMilli: surveyMax,
    applicableMaxMilli: appraisalMax + surveyMax,
  };
}

export const SIPAS_ELEMENTS = ["access", "procedures", "civil_servants", "results", "feedback"] as const;

/**
 * A SIPAS row whose overall index (2 decimals, 80–99.5) is exactly the mean of its five element
 * indices, loosely following the unit's survey points.
 */
export function generateSipasRow(
  seed: string,
  unit: string,
  surveyShare: number,
  responses: readonly [number, number],
): SipasRowJson {
  const rng = rngFor(`${seed}:sipas`);
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const base = 80 + 19.5 * clamp((surveyShare - 0.55) / 0.45, 0, 1) + normal(rng) * 1.2;
  const indexCenti = Math.round(clamp(base, 80, 99.5) * 100);
  let elementsCenti: number[] = [];
  for (let attempt = 0; attempt < 50 && elementsCenti.length === 0; attempt++) {
    const four = [0, 1, 2, 3].map(() => Math.round(clamp(indexCenti / 100 + normal(rng) * 2.5, 70, 100) * 100));
    const fifth = indexCenti * 5 - four.reduce((a, b) => a + b, 0);
    if (fifth >= 7000 && fifth <= 10000) elementsCenti = [...four, fifth];
  }
  if (elementsCenti.length === 0) elementsCenti = SIPAS_ELEMENTS.map(() => indexCenti);
  const centi = (v: number) => Number(new Decimal(v).dividedBy(100).toFixed());
  return {
    unit,
    index: centi(indexCenti),
    responses: intBetween(rng, responses[0], responses[1]),
    elements: SIPAS_ELEMENTS.map((code, i) => ({ code, index: centi(elementsCenti[i] ?? indexCenti) })),
  };
}
