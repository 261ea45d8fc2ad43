import type { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "./transaction";

/**
 * Locks the period row (so two publications of one period cannot interleave) before anything
 * is read for it, and returns its state as of the lock.
 */
export async function lockPeriodForPublication(tx: Tx, periodCode: string) {
  const locked = await tx.$queryRaw<{ id: string }[]>`select id from "Period" where code = ${periodCode} for update`;
  const id = locked[0]?.id;
  if (!id) return null;
  return tx.period.findUniqueOrThrow({ where: { id }, select: { id: true, status: true, decisionNumber: true, decisionDate: true } });
}

export async function loadApprovedSipas(tx: Tx, periodId: string): Promise<Map<string, { index: string; responses: number }>> {
  const rows = await tx.sipasResult.findMany({
    where: { periodId, state: "approved" },
    select: { index: true, responses: true, unit: { select: { code: true } } },
  });
  return new Map(rows.map((row) => [row.unit.code, { index: row.index.toFixed(4), responses: row.responses }]));
}

export type SipasPublicationBlock =
  | { kind: "survey_open" }
  | { kind: "not_computed"; units: string[] }
  | { kind: "not_approved"; units: string[] };

/**
 * Why the period's SIPAS keeps it from being published, or null. Only a council-approved figure
 * is published, so: a survey still taking responses (an unfinished draft with no response is no
 * survey), a unit with accepted responses but no figures, and figures computed but not approved
 * (never approved, revoked, or dropped by a recompute or a reopening) each block publication;
 * otherwise figures would be left out silently, or SIPAS-tied leaf points would come from figures
 * no longer approved.
 */
export async function findSipasPublicationBlock(tx: Tx, periodId: string): Promise<SipasPublicationBlock | null> {
  const survey = await tx.sipasSurvey.findFirst({ where: { periodId }, orderBy: { createdAt: "asc" }, select: { id: true, status: true } });
  if (!survey) return null;
  if (survey.status === "open") return { kind: "survey_open" };
  const unitNames = async (where: Prisma.UnitWhereInput) =>
    (await tx.unit.findMany({ where, select: { name: true }, orderBy: { code: "asc" } })).map((unit) => unit.name);
  const notComputed = await unitNames({
    sipasResponses: { some: { surveyId: survey.id, status: "accepted" } },
    sipasResults: { none: { periodId } },
  });
  if (notComputed.length) return { kind: "not_computed", units: notComputed };
  const notApproved = await unitNames({ sipasResults: { some: { periodId, state: "computed" } } });
  if (notApproved.length) return { kind: "not_approved", units: notApproved };
  return null;
}

export async function markPeriodPublished(
  tx: Tx,
  args: { periodId: string; publicationId: string; decisionNumber: string | null; decisionDate: Date | null },
): Promise<void> {
  const period = await tx.period.update({
    where: { id: args.periodId },
    data: {
      status: "published",
      publishedAt: new Date(),
      currentPublicationId: args.publicationId,
      decisionNumber: args.decisionNumber,
      decisionDate: args.decisionDate,
    },
    select: { criteriaSetId: true },
  });
  // A set used by a published period is never edited again: a new version is made instead.
  await tx.criteriaSet.updateMany({ where: { id: period.criteriaSetId, lockedAt: null }, data: { lockedAt: new Date() } });
}
