// Every entry point of the app that takes input, with what the hostile corpus
// (tests/support/hostile-corpus.ts) is thrown at and which suite does it. A page, route handler or
// actions module added under app/ without a row here fails tests/unit/hostile/entry-point-inventory.test.ts;
// a row whose suite has no probe for it fails that suite.
//
// Suites:
// - "console": tests/integration/hostile-input-console.test.ts, in process, as the role that may
//   call it (server actions and console route handlers: every text, number, date, code and id);
// - "http": tests/e2e/hostile-input.spec.ts, over HTTP against the production build (public pages,
//   the public API, the survey, the language switch, sign-in, and the console pages as signed-in
//   users, by path and query).

export type EntryPoint = {
  /** Relative to the repository, with forward slashes. */
  file: string;
  /** Server action names of an actions module, HTTP methods of a route handler; pages: ["page"]. */
  exports: string[];
  /** What of the request is input (path segments, query, form fields, headers). */
  inputs: string[];
  suite: "console" | "http";
};

const SIGNED_IN = "app/[locale]/(console)/console/(signed-in)";
const PUBLIC = "app/[locale]/(public)";

const page = (file: string, inputs: string[]): EntryPoint => ({ file, exports: ["page"], inputs, suite: "http" });
const actions = (file: string, names: string[], inputs: string[]): EntryPoint => ({ file: `${SIGNED_IN}/${file}`, exports: names, inputs, suite: "console" });

