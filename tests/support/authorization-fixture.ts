import ExcelJS from "exceljs";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { importResultsPackage } from "@/lib/services/import-results-package";
import { openPeriod } from "@/lib/services/open-period";
import { createUser } from "@/lib/services/create-user";
import { disableUser } from "@/lib/services/disable-user";
import { saveSelfScores } from "@/lib/services/save-self-scores";
import { uploadEvidence } from "@/lib/services/upload-evidence";
import { submitSelfAssessment } from "@/lib/services/submit-self-assessment";
import { appraiseItem } from "@/lib/services/appraise-item";
import { acceptRemainingItems } from "@/lib/services/accept-remaining-items";
import { approveAssessment } from "@/lib/services/approve-assessment";
import { transitionPeriod } from "@/lib/services/transition-period";
import { exportSelfAssessmentXlsx } from "@/lib/services/export-self-assessment-xlsx";
import { createCriteriaSetVersion } from "@/lib/services/create-criteria-set-version";
import { getPrisma } from "@/lib/data/prisma";
import { COMMAND_LINE, type UserActor } from "@/lib/auth/actor";
import type { SessionUser } from "@/lib/auth/session";
import { columnNumber, FIRST_DATA_ROW, META_KEYS, SELF_ASSESSMENT_SHEET } from "@/lib/domain/self-assessment-xlsx-layout";
import { toVietnamDateTimeLocal } from "@/lib/i18n/datetime-local-value";
import { buildPackage } from "@/tests/support/results-package-factory";
import { pdf, png } from "@/tests/unit/evidence/evidence-fixtures";
import {
  approveSipasFigures,
  closeSipasSurveyAndCompute,
  createDraftSipasSurvey,
  openSipasSurveyWithResponses,
  readSipasFacts,
  type SipasFacts,
} from "@/tests/support/authorization-sipas-fixture";

// The data every cell of the authorization matrix starts from: last year's period published
// (units a, b, c, d), this year's period "thu-nghiem-2023" in self-assessment around the real clock
// (server actions take no clock of their own) with units a and b, both filled in (1.1 points,
// 1.2 not applicable) with one evidence file each on 1.1. Accounts: home affairs, one council
// member, the officers of a and b, and a disabled former officer of each unit. A new version of
// the criteria set (DRAFT_CRITERIA_SET), mapped to the old one, waits in the editor.
// Later states move both units the same way, so that another unit's data is always in the very
// state the officer's own is in: a refusal can then only come from whose data it is.

export const PERIOD = "thu-nghiem-2023";
export const PREVIOUS_PERIOD = "thu-nghiem-2022";
export const PASSWORD = "mat-khau-dai";
/** A new version of the period's criteria set, used by no period: the one the editor may change. */
export const DRAFT_CRITERIA_SET = "test-set-v2";
const DAY = 24 * 60 * 60 * 1000;

export const STATES = ["self_assessment", "submitted", "returned", "decided", "approved", "sipas_draft", "sipas_open", "sipas_closed", "sipas_approved"] as const;
/**
 * self_assessment: both units filled in, not submitted. submitted: both submitted.
 * returned: both submitted, 1.1 returned by the council. decided: both submitted, every leaf
 * accepted or given survey points (ready to approve). approved: both approved, the period approved.
 * sipas_*: self_assessment plus the period's SIPAS survey (tests/support/authorization-sipas-fixture.ts).
 */
export type FixtureState = (typeof STATES)[number];

/** The state each later one is reached from (by advanceTo). */
export const PARENT_STATE: Record<Exclude<FixtureState, "self_assessment">, FixtureState> = {
  submitted: "self_assessment",
  returned: "submitted",
  decided: "submitted",
  approved: "decided",
  sipas_draft: "self_assessment",
  sipas_open: "sipas_draft",
  sipas_closed: "sipas_open",
  sipas_approved: "sipas_closed",
};

export type Cast = { admin: SessionUser; council: SessionUser; officerA: SessionUser; officerB: SessionUser };

export type UnitFacts = {
  unitCode: string;
  unitId: string;
  /** The unit's own record, as the units page read it. */
  unitUpdatedAt: string;
  assessmentVersion: number;
  /** CriterionScore.version per leaf code (leaves without a row are absent). */
  scoreVersions: Record<string, number>;
  evidenceId: string;
  officerUserId: string;
  officerUpdatedAt: string;
  disabledOfficerUserId: string;
  /** The unit's self-assessment workbook as exported in this state, 1.1 changed to 22,5. */
  filledSheet: Buffer;
};

/** What a request names, read from the database of one state. */
export type StateFacts = {
  periodUpdatedAt: string;
  periodSettings: Record<string, string>;
  units: Record<"a" | "b", UnitFacts>;
  /** Null before the period has a SIPAS survey. */
  sipas: SipasFacts | null;
};

const minute = (time: number) => new Date(Math.floor(time / 60_000) * 60_000);

