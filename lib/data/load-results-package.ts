import Decimal from "decimal.js";
import type { NormalizedCriterion, NormalizedPackage } from "@/lib/domain/results-package";
import { compareCriterionCodes } from "@/lib/scoring/criteria-tree";
import { getPrisma } from "./prisma";
import { compareCodes } from "@/lib/domain/compare-codes";

function dec(value: { toString(): string }): Decimal {
  return new Decimal(value.toString());
}

function isoDate(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/**
 * A period as a results package (the export side of the contract): appraised points, claims,
 * reasons, not-applicable leaves and SIPAS figures, exactly as stored.
 */
export async function loadResultsPackage(periodCode: string): Promise<NormalizedPackage | null> {
  const period = await getPrisma().period.findUnique({
    where: { code: periodCode },
    select: {
      code: true,
      year: true,
      name: true,
      decisionNumber: true,
      decisionDate: true,
      tieBreakers: true,
      previousPeriodCode: true,
      authority: { select: { name: true } },
      previousPeriod: { select: { code: true } },
      bands: { select: { label: true, minIndex: true } },
      criteriaSet: {
        select: {
          code: true,
          name: true,
          criteria: {
            select: {
              id: true,
              code: true,
              name: true,
              maxPoints: true,
              method: true,
              depth: true,
              order: true,
              parent: { select: { code: true } },
              _count: { select: { children: true } },
            },
          },
        },
      },
      assessments: {
        select: {
          unit: {
            select: {
              code: true,
              name: true,
              predecessorLinks: { select: { effectiveOn: true, predecessor: { select: { code: true } } } },
            },
          },
          group: { select: { code: true, name: true, order: true } },
          scores: {
            select: {
              criterionId: true,
              appraisedPoints: true,
              selfPoints: true,
              appraisalReason: true,
              notApplicable: true,
            },
          },
        },
      },
      sipasResults: {
        select: {
          index: true,
          responses: true,
          unit: { select: { code: true } },
          elements: { select: { code: true, index: true }, orderBy: { order: "asc" } },
        },
      },
    },
  });
  if (!period) return null;

  // Tree order: parents before children, siblings by their order.
  const byParent = new Map<string | null, typeof period.criteriaSet.criteria>();
  for (const criterion of period.criteriaSet.criteria) {
    const key = criterion.parent?.code ?? null;
    byParent.set(key, [...(byParent.get(key) ?? []), criterion]);
  }
  const criteria: NormalizedCriterion[] = [];
  const walk = (parentCode: string | null) => {
    const children = (byParent.get(parentCode) ?? []).sort((a, b) => a.order - b.order || compareCriterionCodes(a.code, b.code));
    for (const criterion of children) {
      criteria.push({
        code: criterion.code,
        parentCode,
        name: criterion.name,
        maxPoints: dec(criterion.maxPoints),
        method: criterion.method,
        depth: criterion.depth,
        order: criterion.order,
        isLeaf: criterion._count.children === 0,
      });
      walk(criterion.code);
    }
  };
  walk(null);
  const leafOrder = new Map(criteria.filter((criterion) => criterion.isLeaf).map((criterion, position) => [criterion.code, position]));
  const codeById = new Map(period.criteriaSet.criteria.map((criterion) => [criterion.id, criterion.code]));

  const assessments = [...period.assessments].sort(
    (a, b) => a.group.order - b.group.order || compareCodes(a.group.code, b.group.code) || compareCodes(a.unit.code, b.unit.code),
  );
  const groups = new Map<string, string>();
  for (const assessment of assessments) groups.set(assessment.group.code, assessment.group.name);

  const scores = assessments.flatMap((assessment) =>
    assessment.scores
      .map((score) => ({ score, code: codeById.get(score.criterionId)! }))
      .filter(({ code }) => leafOrder.has(code))
      .sort((a, b) => leafOrder.get(a.code)! - leafOrder.get(b.code)!)
      .map(({ score, code }) => ({
        unit: assessment.unit.code,
        criterion: code,
        points: score.appraisedPoints === null ? null : dec(score.appraisedPoints),
        selfPoints: score.selfPoints === null ? null : dec(score.selfPoints),
        reason: score.appraisalReason,
        notApplicable: score.notApplicable,
        row: 0,
      })),
  );
  scores.forEach((score, position) => (score.row = position + 1));

  const sipasOrder = new Map(assessments.map((assessment, position) => [assessment.unit.code, position]));
  return {
    period: {
      code: period.code,
      year: period.year,
      name: period.name,
      authority: period.authority.name,
      previous: period.previousPeriod?.code ?? period.previousPeriodCode,
      decision: period.decisionNumber && period.decisionDate ? { number: period.decisionNumber, date: isoDate(period.decisionDate) } : null,
    },
    criteriaSet: { code: period.criteriaSet.code, name: period.criteriaSet.name, criteria },
    groups: [...groups].map(([code, name]) => ({ code, name })),
    bands: period.bands
      .map((band) => ({ label: band.label, minIndex: dec(band.minIndex) }))
      .sort((a, b) => b.minIndex.comparedTo(a.minIndex)),
    tieBreakers: period.tieBreakers,
    units: assessments.map((assessment) => ({
      code: assessment.unit.code,
      name: assessment.unit.name,
      group: assessment.group.code,
      // A merge recorded for this period's year: the package that introduced it names it again.
      predecessors: assessment.unit.predecessorLinks
        .filter((link) => link.effectiveOn.getUTCFullYear() === period.year)
        .map((link) => link.predecessor.code)
        .sort(),
    })),
    scores,
    sipas: [...period.sipasResults]
      .sort((a, b) => (sipasOrder.get(a.unit.code) ?? 0) - (sipasOrder.get(b.unit.code) ?? 0))
      .map((row) => ({
        unit: row.unit.code,
        index: dec(row.index),
        responses: row.responses,
        elements: row.elements.map((element) => ({ code: element.code, index: dec(element.index) })),
      })),
  };
}