export const ENTRY_POINTS: EntryPoint[] = [
  // Public pages
  page(`${PUBLIC}/page.tsx`, ["query (ignored)"]),
  page(`${PUBLIC}/[period]/page.tsx`, ["period"]),
  page(`${PUBLIC}/[period]/[group]/page.tsx`, ["period", "group"]),
  page(`${PUBLIC}/compare/page.tsx`, ["period", "units"]),
  page(`${PUBLIC}/methodology/[period]/page.tsx`, ["period"]),
  page(`${PUBLIC}/open-data/page.tsx`, ["query (ignored)"]),
  page(`${PUBLIC}/sipas/[period]/page.tsx`, ["period", "sort"]),
  page(`${PUBLIC}/survey/[period]/[unit]/page.tsx`, ["period", "unit", "retry", "draft cookie"]),
  page(`${PUBLIC}/survey/[period]/[unit]/thanks/page.tsx`, ["period", "unit"]),
  page(`${PUBLIC}/units/[unit]/page.tsx`, ["unit", "period"]),
  // Console pages (signed in as admin, council or officer)
  page("app/[locale]/(console)/console/sign-in/page.tsx", ["next"]),
  page(`${SIGNED_IN}/page.tsx`, ["query (ignored)"]),
  page(`${SIGNED_IN}/account/page.tsx`, ["required"]),
  page(`${SIGNED_IN}/appraisal/page.tsx`, ["query (ignored)"]),
  page(`${SIGNED_IN}/appraisal/[period]/[unit]/page.tsx`, ["period", "unit"]),
  page(`${SIGNED_IN}/assessments/page.tsx`, ["query (ignored)"]),
  page(`${SIGNED_IN}/assessments/[period]/[unit]/page.tsx`, ["period", "unit"]),
  page(`${SIGNED_IN}/audit/page.tsx`, ["periodCode", "actorEmail", "action", "entityType", "unitCode", "from", "to", "cursor"]),
  page(`${SIGNED_IN}/criteria-sets/page.tsx`, ["query (ignored)"]),
  page(`${SIGNED_IN}/criteria-sets/[code]/page.tsx`, ["code"]),
  page(`${SIGNED_IN}/periods/page.tsx`, ["query (ignored)"]),
  page(`${SIGNED_IN}/periods/[period]/page.tsx`, ["period"]),
  page(`${SIGNED_IN}/periods/new/page.tsx`, ["query (ignored)"]),
  page(`${SIGNED_IN}/sipas/page.tsx`, ["query (ignored)"]),
  page(`${SIGNED_IN}/sipas/[period]/page.tsx`, ["period"]),
  page(`${SIGNED_IN}/sipas/[period]/flagged/page.tsx`, ["period"]),
  page(`${SIGNED_IN}/sipas/[period]/import/page.tsx`, ["period"]),
  page(`${SIGNED_IN}/sipas/[period]/results/page.tsx`, ["period"]),
  page(`${SIGNED_IN}/sipas/[period]/results/[unit]/page.tsx`, ["period", "unit"]),
  page(`${SIGNED_IN}/units/page.tsx`, ["q", "dissolved"]),
  page(`${SIGNED_IN}/users/page.tsx`, ["q", "role", "unit", "disabled"]),

  // Server actions
  actions("account/actions.ts", ["changePasswordAction"], ["currentPassword", "newPassword"]),
  actions(
    "appraisal/[period]/[unit]/actions.ts",
    ["appraiseItemAction", "acceptRemainingItemsAction", "approveAssessmentAction"],
    ["periodCode", "unitCode", "criterionCode", "decision", "points", "reason", "comment"],
  ),
  actions(
    "assessments/[period]/[unit]/actions.ts",
    ["saveSelfScoreAction", "explainItemAction", "submitSelfAssessmentAction"],
    ["periodCode", "unitCode", "criterionCode", "points", "note", "notApplicableReason", "explanation"],
  ),
  actions("criteria-sets/actions.ts", ["createCriteriaSetVersionAction"], ["fromCode", "newCode", "name"]),
  actions(
    "criteria-sets/[code]/actions.ts",
    ["addCriterionAction", "updateCriterionAction", "moveCriterionAction", "deleteCriterionAction", "saveFieldMappingAction"],
    ["setCode", "parentCode", "code", "name", "nameEn", "description", "maxPoints", "method", "scoringRule", "sipasElement", "direction", "field mapping"],
  ),
  actions(
    "periods/[period]/actions.ts",
    [
      "transitionPeriodAction",
      "reopenAssessmentAction",
      "publishPeriodAction",
      "updatePeriodSettingsAction",
      "updateTieBreakersAction",
      "setPeriodBandsAction",
      "setPeriodUnitsAction",
      "publishErratumAction",
    ],
    ["periodCode", "status", "reason", "decisionNumber", "decisionDate", "name", "deadlines", "tie-breakers", "band label", "minIndex", "unit and group codes", "erratum lines"],
  ),
  actions("periods/new/actions.ts", ["clonePeriodAction"], ["fromPeriodCode", "code", "year", "name", "criteriaSetCode"]),
  actions("sipas/actions.ts", ["createSipasSurveyAction"], ["periodCode", "from"]),
  actions(
    "sipas/[period]/actions.ts",
    [
      "updateSipasSurveyAction",
      "transitionSipasSurveyAction",
      "addSipasElementAction",
      "updateSipasElementAction",
      "deleteSipasElementAction",
      "moveSipasElementAction",
      "addSipasQuestionAction",
      "updateSipasQuestionAction",
      "deleteSipasQuestionAction",
      "moveSipasQuestionAction",
    ],
    ["name", "scale", "labels", "satisfiedFrom", "indexMethod", "threshold", "dates", "element and question codes, names, texts, weights", "direction", "status"],
  ),
  actions("sipas/[period]/flagged/actions.ts", ["reviewFlaggedSipasResponsesAction"], ["decision", "response ids"]),
  actions(
    "sipas/[period]/results/actions.ts",
    ["computeSipasResultsAction", "approveSipasResultsAction", "revokeSipasApprovalAction"],
    ["periodCode", "unitCode", "expectedIndex", "reason"],
  ),
  actions(
    "units/actions.ts",
    ["createUnitAction", "updateUnitAction", "createGroupAction", "updateGroupAction", "mergeUnitsAction", "splitUnitAction"],
    ["code", "newCode", "name", "nameEn", "kind", "parentUnitCode", "order", "predecessors", "successors", "effectiveOn", "note"],
  ),
  actions("users/actions.ts", ["createUserAction", "updateUserAction", "disableUserAction", "enableUserAction", "resetUserPasswordAction"], [
    "email",
    "name",
    "role",
    "unitCode",
    "password",
    "userId",
  ]),

  // Console route handlers
  { file: "app/api/console/audit.csv/route.ts", exports: ["GET"], inputs: ["every filter field", "lang"], suite: "console" },
  { file: "app/api/console/evidence/route.ts", exports: ["POST"], inputs: ["periodCode", "unitCode", "criterionCode", "file name"], suite: "console" },
  { file: "app/api/console/evidence/[id]/route.ts", exports: ["GET", "DELETE"], inputs: ["id"], suite: "console" },
  { file: "app/api/console/self-assessment/[period]/[unit]/route.ts", exports: ["GET", "POST"], inputs: ["period", "unit", "file name", "cells"], suite: "console" },
  { file: "app/api/console/sign-out/route.ts", exports: ["POST"], inputs: [], suite: "console" },
  { file: "app/api/console/sipas/[period]/[unit]/poster.png/route.ts", exports: ["GET"], inputs: ["period", "unit"], suite: "console" },
  { file: "app/api/console/sipas/[period]/[unit]/poster.pdf/route.ts", exports: ["GET"], inputs: ["period", "unit"], suite: "console" },
  { file: "app/api/console/sipas/[period]/responses/route.ts", exports: ["GET", "POST"], inputs: ["period", "format", "source", "file name", "cells"], suite: "console" },

  // Public and technical route handlers
  { file: "app/api/auth/[...nextauth]/route.ts", exports: ["GET", "POST"], inputs: ["email", "password", "csrfToken"], suite: "http" },
  { file: "app/api/health/route.ts", exports: ["GET"], inputs: ["query (ignored)"], suite: "http" },
  { file: "app/api/health/live/route.ts", exports: ["GET"], inputs: ["query (ignored)"], suite: "http" },
  { file: "app/api/health/ready/route.ts", exports: ["GET"], inputs: ["query (ignored)"], suite: "http" },
  { file: "app/api/locale/route.ts", exports: ["POST"], inputs: ["locale", "referer"], suite: "http" },
  { file: "app/api/survey/[period]/[unit]/route.ts", exports: ["POST"], inputs: ["period", "unit", "answers", "dossier code", "comment", "token", "device cookie"], suite: "http" },
  { file: "app/api/v1/[...path]/route.ts", exports: ["GET", "OPTIONS"], inputs: ["path"], suite: "http" },
  { file: "app/api/v1/periods/route.ts", exports: ["GET", "OPTIONS"], inputs: ["lang"], suite: "http" },
  { file: "app/api/v1/periods/[period]/rankings/route.ts", exports: ["GET", "OPTIONS"], inputs: ["period", "group", "lang"], suite: "http" },
  { file: "app/api/v1/periods/[period]/rankings.csv/route.ts", exports: ["GET", "OPTIONS"], inputs: ["period", "group"], suite: "http" },
  { file: "app/api/v1/periods/[period]/rankings.xlsx/route.ts", exports: ["GET", "OPTIONS"], inputs: ["period", "group"], suite: "http" },
  { file: "app/api/v1/periods/[period]/sipas/route.ts", exports: ["GET", "OPTIONS"], inputs: ["period", "group"], suite: "http" },
  { file: "app/api/v1/periods/[period]/sipas.csv/route.ts", exports: ["GET", "OPTIONS"], inputs: ["period", "group"], suite: "http" },
  { file: "app/api/v1/periods/[period]/sipas.xlsx/route.ts", exports: ["GET", "OPTIONS"], inputs: ["period", "group"], suite: "http" },
  { file: "app/api/v1/periods/[period]/compare/route.ts", exports: ["GET", "OPTIONS"], inputs: ["period", "units"], suite: "http" },
  { file: "app/api/v1/periods/[period]/compare.csv/route.ts", exports: ["GET", "OPTIONS"], inputs: ["period", "units"], suite: "http" },
  { file: "app/api/v1/periods/[period]/compare.xlsx/route.ts", exports: ["GET", "OPTIONS"], inputs: ["period", "units"], suite: "http" },
  { file: "app/api/v1/units/[unit]/route.ts", exports: ["GET", "OPTIONS"], inputs: ["unit"], suite: "http" },
  { file: "app/api/v1/units/[unit]/history/route.ts", exports: ["GET", "OPTIONS"], inputs: ["unit"], suite: "http" },
  { file: "app/api/v1/units/[unit]/history.csv/route.ts", exports: ["GET", "OPTIONS"], inputs: ["unit"], suite: "http" },
  { file: "app/api/v1/units/[unit]/history.xlsx/route.ts", exports: ["GET", "OPTIONS"], inputs: ["unit"], suite: "http" },
  { file: "app/open-data/results-package/[file]/route.ts", exports: ["GET"], inputs: ["file"], suite: "http" },
];

export const CONSOLE_ENTRY_POINTS = ENTRY_POINTS.filter((entry) => entry.suite === "console");
export const HTTP_ENTRY_POINTS = ENTRY_POINTS.filter((entry) => entry.suite === "http");
