import { auditActorId, isUserActor, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";
import { revokeSipasApprovalInput, type RevokeSipasApprovalInput } from "@/lib/domain/sipas-result-input";
import { invalidInput } from "@/lib/domain/workflow-error";
import { sipasPeriodNotFound, sipasPublished, sipasUnitProblem, sipasUnitsRefused } from "@/lib/domain/sipas-result-errors";
import { writeAuditLog } from "@/lib/data/audit-log";
import { listPeriodUnits, listStoredSipasResults, lockSipasResultsOfPeriod, setSipasResultState } from "@/lib/data/sipas-results";
import { inTransaction } from "@/lib/data/transaction";

/**
 * The council withdraws its approval of one unit's SIPAS figures (a doubt about some responses,
 * say), with a reason kept in the audit log. The figures stay, back in the "computed" state, to be
 * recomputed or approved again. Refused once the period is published: from then on a change is an
 * erratum. Survey leaves scored from the approval keep their points until the next approval
 * writes new ones; the unit's next approval (or the council) sets them again.
 */
export async function revokeSipasApproval(actor: Actor, input: RevokeSipasApprovalInput): Promise<void> {
  const parsed = revokeSipasApprovalInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  if (isUserActor(actor)) assertCan(actor, "sipas.approve");
  const command = parsed.data;

  await inTransaction(async (tx) => {
    const period = await lockSipasResultsOfPeriod(tx, command.periodCode);
    if (!period) throw sipasPeriodNotFound();
    if (period.status === "published") throw sipasPublished();
    const units = await listPeriodUnits(tx, period.id);
    const unitId = [...units].find(([, unit]) => unit.code === command.unitCode)?.[0];
    if (!unitId) throw sipasUnitsRefused([sipasUnitProblem("not_in_period", command.unitCode, command.unitCode)]);
    const name = units.get(unitId)!.name;
    const [result] = await listStoredSipasResults(tx, period.id, [unitId]);
    if (!result) throw sipasUnitsRefused([sipasUnitProblem("no_result", command.unitCode, name)]);
    if (result.state !== "approved") throw sipasUnitsRefused([sipasUnitProblem("not_approved", command.unitCode, name)]);

    await setSipasResultState(tx, { resultId: result.id, state: "computed", approvedById: null, approvedAt: null });
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "sipas.result.revoke",
      entityType: "SipasResult",
      entityId: result.id,
      periodId: period.id,
      unitId,
      before: { state: "approved", approvedBy: result.approvedBy?.name ?? null, approvedAt: result.approvedAt?.toISOString() ?? null },
      after: { state: "computed", reason: command.reason, index: result.index.toFixed(4), responses: result.responses },
    });
  });
}
