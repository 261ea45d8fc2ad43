import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/domain/action-result";
import { withTestDatabase } from "@/tests/support/test-database";
import { openDatabaseSnapshots, type DatabaseSnapshots } from "@/tests/support/authorization-database";
import {
  advanceTo,
  buildBaseState,
  DRAFT_CRITERIA_SET,
  editSheet,
  PARENT_STATE,
  PASSWORD,
  PERIOD,
  PREVIOUS_PERIOD,
  readStateFacts,
  STATES,
  type Cast,
  type FixtureState,
  type StateFacts,
  type UnitFacts,
} from "@/tests/support/authorization-fixture";
import { pdf } from "@/tests/unit/evidence/evidence-fixtures";

// Issue 6, point 8 and the authorization matrix: every server action and console route handler,
// called as each role (and with no session), aimed at the officer's own unit and at another
// unit, each cell asserting allow or deny, and for a deny that nothing changed. The council and
// home affairs have no unit of their own: their cells aim at unit a.
// An officer aimed at another unit with what they may do to their own is answered exactly as if
// that unit did not exist (not_found / 404) and the attempt is audited ("access.denied"). What
// officers may not do at all is refused by role before any unit is read: the same answer for
// their own unit, another one, or one that does not exist, so it reveals nothing either.

const session = vi.hoisted(() => ({ user: null as SessionUser | null, reads: 0 }));
const cookieJar = vi.hoisted(() => ({ names: [] as string[], deleted: [] as string[] }));

vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () => {
    session.reads += 1;
    return session.user;
  },
  requireSessionUser: async () => {
    throw new Error("pages are not part of the matrix");
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  cookies: async () => ({
    getAll: () => cookieJar.names.map((name) => ({ name, value: "token" })),
    delete: (name: string) => void cookieJar.deleted.push(name),
    // Sign-out expires the cookie (maxAge 0) so that a __Secure- cookie is replaced too.
    set: (name: string, _value: string, options?: { maxAge?: number }) => void (options?.maxAge === 0 && cookieJar.deleted.push(name)),
  }),
}));

import * as accountActions from "@/app/[locale]/(console)/console/(signed-in)/account/actions";
import * as appraisalActions from "@/app/[locale]/(console)/console/(signed-in)/appraisal/[period]/[unit]/actions";
import * as assessmentActions from "@/app/[locale]/(console)/console/(signed-in)/assessments/[period]/[unit]/actions";
import * as periodActions from "@/app/[locale]/(console)/console/(signed-in)/periods/[period]/actions";
import * as newPeriodActions from "@/app/[locale]/(console)/console/(signed-in)/periods/new/actions";
import * as userActions from "@/app/[locale]/(console)/console/(signed-in)/users/actions";
import * as criteriaSetsActions from "@/app/[locale]/(console)/console/(signed-in)/criteria-sets/actions";
import * as criteriaSetActions from "@/app/[locale]/(console)/console/(signed-in)/criteria-sets/[code]/actions";
import * as unitActions from "@/app/[locale]/(console)/console/(signed-in)/units/actions";
import * as auditCsvRoute from "@/app/api/console/audit.csv/route";
import * as evidenceRoute from "@/app/api/console/evidence/route";
import * as evidenceFileRoute from "@/app/api/console/evidence/[id]/route";
import * as sheetRoute from "@/app/api/console/self-assessment/[period]/[unit]/route";
import * as signOutRoute from "@/app/api/console/sign-out/route";
import * as sipasListActions from "@/app/[locale]/(console)/console/(signed-in)/sipas/actions";
import * as sipasSurveyActions from "@/app/[locale]/(console)/console/(signed-in)/sipas/[period]/actions";
import * as sipasFlaggedActions from "@/app/[locale]/(console)/console/(signed-in)/sipas/[period]/flagged/actions";
import * as sipasResultsActions from "@/app/[locale]/(console)/console/(signed-in)/sipas/[period]/results/actions";
import * as sipasPosterPngRoute from "@/app/api/console/sipas/[period]/[unit]/poster.png/route";
import * as sipasPosterPdfRoute from "@/app/api/console/sipas/[period]/[unit]/poster.pdf/route";
import * as sipasResponsesRoute from "@/app/api/console/sipas/[period]/responses/route";
import * as publicPeriodsRoute from "@/app/api/v1/periods/route";
import * as publicRankingsRoute from "@/app/api/v1/periods/[period]/rankings/route";
import * as publicRankingsCsvRoute from "@/app/api/v1/periods/[period]/rankings.csv/route";
import * as publicRankingsXlsxRoute from "@/app/api/v1/periods/[period]/rankings.xlsx/route";
import * as publicUnitRoute from "@/app/api/v1/units/[unit]/route";
import * as publicFallbackRoute from "@/app/api/v1/[...path]/route";
import * as publicSipasRoute from "@/app/api/v1/periods/[period]/sipas/route";
import * as publicSipasCsvRoute from "@/app/api/v1/periods/[period]/sipas.csv/route";
import * as publicSipasXlsxRoute from "@/app/api/v1/periods/[period]/sipas.xlsx/route";
import * as publicCompareRoute from "@/app/api/v1/periods/[period]/compare/route";
import * as publicCompareCsvRoute from "@/app/api/v1/periods/[period]/compare.csv/route";
import * as publicCompareXlsxRoute from "@/app/api/v1/periods/[period]/compare.xlsx/route";
import * as publicUnitHistoryRoute from "@/app/api/v1/units/[unit]/history/route";
import * as publicUnitHistoryCsvRoute from "@/app/api/v1/units/[unit]/history.csv/route";
import * as publicUnitHistoryXlsxRoute from "@/app/api/v1/units/[unit]/history.xlsx/route";

const database = withTestDatabase({ reset: "once" });
const ROOT = path.resolve(import.meta.dirname, "..", "..");

// ---------------------------------------------------------------------------------------------
// How a cell is called and what it answered

type Role = "admin" | "council" | "officer";
type Expectation = "allow" | "deny";

/** What a request names: the unit (or a unit's account, file or sheet) and this state's ids and versions. */
type Aim = { unit: UnitFacts; facts: StateFacts };

type Outcome = { ok: boolean; status: number | null; code: string | null; vi: string | null; en: string | null };

type Row = {
  /** The module, relative to the repository, and the export (an action's name, a route's method). */
  file: string;
  name: string;
  state: FixtureState;
  /**
   * Whether the request names a unit (its assessment, evidence, sheet, an account bound to it):
   * then an officer has an "other unit" cell. Period-wide and set-wide requests have none.
   */
  aimed: boolean;
  expect: Record<Role, Expectation>;
  /** Whether an allowed call changes data (besides the audit log): a read must change nothing. */
  writes: boolean;
  call: (aim: Aim) => Promise<Outcome>;
  /** A request that needs no session at all (sign-out); every other one refuses without one. */
  noSession?: Expectation;
  sessionReads?: number;
};

