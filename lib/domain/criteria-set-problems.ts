import { formatStatedDecimal } from "@/lib/i18n/format-stated-decimal";
import type Decimal from "decimal.js";
import {
  buildTree,
  CriteriaTreeError,
  nodesOf,
  validateTree,
  type CriterionNode,
  type FlatCriterion,
  type TreeProblemKind,
} from "@/lib/scoring/criteria-tree";
import { exactSum } from "@/lib/scoring/exact-decimal";
import { summarizeScoringRule } from "@/lib/domain/scoring-rule-summary";

/** Fields, criteria and sub-criteria: the national sets never go deeper. */
export const MAX_CRITERIA_LEVELS = 3;

/** A whole set is worth 100 points, so that the index of a unit without N/A equals its total. */
export const SET_TOTAL = "100";

export type CriteriaSetProblemKind =
  | TreeProblemKind
  | "empty"
  | "total-not-100"
  | "too-deep"
  | "rule-invalid"
  | "rule-on-parent"
  | "sipas-not-survey"
  | "sipas-on-parent"
  | "sipas-rule"
  | "broken-tree";

/** Something that keeps a set from being used by an open period; `code` is the node concerned. */
export type CriteriaSetProblem = { kind: CriteriaSetProblemKind; code: string | null; vi: string; en: string };

/** `sipasInput`: "index" or a SIPAS element's code when the leaf's points follow from SIPAS. */
export type CriteriaSetRow = FlatCriterion & { scoringRule: unknown; sipasInput?: string | null };

/**
 * Every problem of a set as stored, in tree order: the tree checks of `validateTree` (a parent's
 * max against its children's sum, duplicate codes, negative or missing max), plus what a set an
 * admin edits must also satisfy: fields summing to 100, at most three levels, and scoring rules
 * that parse and give no more than their criterion's max, on leaves only. An empty list means the
 * set can be used.
 */
export function criteriaSetProblems(rows: readonly CriteriaSetRow[]): CriteriaSetProblem[] {
  if (rows.length === 0) {
    return [{ kind: "empty", code: null, vi: "Bộ chỉ số chưa có lĩnh vực nào.", en: "The criteria set has no field yet." }];
  }
  let tree: CriterionNode[];
  try {
    tree = buildTree(rows);
  } catch (error) {
    if (!(error instanceof CriteriaTreeError)) throw error;
    return [
      {
        kind: "broken-tree",
        code: error.criterionCode,
        vi: `Cây tiêu chí bị lỗi ở tiêu chí "${error.criterionCode}" (mã trùng hoặc tiêu chí cha không tồn tại).`,
        en: `The criteria tree is broken at "${error.criterionCode}" (a duplicate code or a missing parent).`,
      },
    ];
  }
  const problems: CriteriaSetProblem[] = validateTree(tree).map((problem) => translate(problem.kind, problem.code, tree));
  const rules = new Map(rows.map((row) => [row.code, row.scoringRule]));
  const sipasInputs = new Map(rows.map((row) => [row.code, row.sipasInput ?? null]));

  for (const { node, depth } of nodesOf(tree)) {
    if (depth === MAX_CRITERIA_LEVELS + 1) {
      problems.push({
        kind: "too-deep",
        code: node.code,
        vi: `Tiêu chí ${node.code} ở cấp ${depth}: bộ chỉ số chỉ có tối đa ${MAX_CRITERIA_LEVELS} cấp (lĩnh vực, tiêu chí, tiêu chí thành phần).`,
        en: `Criterion ${node.code} is at level ${depth}: a set has at most ${MAX_CRITERIA_LEVELS} levels (field, criterion, sub-criterion).`,
      });
    }
    const rule = rules.get(node.code);
    const sipasProblem = sipasTieProblem(node, sipasInputs.get(node.code) ?? null, rule);
    if (sipasProblem) problems.push(sipasProblem);
    if (rule === null || rule === undefined) continue;
    if (node.children.length > 0) {
      problems.push({
        kind: "rule-on-parent",
        code: node.code,
        vi: `Tiêu chí ${node.code} có tiêu chí con nên không chấm theo quy tắc: hãy đặt quy tắc chấm điểm ở tiêu chí con.`,
        en: `Criterion ${node.code} has children, so its scoring rule is never used: put the rule on its sub-criteria.`,
      });
    } else if (node.maxPoints.isFinite() && summarizeScoringRule(rule, node.maxPoints)?.type === "invalid") {
      problems.push({
        kind: "rule-invalid",
        code: node.code,
        vi: `Quy tắc chấm điểm của tiêu chí ${node.code} không hợp lệ hoặc cho nhiều hơn điểm tối đa ${formatStatedDecimal(node.maxPoints.toFixed(), "vi")}.`,
        en: `The scoring rule of criterion ${node.code} is invalid or awards more than its max of ${formatStatedDecimal(node.maxPoints.toFixed(), "en")}.`,
      });
    }
  }

  if (tree.every((field) => field.maxPoints.isFinite())) {
    const total = exactSum(tree.map((field) => field.maxPoints));
    if (!total.equals(SET_TOTAL)) {
      problems.push({
        kind: "total-not-100",
        code: null,
        vi: `Tổng điểm tối đa của các lĩnh vực là ${formatStatedDecimal(total.toFixed(), "vi")}, phải bằng ${SET_TOTAL}.`,
        en: `The fields' max points sum to ${formatStatedDecimal(total.toFixed(), "en")}; they must sum to ${SET_TOTAL}.`,
      });
    }
  }
  return problems;
}

