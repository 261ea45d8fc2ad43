import Decimal from "decimal.js";
import { auditActorId, isUserActor, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";
import { approveSipasResultsInput, type ApproveSipasResultsInput } from "@/lib/domain/sipas-result-input";
import { invalidInput, type WorkflowProblem } from "@/lib/domain/workflow-error";
import {
  sipasFiguresRejected,
  sipasPeriodNotFound,
  sipasPublished,
  sipasSurveyMissing,
  sipasSurveyNotClosed,
  sipasUnitProblem,
  sipasUnitsRefused,
} from "@/lib/domain/sipas-result-errors";
import { computeSipasFigures, SipasComputationError } from "@/lib/sipas/compute-sipas-figures";
import { writeAuditLog } from "@/lib/data/audit-log";
import { loadSipasSurvey } from "@/lib/data/sipas-questionnaire";
import { loadAcceptedResponsesByUnit } from "@/lib/data/sipas-unit-responses";
import {
  computedFigures,
  listPeriodUnits,
  listStoredSipasResults,
  lockSipasResultsOfPeriod,
  sameFigures,
  setSipasResultState,
  storedFigures,
  type StoredSipasResult,
} from "@/lib/data/sipas-results";
import { inTransaction } from "@/lib/data/transaction";
import { applySipasToSurveyLeaves, type ApplySipasResult } from "@/lib/services/apply-sipas-to-survey-leaves";

export type ApprovedSipasUnit = { unitCode: string; unitName: string; index: string; responses: number } & ApplySipasResult;

/**
 * The council approves units' SIPAS figures, one or all at once, in one transaction: all or
 * nothing. Refused while the survey is not closed (responses could still change the figure), when
 * the figures differ from those the council's page showed, and when the stored figures no longer
 * match the accepted responses (a flagged response accepted or paper responses imported since the
 * last computation): the council approves what the responses say, not an old snapshot.
 * Approval also scores the unit's survey leaves tied to SIPAS, in the same transaction.
 */
export async function approveSipasResults(actor: Actor, input: ApproveSipasResultsInput, now = new Date()): Promise<ApprovedSipasUnit[]> {
  const parsed = approveSipasResultsInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  if (isUserActor(actor)) assertCan(actor, "sipas.approve");
  const command = parsed.data;

  return inTransaction(async (tx) => {
    const period = await lockSipasResultsOfPeriod(tx, command.periodCode);
    if (!period) throw sipasPeriodNotFound();
    if (period.status === "published") throw sipasPublished();
    if (!period.survey) throw sipasSurveyMissing();
    if (period.survey.status !== "closed") throw sipasSurveyNotClosed(period.survey.status);
    const survey = await loadSipasSurvey(period.code);
    if (!survey) throw sipasSurveyMissing();

    const units = await listPeriodUnits(tx, period.id);
    const unitIdByCode = new Map([...units].map(([id, unit]) => [unit.code, id]));
    const wanted = command.units.map((unit) => ({ ...unit, unitId: unitIdByCode.get(unit.unitCode) ?? null }));
    const unitIds = wanted.flatMap((unit) => (unit.unitId ? [unit.unitId] : []));
    const stored = new Map((await listStoredSipasResults(tx, period.id, unitIds)).map((result) => [result.unitId, result]));
    // One query either way: a single unit's responses, or the whole survey's for "approve all".
    const responses = await loadAcceptedResponsesByUnit(survey.id, unitIds.length === 1 ? unitIds[0] : undefined);

    const problems: WorkflowProblem[] = [];
    const approvable: { unitCode: string; unitId: string; result: StoredSipasResult }[] = [];
    for (const unit of wanted) {
      const name = unit.unitId ? (units.get(unit.unitId)?.name ?? unit.unitCode) : unit.unitCode;
      const result = unit.unitId ? stored.get(unit.unitId) : undefined;
      if (!unit.unitId) problems.push(sipasUnitProblem("not_in_period", unit.unitCode, name));
      else if (!result) problems.push(sipasUnitProblem("no_result", unit.unitCode, name));
      else if (result.state === "approved") problems.push(sipasUnitProblem("already_approved", unit.unitCode, name));
      else if (!result.index.equals(new Decimal(unit.expectedIndex)) || result.responses !== unit.expectedResponses) {
        problems.push(sipasUnitProblem("stale", unit.unitCode, name));
      } else if (!matchesResponses(survey.questionnaire, responses.get(unit.unitId) ?? [], result, unit.unitCode)) {
        problems.push(sipasUnitProblem("responses_changed", unit.unitCode, name));
      } else approvable.push({ unitCode: unit.unitCode, unitId: unit.unitId, result });
    }
    if (problems.length) throw sipasUnitsRefused(problems);

    const approved: ApprovedSipasUnit[] = [];
    for (const { unitCode, unitId, result } of approvable) {
      const figures = storedFigures(result);
      await setSipasResultState(tx, { resultId: result.id, state: "approved", approvedById: auditActorId(actor), approvedAt: now });
      const leaves = await applySipasToSurveyLeaves({
        periodId: period.id,
        unitId,
        figures: { index: figures.index, elements: figures.elements.map((element) => ({ code: element.code, index: element.index })) },
        actor,
      });
      await writeAuditLog(tx, {
        actorId: auditActorId(actor),
        action: "sipas.result.approve",
        entityType: "SipasResult",
        entityId: result.id,
        periodId: period.id,
        unitId,
        before: { state: "computed" },
        after: {
          state: "approved",
          approvedAt: now.toISOString(),
          index: figures.index,
          responses: figures.responses,
          ciLow: figures.ciLow,
          ciHigh: figures.ciHigh,
          surveyLeaves: leaves.applied,
          missingElements: leaves.missing,
          ...(isUserActor(actor) ? {} : { command: actor.system }),
        },
      });
      approved.push({ unitCode, unitName: result.unit.name, index: figures.index, responses: figures.responses, ...leaves });
    }
    return approved;
  });
}

/** One unit's approval: the same use case with a batch of one. */
export async function approveSipasResult(
  actor: Actor,
  input: { periodCode: string; unitCode: string; expectedIndex: string; expectedResponses: number },
  now = new Date(),
): Promise<ApprovedSipasUnit> {
  const [approved] = await approveSipasResults(actor, { periodCode: input.periodCode, units: [input] }, now);
  return approved!;
}

function matchesResponses(
  questionnaire: Parameters<typeof computeSipasFigures>[0],
  responses: Parameters<typeof computeSipasFigures>[1],
  result: StoredSipasResult,
  unitCode: string,
): boolean {
  try {
    const figures = computeSipasFigures(questionnaire, responses);
    return figures.index !== null && sameFigures(computedFigures({ ...figures, index: figures.index }), storedFigures(result));
  } catch (error) {
    if (error instanceof SipasComputationError) throw sipasFiguresRejected(`${unitCode}: ${error.message}`);
    throw error;
  }
}
