import { auditActorId, isUserActor, type Actor } from "@/lib/auth/actor";
import { assertCan, can } from "@/lib/review/permissions";
import { computeSipasResultsInput, type ComputeSipasResultsInput } from "@/lib/domain/sipas-result-input";
import { invalidInput } from "@/lib/domain/workflow-error";
import { sipasFiguresRejected, sipasPeriodNotFound, sipasPublished, sipasSurveyMissing } from "@/lib/domain/sipas-result-errors";
import { computeSipasFigures, SipasComputationError, type SipasUnitFigures } from "@/lib/sipas/compute-sipas-figures";
import { writeAuditLog } from "@/lib/data/audit-log";
import { loadSipasSurvey } from "@/lib/data/sipas-questionnaire";
import { loadAcceptedResponsesByUnit } from "@/lib/data/sipas-unit-responses";
import {
  computedFigures,
  deleteSipasResult,
  listPeriodUnits,
  listStoredSipasResults,
  lockSipasResultsOfPeriod,
  sameFigures,
  storedFigures,
  writeComputedSipasResult,
} from "@/lib/data/sipas-results";
import { inTransaction } from "@/lib/data/transaction";

export type ComputeSipasResultsSummary = {
  /** Units whose figures were written (new or changed). */
  computed: number;
  unchanged: number;
  /** Units whose approved figures changed: their approval was dropped and must be given again. */
  approvalsDropped: string[];
  /** Units whose result was removed: no accepted response any more, or no longer in the period. */
  removed: string[];
};

/**
 * Recomputes every unit of a period from its accepted responses into SipasResult rows in the
 * "computed" state. A unit whose figures did not change keeps its row untouched (an approval
 * stays); a unit whose approved figures changed (an admin accepted a flagged response, paper
 * responses were imported) falls back to "computed" with an audit row saying so, since the council
 * approved other numbers. Only units of the period with at least one accepted response get a result.
 */
export async function computeSipasResults(actor: Actor, input: ComputeSipasResultsInput): Promise<ComputeSipasResultsSummary> {
  const parsed = computeSipasResultsInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  // The council reviews the figures and home affairs runs the survey: either may refresh them.
  if (isUserActor(actor) && !can(actor, "sipas.approve")) assertCan(actor, "sipas.edit");
  const actorId = auditActorId(actor);

  return inTransaction(async (tx) => {
    const period = await lockSipasResultsOfPeriod(tx, parsed.data.periodCode);
    if (!period) throw sipasPeriodNotFound();
    if (period.status === "published") throw sipasPublished();
    const survey = period.survey ? await loadSipasSurvey(period.code) : null;
    if (!survey) throw sipasSurveyMissing();

    const [units, responsesByUnit, stored] = await Promise.all([
      listPeriodUnits(tx, period.id),
      loadAcceptedResponsesByUnit(survey.id),
      listStoredSipasResults(tx, period.id),
    ]);
    const storedByUnit = new Map(stored.map((result) => [result.unitId, result]));
    const elementNames = new Map(survey.questionnaire.elements.map((element, position) => [element.code, { name: element.name, order: position + 1 }]));
    const summary: ComputeSipasResultsSummary = { computed: 0, unchanged: 0, approvalsDropped: [], removed: [] };

    for (const result of stored) {
      if (units.has(result.unitId)) continue;
      await deleteSipasResult(tx, result.id);
      summary.removed.push(result.unit.code);
    }

    for (const [unitId, unit] of units) {
      const previous = storedByUnit.get(unitId);
      const figures = figuresOf(survey.questionnaire, responsesByUnit.get(unitId) ?? [], unit.code);
      if (!figures) {
        if (previous) {
          await deleteSipasResult(tx, previous.id);
          summary.removed.push(unit.code);
          if (previous.state === "approved") {
            await writeAuditLog(tx, {
              actorId,
              action: "sipas.result.approval_dropped",
              entityType: "SipasResult",
              entityId: previous.id,
              periodId: period.id,
              unitId,
              before: { ...storedFigures(previous), state: "approved" },
              after: { state: "removed", reason: "no accepted response" },
            });
          }
        }
        continue;
      }
      const next = computedFigures(figures);
      if (previous && sameFigures(storedFigures(previous), next)) {
        summary.unchanged += 1;
        continue;
      }
      await writeComputedSipasResult(tx, { periodId: period.id, unitId, figures: next, elementNames });
      summary.computed += 1;
      if (previous?.state === "approved") {
        summary.approvalsDropped.push(unit.code);
        await writeAuditLog(tx, {
          actorId,
          action: "sipas.result.approval_dropped",
          entityType: "SipasResult",
          entityId: previous.id,
          periodId: period.id,
          unitId,
          before: { index: previous.index.toFixed(4), responses: previous.responses, state: "approved", approvedBy: previous.approvedBy?.name ?? null },
          after: { index: next.index, responses: next.responses, state: "computed" },
        });
      }
    }

    await writeAuditLog(tx, {
      actorId,
      action: "sipas.results.compute",
      entityType: "Period",
      entityId: period.id,
      periodId: period.id,
      after: { ...summary, ...(isUserActor(actor) ? {} : { command: actor.system }) },
    });
    return summary;
  });
}

/** A unit's figures, or null when it has no accepted response (or none with a weighted answer). */
function figuresOf(
  questionnaire: Parameters<typeof computeSipasFigures>[0],
  responses: Parameters<typeof computeSipasFigures>[1],
  unitCode: string,
): (SipasUnitFigures & { index: string }) | null {
  if (!responses.length) return null;
  try {
    const figures = computeSipasFigures(questionnaire, responses);
    return figures.index === null ? null : { ...figures, index: figures.index };
  } catch (error) {
    if (error instanceof SipasComputationError) throw sipasFiguresRejected(`${unitCode}: ${error.message}`);
    throw error;
  }
}