async function sessionUserOf(email: string): Promise<SessionUser> {
  const user = await getPrisma().user.findUniqueOrThrow({ where: { email } });
  return { userId: user.id, role: user.role, unitId: user.unitId, name: user.name, email: user.email, mustChangePassword: user.mustChangePassword };
}

/** Builds the self_assessment state through the services; returns the people of the matrix. */
export async function buildBaseState(now = new Date()): Promise<Cast> {
  const parsed = parseResultsPackage(
    JSON.stringify(
      buildPackage({
        code: PREVIOUS_PERIOD,
        year: 2022,
        units: [
          { code: "a", name: "UBND xã A", points: [30, 28, 35] },
          { code: "b", name: "UBND xã B", points: [25, 25, 30] },
          { code: "c", name: "UBND xã C", points: [20, 20, 20] },
          { code: "d", name: "UBND xã D", points: [22, 22, 22] },
        ],
      }),
    ),
  );
  if (!parsed.ok) throw new Error("fixture package");
  await importResultsPackage({ pkg: parsed.package, replace: false, publish: true, actor: COMMAND_LINE });
  await openPeriod(
    {
      code: PERIOD,
      year: 2023,
      name: "Chỉ số CCHC năm 2023 — thử nghiệm",
      authorityName: "UBND huyện Thử Nghiệm",
      criteriaSetCode: "test-set",
      previousPeriodCode: PREVIOUS_PERIOD,
      units: [
        { unitCode: "a", groupCode: "xa" },
        { unitCode: "b", groupCode: "xa" },
      ],
      selfAssessmentOpensAt: minute(now.getTime() - 30 * DAY).toISOString(),
      selfAssessmentDeadline: minute(now.getTime() + 30 * DAY).toISOString(),
      appraisalDeadline: minute(now.getTime() + 60 * DAY).toISOString(),
      openSelfAssessment: true,
    },
    COMMAND_LINE,
  );
  const accounts = [
    { email: "snv@example.vn", name: "Sở Nội vụ", role: "admin" as const },
    { email: "hd@example.vn", name: "Hội đồng thẩm định", role: "council" as const },
    { email: "a@example.vn", name: "Cán bộ xã A", role: "unit_officer" as const, unitCode: "a" },
    { email: "b@example.vn", name: "Cán bộ xã B", role: "unit_officer" as const, unitCode: "b" },
    { email: "a-cu@example.vn", name: "Cán bộ cũ xã A", role: "unit_officer" as const, unitCode: "a" },
    { email: "b-cu@example.vn", name: "Cán bộ cũ xã B", role: "unit_officer" as const, unitCode: "b" },
  ];
  for (const account of accounts) await createUser({ ...account, password: PASSWORD, mustChangePassword: false }, COMMAND_LINE);
  for (const email of ["a-cu@example.vn", "b-cu@example.vn"]) await disableUser(COMMAND_LINE, { userId: (await sessionUserOf(email)).userId });
  await createCriteriaSetVersion(COMMAND_LINE, { fromCode: "test-set", newCode: DRAFT_CRITERIA_SET, name: "Bộ chỉ số thử nghiệm (bản mới)" });

  const cast: Cast = {
    admin: await sessionUserOf("snv@example.vn"),
    council: await sessionUserOf("hd@example.vn"),
    officerA: await sessionUserOf("a@example.vn"),
    officerB: await sessionUserOf("b@example.vn"),
  };
  for (const [officer, unitCode, file] of [
    [cast.officerA, "a", new File([new Uint8Array(pdf())], "Kế hoạch CCHC xã A.pdf", { type: "application/pdf" })],
    [cast.officerB, "b", new File([new Uint8Array(png())], "Ảnh chụp kế hoạch xã B.png", { type: "image/png" })],
  ] as const) {
    await saveSelfScores(officer, {
      periodCode: PERIOD,
      unitCode,
      items: [
        { criterionCode: "1.1", points: "20,5", note: "Kế hoạch số 12/KH-UBND", expectedVersion: null },
        { criterionCode: "1.2", notApplicable: true, notApplicableReason: "Không ban hành văn bản QPPL trong năm", expectedVersion: null },
      ],
    });
    await uploadEvidence(officer, { periodCode: PERIOD, unitCode, criterionCode: "1.1", file });
  }
  return cast;
}

async function assessmentVersion(unitCode: string): Promise<number> {
  return (await getPrisma().assessment.findFirstOrThrow({ where: { unit: { code: unitCode }, period: { code: PERIOD } } })).version;
}

async function scoreVersion(unitCode: string, criterionCode: string): Promise<number | null> {
  const score = await getPrisma().criterionScore.findFirst({
    where: { assessment: { unit: { code: unitCode }, period: { code: PERIOD } }, criterion: { code: criterionCode } },
  });
  return score?.version ?? null;
}

const officerOf = (cast: Cast, unitCode: string): UserActor => (unitCode === "a" ? cast.officerA : cast.officerB);

