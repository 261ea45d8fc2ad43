import { clonePeriodInput, type ClonePeriodInput } from "@/lib/domain/period-setup-input";
import { invalidInput, PeriodSetupError } from "@/lib/domain/setup-error";
import { planClonedUnits, type CloneSkip } from "@/lib/domain/period-clone-plan";
import { shiftYears } from "@/lib/domain/period-deadlines";
import { criteriaSetProblems, type CriteriaSetProblem } from "@/lib/domain/criteria-set-problems";
import { findCloneSource, findCriteriaSetId, insertDraftPeriod, loadLineageGraph, loadPeriodUnits, periodCodeTaken } from "@/lib/data/period-setup";
import { loadCriteria, toCheckRows } from "@/lib/data/criteria-sets";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

export type ClonePeriodResult = {
  id: string;
  code: string;
  year: number;
  criteriaSetCode: string;
  /** The new period's units; `replaces` names last year's units a successor stands in for. */
  units: { unitCode: string; groupCode: string; replaces: string[] }[];
  /** Last year's units left out: dissolved with no successor still in existence. */
  skipped: CloneSkip[];
  bands: number;
  /** The chosen set's problems: the period cannot open until they are fixed. */
  criteriaSetProblems: CriteriaSetProblem[];
};

/**
 * A new draft period from last year's: same authority, settings, bands and tie-breakers,
 * deadlines moved by the years between them, the same units in the same groups — a unit since
 * merged or split brings its successors instead — and last year's period as the previous one
 * (rank change is computed against it). The criteria set is the one given, or last year's.
 */
export async function clonePeriod(actor: Actor, input: ClonePeriodInput): Promise<ClonePeriodResult> {
  assertCan(actor, "period.open");
  const parsed = clonePeriodInput.safeParse(input);
  if (!parsed.success) throw invalidInput(PeriodSetupError, parsed.error);
  const command = parsed.data;

  return inTransaction(async (tx) => {
    const source = await findCloneSource(tx, command.fromPeriodCode);
    if (!source) {
      throw new PeriodSetupError("not_found", `Không có kỳ đánh giá "${command.fromPeriodCode}".`, `No period "${command.fromPeriodCode}".`);
    }
    if (await periodCodeTaken(tx, command.code)) {
      throw new PeriodSetupError("exists", `Kỳ đánh giá "${command.code}" đã có.`, `Period "${command.code}" already exists.`, [
        { path: "code", vi: "Mã kỳ đã được dùng", en: "This period code is taken" },
      ]);
    }
    if (command.year < source.year) {
      throw new PeriodSetupError(
        "invalid",
        `Kỳ mới (năm ${command.year}) không thể trước kỳ được sao chép (năm ${source.year}).`,
        `The new period (${command.year}) cannot come before the period it copies (${source.year}).`,
        [{ path: "year", vi: `Từ năm ${source.year} trở đi`, en: `${source.year} or later` }],
      );
    }
    const criteriaSet = command.criteriaSetCode
      ? await findCriteriaSetId(tx, command.criteriaSetCode)
      : { id: source.criteriaSetId, code: source.criteriaSet.code };
    if (!criteriaSet) {
      throw new PeriodSetupError("unknown_reference", `Không có bộ chỉ số "${command.criteriaSetCode}".`, `No criteria set "${command.criteriaSetCode}".`, [
        { path: "criteriaSetCode", vi: "Không có bộ chỉ số này", en: "No such criteria set" },
      ]);
    }

    const lineage = await loadLineageGraph(tx);
    const plan = planClonedUnits(
      source.assessments.map((assessment) => ({ unitId: assessment.unitId, unitCode: assessment.unit.code, groupId: assessment.groupId })),
      lineage.units,
      lineage.successorsOf,
    );
    const years = command.year - source.year;
    const shift = (moment: Date | null) => (moment ? shiftYears(moment, years) : null);
    const period = await insertDraftPeriod(tx, {
      code: command.code,
      year: command.year,
      name: command.name,
      authorityId: source.authorityId,
      criteriaSetId: criteriaSet.id,
      previousPeriodId: source.id,
      previousPeriodCode: source.code,
      tieBreakers: source.tieBreakers,
      publishSelfPoints: source.publishSelfPoints,
      illustrative: source.illustrative,
      selfAssessmentOpensAt: shift(source.selfAssessmentOpensAt),
      selfAssessmentDeadline: shift(source.selfAssessmentDeadline),
      appraisalDeadline: shift(source.appraisalDeadline),
      bands: source.bands,
      assessments: plan.units.map((unit) => ({ unitId: unit.unitId, groupId: unit.groupId })),
    });

    const replaces = new Map(plan.units.map((unit) => [unit.unitId, unit.replaces]));
    const units = (await loadPeriodUnits(tx, period.id))
      .map((entry) => ({ unitCode: entry.unit.code, groupCode: entry.group.code, replaces: replaces.get(entry.unit.id) ?? [] }));
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "period.clone",
      entityType: "Period",
      entityId: period.id,
      periodId: period.id,
      before: { from: source.code },
      after: {
        code: command.code,
        year: command.year,
        status: "draft",
        criteriaSet: criteriaSet.code,
        units: units.length,
        successors: units.filter((unit) => unit.replaces.length > 0).map((unit) => ({ unit: unit.unitCode, replaces: unit.replaces })),
        skipped: plan.skipped.map((skip) => skip.unitCode),
        bands: source.bands.length,
      },
    });
    return {
      id: period.id,
      code: command.code,
      year: command.year,
      criteriaSetCode: criteriaSet.code,
      units,
      skipped: plan.skipped,
      bands: source.bands.length,
      criteriaSetProblems: criteriaSetProblems(toCheckRows(await loadCriteria(tx, criteriaSet.id))),
    };
  });
}
