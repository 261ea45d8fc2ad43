import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/review/permissions";
import { inTreeOrder } from "./appraisal";
import { currentClient } from "./transaction";

export type ErratumLeafOption = { code: string; name: string; maxPoints: string };

export type ErratumOptions = {
  units: { code: string; name: string }[];
  /** The leaves of the period's criteria set, in tree order: only leaves carry points. */
  leaves: ErratumLeafOption[];
  /**
   * The appraised points each unit's published results stand on, by unit then leaf code:
   * a decimal string, or null for "not applicable". A leaf without a score row is absent.
   */
  current: Record<string, Record<string, string | null>>;
};

/**
 * What home affairs chooses from when correcting a published period: its units, its leaves with
 * their max, and the points in force, so the form shows what a correction replaces. Null for
 * anyone who may not publish, or when the period does not exist or is not published.
 */
export async function loadErratumOptions(actor: Actor, periodCode: string): Promise<ErratumOptions | null> {
  if (!can(actor, "period.publish")) return null;
  const client = currentClient();
  const period = await client.period.findFirst({
    where: { code: periodCode, status: "published" },
    select: { id: true, criteriaSetId: true },
  });
  if (!period) return null;
  const [assessments, criteria, scores] = await Promise.all([
    client.assessment.findMany({
      where: { periodId: period.id },
      select: { id: true, unit: { select: { code: true, name: true } } },
      orderBy: [{ unit: { name: "asc" } }, { unit: { code: "asc" } }],
    }),
    client.criterion.findMany({
      where: { criteriaSetId: period.criteriaSetId },
      select: { id: true, parentId: true, code: true, name: true, maxPoints: true, order: true },
    }),
    client.criterionScore.findMany({
      where: { assessment: { periodId: period.id } },
      select: { assessmentId: true, criterionId: true, appraisedPoints: true, notApplicable: true },
    }),
  ]);
  const leaves = inTreeOrder(criteria)
    .filter((entry) => entry.isLeaf)
    .map(({ node }) => ({ id: node.id, code: node.code, name: node.name, maxPoints: node.maxPoints.toString() }));
  const leafCode = new Map(leaves.map((leaf) => [leaf.id, leaf.code]));
  const unitOf = new Map(assessments.map((assessment) => [assessment.id, assessment.unit.code]));
  const current: Record<string, Record<string, string | null>> = Object.fromEntries(assessments.map((assessment) => [assessment.unit.code, {}]));
  for (const score of scores) {
    const code = leafCode.get(score.criterionId);
    const unitCode = unitOf.get(score.assessmentId);
    if (!code || !unitCode) continue;
    if (score.notApplicable) current[unitCode]![code] = null;
    else if (score.appraisedPoints !== null) current[unitCode]![code] = score.appraisedPoints.toString();
  }
  return {
    units: assessments.map((assessment) => ({ code: assessment.unit.code, name: assessment.unit.name })),
    leaves: leaves.map(({ code, name, maxPoints }) => ({ code, name, maxPoints })),
    current,
  };
}
