import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import type { ActionResult } from "@/lib/domain/action-result";
import { withTestDatabase } from "@/tests/support/test-database";
import { openDatabaseSnapshots, type DatabaseSnapshots } from "@/tests/support/authorization-database";
import {
  advanceTo,
  buildBaseState,
  DRAFT_CRITERIA_SET,
  PARENT_STATE,
  PASSWORD,
  PERIOD,
  PREVIOUS_PERIOD,
  readStateFacts,
  STATES,
  type Cast,
  type FixtureState,
  type StateFacts,
} from "@/tests/support/authorization-fixture";
import { HOSTILE_INPUTS, isBilingualRefusal, storedFormsOf, type HostileInput } from "@/tests/support/hostile-corpus";
import { CONSOLE_ENTRY_POINTS } from "@/tests/support/hostile-entry-points";
import { pdf } from "@/tests/unit/evidence/evidence-fixtures";
import { SELF_ASSESSMENT_SHEET, FIRST_DATA_ROW, columnNumber } from "@/lib/domain/self-assessment-xlsx-layout";

// Issue 8, point 5, for the console: every text, number, date, code and id a server action or a
// console route handler takes gets the hostile corpus (tests/support/hostile-corpus.ts), sent by
// the role that may make the request, in the state where the valid request succeeds (the states
// of the authorization matrix). For every input:
// - never a crash: an action answers a result, never throws nor "unexpected"; a route never 500;
// - refused: the reason in Vietnamese and English, and no table changed (the audit log aside);
// - accepted: a text is stored exactly as typed (or trimmed, in NFC), nothing else made of it.
// What the pages then show of a stored value, escaped, is tests/e2e/hostile-input.spec.ts.

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({
  getSessionUser: async () => session.user,
  requireSessionUser: async () => {
    throw new Error("pages are not called here");
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));
vi.mock("server-only", () => ({}));
vi.mock("next/headers", () => ({
  cookies: async () => ({ getAll: () => [], delete: () => undefined, set: () => undefined }),
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
import * as sipasListActions from "@/app/[locale]/(console)/console/(signed-in)/sipas/actions";
import * as sipasSurveyActions from "@/app/[locale]/(console)/console/(signed-in)/sipas/[period]/actions";
import * as sipasFlaggedActions from "@/app/[locale]/(console)/console/(signed-in)/sipas/[period]/flagged/actions";
import * as sipasResultsActions from "@/app/[locale]/(console)/console/(signed-in)/sipas/[period]/results/actions";
import * as auditCsvRoute from "@/app/api/console/audit.csv/route";
import * as evidenceRoute from "@/app/api/console/evidence/route";
import * as evidenceFileRoute from "@/app/api/console/evidence/[id]/route";
import * as sheetRoute from "@/app/api/console/self-assessment/[period]/[unit]/route";
import * as sipasPosterPngRoute from "@/app/api/console/sipas/[period]/[unit]/poster.png/route";
import * as sipasPosterPdfRoute from "@/app/api/console/sipas/[period]/[unit]/poster.pdf/route";
import * as sipasResponsesRoute from "@/app/api/console/sipas/[period]/responses/route";

const database = withTestDatabase({ reset: "once" });

// ---------------------------------------------------------------------------------------------
// What a request answered

type Outcome = { ok: boolean; status: number | null; code: string | null; vi: string | null; en: string | null; contentType: string | null };

async function fromAction(pending: Promise<ActionResult<unknown>>): Promise<Outcome> {
  const result = await pending;
  return result.ok
    ? { ok: true, status: null, code: null, vi: null, en: null, contentType: null }
    : { ok: false, status: null, code: result.code, vi: result.vi, en: result.en, contentType: null };
}

async function fromResponse(pending: Response | Promise<Response>): Promise<Outcome> {
  const response = await pending;
  const bytes = Buffer.from(await response.arrayBuffer());
  const contentType = response.headers.get("content-type");
  const json = contentType?.includes("json") ? (JSON.parse(bytes.toString("utf8")) as Record<string, unknown>) : null;
  const text = (key: string) => (typeof json?.[key] === "string" ? (json[key] as string) : null);
  return { ok: response.status >= 200 && response.status < 400, status: response.status, code: text("code"), vi: text("vi"), en: text("en"), contentType };
}

const ORIGIN = "http://portal.test";
function consoleRequest(pathname: string, init: { method?: string; form?: FormData } = {}): Request {
  return new Request(new URL(pathname, ORIGIN), { method: init.method ?? "GET", body: init.form, headers: { origin: ORIGIN, host: new URL(ORIGIN).host } });
}
const params = <T extends Record<string, string>>(values: T) => ({ params: Promise.resolve(values) });
/** A path segment as a browser sends it; Next.js hands route handlers their params decoded. */
const segment = (value: string) => encodeURIComponent(value.toWellFormed());

// ---------------------------------------------------------------------------------------------
// The corpus per kind of field

/**
 * text: typed by a person and shown again (names, reasons, notes): the whole corpus, and when
 * accepted it must be stored as typed. code: a new identifier (stored when accepted, like text).
 * reference: names something that exists (a period, a unit, an id): must be refused. choice: one
 * of a fixed list: must be refused. number, date, secret: read or refused, never stored as typed.
 */
type FieldKind = "text" | "audited" | "code" | "reference" | "choice" | "number" | "date" | "secret";

const byName = (...names: string[]) => HOSTILE_INPUTS.filter((input) => names.includes(input.name));
/** What an identifier, a choice or a date is worth trying: the shapes that break parsers and queries. */
const STRUCTURAL = byName(
  "10 kB of Vietnamese",
  "1 MB",
  "NUL",
  "CRLF",
  "right-to-left override",
  "SQL quote",
  "SQL drop",
  "script tag",
  "attribute break-out",
  "template literal",
  "lone surrogate",
  "emoji family",
  "path traversal",
  "encoded traversal",
  "NFD Sơn La",
);
const NUMERIC = byName(
  "1 MB",
  "NUL",
  "NaN",
  "1e309",
  "-0",
  "0x10",
  "1,2,3",
  "Arabic-Indic digits",
  "Infinity",
  "SQL quote",
  "script tag",
  "lone surrogate",
  "template literal",
  "zero-width characters",
);

/** Numbers that are not: only worth trying where a number is read (typed into a name they are just text). */
const NUMBER_ONLY = ["NaN", "1e309", "-0", "0x10", "Infinity", "Arabic-Indic digits"];
const TEXTUAL = HOSTILE_INPUTS.filter((input) => !NUMBER_ONLY.includes(input.name));

const INPUTS_OF: Record<FieldKind, readonly HostileInput[]> = {
  text: TEXTUAL,
  audited: TEXTUAL,
  code: STRUCTURAL,
  reference: STRUCTURAL,
  choice: STRUCTURAL,
  number: NUMERIC,
  date: [...STRUCTURAL, ...NUMERIC.filter((input) => !STRUCTURAL.includes(input))],
  secret: TEXTUAL,
};

type Field = { kind: FieldKind; call: (hostile: string, facts: StateFacts) => Promise<Outcome> };
type Probe = { file: string; name: string; state: FixtureState; role: "admin" | "council" | "officer"; fields: Record<string, Field> };

const f = (kind: FieldKind, call: Field["call"]): Field => ({ kind, call });

const SIGNED_IN = "app/[locale]/(console)/console/(signed-in)";
const target = { periodCode: PERIOD, unitCode: "a" };
const version = (facts: StateFacts, code: string) => facts.units.a.scoreVersions[code] ?? null;
const sipas = (facts: StateFacts) => facts.sipas!;

const criterion = (overrides: Partial<criteriaSetActions.CriterionFormValues>): criteriaSetActions.CriterionFormValues => ({
  code: "1.3",
  name: "Tiêu chí mới",
  nameEn: "",
  description: "",
  maxPoints: "1",
  method: "appraisal",
  scoringRule: "",
  ...overrides,
});

function evidenceForm(values: { periodCode?: string; unitCode?: string; criterionCode?: string; fileName?: string }): FormData {
  const form = new FormData();
  form.set("periodCode", values.periodCode ?? PERIOD);
  form.set("unitCode", values.unitCode ?? "a");
  form.set("criterionCode", values.criterionCode ?? "1.1");
  const bytes = Buffer.concat([pdf(), Buffer.from(`% ${Math.random()}\n`)]);
  form.set("file", new File([new Uint8Array(bytes)], values.fileName ?? "Biên bản.pdf", { type: "application/pdf" }));
  return form;
}

/** Unit a's exported sheet with one cell of leaf 1.1 (points or note) or the unit code replaced. */
async function sheetWith(facts: StateFacts, change: { column?: "selfPoints" | "note"; unitCode?: string; value: string }): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(facts.units.a.filledSheet as unknown as ExcelJS.Buffer);
  const sheet = workbook.getWorksheet(SELF_ASSESSMENT_SHEET)!;
  if (change.column) sheet.getRow(FIRST_DATA_ROW + 1).getCell(columnNumber(change.column)).value = change.value;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function fileForm(bytes: Buffer | string, name: string, type: string, extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  for (const [key, value] of Object.entries(extra)) form.set(key, value);
  form.set("file", new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name, { type }));
  return form;
}

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function postSheet(facts: StateFacts, sheet: Buffer, name = "tu-danh-gia.xlsx", unitCode = "a") {
  return fromResponse(
    sheetRoute.POST(
      consoleRequest(`/api/console/self-assessment/${PERIOD}/${segment(unitCode)}`, { method: "POST", form: fileForm(sheet, name, XLSX) }),
      params({ period: PERIOD, unit: unitCode }),
    ),
  );
}

/** One paper form of unit a in the import's CSV layout with one cell replaced. */
function sipasCsv(facts: StateFacts, column: string | null, value: string): string {
  const { importHeader, importRow } = sipas(facts);
  const row = { ...importRow, ...(column ? { [column]: value } : {}) };
  const quote = (cell: string) => `"${cell.replaceAll('"', '""')}"`;
  return `${importHeader.map(quote).join(",")}\n${importHeader.map((name) => quote(row[name] ?? "")).join(",")}\n`;
}

function postSipasResponses(csv: string, name = "phieu-giay.csv", source = "paper") {
  return fromResponse(
    sipasResponsesRoute.POST(
      consoleRequest(`/api/console/sipas/${PERIOD}/responses`, { method: "POST", form: fileForm(csv, name, "text/csv", { source }) }),
      params({ period: PERIOD }),
    ),
  );
}

const PROBES: Probe[] = [
  {
    file: `${SIGNED_IN}/account/actions.ts`,
    name: "changePasswordAction",
    state: "self_assessment",
    role: "officer",
    fields: {
      currentPassword: f("secret", (h) => fromAction(accountActions.changePasswordAction({ currentPassword: h, newPassword: "mat-khau-moi-rat-dai" }))),
      newPassword: f("secret", (h) => fromAction(accountActions.changePasswordAction({ currentPassword: PASSWORD, newPassword: h }))),
    },
  },
  {
    file: `${SIGNED_IN}/appraisal/[period]/[unit]/actions.ts`,
    name: "appraiseItemAction",
    state: "submitted",
    role: "council",
    fields: {
      periodCode: f("reference", (h, x) => fromAction(appraisalActions.appraiseItemAction({ ...target, periodCode: h }, { criterionCode: "1.1", decision: "accept", expectedVersion: version(x, "1.1") }))),
      unitCode: f("reference", (h, x) => fromAction(appraisalActions.appraiseItemAction({ ...target, unitCode: h }, { criterionCode: "1.1", decision: "accept", expectedVersion: version(x, "1.1") }))),
      criterionCode: f("reference", (h, x) => fromAction(appraisalActions.appraiseItemAction(target, { criterionCode: h, decision: "accept", expectedVersion: version(x, "1.1") }))),
      decision: f("choice", (h, x) =>
        fromAction(appraisalActions.appraiseItemAction(target, { criterionCode: "1.1", decision: h as "accept", expectedVersion: version(x, "1.1") })),
      ),
      comment: f("text", (h, x) => fromAction(appraisalActions.appraiseItemAction(target, { criterionCode: "1.1", decision: "return", comment: h, expectedVersion: version(x, "1.1") }))),
      points: f("number", (h, x) =>
        fromAction(appraisalActions.appraiseItemAction(target, { criterionCode: "1.1", decision: "adjust", points: h, reason: "Thiếu chữ ký", expectedVersion: version(x, "1.1") })),
      ),
      reason: f("text", (h, x) =>
        fromAction(appraisalActions.appraiseItemAction(target, { criterionCode: "1.1", decision: "adjust", points: "10", reason: h, expectedVersion: version(x, "1.1") })),
      ),
    },
  },
  {
    file: `${SIGNED_IN}/appraisal/[period]/[unit]/actions.ts`,
    name: "acceptRemainingItemsAction",
    state: "submitted",
    role: "council",
    fields: {
      periodCode: f("reference", (h, x) => fromAction(appraisalActions.acceptRemainingItemsAction({ ...target, periodCode: h, expectedAssessmentVersion: x.units.a.assessmentVersion }))),
      unitCode: f("reference", (h, x) => fromAction(appraisalActions.acceptRemainingItemsAction({ ...target, unitCode: h, expectedAssessmentVersion: x.units.a.assessmentVersion }))),
    },
  },
  {
    file: `${SIGNED_IN}/appraisal/[period]/[unit]/actions.ts`,
    name: "approveAssessmentAction",
    state: "decided",
    role: "council",
    fields: {
      periodCode: f("reference", (h, x) => fromAction(appraisalActions.approveAssessmentAction({ ...target, periodCode: h, expectedVersion: x.units.a.assessmentVersion }))),
      unitCode: f("reference", (h, x) => fromAction(appraisalActions.approveAssessmentAction({ ...target, unitCode: h, expectedVersion: x.units.a.assessmentVersion }))),
    },
  },
  {
    file: `${SIGNED_IN}/assessments/[period]/[unit]/actions.ts`,
    name: "saveSelfScoreAction",
    state: "self_assessment",
    role: "officer",
    fields: {
      periodCode: f("reference", (h, x) =>
        fromAction(
          assessmentActions.saveSelfScoreAction(
            { ...target, periodCode: h },
            { criterionCode: "1.1", draft: { points: "25", notApplicable: false, notApplicableReason: null, note: null }, expectedVersion: version(x, "1.1") },
          ),
        ),
      ),
      unitCode: f("reference", (h, x) =>
        fromAction(
          assessmentActions.saveSelfScoreAction(
            { ...target, unitCode: h },
            { criterionCode: "1.1", draft: { points: "25", notApplicable: false, notApplicableReason: null, note: null }, expectedVersion: version(x, "1.1") },
          ),
        ),
      ),
      criterionCode: f("reference", (h, x) =>
        fromAction(
          assessmentActions.saveSelfScoreAction(target, {
            criterionCode: h,
            draft: { points: "25", notApplicable: false, notApplicableReason: null, note: null },
            expectedVersion: version(x, "1.1"),
          }),
        ),
      ),
      points: f("number", (h, x) =>
        fromAction(
          assessmentActions.saveSelfScoreAction(target, {
            criterionCode: "1.1",
            draft: { points: h, notApplicable: false, notApplicableReason: null, note: null },
            expectedVersion: version(x, "1.1"),
          }),
        ),
      ),
      note: f("text", (h, x) =>
        fromAction(
          assessmentActions.saveSelfScoreAction(target, {
            criterionCode: "1.1",
            draft: { points: "25", notApplicable: false, notApplicableReason: null, note: h },
            expectedVersion: version(x, "1.1"),
          }),
        ),
      ),
      notApplicableReason: f("text", (h, x) =>
        fromAction(
          assessmentActions.saveSelfScoreAction(target, {
            criterionCode: "1.2",
            draft: { points: null, notApplicable: true, notApplicableReason: h, note: null },
            expectedVersion: version(x, "1.2"),
          }),
        ),
      ),
    },
  },
  {
    file: `${SIGNED_IN}/assessments/[period]/[unit]/actions.ts`,
    name: "explainItemAction",
    state: "returned",
    role: "officer",
    fields: {
      explanation: f("text", (h, x) => fromAction(assessmentActions.explainItemAction(target, { criterionCode: "1.1", explanation: h, points: null, expectedVersion: version(x, "1.1") }))),
      points: f("number", (h, x) =>
        fromAction(assessmentActions.explainItemAction(target, { criterionCode: "1.1", explanation: "Đã bổ sung", points: h, expectedVersion: version(x, "1.1") })),
      ),
      criterionCode: f("reference", (h, x) =>
        fromAction(assessmentActions.explainItemAction(target, { criterionCode: h, explanation: "Đã bổ sung", points: null, expectedVersion: version(x, "1.1") })),
      ),
    },
  },
  {
    file: `${SIGNED_IN}/assessments/[period]/[unit]/actions.ts`,
    name: "submitSelfAssessmentAction",
    state: "self_assessment",
    role: "officer",
    fields: {
      periodCode: f("reference", (h, x) => fromAction(assessmentActions.submitSelfAssessmentAction({ ...target, periodCode: h, expectedVersion: x.units.a.assessmentVersion }))),
      unitCode: f("reference", (h, x) => fromAction(assessmentActions.submitSelfAssessmentAction({ ...target, unitCode: h, expectedVersion: x.units.a.assessmentVersion }))),
    },
  },
  {
    file: `${SIGNED_IN}/periods/[period]/actions.ts`,
    name: "transitionPeriodAction",
    state: "self_assessment",
    role: "admin",
    fields: {
      periodCode: f("reference", (h) => fromAction(periodActions.transitionPeriodAction({ periodCode: h, to: "appraisal", expectedStatus: "self_assessment" }))),
      to: f("choice", (h) => fromAction(periodActions.transitionPeriodAction({ periodCode: PERIOD, to: h as "appraisal", expectedStatus: "self_assessment" }))),
      expectedStatus: f("choice", (h) => fromAction(periodActions.transitionPeriodAction({ periodCode: PERIOD, to: "appraisal", expectedStatus: h as "appraisal" }))),
    },
  },
  {
    file: `${SIGNED_IN}/periods/[period]/actions.ts`,
    name: "reopenAssessmentAction",
    state: "submitted",
    role: "admin",
    fields: {
      reason: f("text", (h) => fromAction(periodActions.reopenAssessmentAction(target, { reason: h }))),
      unitCode: f("reference", (h) => fromAction(periodActions.reopenAssessmentAction({ ...target, unitCode: h }, { reason: "Bổ sung tài liệu" }))),
    },
  },
  {
    file: `${SIGNED_IN}/periods/[period]/actions.ts`,
    name: "publishPeriodAction",
    state: "approved",
    role: "admin",
    fields: {
      periodCode: f("reference", (h) => fromAction(periodActions.publishPeriodAction(h, { decisionNumber: "15/QĐ-UBND", decisionDate: "12/01/2024" }))),
      decisionNumber: f("text", (h) => fromAction(periodActions.publishPeriodAction(PERIOD, { decisionNumber: h, decisionDate: "12/01/2024" }))),
      decisionDate: f("date", (h) => fromAction(periodActions.publishPeriodAction(PERIOD, { decisionNumber: "15/QĐ-UBND", decisionDate: h }))),
    },
  },
  {
    file: `${SIGNED_IN}/periods/[period]/actions.ts`,
    name: "publishErratumAction",
    state: "self_assessment",
    role: "admin",
    fields: (() => {
      const line = { unitCode: "a", criterionCode: "1.1", points: "29,5", notApplicable: false, reason: "Nhập nhầm điểm" };
      const call = (reason: string, change: Partial<typeof line>) => fromAction(periodActions.publishErratumAction(PREVIOUS_PERIOD, { reason, corrections: [{ ...line, ...change }] }));
      return {
        reason: f("text", (h) => call(h, {})),
        unitCode: f("reference", (h) => call("Đính chính", { unitCode: h })),
        criterionCode: f("reference", (h) => call("Đính chính", { criterionCode: h })),
        points: f("number", (h) => call("Đính chính", { points: h })),
        lineReason: f("text", (h) => call("Đính chính", { reason: h })),
      };
    })(),
  },
  {
    file: `${SIGNED_IN}/periods/[period]/actions.ts`,
    name: "updatePeriodSettingsAction",
    state: "self_assessment",
    role: "admin",
    fields: {
      name: f("text", (h, x) => fromAction(periodActions.updatePeriodSettingsAction({ periodCode: PERIOD, expectedUpdatedAt: x.periodUpdatedAt }, { ...x.periodSettings, name: h }))),
      selfAssessmentDeadline: f("date", (h, x) =>
        fromAction(periodActions.updatePeriodSettingsAction({ periodCode: PERIOD, expectedUpdatedAt: x.periodUpdatedAt }, { ...x.periodSettings, selfAssessmentDeadline: h })),
      ),
      expectedUpdatedAt: f("date", (h, x) => fromAction(periodActions.updatePeriodSettingsAction({ periodCode: PERIOD, expectedUpdatedAt: h }, x.periodSettings))),
    },
  },
  {
    file: `${SIGNED_IN}/periods/[period]/actions.ts`,
    name: "updateTieBreakersAction",
    state: "self_assessment",
    role: "admin",
    fields: {
      tieBreaker: f("choice", (h, x) =>
        fromAction(
          periodActions.updateTieBreakersAction(
            { periodCode: PERIOD, expectedUpdatedAt: x.periodUpdatedAt },
            { tieBreakers: [h as "surveyPoints", "appraisalPoints"], publishSelfPoints: true },
          ),
        ),
      ),
    },
  },
  {
    file: `${SIGNED_IN}/periods/[period]/actions.ts`,
    name: "setPeriodBandsAction",
    state: "self_assessment",
    role: "admin",
    fields: {
      label: f("text", (h) =>
        fromAction(
          periodActions.setPeriodBandsAction(PERIOD, [
            { label: h, minIndex: "80" },
            { label: "Chưa đạt", minIndex: "0" },
          ]),
        ),
      ),
      minIndex: f("number", (h) =>
        fromAction(
          periodActions.setPeriodBandsAction(PERIOD, [
            { label: "Tốt", minIndex: h },
            { label: "Chưa đạt", minIndex: "0" },
          ]),
        ),
      ),
    },
  },
  {
    file: `${SIGNED_IN}/periods/[period]/actions.ts`,
    name: "setPeriodUnitsAction",
    state: "self_assessment",
    role: "admin",
    fields: {
      unitCode: f("reference", (h) =>
        fromAction(
          periodActions.setPeriodUnitsAction(PERIOD, [
            { unitCode: "a", groupCode: "xa" },
            { unitCode: h, groupCode: "xa" },
          ]),
        ),
      ),
      groupCode: f("reference", (h) =>
        fromAction(
          periodActions.setPeriodUnitsAction(PERIOD, [
            { unitCode: "a", groupCode: "xa" },
            { unitCode: "b", groupCode: h },
          ]),
        ),
      ),
    },
  },
  {
    file: `${SIGNED_IN}/periods/new/actions.ts`,
    name: "clonePeriodAction",
    state: "self_assessment",
    role: "admin",
    fields: (() => {
      const values = { fromPeriodCode: PERIOD, code: "thu-nghiem-2024", year: "2024", name: "Chỉ số CCHC năm 2024", criteriaSetCode: "" };
      const call = (change: Partial<typeof values>) => fromAction(newPeriodActions.clonePeriodAction({ ...values, ...change }));
      return {
        fromPeriodCode: f("reference", (h) => call({ fromPeriodCode: h })),
        code: f("code", (h) => call({ code: h })),
        year: f("number", (h) => call({ year: h })),
        name: f("text", (h) => call({ name: h })),
        criteriaSetCode: f("reference", (h) => call({ criteriaSetCode: h })),
      };
    })(),
  },
  {
    file: `${SIGNED_IN}/users/actions.ts`,
    name: "createUserAction",
    state: "self_assessment",
    role: "admin",
    fields: (() => {
      const values = { email: "moi@example.vn", name: "Cán bộ mới", role: "unit_officer", unitCode: "a", password: "" };
      const call = (change: Partial<typeof values>) => fromAction(userActions.createUserAction({ ...values, ...change }));
      return {
        email: f("code", (h) => call({ email: h })),
        name: f("text", (h) => call({ name: h })),
        role: f("choice", (h) => call({ role: h })),
        unitCode: f("reference", (h) => call({ unitCode: h })),
        password: f("secret", (h) => call({ password: h })),
      };
    })(),
  },
  {
    file: `${SIGNED_IN}/users/actions.ts`,
    name: "updateUserAction",
    state: "self_assessment",
    role: "admin",
    fields: (() => {
      const call = (x: StateFacts, change: { userId?: string; expectedUpdatedAt?: string; name?: string; role?: string; unitCode?: string }) =>
        fromAction(
          userActions.updateUserAction(
            { userId: change.userId ?? x.units.a.officerUserId, expectedUpdatedAt: change.expectedUpdatedAt ?? x.units.a.officerUpdatedAt },
            { name: change.name ?? "Cán bộ (đổi tên)", role: change.role ?? "unit_officer", unitCode: change.unitCode ?? "a" },
          ),
        );
      return {
        userId: f("reference", (h, x) => call(x, { userId: h })),
        expectedUpdatedAt: f("date", (h, x) => call(x, { expectedUpdatedAt: h })),
        name: f("text", (h, x) => call(x, { name: h })),
        role: f("choice", (h, x) => call(x, { role: h })),
        unitCode: f("reference", (h, x) => call(x, { unitCode: h })),
      };
    })(),
  },
  { file: `${SIGNED_IN}/users/actions.ts`, name: "disableUserAction", state: "self_assessment", role: "admin", fields: { userId: f("reference", (h) => fromAction(userActions.disableUserAction(h))) } },
  { file: `${SIGNED_IN}/users/actions.ts`, name: "enableUserAction", state: "self_assessment", role: "admin", fields: { userId: f("reference", (h) => fromAction(userActions.enableUserAction(h))) } },
  {
    file: `${SIGNED_IN}/users/actions.ts`,
    name: "resetUserPasswordAction",
    state: "self_assessment",
    role: "admin",
    fields: { userId: f("reference", (h) => fromAction(userActions.resetUserPasswordAction(h))) },
  },
  {
    file: `${SIGNED_IN}/criteria-sets/actions.ts`,
    name: "createCriteriaSetVersionAction",
    state: "self_assessment",
    role: "admin",
    fields: {
      fromCode: f("reference", (h) => fromAction(criteriaSetsActions.createCriteriaSetVersionAction(h, { newCode: "test-set-v3", name: "Bộ chỉ số (bản 3)" }))),
      newCode: f("code", (h) => fromAction(criteriaSetsActions.createCriteriaSetVersionAction("test-set", { newCode: h, name: "Bộ chỉ số (bản 3)" }))),
      name: f("text", (h) => fromAction(criteriaSetsActions.createCriteriaSetVersionAction("test-set", { newCode: "test-set-v3", name: h }))),
    },
  },
  {
    file: `${SIGNED_IN}/criteria-sets/[code]/actions.ts`,
    name: "addCriterionAction",
    state: "self_assessment",
    role: "admin",
    fields: (() => {
      const call = (values: Partial<criteriaSetActions.CriterionFormValues>, parentCode: string | null = "1", setCode = DRAFT_CRITERIA_SET) =>
        fromAction(criteriaSetActions.addCriterionAction({ setCode, parentCode }, criterion(values)));
      return {
        setCode: f("reference", (h) => call({}, "1", h)),
        parentCode: f("reference", (h) => call({}, h)),
        code: f("code", (h) => call({ code: h })),
        name: f("text", (h) => call({ name: h })),
        nameEn: f("text", (h) => call({ nameEn: h })),
        description: f("text", (h) => call({ description: h })),
        maxPoints: f("number", (h) => call({ maxPoints: h })),
        method: f("choice", (h) => call({ method: h })),
        scoringRule: f("choice", (h) => call({ scoringRule: h })),
        sipasElement: f("choice", (h) => call({ method: "survey", sipasSource: "element", sipasElement: h })),
      };
    })(),
  },
  {
    file: `${SIGNED_IN}/criteria-sets/[code]/actions.ts`,
    name: "updateCriterionAction",
    state: "self_assessment",
    role: "admin",
    fields: (() => {
      const call = (values: Partial<criteriaSetActions.CriterionFormValues>, code = "1.1") =>
        fromAction(criteriaSetActions.updateCriterionAction({ setCode: DRAFT_CRITERIA_SET, code }, criterion({ code: "1.1", name: "Kế hoạch CCHC", maxPoints: "30", ...values })));
      return {
        code: f("reference", (h) => call({}, h)),
        newCode: f("code", (h) => call({ code: h })),
        name: f("text", (h) => call({ name: h })),
        nameEn: f("text", (h) => call({ nameEn: h })),
        description: f("text", (h) => call({ description: h })),
        maxPoints: f("number", (h) => call({ maxPoints: h })),
      };
    })(),
  },
  {
    file: `${SIGNED_IN}/criteria-sets/[code]/actions.ts`,
    name: "moveCriterionAction",
    state: "self_assessment",
    role: "admin",
    fields: {
      code: f("reference", (h) => fromAction(criteriaSetActions.moveCriterionAction({ setCode: DRAFT_CRITERIA_SET, code: h, direction: "up" }))),
      direction: f("choice", (h) => fromAction(criteriaSetActions.moveCriterionAction({ setCode: DRAFT_CRITERIA_SET, code: "1.2", direction: h as "up" }))),
    },
  },
  {
    file: `${SIGNED_IN}/criteria-sets/[code]/actions.ts`,
    name: "deleteCriterionAction",
    state: "self_assessment",
    role: "admin",
    fields: {
      setCode: f("reference", (h) => fromAction(criteriaSetActions.deleteCriterionAction({ setCode: h, code: "1.2" }))),
      code: f("reference", (h) => fromAction(criteriaSetActions.deleteCriterionAction({ setCode: DRAFT_CRITERIA_SET, code: h }))),
    },
  },
  {
    file: `${SIGNED_IN}/criteria-sets/[code]/actions.ts`,
    name: "saveFieldMappingAction",
    state: "self_assessment",
    role: "admin",
    fields: {
      setCode: f("reference", (h) => fromAction(criteriaSetActions.saveFieldMappingAction(h, [{ field: "1", previous: "" }]))),
      field: f("reference", (h) => fromAction(criteriaSetActions.saveFieldMappingAction(DRAFT_CRITERIA_SET, [{ field: h, previous: "2" }]))),
      previous: f("reference", (h) => fromAction(criteriaSetActions.saveFieldMappingAction(DRAFT_CRITERIA_SET, [{ field: "1", previous: h }]))),
    },
  },
  {
    file: `${SIGNED_IN}/units/actions.ts`,
    name: "createUnitAction",
    state: "self_assessment",
    role: "admin",
    fields: (() => {
      const values = { code: "e", name: "UBND xã E", nameEn: "", kind: "commune", parentUnitCode: "" };
      const call = (change: Partial<typeof values>) => fromAction(unitActions.createUnitAction({ ...values, ...change }));
      return {
        code: f("code", (h) => call({ code: h })),
        name: f("text", (h) => call({ name: h })),
        nameEn: f("text", (h) => call({ nameEn: h })),
        kind: f("choice", (h) => call({ kind: h })),
        parentUnitCode: f("reference", (h) => call({ parentUnitCode: h })),
      };
    })(),
  },
  {
    file: `${SIGNED_IN}/units/actions.ts`,
    name: "updateUnitAction",
    state: "self_assessment",
    role: "admin",
    fields: (() => {
      // Unit c has only last year's published results: its code is frozen, its name is not.
      const call = async (x: StateFacts, change: Record<string, string>, code = "c") => {
        const unit = await readUnitUpdatedAt(code === "c" ? "c" : "a");
        return fromAction(unitActions.updateUnitAction({ code, expectedUpdatedAt: change.expectedUpdatedAt ?? unit }, { name: "UBND xã C (đổi tên)", kind: "commune", ...change }));
      };
      return {
        code: f("reference", (h, x) => call(x, {}, h)),
        name: f("text", (h, x) => call(x, { name: h })),
        nameEn: f("text", (h, x) => call(x, { nameEn: h })),
        kind: f("choice", (h, x) => call(x, { kind: h })),
        parentUnitCode: f("reference", (h, x) => call(x, { parentUnitCode: h })),
        expectedUpdatedAt: f("date", (h, x) => call(x, { expectedUpdatedAt: h })),
      };
    })(),
  },
  {
    file: `${SIGNED_IN}/units/actions.ts`,
    name: "createGroupAction",
    state: "self_assessment",
    role: "admin",
    fields: (() => {
      const values = { code: "phuong", name: "Khối phường", nameEn: "", order: "" };
      const call = (change: Partial<typeof values>) => fromAction(unitActions.createGroupAction({ ...values, ...change }));
      return {
        code: f("code", (h) => call({ code: h })),
        name: f("text", (h) => call({ name: h })),
        nameEn: f("text", (h) => call({ nameEn: h })),
        order: f("number", (h) => call({ order: h })),
      };
    })(),
  },
  {
    file: `${SIGNED_IN}/units/actions.ts`,
    name: "updateGroupAction",
    state: "self_assessment",
    role: "admin",
    fields: {
      code: f("reference", (h) => fromAction(unitActions.updateGroupAction(h, { name: "Khối xã" }))),
      name: f("text", (h) => fromAction(unitActions.updateGroupAction("xa", { name: h }))),
      nameEn: f("text", (h) => fromAction(unitActions.updateGroupAction("xa", { name: "Khối xã", nameEn: h }))),
      order: f("number", (h) => fromAction(unitActions.updateGroupAction("xa", { name: "Khối xã", order: h }))),
    },
  },
  {
    file: `${SIGNED_IN}/units/actions.ts`,
    name: "mergeUnitsAction",
    state: "self_assessment",
    role: "admin",
    fields: (() => {
      const input: { predecessorCodes: string[]; successor: unitActions.SuccessorChoice; effectiveOn: string; note: string } = {
        predecessorCodes: ["c", "d"],
        successor: { code: "cd", name: "UBND xã CD", kind: "commune", parentUnitCode: null },
        effectiveOn: "01/01/2024",
        note: "Nghị quyết sáp nhập",
      };
      const newSuccessor = { code: "cd", name: "UBND xã CD", kind: "commune" as const, parentUnitCode: null };
      const call = (change: Partial<typeof input>) => fromAction(unitActions.mergeUnitsAction({ ...input, ...change }));
      return {
        predecessorCode: f("reference", (h) => call({ predecessorCodes: ["c", h] })),
        successorCode: f("code", (h) => call({ successor: { ...newSuccessor, code: h } })),
        successorName: f("text", (h) => call({ successor: { ...newSuccessor, name: h } })),
        successorKind: f("choice", (h) => call({ successor: { ...newSuccessor, kind: h as "commune" } })),
        existingSuccessor: f("reference", (h) => call({ successor: { existingCode: h } })),
        effectiveOn: f("date", (h) => call({ effectiveOn: h })),
        note: f("text", (h) => call({ note: h })),
      };
    })(),
  },
  {
    file: `${SIGNED_IN}/units/actions.ts`,
    name: "splitUnitAction",
    state: "self_assessment",
    role: "admin",
    fields: (() => {
      const second = { code: "c2", name: "UBND xã C2", kind: "commune" as const, parentUnitCode: null };
      const input = { predecessorCode: "c", successors: [{ code: "c1", name: "UBND xã C1", kind: "commune" as const, parentUnitCode: null }, second], effectiveOn: "01/01/2024", note: "Chia tách" };
      const call = (change: Partial<typeof input>) => fromAction(unitActions.splitUnitAction({ ...input, ...change }));
      return {
        predecessorCode: f("reference", (h) => call({ predecessorCode: h })),
        successorCode: f("code", (h) => call({ successors: [input.successors[0]!, { ...second, code: h }] })),
        successorName: f("text", (h) => call({ successors: [input.successors[0]!, { ...second, name: h }] })),
        effectiveOn: f("date", (h) => call({ effectiveOn: h })),
        note: f("text", (h) => call({ note: h })),
      };
    })(),
  },
  {
    file: `${SIGNED_IN}/sipas/actions.ts`,
    name: "createSipasSurveyAction",
    state: "self_assessment",
    role: "admin",
    fields: {
      periodCode: f("reference", (h) => fromAction(sipasListActions.createSipasSurveyAction({ periodCode: h, from: "default" }))),
      from: f("choice", (h) => fromAction(sipasListActions.createSipasSurveyAction({ periodCode: PERIOD, from: h as "default" }))),
    },
  },
  {
    file: `${SIGNED_IN}/sipas/[period]/actions.ts`,
    name: "updateSipasSurveyAction",
    state: "sipas_draft",
    role: "admin",
    fields: (() => {
      const values = {
        name: "Khảo sát SIPAS 2023",
        scaleMin: "1",
        scaleMax: "5",
        scaleLabels: "Rất không hài lòng\nKhông hài lòng\nBình thường\nHài lòng\nRất hài lòng",
        satisfiedFrom: "4",
        indexMethod: "mean_scaled",
        smallSampleThreshold: "20",
        opensAt: "",
        closesAt: "",
      };
      const call = (change: Partial<typeof values>) => fromAction(sipasSurveyActions.updateSipasSurveyAction(PERIOD, { ...values, ...change }));
      return {
        name: f("text", (h) => call({ name: h })),
        scaleMax: f("number", (h) => call({ scaleMax: h })),
        scaleLabel: f("text", (h) => call({ scaleLabels: `Rất không hài lòng\nKhông hài lòng\nBình thường\nHài lòng\n${h}` })),
        satisfiedFrom: f("number", (h) => call({ satisfiedFrom: h })),
        indexMethod: f("choice", (h) => call({ indexMethod: h })),
        smallSampleThreshold: f("number", (h) => call({ smallSampleThreshold: h })),
        opensAt: f("date", (h) => call({ opensAt: h })),
      };
    })(),
  },
  {
    file: `${SIGNED_IN}/sipas/[period]/actions.ts`,
    name: "transitionSipasSurveyAction",
    state: "sipas_open",
    role: "admin",
    fields: {
      to: f("choice", (h) => fromAction(sipasSurveyActions.transitionSipasSurveyAction({ periodCode: PERIOD, to: h as "closed", expectedStatus: "open" }))),
      expectedStatus: f("choice", (h) => fromAction(sipasSurveyActions.transitionSipasSurveyAction({ periodCode: PERIOD, to: "closed", expectedStatus: h as "open" }))),
    },
  },
  {
    file: `${SIGNED_IN}/sipas/[period]/actions.ts`,
    name: "addSipasElementAction",
    state: "sipas_draft",
    role: "admin",
    fields: (() => {
      const values = { code: "moi-truong", name: "Môi trường phục vụ", nameEn: "", weight: "0,5" };
      const call = (change: Partial<typeof values>) => fromAction(sipasSurveyActions.addSipasElementAction(PERIOD, { ...values, ...change }));
      return {
        code: f("code", (h) => call({ code: h })),
        name: f("text", (h) => call({ name: h })),
        nameEn: f("text", (h) => call({ nameEn: h })),
        weight: f("number", (h) => call({ weight: h })),
      };
    })(),
  },
  {
    file: `${SIGNED_IN}/sipas/[period]/actions.ts`,
    name: "updateSipasElementAction",
    state: "sipas_draft",
    role: "admin",
    fields: (() => {
      const call = (x: StateFacts, change: Record<string, string>, elementCode = sipas(x).elementCode) =>
        fromAction(sipasSurveyActions.updateSipasElementAction({ periodCode: PERIOD, elementCode }, { code: sipas(x).elementCode, name: "Dịch vụ công trực tuyến", nameEn: "", weight: "2", ...change }));
      return {
        elementCode: f("reference", (h, x) => call(x, {}, h)),
        name: f("text", (h, x) => call(x, { name: h })),
        weight: f("number", (h, x) => call(x, { weight: h })),
      };
    })(),
  },
  {
    file: `${SIGNED_IN}/sipas/[period]/actions.ts`,
    name: "deleteSipasElementAction",
    state: "sipas_draft",
    role: "admin",
    fields: { elementCode: f("reference", (h) => fromAction(sipasSurveyActions.deleteSipasElementAction({ periodCode: PERIOD, elementCode: h }))) },
  },
  {
    file: `${SIGNED_IN}/sipas/[period]/actions.ts`,
    name: "moveSipasElementAction",
    state: "sipas_draft",
    role: "admin",
    fields: {
      elementCode: f("reference", (h) => fromAction(sipasSurveyActions.moveSipasElementAction({ periodCode: PERIOD, elementCode: h, direction: "up" }))),
      direction: f("choice", (h, x) => fromAction(sipasSurveyActions.moveSipasElementAction({ periodCode: PERIOD, elementCode: sipas(x).elementCode, direction: h as "up" }))),
    },
  },
  {
    file: `${SIGNED_IN}/sipas/[period]/actions.ts`,
    name: "addSipasQuestionAction",
    state: "sipas_draft",
    role: "admin",
    fields: (() => {
      const call = (x: StateFacts, change: Record<string, string>, elementCode = sipas(x).elementCode) =>
        fromAction(sipasSurveyActions.addSipasQuestionAction({ periodCode: PERIOD, elementCode }, { code: "cau-moi", text: "Ông/Bà có dễ tra cứu hồ sơ không?", textEn: "", required: "yes", ...change }));
      return {
        elementCode: f("reference", (h, x) => call(x, {}, h)),
        code: f("code", (h, x) => call(x, { code: h })),
        text: f("text", (h, x) => call(x, { text: h })),
        textEn: f("text", (h, x) => call(x, { textEn: h })),
      };
    })(),
  },
  {
    file: `${SIGNED_IN}/sipas/[period]/actions.ts`,
    name: "updateSipasQuestionAction",
    state: "sipas_draft",
    role: "admin",
    fields: (() => {
      const call = (x: StateFacts, change: Record<string, string>, questionCode = sipas(x).questionCode) =>
        fromAction(sipasSurveyActions.updateSipasQuestionAction({ periodCode: PERIOD, questionCode }, { code: sipas(x).questionCode, text: "Câu hỏi đã sửa", textEn: "", required: "no", ...change }));
      return {
        questionCode: f("reference", (h, x) => call(x, {}, h)),
        text: f("text", (h, x) => call(x, { text: h })),
      };
    })(),
  },
  {
    file: `${SIGNED_IN}/sipas/[period]/actions.ts`,
    name: "deleteSipasQuestionAction",
    state: "sipas_draft",
    role: "admin",
    fields: { questionCode: f("reference", (h) => fromAction(sipasSurveyActions.deleteSipasQuestionAction({ periodCode: PERIOD, questionCode: h }))) },
  },
  {
    file: `${SIGNED_IN}/sipas/[period]/actions.ts`,
    name: "moveSipasQuestionAction",
    state: "sipas_draft",
    role: "admin",
    fields: {
      questionCode: f("reference", (h) => fromAction(sipasSurveyActions.moveSipasQuestionAction({ periodCode: PERIOD, questionCode: h, direction: "up" }))),
      direction: f("choice", (h, x) => fromAction(sipasSurveyActions.moveSipasQuestionAction({ periodCode: PERIOD, questionCode: sipas(x).questionCode, direction: h as "up" }))),
    },
  },
  {
    file: `${SIGNED_IN}/sipas/[period]/flagged/actions.ts`,
    name: "reviewFlaggedSipasResponsesAction",
    state: "sipas_open",
    role: "admin",
    fields: {
      decision: f("choice", (h, x) => fromAction(sipasFlaggedActions.reviewFlaggedSipasResponsesAction({ periodCode: PERIOD, decision: h as "accept" }, [sipas(x).flagged.a!]))),
      responseId: f("reference", (h) => fromAction(sipasFlaggedActions.reviewFlaggedSipasResponsesAction({ periodCode: PERIOD, decision: "accept" }, [h]))),
    },
  },
  {
    file: `${SIGNED_IN}/sipas/[period]/results/actions.ts`,
    name: "computeSipasResultsAction",
    state: "sipas_open",
    role: "council",
    fields: { periodCode: f("reference", (h) => fromAction(sipasResultsActions.computeSipasResultsAction(h))) },
  },
  {
    file: `${SIGNED_IN}/sipas/[period]/results/actions.ts`,
    name: "approveSipasResultsAction",
    state: "sipas_closed",
    role: "council",
    fields: {
      unitCode: f("reference", (h, x) => fromAction(sipasResultsActions.approveSipasResultsAction(PERIOD, [{ unitCode: h, ...sipas(x).figures.a! }]))),
      expectedIndex: f("number", (h, x) =>
        fromAction(sipasResultsActions.approveSipasResultsAction(PERIOD, [{ unitCode: "a", expectedIndex: h, expectedResponses: sipas(x).figures.a!.expectedResponses }])),
      ),
    },
  },
  {
    file: `${SIGNED_IN}/sipas/[period]/results/actions.ts`,
    name: "revokeSipasApprovalAction",
    state: "sipas_approved",
    role: "council",
    fields: {
      reason: f("audited", (h) => fromAction(sipasResultsActions.revokeSipasApprovalAction(target, { reason: h }))),
      unitCode: f("reference", (h) => fromAction(sipasResultsActions.revokeSipasApprovalAction({ ...target, unitCode: h }, { reason: "Xem lại" }))),
    },
  },

  // Console route handlers.
  {
    file: "app/api/console/audit.csv/route.ts",
    name: "GET",
    state: "self_assessment",
    role: "admin",
    fields: Object.fromEntries(
      ["periodCode", "actorEmail", "action", "entityType", "unitCode", "from", "to", "lang"].map((key) => [
        key,
        f(key === "from" || key === "to" ? "date" : "code", (h) => fromResponse(auditCsvRoute.GET(consoleRequest(`/api/console/audit.csv?${new URLSearchParams({ [key]: h })}`)))),
      ]),
    ),
  },
  {
    file: "app/api/console/evidence/route.ts",
    name: "POST",
    state: "self_assessment",
    role: "officer",
    fields: {
      periodCode: f("reference", (h) => fromResponse(evidenceRoute.POST(consoleRequest("/api/console/evidence", { method: "POST", form: evidenceForm({ periodCode: h }) })))),
      unitCode: f("reference", (h) => fromResponse(evidenceRoute.POST(consoleRequest("/api/console/evidence", { method: "POST", form: evidenceForm({ unitCode: h }) })))),
      criterionCode: f("reference", (h) => fromResponse(evidenceRoute.POST(consoleRequest("/api/console/evidence", { method: "POST", form: evidenceForm({ criterionCode: h }) })))),
      // A file name is shown again in the list and in the download's Content-Disposition: text, but
      // the store may make it safe (path and control characters), so it is checked for a crash and
      // a refusal only; what is shown of it is checked on the page.
      fileName: f("secret", (h) => fromResponse(evidenceRoute.POST(consoleRequest("/api/console/evidence", { method: "POST", form: evidenceForm({ fileName: `${h}.pdf` }) })))),
    },
  },
  {
    file: "app/api/console/evidence/[id]/route.ts",
    name: "GET",
    state: "self_assessment",
    role: "officer",
    fields: { id: f("reference", (h) => fromResponse(evidenceFileRoute.GET(consoleRequest(`/api/console/evidence/${segment(h)}`), params({ id: h })))) },
  },
  {
    file: "app/api/console/evidence/[id]/route.ts",
    name: "DELETE",
    state: "self_assessment",
    role: "officer",
    fields: { id: f("reference", (h) => fromResponse(evidenceFileRoute.DELETE(consoleRequest(`/api/console/evidence/${segment(h)}`, { method: "DELETE" }), params({ id: h })))) },
  },
  {
    file: "app/api/console/self-assessment/[period]/[unit]/route.ts",
    name: "GET",
    state: "self_assessment",
    role: "officer",
    fields: {
      period: f("reference", (h) => fromResponse(sheetRoute.GET(consoleRequest(`/api/console/self-assessment/${segment(h)}/a`), params({ period: h, unit: "a" })))),
      unit: f("reference", (h) => fromResponse(sheetRoute.GET(consoleRequest(`/api/console/self-assessment/${PERIOD}/${segment(h)}`), params({ period: PERIOD, unit: h })))),
    },
  },
  {
    file: "app/api/console/self-assessment/[period]/[unit]/route.ts",
    name: "POST",
    state: "self_assessment",
    role: "officer",
    fields: {
      pointsCell: f("number", async (h, x) => postSheet(x, await sheetWith(x, { column: "selfPoints", value: h }))),
      noteCell: f("text", async (h, x) => postSheet(x, await sheetWith(x, { column: "note", value: h }))),
      fileName: f("secret", (h, x) => postSheet(x, x.units.a.filledSheet, `${h}.xlsx`)),
      unit: f("reference", (h, x) => postSheet(x, x.units.a.filledSheet, "tu-danh-gia.xlsx", h)),
    },
  },
  {
    file: "app/api/console/sipas/[period]/[unit]/poster.png/route.ts",
    name: "GET",
    state: "sipas_open",
    role: "admin",
    fields: {
      unit: f("reference", (h) =>
        fromResponse(sipasPosterPngRoute.GET(consoleRequest(`/api/console/sipas/${PERIOD}/${segment(h)}/poster.png`), params({ period: PERIOD, unit: h }))),
      ),
      period: f("reference", (h) =>
        fromResponse(sipasPosterPngRoute.GET(consoleRequest(`/api/console/sipas/${segment(h)}/a/poster.png`), params({ period: h, unit: "a" }))),
      ),
    },
  },
  {
    file: "app/api/console/sipas/[period]/[unit]/poster.pdf/route.ts",
    name: "GET",
    state: "sipas_open",
    role: "admin",
    fields: {
      unit: f("reference", (h) =>
        fromResponse(sipasPosterPdfRoute.GET(consoleRequest(`/api/console/sipas/${PERIOD}/${segment(h)}/poster.pdf`), params({ period: PERIOD, unit: h }))),
      ),
    },
  },
  {
    file: "app/api/console/sipas/[period]/responses/route.ts",
    name: "GET",
    state: "sipas_open",
    role: "admin",
    fields: {
      format: f("choice", (h) => fromResponse(sipasResponsesRoute.GET(consoleRequest(`/api/console/sipas/${PERIOD}/responses?format=${segment(h)}`), params({ period: PERIOD })))),
      period: f("reference", (h) =>
        fromResponse(sipasResponsesRoute.GET(consoleRequest(`/api/console/sipas/${segment(h)}/responses?format=csv`), params({ period: h }))),
      ),
    },
  },
  {
    file: "app/api/console/sipas/[period]/responses/route.ts",
    name: "POST",
    state: "sipas_open",
    role: "admin",
    fields: {
      source: f("choice", (h, x) => postSipasResponses(sipasCsv(x, null, ""), "phieu-giay.csv", h)),
      fileName: f("secret", (h, x) => postSipasResponses(sipasCsv(x, null, ""), `${h}.csv`)),
      unitCell: f("reference", (h, x) => postSipasResponses(sipasCsv(x, x.sipas!.importHeader.find((name) => x.sipas!.importRow[name] === "a")!, h))),
      formNumberCell: f("code", (h, x) => postSipasResponses(sipasCsv(x, x.sipas!.importHeader.find((name) => x.sipas!.importRow[name] === "a-moi")!, h))),
      dateCell: f("date", (h, x) => postSipasResponses(sipasCsv(x, x.sipas!.importHeader.find((name) => x.sipas!.importRow[name] === "01/03/2024")!, h))),
      answerCell: f("number", (h, x) => postSipasResponses(sipasCsv(x, x.sipas!.importHeader.filter((name) => x.sipas!.importRow[name] === "4")[0]!, h))),
    },
  },
];

/** What the corpus does not reach here, and why (the inventory names them too). */
const NOT_PROBED: Record<string, string> = {
  "app/api/console/sign-out/route.ts POST": "takes no input: it expires the session cookie (authorization matrix)",
};

// ---------------------------------------------------------------------------------------------
// Harness

let cast: Cast;
let snapshots: DatabaseSnapshots;
let evidenceDirectory: string;
let client: pg.Client;
let textColumns: { table: string; column: string; json: boolean }[] = [];
const factsByState = new Map<FixtureState, StateFacts>();

/**
 * Which tables a request changed, from row triggers this test puts on every table (but the audit
 * log and the sign-in limits, which record refusals by design). A refused request's transaction
 * rolls back with its counts, so any count is a change that stayed; an accepted one is undone by
 * copying back only the tables it changed, a few milliseconds instead of the whole snapshot.
 */
const UNWATCHED = ["AuditLog", "RateLimitBucket", "_prisma_migrations"];
const current = { state: null as FixtureState | null };

async function changedTables(): Promise<string[]> {
  return (await client.query<{ name: string }>(`select name from hd_watch.changes where n > 0 order by name`)).rows.map((row) => row.name);
}

async function copyBack(state: FixtureState, tables: string[]): Promise<void> {
  await client.query("begin");
  try {
    // As the snapshot's own restore: triggers (field totals, foreign keys, ours) stay quiet.
    await client.query("set local session_replication_role = replica");
    for (const table of tables) {
      await client.query(`delete from public."${table}"`);
      await client.query(`insert into public."${table}" select * from "authz_${state}"."${table}"`);
    }
    await client.query("update hd_watch.changes set n = 0 where n > 0");
    await client.query("commit");
  } catch (error) {
    await client.query("rollback");
    throw error;
  }
}

/** The database as saved for `state`: the whole snapshot when coming from another state, else the tables changed since. */
async function enter(state: FixtureState): Promise<void> {
  if (current.state !== state) {
    await snapshots.restore(state);
    await client.query("update hd_watch.changes set n = 0 where n > 0");
    current.state = state;
    return;
  }
  const changed = await changedTables();
  if (changed.length) await copyBack(state, changed);
}

async function readUnitUpdatedAt(code: string): Promise<string> {
  const row = await client.query<{ at: Date }>(`select "updatedAt" as at from "Unit" where code = $1`, [code]);
  return row.rows[0]!.at.toISOString();
}

/** Whether any text column of any table but the audit log holds one of these values (JSON: inside it). */
async function storedAnywhere(values: string[], inAuditLog = false): Promise<boolean> {
  if (inAuditLog) {
    const jsonValues = values.map((value) => JSON.stringify(value).slice(1, -1));
    const row = await client.query<{ found: boolean }>(`select exists (select 1 from "AuditLog" t, unnest($1::text[]) v where position(v in t."after"::text) > 0) as found`, [jsonValues]);
    return row.rows[0]!.found;
  }
  const jsonValues = values.map((value) => JSON.stringify(value).slice(1, -1));
  const plain = textColumns.filter((column) => !column.json);
  const json = textColumns.filter((column) => column.json);
  const parts = [
    ...plain.map((column) => `exists (select 1 from "${column.table}" where "${column.column}" = any($1::text[]))`),
    ...json.map((column) => `exists (select 1 from "${column.table}" t, unnest($2::text[]) v where position(v in t."${column.column}"::text) > 0)`),
  ];
  const row = await client.query<{ found: boolean }>(`select (${parts.join(" or ")}) as found`, [values, jsonValues]);
  return row.rows[0]!.found;
}

function userOf(role: Probe["role"]): SessionUser {
  return role === "admin" ? cast.admin : role === "council" ? cast.council : cast.officerA;
}

beforeAll(async () => {
  evidenceDirectory = await mkdtemp(path.join(tmpdir(), "hostile-input-"));
  process.env.EVIDENCE_DIR = evidenceDirectory;
  cast = await buildBaseState();
  snapshots = await openDatabaseSnapshots(database.url(), evidenceDirectory);
  for (const state of STATES) {
    if (state !== "self_assessment") {
      await snapshots.restore(PARENT_STATE[state]);
      await advanceTo(state, cast);
    }
    await snapshots.save(state);
    factsByState.set(state, await readStateFacts());
  }
  client = new pg.Client({ connectionString: database.url() });
  await client.connect();
  await client.query(`
    drop schema if exists hd_watch cascade;
    create schema hd_watch;
    create table hd_watch.changes (name text primary key, n bigint not null default 0);
    create function hd_watch.note() returns trigger language plpgsql as $$
    begin
      insert into hd_watch.changes (name, n) values (tg_table_name, 1) on conflict (name) do update set n = hd_watch.changes.n + 1;
      return null;
    end $$;`);
  const tables = await client.query<{ name: string }>(`select tablename as name from pg_tables where schemaname = 'public'`);
  for (const { name } of tables.rows.filter((row) => !UNWATCHED.includes(row.name))) {
    await client.query(`create trigger hd_watch_note after insert or update or delete on public."${name}" for each row execute function hd_watch.note()`);
  }
  textColumns = (
    await client.query<{ table: string; column: string; type: string }>(
      `select table_name as table, column_name as column, data_type as type from information_schema.columns
       where table_schema = 'public' and table_name not in ('AuditLog', '_prisma_migrations') and data_type in ('text', 'character varying', 'jsonb', 'json')`,
    )
  ).rows.map((row) => ({ table: row.table, column: row.column, json: row.type.startsWith("json") }));
}, 180_000);

afterAll(async () => {
  // The change watch must not outlive this file: later files share the database (and back it up).
  await client?.query("drop schema if exists hd_watch cascade");
  await client?.end();
  await snapshots?.close();
  await rm(evidenceDirectory, { recursive: true, force: true });
});

describe("every console entry point is probed", () => {
  it("has a probe (or a reason) for every server action and console route method of the inventory", () => {
    const probed = new Set(PROBES.map((probe) => `${probe.file} ${probe.name}`));
    const inventoried = CONSOLE_ENTRY_POINTS.flatMap((entry) => entry.exports.map((name) => `${entry.file} ${name}`));
    expect(inventoried.filter((key) => !probed.has(key) && !(key in NOT_PROBED)), "entry points without a probe").toEqual([]);
    expect([...probed].filter((key) => !inventoried.includes(key)), "probes of entry points that do not exist").toEqual([]);
  });
});

describe.each(PROBES.map((probe) => [`${probe.file} ${probe.name}`, probe] as const))("%s", (_, probe) => {
  it.each(Object.entries(probe.fields))("%s", async (fieldName, field) => {
    const failures: string[] = [];
    // Each field from the saved state with the sign-in limits cleared (a wrong password counts).
    await enter(probe.state);
    await client.query(`delete from public."RateLimitBucket"`);
    for (const input of INPUTS_OF[field.kind]) {
      await enter(probe.state);
      const facts = factsByState.get(probe.state)!;
      session.user = userOf(probe.role);
      let outcome: Outcome;
      try {
        outcome = await field.call(input.value, facts);
      } catch (error) {
        failures.push(`${input.name}: threw ${(error as Error).message.slice(0, 200)}`);
        continue;
      } finally {
        session.user = null;
      }
      const said = `${input.name}: ${JSON.stringify({ ...outcome, vi: outcome.vi?.slice(0, 160), en: outcome.en?.slice(0, 160) })}`;
      if (outcome.status !== null && outcome.status >= 500) failures.push(`${said} — a server error`);
      if (outcome.code === "unexpected" || outcome.code === "internal_error") failures.push(`${said} — an unexpected failure`);
      if (outcome.ok) {
        const stored = field.kind === "text" || field.kind === "code" || field.kind === "audited";
        if (stored && outcome.status === null && !(await storedAnywhere(storedFormsOf(input.value), field.kind === "audited"))) {
          failures.push(`${said} — accepted but not stored as typed`);
        }
        if (field.kind === "reference" || field.kind === "choice") failures.push(`${said} — accepted a ${field.kind} that names nothing`);
        continue;
      }
      if (!isBilingualRefusal(outcome)) failures.push(`${said} — the refusal is not said in Vietnamese and English`);
      if (outcome.contentType !== null && outcome.code !== null && !outcome.contentType.startsWith("application/json")) failures.push(`${said} — JSON without its content type`);
      const changed = await changedTables();
      if (changed.length) failures.push(`${said} — refused but changed ${changed.join(", ")}`);
    }
    expect(failures).toEqual([]);
  });
});
