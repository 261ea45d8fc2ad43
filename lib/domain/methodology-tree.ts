import Decimal from "decimal.js";
import { compareCodes } from "@/lib/domain/compare-codes";
import { summarizeScoringRule, type ScoringRuleSummary } from "@/lib/domain/scoring-rule-summary";
import { exactSum, toExact } from "@/lib/scoring/exact-decimal";

export type CriterionMethodName = "appraisal" | "survey";

/** One stored criterion of a set, as lib/data reads it; decimals as strings. */
export type MethodologyCriterionRecord = {
  id: string;
  parentId: string | null;
  code: string;
  name: string;
  nameEn: string | null;
  description: string | null;
  maxPoints: string;
  method: CriterionMethodName;
  order: number;
  scoringRule: unknown;
  /** "index" or a SIPAS element's code when a survey leaf's points follow from SIPAS. */
  sipasInput?: string | null;
};

export type MethodologyNode = {
  code: string;
  name: string;
  nameEn: string | null;
  description: string | null;
  maxPoints: string;
  /** As stored; for a parent it says little when its leaves are scored both ways, hence the two sums. */
  method: CriterionMethodName;
  /** 1 for a field (lĩnh vực), 2 for a criterion, 3 for a sub-criterion; counted in the tree, not trusted from storage. */
  level: number;
  /** Max points of the node's leaves scored by appraisal and by survey (a leaf: its own max in one of them). */
  appraisalMax: string;
  surveyMax: string;
  scoringRule: ScoringRuleSummary | null;
  /**
   * A survey leaf scored from the approved SIPAS figures: "index" (the overall index) or the
   * element's code; null otherwise. Such a leaf without a written rule is scored in proportion.
   */
  sipasInput: string | null;
  children: MethodologyNode[];
};

export type MethodologyTree = {
  fields: MethodologyNode[];
  /** How many nodes each level has: [fields, criteria, sub-criteria, …]. */
  countsByLevel: number[];
  totalMax: string;
  appraisalMax: string;
  surveyMax: string;
};

/**
 * The criteria set as a tree in the set's order (`order`, then code), with the appraisal/survey split
 * of every node's maximum summed exactly from its leaves. A node whose parent is missing from the
 * records is shown as a field rather than dropped: the page must not hide part of a published set.
 */
export function buildMethodologyTree(records: readonly MethodologyCriterionRecord[]): MethodologyTree {
  const ids = new Set(records.map((record) => record.id));
  const childrenOf = new Map<string | null, MethodologyCriterionRecord[]>();
  for (const record of records) {
    const parent = record.parentId !== null && ids.has(record.parentId) ? record.parentId : null;
    childrenOf.set(parent, [...(childrenOf.get(parent) ?? []), record]);
  }
  const inOrder = (list: readonly MethodologyCriterionRecord[]) =>
    [...list].sort((a, b) => a.order - b.order || compareCodes(a.code, b.code));

  const countsByLevel: number[] = [];
  const build = (record: MethodologyCriterionRecord, level: number, path: ReadonlySet<string>): BuiltNode => {
    countsByLevel[level - 1] = (countsByLevel[level - 1] ?? 0) + 1;
    // A cycle in stored parent links would recurse forever; cut it where it closes.
    const children = inOrder(childrenOf.get(record.id) ?? [])
      .filter((child) => !path.has(child.id))
      .map((child) => build(child, level + 1, new Set([...path, child.id])));
    const [appraisal, survey] =
      children.length === 0
        ? record.method === "survey"
          ? [toExact(0), toExact(record.maxPoints)]
          : [toExact(record.maxPoints), toExact(0)]
        : [exactSum(children.map((child) => child.appraisal)), exactSum(children.map((child) => child.survey))];
    // Only a survey leaf takes SIPAS points (apply-sipas-to-survey-leaves); on another node the tie does nothing.
    const sipasInput = children.length === 0 && record.method === "survey" ? (record.sipasInput ?? null) : null;
    return {
      appraisal,
      survey,
      node: {
        code: record.code,
        name: record.name,
        nameEn: record.nameEn,
        description: record.description,
        maxPoints: toExact(record.maxPoints).toFixed(),
        method: record.method,
        level,
        appraisalMax: appraisal.toFixed(),
        surveyMax: survey.toFixed(),
        scoringRule: summarizeScoringRule(sipasInput !== null ? (record.scoringRule ?? PROPORTIONAL) : record.scoringRule, record.maxPoints),
        sipasInput,
        children: children.map((child) => child.node),
      },
    };
  };

  const fields = inOrder(childrenOf.get(null) ?? []).map((record) => build(record, 1, new Set([record.id])));
  const appraisal = exactSum(fields.map((field) => field.appraisal));
  const survey = exactSum(fields.map((field) => field.survey));
  return {
    fields: fields.map((field) => field.node),
    countsByLevel: Array.from(countsByLevel, (count) => count ?? 0),
    totalMax: exactSum(fields.map((field) => toExact(field.node.maxPoints))).toFixed(),
    appraisalMax: appraisal.toFixed(),
    surveyMax: survey.toFixed(),
  };
}

/** What a tied leaf without a written rule is scored by (see lib/scoring/sipas-leaf-points.ts). */
const PROPORTIONAL = { type: "proportional" };

type BuiltNode = { node: MethodologyNode; appraisal: Decimal; survey: Decimal };

/** How a node is scored, for its label: one method, or both with the points of each. */
export function scoringMethodOf(node: Pick<MethodologyNode, "appraisalMax" | "surveyMax" | "method">): CriterionMethodName | "mixed" {
  const appraisal = toExact(node.appraisalMax);
  const survey = toExact(node.surveyMax);
  if (!appraisal.isZero() && !survey.isZero()) return "mixed";
  if (!survey.isZero()) return "survey";
  if (!appraisal.isZero()) return "appraisal";
  // A node worth nothing is labelled as stored.
  return node.method;
}
