/**
 * Loads the illustrative demo data into an empty database, through the same services the CLI
 * and the console use: results packages for the published years, then the open 2025 period,
 * the demo users, and a few officers' first self-assessed points.
 */
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { formatIssues } from "@/lib/results-package/validation-error";
import { importResultsPackage } from "@/lib/services/import-results-package";
import { openPeriod } from "@/lib/services/open-period";
import { createUser } from "@/lib/services/create-user";
import { saveSelfScores } from "@/lib/services/save-self-scores";
import { disconnectPrisma } from "@/lib/data/prisma";
import { findUserActor, isDatabaseEmpty } from "@/lib/data/database-state";
import { buildDemoInProgressPeriod, buildDemoPackages } from "../demo-data/build-demo-packages";
import { DEMO_PASSWORD, demoUsers } from "../demo-data/demo-users";

export async function seedDemo(log: (line: string) => void): Promise<void> {
  for (const json of buildDemoPackages()) {
    const parsed = parseResultsPackage(JSON.stringify(json));
    if (!parsed.ok) throw new Error(`Demo package ${json.period.code} is invalid:\n${formatIssues(parsed.issues)}`);
    await importResultsPackage({ pkg: parsed.package, replace: false, publish: true, actorId: null, illustrative: true });
    log(`published ${json.period.code}`);
  }

  const open = buildDemoInProgressPeriod();
  await openPeriod(
    {
      code: open.code,
      year: open.year,
      name: open.name,
      authorityName: open.authority,
      criteriaSetCode: open.criteriaSetCode,
      previousPeriodCode: open.previous,
      units: open.units.map((unit) => ({ unitCode: unit.code, groupCode: unit.group })),
      bands: open.bands.map((band) => ({ label: band.label, minIndex: String(band.minIndex) })),
      tieBreakers: open.tieBreakers,
      selfAssessmentOpensAt: open.selfAssessmentOpensAt,
      selfAssessmentDeadline: `${open.selfAssessmentDeadline}T23:59:59+07:00`,
      appraisalDeadline: `${open.appraisalDeadline}T23:59:59+07:00`,
      openSelfAssessment: true,
      illustrative: true,
    },
    null,
  );
  log(`opened ${open.code} (self-assessment)`);

  for (const user of demoUsers) {
    await createUser(
      { email: user.email, name: user.name, role: user.role, unitCode: user.unitCode ?? null, password: DEMO_PASSWORD, mustChangePassword: false },
      null,
    );
  }
  log(`${demoUsers.length} demo users`);

  const byUnit = new Map<string, typeof open.selfScores>();
  for (const score of open.selfScores) byUnit.set(score.unit, [...(byUnit.get(score.unit) ?? []), score]);
  for (const [unitCode, scores] of byUnit) {
    const officer = demoUsers.find((user) => user.unitCode === unitCode);
    const actor = officer ? await findUserActor(officer.email) : null;
    if (!actor) throw new Error(`Demo self-scores for ${unitCode} need a demo officer of that unit.`);
    // Self-assessment is judged against today's date; the demo period's deadline is in 2026.
    await saveSelfScores(
      actor,
      {
        periodCode: open.code,
        unitCode,
        items: scores.map((score) => ({
          criterionCode: score.criterion,
          points: score.points ?? null,
          notApplicable: score.notApplicable ?? false,
          notApplicableReason: score.notApplicable ? (score.note ?? "Không phát sinh trong năm") : null,
          note: score.notApplicable ? null : (score.note ?? null),
        })),
      },
      new Date(open.selfAssessmentOpensAt),
    );
  }
  log(`self-assessment started by ${byUnit.size} units`);
}

/** Seeds only a database nobody has used yet; returns whether it did. */
export async function seedDemoIfEmpty(databaseUrl: string, log: (line: string) => void): Promise<boolean> {
  process.env.DATABASE_URL = databaseUrl;
  try {
    if (!(await isDatabaseEmpty())) return false;
    await seedDemo(log);
    return true;
  } finally {
    await disconnectPrisma();
  }
}