const ADMIN_ONLY: Record<Role, Expectation> = { admin: "allow", council: "deny", officer: "deny" };
const COUNCIL_ONLY: Record<Role, Expectation> = { admin: "deny", council: "allow", officer: "deny" };
const OFFICER_ONLY: Record<Role, Expectation> = { admin: "deny", council: "deny", officer: "allow" };
const EVERY_ROLE: Record<Role, Expectation> = { admin: "allow", council: "allow", officer: "allow" };

async function fromAction(pending: Promise<ActionResult<unknown>>): Promise<Outcome> {
  const result = await pending;
  return result.ok
    ? { ok: true, status: null, code: null, vi: null, en: null }
    : { ok: false, status: null, code: result.code, vi: result.vi, en: result.en };
}

async function fromResponse(pending: Response | Promise<Response>): Promise<Outcome> {
  const response = await pending;
  // Read to the end: streamed answers (CSV, files) read the database and the disk as they go.
  const bytes = Buffer.from(await response.arrayBuffer());
  const json = response.headers.get("content-type")?.includes("json") ? (JSON.parse(bytes.toString("utf8")) as Record<string, unknown>) : null;
  const text = (key: string) => (typeof json?.[key] === "string" ? (json[key] as string) : null);
  return { ok: response.status >= 200 && response.status < 300, status: response.status, code: text("code"), vi: text("vi"), en: text("en") };
}

const ORIGIN = "http://portal.test";

function consoleRequest(pathname: string, init: { method?: string; form?: FormData } = {}): Request {
  return new Request(new URL(pathname, ORIGIN), {
    method: init.method ?? "GET",
    body: init.form,
    headers: { origin: ORIGIN, host: new URL(ORIGIN).host },
  });
}

const params = <T extends Record<string, string>>(values: T) => ({ params: Promise.resolve(values) });

