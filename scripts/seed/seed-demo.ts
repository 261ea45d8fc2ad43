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
import { inTransaction } from "@/lib/data/transaction";
import { buildDemoInProgressPeriod, buildDemoPackages } from "../demo-data/build-demo-packages";
import { DEMO_PASSWORD, demoUsers } from "../demo-data/demo-users";
import { DEMO_SEED } from "@/lib/auth/actor";
import { createSipasSurvey } from "@/lib/services/create-sipas-survey";
import { transitionSipasSurvey } from "@/lib/services/transition-sipas-survey";
import { seedDemoSipasResponses } from "../demo-data/sipas-demo-responses";

const DAY = 24 * 60 * 60 * 1000;

/**
 * All or nothing: every service below joins this one transaction, so an interrupted seed
 * leaves an empty database (seeded again next time), never a half-loaded one.
 */
export function seedDemo(log: (line: string) => void, now = new Date()): Promise<void> {
  return inTransaction(() => seedDemoSteps(log, now), { timeoutMs: 600_000 });
}

async function seedDemoSteps(log: (line: string) => void, now: Date): Promise<void> {
  for (const json of buildDemoPackages()) {
    const parsed = parseResultsPackage(JSON.stringify(json));
    if (!parsed.ok) throw new Error(`Demo package ${json.period.code} is invalid:\n${formatIssues(parsed.issues)}`);
    await importResultsPackage({ pkg: parsed.package, replace: false, publish: true, actor: DEMO_SEED, illustrative: true });
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
      // The open period stays open whenever the demo is started: dates follow the seed day.
      selfAssessmentOpensAt: new Date(now.getTime() - 14 * DAY),
      selfAssessmentDeadline: new Date(now.getTime() + 30 * DAY),
      appraisalDeadline: new Date(now.getTime() + 75 * DAY),
      openSelfAssessment: true,
      illustrative: true,
    },
    DEMO_SEED,
  );
  log(`opened ${open.code} (self-assessment)`);

  // Citizens can answer the open period's SIPAS survey whenever the demo is started.
  await createSipasSurvey(DEMO_SEED, {
    periodCode: open.code,
    from: "default",
    opensAt: new Date(now.getTime() - 14 * DAY),
    closesAt: new Date(now.getTime() + 60 * DAY),
  });
  await transitionSipasSurvey(DEMO_SEED, { periodCode: open.code, to: "open", expectedStatus: "draft" });
  log(`opened the SIPAS survey of ${open.code}`);
  const paperForms = await seedDemoSipasResponses(open.code, DEMO_SEED, now);
  log(`${paperForms.responses} paper SIPAS forms for ${paperForms.units.length} units`);

  for (const user of demoUsers) {
    await createUser(
      { email: user.email, name: user.name, role: user.role, unitCode: user.unitCode ?? null, password: DEMO_PASSWORD, mustChangePassword: false },
      DEMO_SEED,
    );
  }
  log(`${demoUsers.length} demo users`);

  const byUnit = new Map<string, typeof open.selfScores>();
  for (const score of open.selfScores) byUnit.set(score.unit, [...(byUnit.get(score.unit) ?? []), score]);
  for (const [unitCode, scores] of byUnit) {
    const officer = demoUsers.find((user) => user.unitCode === unitCode);
    const actor = officer ? await findUserActor(officer.email) : null;
    if (!actor) throw new Error(`Demo self-scores for ${unitCode} need a demo officer of that unit.`);
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
          expectedVersion: null,
        })),
      },
      now,
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
