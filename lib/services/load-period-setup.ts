import { bandCoverage, type BandCoverage } from "@/lib/domain/band-coverage";
import { criteriaSetProblems, type CriteriaSetProblem } from "@/lib/domain/criteria-set-problems";
import { PeriodSetupError } from "@/lib/domain/setup-error";
import { loadPeriodSetupData, toPeriodSettings, type BandRow, type PeriodSettings } from "@/lib/data/period-setup";
import { loadCriteria, toCheckRows } from "@/lib/data/criteria-sets";
import { currentClient } from "@/lib/data/transaction";
import type { Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

export type PeriodSetupView = {
  settings: PeriodSettings;
  authorityName: string;
  previousPeriod: { code: string; name: string; year: number } | null;
  criteriaSet: { code: string; name: string; version: number; problems: CriteriaSetProblem[] };
  bands: BandCoverage & { bandRows: BandRow[] };
  groups: {
    code: string;
    name: string;
    units: { code: string; name: string; status: string; scoreRows: number; dissolved: boolean }[];
  }[];
  /** What the page may offer: settings and bands until publication, units in draft and self-assessment. */
  editable: { settings: boolean; bands: boolean; units: boolean };
};

/** A period's set-up page: settings, criteria set and its problems, bands, units by group. */
export async function loadPeriodSetup(actor: Actor, periodCode: string): Promise<PeriodSetupView> {
  assertCan(actor, "period.edit");
  const data = await loadPeriodSetupData(periodCode.trim());
  if (!data) throw new PeriodSetupError("not_found", `Không có kỳ đánh giá "${periodCode}".`, `No period "${periodCode}".`);
  const { period, bands, units } = data;
  const groups = new Map<string, PeriodSetupView["groups"][number]>();
  for (const entry of units) {
    const group = groups.get(entry.group.code) ?? { code: entry.group.code, name: entry.group.name, units: [] };
    group.units.push({
      code: entry.unit.code,
      name: entry.unit.name,
      status: entry.status,
      scoreRows: entry.scoreRows,
      dissolved: entry.unit.dissolvedOn !== null,
    });
    groups.set(entry.group.code, group);
  }
  const published = period.status === "published";
  return {
    settings: toPeriodSettings(period),
    authorityName: period.authority.name,
    previousPeriod: period.previousPeriod,
    criteriaSet: {
      ...period.criteriaSet,
      problems: criteriaSetProblems(toCheckRows(await loadCriteria(currentClient(), period.criteriaSetId))),
    },
    bands: { ...bandCoverage(bands), bandRows: bands },
    groups: [...groups.values()],
    editable: { settings: !published, bands: !published, units: period.status === "draft" || period.status === "self_assessment" },
  };
}