/**
 * A leaf tied to SIPAS gets its points when SIPAS is approved, and nobody may type them: the tie
 * only works on a survey leaf whose rule reads a percentage (threshold or proportional, or none).
 */
function sipasTieProblem(node: CriterionNode, sipasInput: string | null, rule: unknown): CriteriaSetProblem | null {
  if (sipasInput === null) return null;
  if (node.children.length > 0) {
    return {
      kind: "sipas-on-parent",
      code: node.code,
      vi: `Tiêu chí ${node.code} có tiêu chí con nên không lấy điểm từ SIPAS: hãy gắn SIPAS ở tiêu chí thành phần.`,
      en: `Criterion ${node.code} has children, so it cannot take SIPAS points: tie its sub-criteria to SIPAS instead.`,
    };
  }
  if (node.method !== "survey") {
    return {
      kind: "sipas-not-survey",
      code: node.code,
      vi: `Tiêu chí ${node.code} lấy điểm từ SIPAS nhưng được chấm bằng thẩm định: hãy chọn cách chấm điều tra xã hội học.`,
      en: `Criterion ${node.code} takes SIPAS points but is scored by appraisal: make it survey-scored.`,
    };
  }
  const type = rule === null || rule === undefined ? "proportional" : summarizeScoringRule(rule, node.maxPoints.isFinite() ? node.maxPoints : 0)?.type;
  if (type !== "threshold" && type !== "proportional" && type !== "invalid") {
    return {
      kind: "sipas-rule",
      code: node.code,
      vi: `Tiêu chí ${node.code} lấy điểm từ chỉ số SIPAS (tỷ lệ %): quy tắc chấm điểm phải theo ngưỡng hoặc tỷ lệ thuận.`,
      en: `Criterion ${node.code} takes a SIPAS index (a percentage): its scoring rule must be a threshold or proportional rule.`,
    };
  }
  return null;
}

function translate(kind: TreeProblemKind, code: string, tree: readonly CriterionNode[]): CriteriaSetProblem {
  const node = nodesOf(tree).find((entry) => entry.node.code === code)?.node;
  // Each language writes decimals its own way: "13,5" in Vietnamese, "13.5" in English.
  const stated = (value: Decimal | undefined, locale: "vi" | "en") => (value?.isFinite() ? formatStatedDecimal(value.toFixed(), locale) : "?");
  const max = { vi: stated(node?.maxPoints, "vi"), en: stated(node?.maxPoints, "en") };
  switch (kind) {
    case "max-mismatch": {
      const total = node ? exactSum(node.children.map((child) => child.maxPoints)) : undefined;
      const sum = { vi: stated(total, "vi"), en: stated(total, "en") };
      return {
        kind,
        code,
        vi: `Tiêu chí ${code} có điểm tối đa ${max.vi} nhưng tổng điểm tối đa của các tiêu chí con là ${sum.vi}.`,
        en: `Criterion ${code} has max points ${max.en} but its children's max points sum to ${sum.en}.`,
      };
    }
    case "duplicate-code":
      return { kind, code, vi: `Mã tiêu chí "${code}" bị dùng nhiều lần.`, en: `Criterion code "${code}" is used more than once.` };
    case "negative-max":
      return { kind, code, vi: `Tiêu chí ${code} có điểm tối đa âm (${max.vi}).`, en: `Criterion ${code} has negative max points (${max.en}).` };
    case "invalid-max":
      return { kind, code, vi: `Tiêu chí ${code} chưa có điểm tối đa hợp lệ.`, en: `Criterion ${code} has no valid max points.` };
  }
}