async function submitBoth(cast: Cast): Promise<void> {
  for (const unitCode of ["a", "b"]) {
    await submitSelfAssessment(officerOf(cast, unitCode), { periodCode: PERIOD, unitCode, expectedVersion: await assessmentVersion(unitCode) });
  }
}

/** Moves the database from PARENT_STATE[state] to `state`. */
export async function advanceTo(state: Exclude<FixtureState, "self_assessment">, cast: Cast): Promise<void> {
  const council = cast.council;
  if (state === "sipas_draft") return createDraftSipasSurvey(PERIOD);
  if (state === "sipas_open") return openSipasSurveyWithResponses(PERIOD, "2024-03-01");
  if (state === "sipas_closed") return closeSipasSurveyAndCompute(PERIOD, council);
  if (state === "sipas_approved") return approveSipasFigures(PERIOD, council);
  if (state === "submitted") return submitBoth(cast);
  if (state === "returned") {
    for (const unitCode of ["a", "b"]) {
      await appraiseItem(council, {
        periodCode: PERIOD,
        unitCode,
        criterionCode: "1.1",
        decision: "return",
        comment: "Đề nghị bổ sung kế hoạch có chữ ký",
        expectedVersion: await scoreVersion(unitCode, "1.1"),
      });
    }
    return;
  }
  if (state === "decided") {
    for (const unitCode of ["a", "b"]) {
      await acceptRemainingItems(council, { periodCode: PERIOD, unitCode, expectedAssessmentVersion: await assessmentVersion(unitCode) });
      await appraiseItem(council, { periodCode: PERIOD, unitCode, criterionCode: "2.1", decision: "adjust", points: "35", expectedVersion: await scoreVersion(unitCode, "2.1") });
    }
    return;
  }
  for (const unitCode of ["a", "b"]) {
    await approveAssessment(council, { periodCode: PERIOD, unitCode, expectedVersion: await assessmentVersion(unitCode) });
  }
  await transitionPeriod(COMMAND_LINE, { periodCode: PERIOD, to: "appraisal", expectedStatus: "self_assessment" });
  await transitionPeriod(COMMAND_LINE, { periodCode: PERIOD, to: "approved", expectedStatus: "appraisal" });
}

/** The officer's work in Excel: 1.1 changed, the rest as downloaded. */
export async function editSheet(sheet: Buffer, changes: { unitCode?: string; points11?: string }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(sheet as unknown as ExcelJS.Buffer);
  const worksheet = workbook.getWorksheet(SELF_ASSESSMENT_SHEET)!;
  if (changes.unitCode) worksheet.getRow(META_KEYS.unit.row).getCell(2).value = changes.unitCode;
  // Rows: field 1, leaves 1.1 and 1.2, field 2, leaf 2.1.
  if (changes.points11) worksheet.getRow(FIRST_DATA_ROW + 1).getCell(columnNumber("selfPoints")).value = changes.points11;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The ids, versions and files a request in this state names (identical after every restore). */
export async function readStateFacts(): Promise<StateFacts> {
  const prisma = getPrisma();
  const period = await prisma.period.findUniqueOrThrow({ where: { code: PERIOD } });
  const unit = async (unitCode: "a" | "b"): Promise<UnitFacts> => {
    const scores = await prisma.criterionScore.findMany({
      where: { assessment: { unit: { code: unitCode }, period: { code: PERIOD } } },
      select: { version: true, criterion: { select: { code: true } }, evidence: { select: { id: true }, where: { deletedAt: null } } },
    });
    const officer = await prisma.user.findUniqueOrThrow({ where: { email: `${unitCode}@example.vn` } });
    const disabled = await prisma.user.findUniqueOrThrow({ where: { email: `${unitCode}-cu@example.vn` } });
    const exported = await exportSelfAssessmentXlsx(COMMAND_LINE, { periodCode: PERIOD, unitCode });
    const record = await prisma.unit.findUniqueOrThrow({ where: { code: unitCode } });
    return {
      unitCode,
      unitId: record.id,
      unitUpdatedAt: record.updatedAt.toISOString(),
      assessmentVersion: await assessmentVersion(unitCode),
      scoreVersions: Object.fromEntries(scores.map((score) => [score.criterion.code, score.version])),
      evidenceId: scores.flatMap((score) => score.evidence)[0]!.id,
      officerUserId: officer.id,
      officerUpdatedAt: officer.updatedAt.toISOString(),
      disabledOfficerUserId: disabled.id,
      filledSheet: await editSheet(exported, { points11: "22,5" }),
    };
  };
  return {
    periodUpdatedAt: period.updatedAt.toISOString(),
    periodSettings: {
      name: `${period.name} (đã sửa)`,
      selfAssessmentOpensAt: toVietnamDateTimeLocal(period.selfAssessmentOpensAt),
      selfAssessmentDeadline: toVietnamDateTimeLocal(period.selfAssessmentDeadline),
      appraisalDeadline: toVietnamDateTimeLocal(period.appraisalDeadline),
    },
    units: { a: await unit("a"), b: await unit("b") },
    sipas: await readSipasFacts(PERIOD),
  };
}
