import { expect } from "vitest";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { importResultsPackage } from "@/lib/services/import-results-package";
import { openPeriod } from "@/lib/services/open-period";
import { createUser } from "@/lib/services/create-user";
import { saveSelfScores } from "@/lib/services/save-self-scores";
import { submitSelfAssessment } from "@/lib/services/submit-self-assessment";
import { acceptRemainingItems } from "@/lib/services/accept-remaining-items";
import { appraiseItem } from "@/lib/services/appraise-item";
import { approveAssessment } from "@/lib/services/approve-assessment";
import { transitionPeriod } from "@/lib/services/transition-period";
import { publishPeriod } from "@/lib/services/publish-period";
import { findUserActor } from "@/lib/data/database-state";
import { getPrisma } from "@/lib/data/prisma";
import { COMMAND_LINE, type UserActor } from "@/lib/auth/actor";
import { buildPackage } from "@/tests/support/results-package-factory";

// A period of two communes (a, b) on the test set: 1.1 and 1.2 (30 points each, appraised by
// the council from the unit's claim) and 2.1 (40 points, survey). Self-assessment runs from
// 5 January to 20 February 2026 (Vietnam time); NOW is inside it.

export const PERIOD = "thu-nghiem-2023";
export const NOW = new Date("2026-01-20T03:00:00Z");
export const AFTER_DEADLINE = new Date("2026-02-21T03:00:00Z");

export type Cast = { admin: UserActor; council1: UserActor; council2: UserActor; officerA: UserActor; officerB: UserActor };

export async function setUpPeriod(options: { openSelfAssessment?: boolean } = {}): Promise<Cast> {
  const parsed = parseResultsPackage(
    JSON.stringify(
      buildPackage({
        code: "thu-nghiem-2022",
        year: 2022,
        units: [
          { code: "a", name: "UBND xã A", points: [30, 28, 35] },
          { code: "b", name: "UBND xã B", points: [25, 25, 30] },
        ],
      }),
    ),
  );
  if (!parsed.ok) throw new Error("fixture");
  await importResultsPackage({ pkg: parsed.package, replace: false, publish: true, actor: COMMAND_LINE });
  await openPeriod(
    {
      code: PERIOD,
      year: 2023,
      name: "Chỉ số CCHC năm 2023 — thử nghiệm",
      authorityName: "UBND huyện Thử Nghiệm",
      criteriaSetCode: "test-set",
      previousPeriodCode: "thu-nghiem-2022",
      units: [
        { unitCode: "a", groupCode: "xa" },
        { unitCode: "b", groupCode: "xa" },
      ],
      selfAssessmentOpensAt: "2026-01-05T00:00:00+07:00",
      selfAssessmentDeadline: "2026-02-20T23:59:59+07:00",
      openSelfAssessment: options.openSelfAssessment ?? true,
    },
    COMMAND_LINE,
  );
  const users = [
    { email: "snv@example.vn", name: "Sở Nội vụ", role: "admin" as const },
    { email: "hd1@example.vn", name: "Nguyễn Văn A", role: "council" as const },
    { email: "hd2@example.vn", name: "Trần Thị B", role: "council" as const },
    { email: "a@example.vn", name: "Cán bộ xã A", role: "unit_officer" as const, unitCode: "a" },
    { email: "b@example.vn", name: "Cán bộ xã B", role: "unit_officer" as const, unitCode: "b" },
  ];
  for (const user of users) await createUser({ ...user, password: "mat-khau-dai" }, COMMAND_LINE);
  const actor = async (email: string) => (await findUserActor(email))!;
  return {
    admin: await actor("snv@example.vn"),
    council1: await actor("hd1@example.vn"),
    council2: await actor("hd2@example.vn"),
    officerA: await actor("a@example.vn"),
    officerB: await actor("b@example.vn"),
  };
}

export async function assessmentOf(unitCode: string) {
  return getPrisma().assessment.findFirstOrThrow({ where: { unit: { code: unitCode }, period: { code: PERIOD } } });
}

export async function scoreOf(unitCode: string, criterionCode: string) {
  return getPrisma().criterionScore.findFirst({
    where: { assessment: { unit: { code: unitCode }, period: { code: PERIOD } }, criterion: { code: criterionCode } },
    include: { comments: { orderBy: { createdAt: "asc" } } },
  });
}

/** Claims 1.1 (points) and 1.2 (not applicable, with a reason). */
export async function fill(officer: UserActor, unitCode: string, points11 = "20,5"): Promise<void> {
  await saveSelfScores(
    officer,
    {
      periodCode: PERIOD,
      unitCode,
      items: [
        { criterionCode: "1.1", points: points11, expectedVersion: null },
        { criterionCode: "1.2", notApplicable: true, notApplicableReason: "Không ban hành văn bản QPPL trong năm", expectedVersion: null },
      ],
    },
    NOW,
  );
}

export async function fillAndSubmit(officer: UserActor, unitCode: string): Promise<void> {
  await fill(officer, unitCode);
  await submitSelfAssessment(officer, { periodCode: PERIOD, unitCode, expectedVersion: (await assessmentOf(unitCode)).version }, NOW);
}

/** The council accepts both claims, enters the survey points and approves. */
export async function appraiseAndApprove(council: UserActor, unitCode: string, surveyPoints = "35"): Promise<void> {
  await acceptRemainingItems(council, { periodCode: PERIOD, unitCode, expectedAssessmentVersion: (await assessmentOf(unitCode)).version });
  await appraiseItem(council, { periodCode: PERIOD, unitCode, criterionCode: "2.1", decision: "adjust", points: surveyPoints, expectedVersion: (await scoreOf(unitCode, "2.1"))?.version ?? null });
  await approveAssessment(council, { periodCode: PERIOD, unitCode, expectedVersion: (await assessmentOf(unitCode)).version });
}

/** Both units through the whole year, the period approved (and published when asked). */
export async function runYear(cast: Cast, options: { publish?: boolean } = {}): Promise<void> {
  await fillAndSubmit(cast.officerA, "a");
  await fillAndSubmit(cast.officerB, "b");
  await appraiseAndApprove(cast.council1, "a", "35");
  await appraiseAndApprove(cast.council1, "b", "30");
  await transitionPeriod(cast.admin, { periodCode: PERIOD, to: "appraisal", expectedStatus: "self_assessment" });
  await transitionPeriod(cast.admin, { periodCode: PERIOD, to: "approved", expectedStatus: "appraisal" });
  if (options.publish) await publishPeriod({ periodCode: PERIOD, actor: cast.admin, decisionNumber: "214/QĐ-UBND", decisionDate: new Date("2027-01-12") });
}

/** The error a step throws, with its code; fails the test when the step succeeds. */
export async function refusal<T = { code: string; vi: string; en: string }>(promise: Promise<unknown>): Promise<T & { code: string; vi: string; en: string }> {
  try {
    await promise;
  } catch (error) {
    return error as T & { code: string; vi: string; en: string };
  }
  expect.unreachable("the step should have been refused");
  throw new Error("unreachable");
}