function sheetForm(sheet: Buffer): FormData {
  const form = new FormData();
  form.set("file", new File([new Uint8Array(sheet)], "tu-danh-gia.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  return form;
}

function evidenceForm(unitCode: string): FormData {
  const form = new FormData();
  form.set("periodCode", PERIOD);
  form.set("unitCode", unitCode);
  form.set("criterionCode", "1.1");
  // Other bytes than the fixture's files: a new file on disk when allowed.
  form.set("file", new File([new Uint8Array(Buffer.concat([pdf(), Buffer.from("% biên bản\n")]))], "Biên bản kiểm tra.pdf", { type: "application/pdf" }));
  return form;
}

const criterionValues = (overrides: Partial<criteriaSetActions.CriterionFormValues>): criteriaSetActions.CriterionFormValues => ({
  code: "",
  name: "",
  nameEn: "",
  description: "",
  maxPoints: "",
  method: "appraisal",
  scoringRule: "",
  ...overrides,
});

// ---------------------------------------------------------------------------------------------
// The table: one row per server action export and per console route handler method

const SIGNED_IN = "app/[locale]/(console)/console/(signed-in)";
const FILES = {
  account: `${SIGNED_IN}/account/actions.ts`,
  appraisal: `${SIGNED_IN}/appraisal/[period]/[unit]/actions.ts`,
  assessment: `${SIGNED_IN}/assessments/[period]/[unit]/actions.ts`,
  period: `${SIGNED_IN}/periods/[period]/actions.ts`,
  newPeriod: `${SIGNED_IN}/periods/new/actions.ts`,
  users: `${SIGNED_IN}/users/actions.ts`,
  criteriaSets: `${SIGNED_IN}/criteria-sets/actions.ts`,
  criteriaSet: `${SIGNED_IN}/criteria-sets/[code]/actions.ts`,
  units: `${SIGNED_IN}/units/actions.ts`,
  auditCsv: "app/api/console/audit.csv/route.ts",
  evidence: "app/api/console/evidence/route.ts",
  evidenceFile: "app/api/console/evidence/[id]/route.ts",
  sheet: "app/api/console/self-assessment/[period]/[unit]/route.ts",
  signOut: "app/api/console/sign-out/route.ts",
  sipasList: `${SIGNED_IN}/sipas/actions.ts`,
  sipasSurvey: `${SIGNED_IN}/sipas/[period]/actions.ts`,
  sipasFlagged: `${SIGNED_IN}/sipas/[period]/flagged/actions.ts`,
  sipasResults: `${SIGNED_IN}/sipas/[period]/results/actions.ts`,
  sipasPosterPng: "app/api/console/sipas/[period]/[unit]/poster.png/route.ts",
  sipasPosterPdf: "app/api/console/sipas/[period]/[unit]/poster.pdf/route.ts",
  sipasResponses: "app/api/console/sipas/[period]/responses/route.ts",
};

const sipasOf = (aim: Aim) => aim.facts.sipas!;

/** A paper form of unit a in the import layout, every required answer 4 ("hài lòng"). */
function sipasResponsesForm(aim: Aim): FormData {
  const { importHeader, importRow } = sipasOf(aim);
  const csv = `${importHeader.join(",")}\n${importHeader.map((column) => importRow[column] ?? "").join(",")}\n`;
  const form = new FormData();
  form.set("source", "paper");
  form.set("file", new File([csv], "phieu-giay.csv", { type: "text/csv" }));
  return form;
}

const target = (aim: Aim) => ({ periodCode: PERIOD, unitCode: aim.unit.unitCode });

const ROWS: Row[] = [
  // The signed-in user's own account: the request names no one else, so it is everyone's.
  {
    file: FILES.account,
    name: "changePasswordAction",
    state: "self_assessment",
    aimed: false,
    expect: EVERY_ROLE,
    writes: true,
    call: () => fromAction(accountActions.changePasswordAction({ currentPassword: PASSWORD, newPassword: "mat-khau-moi-rat-dai" })),
  },

  // The council's review of a submitted unit.
  {
    file: FILES.appraisal,
    name: "appraiseItemAction",
    state: "submitted",
    aimed: true,
    expect: COUNCIL_ONLY,
    writes: true,
    call: (aim) =>
      fromAction(appraisalActions.appraiseItemAction(target(aim), { criterionCode: "1.1", decision: "accept", expectedVersion: aim.unit.scoreVersions["1.1"] ?? null })),
  },
  {
    file: FILES.appraisal,
    name: "acceptRemainingItemsAction",
    state: "submitted",
    aimed: true,
    expect: COUNCIL_ONLY,
    writes: true,
    call: (aim) => fromAction(appraisalActions.acceptRemainingItemsAction({ ...target(aim), expectedAssessmentVersion: aim.unit.assessmentVersion })),
  },
  {
    file: FILES.appraisal,
    name: "approveAssessmentAction",
    state: "decided",
    aimed: true,
    expect: COUNCIL_ONLY,
    writes: true,
    call: (aim) => fromAction(appraisalActions.approveAssessmentAction({ ...target(aim), expectedVersion: aim.unit.assessmentVersion })),
  },

  // The officer's self-assessment of their own unit.
  {
    file: FILES.assessment,
    name: "saveSelfScoreAction",
    state: "self_assessment",
    aimed: true,
    expect: OFFICER_ONLY,
    writes: true,
    call: (aim) =>
      fromAction(
        assessmentActions.saveSelfScoreAction(target(aim), {
          criterionCode: "1.1",
          draft: { points: "25", notApplicable: false, notApplicableReason: null, note: "Kế hoạch số 12/KH-UBND" },
          expectedVersion: aim.unit.scoreVersions["1.1"] ?? null,
        }),
      ),
  },
  {
    file: FILES.assessment,
    name: "explainItemAction",
    state: "returned",
    aimed: true,
    expect: OFFICER_ONLY,
    writes: true,
    call: (aim) =>
      fromAction(
        assessmentActions.explainItemAction(target(aim), {
          criterionCode: "1.1",
          explanation: "Đã bổ sung kế hoạch có chữ ký của chủ tịch",
          points: null,
          expectedVersion: aim.unit.scoreVersions["1.1"] ?? null,
        }),
      ),
  },
  {
    file: FILES.assessment,
    name: "submitSelfAssessmentAction",
    state: "self_assessment",
    aimed: true,
    expect: OFFICER_ONLY,
    writes: true,
    call: (aim) => fromAction(assessmentActions.submitSelfAssessmentAction({ ...target(aim), expectedVersion: aim.unit.assessmentVersion })),
  },

  // Home affairs runs the period.
  {
    file: FILES.period,
    name: "transitionPeriodAction",
    state: "self_assessment",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: () => fromAction(periodActions.transitionPeriodAction({ periodCode: PERIOD, to: "appraisal", expectedStatus: "self_assessment" })),
  },
  {
    file: FILES.period,
    name: "reopenAssessmentAction",
    state: "submitted",
    aimed: true,
    expect: ADMIN_ONLY,
    writes: true,
    call: (aim) => fromAction(periodActions.reopenAssessmentAction(target(aim), { reason: "Đơn vị đề nghị bổ sung tài liệu kiểm chứng" })),
  },
  {
    file: FILES.period,
    name: "publishPeriodAction",
    state: "approved",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: () => fromAction(periodActions.publishPeriodAction(PERIOD, { decisionNumber: "15/QĐ-UBND", decisionDate: "12/01/2024" })),
  },
  {
    // An erratum needs a published period: last year's, published by the fixture in every state.
    // It names a unit, but officers are refused by role before any unit is read.
    file: FILES.period,
    name: "publishErratumAction",
    state: "self_assessment",
    aimed: true,
    expect: ADMIN_ONLY,
    writes: true,
    call: (aim) =>
      fromAction(
        periodActions.publishErratumAction(PREVIOUS_PERIOD, {
          reason: "Đính chính theo Quyết định số 30/QĐ-UBND",
          corrections: [{ unitCode: aim.unit.unitCode, criterionCode: "1.1", points: "29,5", notApplicable: false, reason: "Nhập nhầm điểm thẩm định" }],
        }),
      ),
  },
  {
    file: FILES.period,
    name: "updatePeriodSettingsAction",
    state: "self_assessment",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: (aim) => fromAction(periodActions.updatePeriodSettingsAction({ periodCode: PERIOD, expectedUpdatedAt: aim.facts.periodUpdatedAt }, aim.facts.periodSettings)),
  },
  {
    file: FILES.period,
    name: "updateTieBreakersAction",
    state: "self_assessment",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: (aim) =>
      fromAction(
        periodActions.updateTieBreakersAction(
          { periodCode: PERIOD, expectedUpdatedAt: aim.facts.periodUpdatedAt },
          { tieBreakers: ["surveyPoints", "appraisalPoints"], publishSelfPoints: true },
        ),
      ),
  },
  {
    file: FILES.period,
    name: "setPeriodBandsAction",
    state: "self_assessment",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: () =>
      fromAction(
        periodActions.setPeriodBandsAction(PERIOD, [
          { label: "Tốt", minIndex: "80" },
          { label: "Khá", minIndex: "65,5" },
          { label: "Chưa đạt", minIndex: "0" },
        ]),
      ),
  },
  {
    file: FILES.period,
    name: "setPeriodUnitsAction",
    state: "self_assessment",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: () =>
      fromAction(
        periodActions.setPeriodUnitsAction(PERIOD, [
          { unitCode: "a", groupCode: "xa" },
          { unitCode: "b", groupCode: "xa" },
          { unitCode: "c", groupCode: "xa" },
        ]),
      ),
  },
  {
    file: FILES.newPeriod,
    name: "clonePeriodAction",
    state: "self_assessment",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: () =>
      fromAction(newPeriodActions.clonePeriodAction({ fromPeriodCode: PERIOD, code: "thu-nghiem-2024", year: "2024", name: "Chỉ số CCHC năm 2024", criteriaSetCode: "" })),
  },

  // Home affairs manages accounts: "own unit" is an account bound to the officer's unit (their own).
  {
    file: FILES.users,
    name: "createUserAction",
    state: "self_assessment",
    aimed: true,
    expect: ADMIN_ONLY,
    writes: true,
    call: (aim) =>
      fromAction(
        userActions.createUserAction({ email: `moi-${aim.unit.unitCode}@example.vn`, name: "Cán bộ mới", role: "unit_officer", unitCode: aim.unit.unitCode, password: "" }),
      ),
  },
  {
    file: FILES.users,
    name: "updateUserAction",
    state: "self_assessment",
    aimed: true,
    expect: ADMIN_ONLY,
    writes: true,
    call: (aim) =>
      fromAction(
        userActions.updateUserAction(
          { userId: aim.unit.officerUserId, expectedUpdatedAt: aim.unit.officerUpdatedAt },
          { name: "Cán bộ đầu mối (đổi tên)", role: "unit_officer", unitCode: aim.unit.unitCode },
        ),
      ),
  },
  {
    file: FILES.users,
    name: "disableUserAction",
    state: "self_assessment",
    aimed: true,
    expect: ADMIN_ONLY,
    writes: true,
    call: (aim) => fromAction(userActions.disableUserAction(aim.unit.officerUserId)),
  },
  {
    file: FILES.users,
    name: "enableUserAction",
    state: "self_assessment",
    aimed: true,
    expect: ADMIN_ONLY,
    writes: true,
    call: (aim) => fromAction(userActions.enableUserAction(aim.unit.disabledOfficerUserId)),
  },
  {
    file: FILES.users,
    name: "resetUserPasswordAction",
    state: "self_assessment",
    aimed: true,
    expect: ADMIN_ONLY,
    writes: true,
    call: (aim) => fromAction(userActions.resetUserPasswordAction(aim.unit.officerUserId)),
  },

  // Home affairs edits criteria sets (no unit in them).
  {
    file: FILES.criteriaSets,
    name: "createCriteriaSetVersionAction",
    state: "self_assessment",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: () => fromAction(criteriaSetsActions.createCriteriaSetVersionAction("test-set", { newCode: "test-set-v3", name: "Bộ chỉ số thử nghiệm (bản 3)" })),
  },
  {
    file: FILES.criteriaSet,
    name: "addCriterionAction",
    state: "self_assessment",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: () =>
      fromAction(criteriaSetActions.addCriterionAction({ setCode: DRAFT_CRITERIA_SET, parentCode: "1" }, criterionValues({ code: "1.3", name: "Tiêu chí mới", maxPoints: "1" }))),
  },
  {
    file: FILES.criteriaSet,
    name: "updateCriterionAction",
    state: "self_assessment",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: () =>
      fromAction(
        criteriaSetActions.updateCriterionAction({ setCode: DRAFT_CRITERIA_SET, code: "1.1" }, criterionValues({ code: "1.1", name: "Kế hoạch CCHC (sửa)", maxPoints: "30" })),
      ),
  },
  {
    file: FILES.criteriaSet,
    name: "moveCriterionAction",
    state: "self_assessment",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: () => fromAction(criteriaSetActions.moveCriterionAction({ setCode: DRAFT_CRITERIA_SET, code: "1.2", direction: "up" })),
  },
  {
    file: FILES.criteriaSet,
    name: "deleteCriterionAction",
    state: "self_assessment",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: () => fromAction(criteriaSetActions.deleteCriterionAction({ setCode: DRAFT_CRITERIA_SET, code: "1.2" })),
  },
  {
    file: FILES.criteriaSet,
    name: "saveFieldMappingAction",
    state: "self_assessment",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: () => fromAction(criteriaSetActions.saveFieldMappingAction(DRAFT_CRITERIA_SET, [{ field: "1", previous: "" }])),
  },

  // Home affairs keeps the register of units and groups: "own unit" is the officer's unit's own record.
  {
    file: FILES.units,
    name: "createUnitAction",
    state: "self_assessment",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: () => fromAction(unitActions.createUnitAction({ code: "e", name: "UBND xã E", kind: "commune" })),
  },
  {
    file: FILES.units,
    name: "updateUnitAction",
    state: "self_assessment",
    aimed: true,
    expect: ADMIN_ONLY,
    writes: true,
    call: (aim) =>
      fromAction(unitActions.updateUnitAction({ code: aim.unit.unitCode, expectedUpdatedAt: aim.unit.unitUpdatedAt }, { name: "Ủy ban nhân dân xã (đổi tên)", kind: "commune" })),
  },
  {
    file: FILES.units,
    name: "createGroupAction",
    state: "self_assessment",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: () => fromAction(unitActions.createGroupAction({ code: "phuong", name: "Khối phường" })),
  },
  {
    file: FILES.units,
    name: "updateGroupAction",
    state: "self_assessment",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: () => fromAction(unitActions.updateGroupAction("xa", { name: "Khối xã, thị trấn" })),
  },
  {
    // Units c and d: evaluated only by last year's published period, so free to merge or split.
    file: FILES.units,
    name: "mergeUnitsAction",
    state: "self_assessment",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: () =>
      fromAction(
        unitActions.mergeUnitsAction({
          predecessorCodes: ["c", "d"],
          successor: { code: "cd", name: "UBND xã CD", kind: "commune", parentUnitCode: null },
          effectiveOn: "01/01/2024",
          note: "Nghị quyết sáp nhập",
        }),
      ),
  },
  {
    file: FILES.units,
    name: "splitUnitAction",
    state: "self_assessment",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: () =>
      fromAction(
        unitActions.splitUnitAction({
          predecessorCode: "c",
          successors: [
            { code: "c1", name: "UBND xã C1", kind: "commune", parentUnitCode: null },
            { code: "c2", name: "UBND xã C2", kind: "commune", parentUnitCode: null },
          ],
          effectiveOn: "01/01/2024",
          note: "Nghị quyết chia tách",
        }),
      ),
  },

  // Console route handlers.
  {
    file: FILES.auditCsv,
    name: "GET",
    state: "self_assessment",
    aimed: true,
    expect: ADMIN_ONLY,
    // The export is itself audited, and nothing else changes.
    writes: false,
    call: (aim) => fromResponse(auditCsvRoute.GET(consoleRequest(`/api/console/audit.csv?unitCode=${encodeURIComponent(aim.unit.unitCode)}`))),
  },
  {
    file: FILES.evidence,
    name: "POST",
    state: "self_assessment",
    aimed: true,
    expect: OFFICER_ONLY,
    writes: true,
    call: (aim) => fromResponse(evidenceRoute.POST(consoleRequest("/api/console/evidence", { method: "POST", form: evidenceForm(aim.unit.unitCode) }))),
  },
  {
    file: FILES.evidenceFile,
    name: "GET",
    state: "self_assessment",
    aimed: true,
    expect: EVERY_ROLE,
    writes: false,
    call: (aim) => fromResponse(evidenceFileRoute.GET(consoleRequest(`/api/console/evidence/${aim.unit.evidenceId}`), params({ id: aim.unit.evidenceId }))),
  },
  {
    file: FILES.evidenceFile,
    name: "DELETE",
    state: "self_assessment",
    aimed: true,
    expect: OFFICER_ONLY,
    writes: true,
    call: (aim) =>
      fromResponse(evidenceFileRoute.DELETE(consoleRequest(`/api/console/evidence/${aim.unit.evidenceId}`, { method: "DELETE" }), params({ id: aim.unit.evidenceId }))),
  },
  {
    file: FILES.sheet,
    name: "GET",
    state: "self_assessment",
    aimed: true,
    expect: EVERY_ROLE,
    writes: false,
    call: (aim) =>
      fromResponse(sheetRoute.GET(consoleRequest(`/api/console/self-assessment/${PERIOD}/${aim.unit.unitCode}`), params({ period: PERIOD, unit: aim.unit.unitCode }))),
  },
  {
    file: FILES.sheet,
    name: "POST",
    state: "self_assessment",
    aimed: true,
    expect: OFFICER_ONLY,
    writes: true,
    call: (aim) =>
      fromResponse(
        sheetRoute.POST(
          consoleRequest(`/api/console/self-assessment/${PERIOD}/${aim.unit.unitCode}`, { method: "POST", form: sheetForm(aim.unit.filledSheet) }),
          params({ period: PERIOD, unit: aim.unit.unitCode }),
        ),
      ),
  },
  {
    // Signing out needs no session: it drops whatever session cookie the browser sent, and
    // reaches no data. Refusing it without a session would leave a stale cookie behind.
    file: FILES.signOut,
    name: "POST",
    state: "self_assessment",
    aimed: false,
    expect: EVERY_ROLE,
    noSession: "allow",
    sessionReads: 0,
    writes: false,
    call: async () => {
      cookieJar.names = ["next-auth.session-token", "NEXT_LOCALE"];
      cookieJar.deleted = [];
      const outcome = await fromResponse(signOutRoute.POST(consoleRequest("/api/console/sign-out", { method: "POST" })));
      expect(cookieJar.deleted).toEqual(["next-auth.session-token"]);
      return outcome;
    },
  },
  // SIPAS: home affairs runs the survey; the council reviews and approves each unit's figures.
  {
    file: FILES.sipasList,
    name: "createSipasSurveyAction",
    state: "self_assessment",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: () => fromAction(sipasListActions.createSipasSurveyAction({ periodCode: PERIOD, from: "default" })),
  },
  {
    file: FILES.sipasSurvey,
    name: "updateSipasSurveyAction",
    state: "sipas_draft",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: () =>
      fromAction(
        sipasSurveyActions.updateSipasSurveyAction(PERIOD, {
          name: "Khảo sát SIPAS 2023 (đã sửa)",
          scaleMin: "1",
          scaleMax: "5",
          scaleLabels: "Rất không hài lòng\nKhông hài lòng\nBình thường\nHài lòng\nRất hài lòng",
          satisfiedFrom: "4",
          indexMethod: "mean_scaled",
          smallSampleThreshold: "20",
          opensAt: "",
          closesAt: "",
        }),
      ),
  },
  {
    file: FILES.sipasSurvey,
    name: "transitionSipasSurveyAction",
    state: "sipas_open",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: () => fromAction(sipasSurveyActions.transitionSipasSurveyAction({ periodCode: PERIOD, to: "closed", expectedStatus: "open" })),
  },
  {
    file: FILES.sipasSurvey,
    name: "addSipasElementAction",
    state: "sipas_draft",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: () => fromAction(sipasSurveyActions.addSipasElementAction(PERIOD, { code: "moi-truong", name: "Môi trường phục vụ", nameEn: "", weight: "0,5" })),
  },
  {
    file: FILES.sipasSurvey,
    name: "updateSipasElementAction",
    state: "sipas_draft",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: (aim) =>
      fromAction(
        sipasSurveyActions.updateSipasElementAction(
          { periodCode: PERIOD, elementCode: sipasOf(aim).elementCode },
          { code: sipasOf(aim).elementCode, name: "Dịch vụ công trực tuyến (đã sửa)", nameEn: "", weight: "2" },
        ),
      ),
  },
  {
    file: FILES.sipasSurvey,
    name: "deleteSipasElementAction",
    state: "sipas_draft",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: (aim) => fromAction(sipasSurveyActions.deleteSipasElementAction({ periodCode: PERIOD, elementCode: sipasOf(aim).elementCode })),
  },
  {
    file: FILES.sipasSurvey,
    name: "moveSipasElementAction",
    state: "sipas_draft",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: (aim) => fromAction(sipasSurveyActions.moveSipasElementAction({ periodCode: PERIOD, elementCode: sipasOf(aim).elementCode, direction: "up" })),
  },
  {
    file: FILES.sipasSurvey,
    name: "addSipasQuestionAction",
    state: "sipas_draft",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: (aim) =>
      fromAction(
        sipasSurveyActions.addSipasQuestionAction(
          { periodCode: PERIOD, elementCode: sipasOf(aim).elementCode },
          { code: "cau-moi", text: "Ông/Bà có dễ dàng tra cứu tình trạng hồ sơ không?", textEn: "", required: "yes" },
        ),
      ),
  },
  {
    file: FILES.sipasSurvey,
    name: "updateSipasQuestionAction",
    state: "sipas_draft",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: (aim) =>
      fromAction(
        sipasSurveyActions.updateSipasQuestionAction(
          { periodCode: PERIOD, questionCode: sipasOf(aim).questionCode },
          { code: sipasOf(aim).questionCode, text: "Câu hỏi đã sửa lời", textEn: "", required: "no" },
        ),
      ),
  },
  {
    file: FILES.sipasSurvey,
    name: "deleteSipasQuestionAction",
    state: "sipas_draft",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: (aim) => fromAction(sipasSurveyActions.deleteSipasQuestionAction({ periodCode: PERIOD, questionCode: sipasOf(aim).questionCode })),
  },
  {
    file: FILES.sipasSurvey,
    name: "moveSipasQuestionAction",
    state: "sipas_draft",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: (aim) => fromAction(sipasSurveyActions.moveSipasQuestionAction({ periodCode: PERIOD, questionCode: sipasOf(aim).questionCode, direction: "up" })),
  },
  {
    file: FILES.sipasFlagged,
    name: "reviewFlaggedSipasResponsesAction",
    state: "sipas_open",
    aimed: true,
    expect: ADMIN_ONLY,
    writes: true,
    call: (aim) =>
      fromAction(sipasFlaggedActions.reviewFlaggedSipasResponsesAction({ periodCode: PERIOD, decision: "accept" }, [sipasOf(aim).flagged[aim.unit.unitCode as "a" | "b"] ?? "cmkhongcophieu"])),
  },
  {
    file: FILES.sipasResults,
    name: "computeSipasResultsAction",
    state: "sipas_open",
    aimed: false,
    expect: { admin: "allow", council: "allow", officer: "deny" },
    writes: true,
    call: () => fromAction(sipasResultsActions.computeSipasResultsAction(PERIOD)),
  },
  {
    file: FILES.sipasResults,
    name: "approveSipasResultsAction",
    state: "sipas_closed",
    aimed: true,
    expect: COUNCIL_ONLY,
    writes: true,
    call: (aim) =>
      fromAction(
        sipasResultsActions.approveSipasResultsAction(PERIOD, [
          { unitCode: aim.unit.unitCode, ...(sipasOf(aim).figures[aim.unit.unitCode as "a" | "b"] ?? { expectedIndex: "90", expectedResponses: 2 }) },
        ]),
      ),
  },
  {
    file: FILES.sipasResults,
    name: "revokeSipasApprovalAction",
    state: "sipas_approved",
    aimed: true,
    expect: COUNCIL_ONLY,
    writes: true,
    call: (aim) => fromAction(sipasResultsActions.revokeSipasApprovalAction({ periodCode: PERIOD, unitCode: aim.unit.unitCode }, { reason: "Cần xem lại phiếu giấy" })),
  },
  {
    file: FILES.sipasPosterPng,
    name: "GET",
    state: "sipas_open",
    aimed: true,
    expect: ADMIN_ONLY,
    writes: false,
    call: (aim) =>
      fromResponse(sipasPosterPngRoute.GET(consoleRequest(`/api/console/sipas/${PERIOD}/${aim.unit.unitCode}/poster.png`), params({ period: PERIOD, unit: aim.unit.unitCode }))),
  },
  {
    file: FILES.sipasPosterPdf,
    name: "GET",
    state: "sipas_open",
    aimed: true,
    expect: ADMIN_ONLY,
    writes: false,
    call: (aim) =>
      fromResponse(sipasPosterPdfRoute.GET(consoleRequest(`/api/console/sipas/${PERIOD}/${aim.unit.unitCode}/poster.pdf`), params({ period: PERIOD, unit: aim.unit.unitCode }))),
  },
  {
    file: FILES.sipasResponses,
    name: "GET",
    state: "sipas_open",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: false,
    call: () => fromResponse(sipasResponsesRoute.GET(consoleRequest(`/api/console/sipas/${PERIOD}/responses?format=csv`), params({ period: PERIOD }))),
  },
  {
    file: FILES.sipasResponses,
    name: "POST",
    state: "sipas_open",
    aimed: false,
    expect: ADMIN_ONLY,
    writes: true,
    call: (aim) =>
      fromResponse(sipasResponsesRoute.POST(consoleRequest(`/api/console/sipas/${PERIOD}/responses`, { method: "POST", form: sipasResponsesForm(aim) }), params({ period: PERIOD }))),
  },
];

// ---------------------------------------------------------------------------------------------
// The cells

type Cell = {
  label: string;
  role: Role | "none";
  /** Which unit the request names: "a" (own for the officer), "b" (another unit's). */
  unit: "a" | "b";
  expectation: Expectation;
};

function cellsOf(row: Row): Cell[] {
  const cells: Cell[] = [
    { label: "admin → unit a", role: "admin", unit: "a", expectation: row.expect.admin },
    { label: "council → unit a", role: "council", unit: "a", expectation: row.expect.council },
    { label: "officer of a → own unit a", role: "officer", unit: "a", expectation: row.expect.officer },
  ];
  if (row.aimed) cells.push({ label: "officer of a → other unit b", role: "officer", unit: "b", expectation: "deny" });
  cells.push({ label: "no session → unit a", role: "none", unit: "a", expectation: row.noSession ?? "deny" });
  return cells;
}

let cast: Cast;
let snapshots: DatabaseSnapshots;
let evidenceDirectory: string;
const factsByState = new Map<FixtureState, StateFacts>();
/** Per state, what a request aimed at a unit that does not exist names. */
const missingByState = new Map<FixtureState, UnitFacts>();

function userOf(role: Cell["role"]): SessionUser | null {
  if (role === "none") return null;
  return role === "admin" ? cast.admin : role === "council" ? cast.council : cast.officerA;
}

async function run(row: Row, role: Cell["role"], unit: UnitFacts | "a" | "b") {
  await snapshots.restore(row.state);
  const facts = factsByState.get(row.state)!;
  const aim: Aim = { facts, unit: typeof unit === "string" ? facts.units[unit] : unit };
  const before = await snapshots.fingerprint();
  const lastAudit = await snapshots.lastAuditId();
  session.user = userOf(role);
  session.reads = 0;
  const outcome = await row.call(aim);
  const reads = session.reads;
  session.user = null;
  return { outcome, reads, before, after: await snapshots.fingerprint(), audit: await snapshots.auditRowsAfter(lastAudit) };
}

const isRoute = (row: Row) => row.file.startsWith("app/api/");
const HIDDEN = ["not_found"];
const REFUSED = ["forbidden", "not_found"];

function expectRefusal(row: Row, outcome: Outcome, codes: string[], status: number): void {
  expect(outcome.ok, `refused: ${JSON.stringify(outcome)}`).toBe(false);
  if (isRoute(row)) expect(outcome.status, `status: ${JSON.stringify(outcome)}`).toBe(status);
  expect(codes, `code: ${JSON.stringify(outcome)}`).toContain(outcome.code);
}

withEvidenceDirectory();

function withEvidenceDirectory(): void {
  let previous: string | undefined;
  beforeAll(async () => {
    previous = process.env.EVIDENCE_DIR;
    evidenceDirectory = await mkdtemp(path.join(tmpdir(), "authorization-matrix-"));
    process.env.EVIDENCE_DIR = evidenceDirectory;
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.EVIDENCE_DIR;
    else process.env.EVIDENCE_DIR = previous;
    await rm(evidenceDirectory, { recursive: true, force: true });
  });
}

beforeAll(async () => {
  cast = await buildBaseState();
  snapshots = await openDatabaseSnapshots(database.url(), evidenceDirectory);
  for (const state of STATES) {
    if (state !== "self_assessment") {
      await snapshots.restore(PARENT_STATE[state]);
      await advanceTo(state, cast);
    }
    await snapshots.save(state);
    const facts = await readStateFacts();
    factsByState.set(state, facts);
    const b = facts.units.b;
    missingByState.set(state, {
      ...b,
      unitCode: "khong-co",
      unitId: "khong-co",
      evidenceId: "cmkhongcotailieukiemchung",
      officerUserId: "cmkhongcotaikhoan",
      disabledOfficerUserId: "cmkhongcotaikhoancu",
      filledSheet: await editSheet(b.filledSheet, { unitCode: "khong-co" }),
    });
  }
}, 120_000);

afterAll(async () => {
  await snapshots?.close();
});

describe.each(ROWS.map((row) => [`${row.file} ${row.name}`, row] as const))("%s", (_, row) => {
  it.each(cellsOf(row).map((cell) => [cell.label, cell] as const))("%s", async (_label, cell) => {
    const { outcome, reads, before, after, audit } = await run(row, cell.role, cell.unit);
    // Issue 6, point 8: the session is read once per request (sign-out needs none).
    expect(reads, "session reads").toBe(row.sessionReads ?? 1);

    if (cell.expectation === "allow") {
      expect(outcome.ok, `allowed: ${JSON.stringify(outcome)}`).toBe(true);
      if (row.writes) expect(after, "an allowed write changes data").not.toEqual(before);
      else expect(after, "a read changes nothing").toEqual(before);
      return;
    }

    // Denied: nothing but the record of the denial changes.
    expect(after, "a refused request changes nothing").toEqual(before);
    expect(audit.filter((entry) => entry.action !== "access.denied").map((entry) => entry.action), "only denials are audited").toEqual([]);

    if (cell.role === "none") {
      expectRefusal(row, outcome, ["not_signed_in"], 401);
      expect(audit, "nobody to audit").toEqual([]);
      return;
    }
    if (cell.role !== "officer" || cell.unit === "a") {
      expectRefusal(row, outcome, REFUSED, 404);
      return;
    }

    // An officer aimed at another unit.
    if (row.expect.officer === "allow") {
      // What the officer may do to their own unit, aimed at another's: as if it did not exist, and recorded.
      expectRefusal(row, outcome, HIDDEN, 404);
      expect(audit.map((entry) => ({ action: entry.action, actorId: entry.actorId, unitId: entry.unitId })), "the attempt is audited").toEqual([
        { action: "access.denied", actorId: cast.officerA.userId, unitId: factsByState.get(row.state)!.units.b.unitId },
      ]);
    } else {
      // Not open to officers at all: refused before any unit is looked at, exactly as for their own unit.
      const own = await run(row, "officer", "a");
      expect(outcome, "the same refusal as for the officer's own unit").toEqual(own.outcome);
    }
    // Either way the answer says nothing about whether the unit exists.
    const missing = await run(row, "officer", missingByState.get(row.state)!);
    expect(outcome, "the same answer as for a unit that does not exist").toEqual(missing.outcome);
  });
});

// ---------------------------------------------------------------------------------------------
// The public API: read-only, the same for everyone, signed in or not

type PublicRow = { file: string; name: string; status: number; call: () => Promise<Outcome> };

const publicRequest = (pathname: string) => new Request(new URL(pathname, ORIGIN));
const PUBLIC_ROWS: PublicRow[] = [
  { file: "app/api/v1/periods/route.ts", name: "GET", status: 200, call: () => fromResponse(publicPeriodsRoute.GET(publicRequest("/api/v1/periods"))) },
  { file: "app/api/v1/periods/route.ts", name: "OPTIONS", status: 204, call: () => fromResponse(publicPeriodsRoute.OPTIONS()) },
  {
    file: "app/api/v1/periods/[period]/rankings/route.ts",
    name: "GET",
    status: 200,
    call: () => fromResponse(publicRankingsRoute.GET(publicRequest(`/api/v1/periods/${PREVIOUS_PERIOD}/rankings?group=xa`), params({ period: PREVIOUS_PERIOD }))),
  },
  { file: "app/api/v1/periods/[period]/rankings/route.ts", name: "OPTIONS", status: 204, call: () => fromResponse(publicRankingsRoute.OPTIONS()) },
  {
    file: "app/api/v1/periods/[period]/rankings.csv/route.ts",
    name: "GET",
    status: 200,
    call: () => fromResponse(publicRankingsCsvRoute.GET(publicRequest(`/api/v1/periods/${PREVIOUS_PERIOD}/rankings.csv?group=xa`), params({ period: PREVIOUS_PERIOD }))),
  },
  { file: "app/api/v1/periods/[period]/rankings.csv/route.ts", name: "OPTIONS", status: 204, call: () => fromResponse(publicRankingsCsvRoute.OPTIONS()) },
  {
    file: "app/api/v1/periods/[period]/rankings.xlsx/route.ts",
    name: "GET",
    status: 200,
    call: () => fromResponse(publicRankingsXlsxRoute.GET(publicRequest(`/api/v1/periods/${PREVIOUS_PERIOD}/rankings.xlsx?group=xa`), params({ period: PREVIOUS_PERIOD }))),
  },
  { file: "app/api/v1/periods/[period]/rankings.xlsx/route.ts", name: "OPTIONS", status: 204, call: () => fromResponse(publicRankingsXlsxRoute.OPTIONS()) },
  { file: "app/api/v1/units/[unit]/route.ts", name: "GET", status: 200, call: () => fromResponse(publicUnitRoute.GET(publicRequest("/api/v1/units/a"), params({ unit: "a" }))) },
  { file: "app/api/v1/units/[unit]/route.ts", name: "OPTIONS", status: 204, call: () => fromResponse(publicUnitRoute.OPTIONS()) },
  {
    file: "app/api/v1/periods/[period]/sipas/route.ts",
    name: "GET",
    status: 200,
    call: () => fromResponse(publicSipasRoute.GET(publicRequest(`/api/v1/periods/${PREVIOUS_PERIOD}/sipas?group=xa`), params({ period: PREVIOUS_PERIOD }))),
  },
  { file: "app/api/v1/periods/[period]/sipas/route.ts", name: "OPTIONS", status: 204, call: () => fromResponse(publicSipasRoute.OPTIONS()) },
  {
    file: "app/api/v1/periods/[period]/sipas.csv/route.ts",
    name: "GET",
    status: 200,
    call: () => fromResponse(publicSipasCsvRoute.GET(publicRequest(`/api/v1/periods/${PREVIOUS_PERIOD}/sipas.csv?group=xa`), params({ period: PREVIOUS_PERIOD }))),
  },
  { file: "app/api/v1/periods/[period]/sipas.csv/route.ts", name: "OPTIONS", status: 204, call: () => fromResponse(publicSipasCsvRoute.OPTIONS()) },
  {
    file: "app/api/v1/periods/[period]/sipas.xlsx/route.ts",
    name: "GET",
    status: 200,
    call: () => fromResponse(publicSipasXlsxRoute.GET(publicRequest(`/api/v1/periods/${PREVIOUS_PERIOD}/sipas.xlsx?group=xa`), params({ period: PREVIOUS_PERIOD }))),
  },
  { file: "app/api/v1/periods/[period]/sipas.xlsx/route.ts", name: "OPTIONS", status: 204, call: () => fromResponse(publicSipasXlsxRoute.OPTIONS()) },
  {
    file: "app/api/v1/periods/[period]/compare/route.ts",
    name: "GET",
    status: 200,
    call: () => fromResponse(publicCompareRoute.GET(publicRequest(`/api/v1/periods/${PREVIOUS_PERIOD}/compare?units=a`), params({ period: PREVIOUS_PERIOD }))),
  },
  { file: "app/api/v1/periods/[period]/compare/route.ts", name: "OPTIONS", status: 204, call: () => fromResponse(publicCompareRoute.OPTIONS()) },
  {
    file: "app/api/v1/periods/[period]/compare.csv/route.ts",
    name: "GET",
    status: 200,
    call: () => fromResponse(publicCompareCsvRoute.GET(publicRequest(`/api/v1/periods/${PREVIOUS_PERIOD}/compare.csv?units=a`), params({ period: PREVIOUS_PERIOD }))),
  },
  { file: "app/api/v1/periods/[period]/compare.csv/route.ts", name: "OPTIONS", status: 204, call: () => fromResponse(publicCompareCsvRoute.OPTIONS()) },
  {
    file: "app/api/v1/periods/[period]/compare.xlsx/route.ts",
    name: "GET",
    status: 200,
    call: () => fromResponse(publicCompareXlsxRoute.GET(publicRequest(`/api/v1/periods/${PREVIOUS_PERIOD}/compare.xlsx?units=a`), params({ period: PREVIOUS_PERIOD }))),
  },
  { file: "app/api/v1/periods/[period]/compare.xlsx/route.ts", name: "OPTIONS", status: 204, call: () => fromResponse(publicCompareXlsxRoute.OPTIONS()) },
  {
    file: "app/api/v1/units/[unit]/history/route.ts",
    name: "GET",
    status: 200,
    call: () => fromResponse(publicUnitHistoryRoute.GET(publicRequest("/api/v1/units/a/history"), params({ unit: "a" }))),
  },
  { file: "app/api/v1/units/[unit]/history/route.ts", name: "OPTIONS", status: 204, call: () => fromResponse(publicUnitHistoryRoute.OPTIONS()) },
  {
    file: "app/api/v1/units/[unit]/history.csv/route.ts",
    name: "GET",
    status: 200,
    call: () => fromResponse(publicUnitHistoryCsvRoute.GET(publicRequest("/api/v1/units/a/history.csv"), params({ unit: "a" }))),
  },
  { file: "app/api/v1/units/[unit]/history.csv/route.ts", name: "OPTIONS", status: 204, call: () => fromResponse(publicUnitHistoryCsvRoute.OPTIONS()) },
  {
    file: "app/api/v1/units/[unit]/history.xlsx/route.ts",
    name: "GET",
    status: 200,
    call: () => fromResponse(publicUnitHistoryXlsxRoute.GET(publicRequest("/api/v1/units/a/history.xlsx"), params({ unit: "a" }))),
  },
  { file: "app/api/v1/units/[unit]/history.xlsx/route.ts", name: "OPTIONS", status: 204, call: () => fromResponse(publicUnitHistoryXlsxRoute.OPTIONS()) },
  // Unknown addresses answer the API's own 404, whoever asks.
  { file: "app/api/v1/[...path]/route.ts", name: "GET", status: 404, call: () => fromResponse(publicFallbackRoute.GET(publicRequest("/api/v1/khong-co"))) },
  { file: "app/api/v1/[...path]/route.ts", name: "OPTIONS", status: 204, call: () => fromResponse(publicFallbackRoute.OPTIONS()) },
];

describe("the public API (app/api/v1)", () => {
  it.each(PUBLIC_ROWS.map((row) => [`${row.file} ${row.name}`, row] as const))("%s answers everyone alike without reading a session", async (_, row) => {
    await snapshots.restore("self_assessment");
    const before = await snapshots.fingerprint();
    const lastAudit = await snapshots.lastAuditId();
    const outcomes: Outcome[] = [];
    for (const role of ["none", "admin", "council", "officer"] as const) {
      session.user = userOf(role);
      session.reads = 0;
      outcomes.push(await row.call());
      expect(session.reads, `${role}: session reads`).toBe(0);
    }
    session.user = null;
    expect(outcomes[0]!.status).toBe(row.status);
    for (const outcome of outcomes) expect(outcome).toEqual(outcomes[0]);
    expect(await snapshots.fingerprint()).toEqual(before);
    expect(await snapshots.auditRowsAfter(lastAudit)).toEqual([]);
  });

  it("shows no unpublished period, not even to home affairs", async () => {
    await snapshots.restore("approved");
    for (const role of ["none", "admin"] as const) {
      session.user = userOf(role);
      const outcome = await fromResponse(publicRankingsRoute.GET(publicRequest(`/api/v1/periods/${PERIOD}/rankings?group=xa`), params({ period: PERIOD })));
      expect(outcome.status, role).toBe(404);
    }
    session.user = null;
  });
});

// ---------------------------------------------------------------------------------------------
// Completeness: a new action or route cannot be added without its row

const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

async function sourceFiles(directory: string): Promise<string[]> {
  const entries = await readdir(path.join(ROOT, directory), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && /\.(ts|tsx|js|jsx|mjs)$/.test(entry.name))
    .map((entry) => path.relative(ROOT, path.join(entry.parentPath, entry.name)).split(path.sep).join("/"))
    .sort();
}

const exportedFunctions = async (file: string) =>
  Object.entries((await import(path.join(ROOT, file))) as Record<string, unknown>)
    .filter(([, value]) => typeof value === "function")
    .map(([name]) => name);

/** Every export of every "use server" module; files with a function-level "use server" apart. */
async function discoverServerActions(): Promise<{ entrypoints: string[]; inline: string[] }> {
  const entrypoints: string[] = [];
  const inline: string[] = [];
  for (const file of [...(await sourceFiles("app")), ...(await sourceFiles("components")), ...(await sourceFiles("lib"))]) {
    const text = await readFile(path.join(ROOT, file), "utf8");
    if (/^["']use server["'];?[ \t]*$/m.test(text)) {
      for (const name of await exportedFunctions(file)) entrypoints.push(`${file} ${name}`);
    } else if (/["']use server["']/.test(text)) {
      inline.push(file);
    }
  }
  return { entrypoints: entrypoints.sort(), inline };
}

/** Every HTTP method exported by a route handler under `directory`. */
async function discoverRouteMethods(directory: string): Promise<string[]> {
  const entrypoints: string[] = [];
  for (const file of (await sourceFiles(directory)).filter((name) => /\/route\.(ts|js)$/.test(name))) {
    for (const name of await exportedFunctions(file)) if (HTTP_METHODS.includes(name)) entrypoints.push(`${file} ${name}`);
  }
  return entrypoints.sort();
}

describe("completeness of the matrix", () => {
  it("has a row for every server action and every console route handler method, and none for what is gone", async () => {
    const { entrypoints: actions, inline } = await discoverServerActions();
    const entrypoints = [...actions, ...(await discoverRouteMethods("app/api/console"))];
    const rows = ROWS.map((row) => `${row.file} ${row.name}`).sort();
    expect(inline, "server actions written inline cannot be called by this matrix: put them in an actions module").toEqual([]);
    expect(entrypoints.filter((key) => !rows.includes(key)), "entrypoints without a row").toEqual([]);
    expect(rows.filter((key) => !entrypoints.includes(key)), "rows for entrypoints that no longer exist").toEqual([]);
    expect(new Set(rows).size, "one row per entrypoint").toBe(rows.length);
  });

  it("knows every other route handler under app/api, and why it is outside the matrix", async () => {
    // Neither console data nor a session: a new route anywhere else under app/api must be added here or to a table.
    const OUTSIDE = {
      "app/api/auth/[...nextauth]/route.ts": "next-auth's own sign-in endpoints (tests/integration/sign-in.test.ts)",
      "app/api/health/route.ts": "readiness (as /api/health/ready): the database's state, no data",
      "app/api/health/live/route.ts": "liveness: the process answers, no database, no data",
      "app/api/health/ready/route.ts": "readiness: database reachable and migrations applied, no data",
      "app/api/locale/route.ts": "sets the visitor's language cookie, no data",
      "app/api/survey/[period]/[unit]/route.ts": "a citizen's SIPAS answers: no session by design; signed one-time form, device and address limits (tests/integration/sipas-survey-form.test.ts)",
    };
    const files = (await sourceFiles("app/api")).filter((name) => /\/route\.(ts|js)$/.test(name));
    const covered = new Set([...ROWS, ...PUBLIC_ROWS].map((row) => row.file));
    expect(files.filter((file) => !covered.has(file) && !(file in OUTSIDE)), "route handlers neither in the matrix nor explained").toEqual([]);
  });

  it("has a row for every public API route handler method", async () => {
    const entrypoints = await discoverRouteMethods("app/api/v1");
    const rows = PUBLIC_ROWS.map((row) => `${row.file} ${row.name}`).sort();
    expect(entrypoints.filter((key) => !rows.includes(key)), "public routes without a row").toEqual([]);
    expect(rows.filter((key) => !entrypoints.includes(key)), "rows for routes that no longer exist").toEqual([]);
  });
});
