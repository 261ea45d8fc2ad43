import type { NormalizedPackage } from "@/lib/domain/results-package";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";
import { storeResultsPackage, type StoreOutcome } from "@/lib/data/store-results-package";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";
import { publishPeriodInTransaction } from "./publish-period";

export type ImportResultsPackageCommand = {
  pkg: NormalizedPackage;
  replace: boolean;
  publish: boolean;
  actor: Actor;
  /** Demo and training data: public pages label the period as illustrative. */
  illustrative?: boolean;
  onProgress?: (message: string) => void;
};

export type ImportResultsPackageOutcome = StoreOutcome & { publishedVersion: number | null };

/**
 * Imports a validated results package as one transaction: the period, its criteria set, units,
 * scores and SIPAS figures, and (with `publish`) its computed publication. All or nothing.
 */
export async function importResultsPackage(command: ImportResultsPackageCommand): Promise<ImportResultsPackageOutcome> {
  assertCan(command.actor, "results_package.import");
  return inTransaction(
    async (tx) => {
      const stored = await storeResultsPackage(tx, command.pkg, {
        replace: command.replace,
        illustrative: command.illustrative,
        onProgress: command.onProgress,
      });
      await writeAuditLog(tx, {
        actorId: auditActorId(command.actor),
        action: stored.replaced ? "results_package.replace" : "results_package.import",
        entityType: "Period",
        entityId: stored.periodId,
        periodId: stored.periodId,
        after: {
          code: command.pkg.period.code,
          units: command.pkg.units.length,
          scores: command.pkg.scores.length,
          createdUnits: stored.createdUnits.length,
          renamedUnits: stored.renamedUnits,
        },
      });
      let publishedVersion: number | null = null;
      if (command.publish) {
        command.onProgress?.("Computing and publishing rankings");
        const published = await publishPeriodInTransaction(tx, {
          periodCode: command.pkg.period.code,
          actor: command.actor,
          reason: null,
        });
        publishedVersion = published.version;
      }
      return { ...stored, publishedVersion };
    },
    { timeoutMs: 600_000 },
  );
}
