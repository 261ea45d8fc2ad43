import { setPeriodBandsInput, type SetPeriodBandsInput } from "@/lib/domain/period-setup-input";
import { invalidInput, PeriodSetupError } from "@/lib/domain/setup-error";
import { bandCoverage, type BandCoverage } from "@/lib/domain/band-coverage";
import { loadBands, lockPeriodForSetup, replaceBands, type BandRow } from "@/lib/data/period-setup";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

export type PeriodBandsResult = BandCoverage & { bandRows: BandRow[] };

/**
 * Replaces a period's classification bands (label, minimum index, colour, meaning for the unit
 * head). A lowest band above 0 is allowed: units below it get no band, which the result's notice
 * says in both languages (the methodology page says the same to the public). Refused once published.
 */
export async function setPeriodBands(actor: Actor, input: SetPeriodBandsInput): Promise<PeriodBandsResult> {
  assertCan(actor, "period.edit");
  const parsed = setPeriodBandsInput.safeParse(input);
  if (!parsed.success) throw invalidInput(PeriodSetupError, parsed.error);
  const command = parsed.data;

  return inTransaction(async (tx) => {
    const period = await lockPeriodForSetup(tx, command.periodCode);
    if (!period) throw new PeriodSetupError("not_found", `Không có kỳ đánh giá "${command.periodCode}".`, `No period "${command.periodCode}".`);
    if (period.status === "published") {
      throw new PeriodSetupError(
        "published",
        "Kỳ đánh giá đã công bố: không thể sửa các mức xếp loại.",
        "The period is published: its bands can no longer change.",
      );
    }
    const before = await loadBands(tx, period.id);
    const bands: BandRow[] = command.bands.map((band) => ({
      label: band.label,
      labelEn: band.labelEn ?? null,
      minIndex: band.minIndex,
      color: band.color ?? null,
      headAssessment: band.headAssessment ?? null,
    }));
    await replaceBands(tx, period.id, bands);
    const after = await loadBands(tx, period.id);
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "period.bands",
      entityType: "Period",
      entityId: period.id,
      periodId: period.id,
      before: { bands: before },
      after: { bands: after },
    });
    return { ...bandCoverage(after), bandRows: after };
  });
}
