import { describeIssues } from "@/lib/domain/describe-issues";
import { openPeriodInput, type OpenPeriodInput } from "@/lib/domain/open-period-input";
import { findPeriodInputRefs, insertPeriod } from "@/lib/data/insert-period";
import { upsertAuthority } from "@/lib/data/authorities";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";
import { UseCaseError } from "@/lib/domain/use-case-error";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

export class OpenPeriodError extends UseCaseError<"invalid" | "exists" | "unknown_reference"> {}

/** Creates a period (draft, or straight into self-assessment) with its units, groups and bands. */
export async function openPeriod(input: OpenPeriodInput, actor: Actor): Promise<{ id: string }> {
  assertCan(actor, "period.open");
  const parsed = openPeriodInput.safeParse(input);
  if (!parsed.success) {
    const { vi, en } = describeIssues(parsed.error);
    throw new OpenPeriodError("invalid", vi, en);
  }
  const command = parsed.data;
  return inTransaction(async (tx) => {
    const refs = await findPeriodInputRefs(tx, {
      periodCode: command.code,
      criteriaSetCode: command.criteriaSetCode,
      previousPeriodCode: command.previousPeriodCode ?? null,
      unitCodes: command.units.map((unit) => unit.unitCode),
      groupCodes: command.units.map((unit) => unit.groupCode),
    });
    if (refs.periodExists) {
      throw new OpenPeriodError("exists", `Kỳ đánh giá "${command.code}" đã có.`, `Period "${command.code}" already exists.`);
    }
    const missing = [
      ...(refs.criteriaSetId ? [] : [`criteriaSet ${command.criteriaSetCode}`]),
      ...(command.previousPeriodCode && !refs.previousPeriodId ? [`period ${command.previousPeriodCode}`] : []),
      ...command.units.filter((unit) => !refs.unitIds.has(unit.unitCode)).map((unit) => `unit ${unit.unitCode}`),
      ...command.units.filter((unit) => !refs.groupIds.has(unit.groupCode)).map((unit) => `group ${unit.groupCode}`),
    ];
    if (missing.length) {
      const list = [...new Set(missing)].join(", ");
      throw new OpenPeriodError("unknown_reference", `Không tìm thấy: ${list}`, `Not found: ${list}`);
    }
    const authorityId = await upsertAuthority(tx, command.authorityName);
    const status = command.openSelfAssessment ? "self_assessment" : "draft";
    const period = await insertPeriod(tx, {
      code: command.code,
      year: command.year,
      name: command.name,
      authorityId,
      criteriaSetId: refs.criteriaSetId!,
      previousPeriodId: refs.previousPeriodId,
      previousPeriodCode: command.previousPeriodCode ?? null,
      status,
      tieBreakers: command.tieBreakers,
      selfAssessmentOpensAt: command.selfAssessmentOpensAt ?? null,
      selfAssessmentDeadline: command.selfAssessmentDeadline ?? null,
      appraisalDeadline: command.appraisalDeadline ?? null,
      illustrative: command.illustrative,
      bands: command.bands,
      assessments: command.units.map((unit) => ({ unitId: refs.unitIds.get(unit.unitCode)!, groupId: refs.groupIds.get(unit.groupCode)! })),
    });
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "period.open",
      entityType: "Period",
      entityId: period.id,
      periodId: period.id,
      after: { code: command.code, status, units: command.units.length },
    });
    return period;
  });
}
