import type { UserActor } from "@/lib/auth/actor";
import { unitScope } from "@/lib/review/permissions";
import { getPrisma } from "./prisma";

/**
 * The periods an officer's unit takes part in (not those home affairs is still preparing),
 * newest first. Other roles have no unit of their own: an empty list.
 */
export async function listOwnAssessments(actor: UserActor) {
  const scope = unitScope(actor);
  if (!scope) return [];
  return getPrisma().assessment.findMany({
    where: { unitId: scope.unitId, period: { status: { not: "draft" } } },
    orderBy: [{ period: { year: "desc" } }, { period: { code: "asc" } }],
    select: {
      status: true,
      unit: { select: { code: true, name: true } },
      period: { select: { code: true, name: true, status: true, selfAssessmentDeadline: true } },
    },
  });
}
