import type { Actor } from "@/lib/auth/actor";
import { can } from "@/lib/review/permissions";
import { getPrisma } from "./prisma";

/** Every period for home affairs, newest first, with its units counted by assessment state. */
export async function listConsolePeriods(actor: Actor) {
  if (!can(actor, "period.edit")) return [];
  const prisma = getPrisma();
  const [periods, counts] = await Promise.all([
    prisma.period.findMany({
      orderBy: [{ year: "desc" }, { code: "asc" }],
      select: {
        code: true,
        name: true,
        year: true,
        status: true,
        selfAssessmentDeadline: true,
        appraisalDeadline: true,
        illustrative: true,
        currentPublication: { select: { version: true, publishedAt: true } },
      },
    }),
    prisma.assessment.groupBy({ by: ["periodId", "status"], _count: { _all: true } }),
  ]);
  const ids = await prisma.period.findMany({ select: { id: true, code: true } });
  const codeById = new Map(ids.map((period) => [period.id, period.code]));
  const byPeriod = new Map<string, Record<string, number>>();
  for (const row of counts) {
    const code = codeById.get(row.periodId)!;
    const entry = byPeriod.get(code) ?? {};
    entry[row.status] = row._count._all;
    byPeriod.set(code, entry);
  }
  return periods.map((period) => ({ ...period, unitsByStatus: byPeriod.get(period.code) ?? {} }));
}

/** One period's header for its console page. */
export async function findConsolePeriod(actor: Actor, periodCode: string) {
  if (!can(actor, "period.edit")) return null;
  return getPrisma().period.findUnique({
    where: { code: periodCode },
    select: {
      code: true,
      name: true,
      year: true,
      status: true,
      selfAssessmentOpensAt: true,
      selfAssessmentDeadline: true,
      appraisalDeadline: true,
      decisionNumber: true,
      decisionDate: true,
      tieBreakers: true,
      illustrative: true,
      criteriaSet: { select: { code: true, name: true, version: true } },
      previousPeriod: { select: { code: true, name: true } },
      bands: { orderBy: { minIndex: "desc" }, select: { label: true, minIndex: true } },
      publications: { orderBy: { version: "desc" }, select: { version: true, reason: true, publishedAt: true, decisionNumber: true } },
    },
  });
}
