import { expect, test, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import { HOSTILE_INPUTS, HOSTILE_URL_INPUTS, reflectedMarkup } from "../support/hostile-corpus";
import { HTTP_ENTRY_POINTS } from "../support/hostile-entry-points";
import { issueSurveyToken } from "../../lib/auth/sipas-survey-token";
import { signIn } from "./support/sign-in";

// Issue 8, point 5, over HTTP against the production build: the hostile corpus in every path
// segment and query parameter of the public pages, the public API, the survey, the language
// switch and sign-in, and of the console pages as signed-in users. Every answer: never a 500,
// never the corpus's markup unescaped in a page, JSON with its content type; stored survey text
// shown escaped; composed and decomposed Vietnamese found alike by every search.
// The console's forms and actions are probed in process (tests/integration/hostile-input-console.test.ts).

const PERIOD = "son-la-so-2024";
const GROUP = "so";
const UNIT = "so-tu-phap";
const OPEN_PERIOD = "son-la-so-2025";
/** A department no other spec counts the SIPAS responses of. */
const SURVEY_UNIT = "so-khoa-hoc-cong-nghe";
/** The e2e server's signing key (scripts/e2e-server.ts), so survey forms can be issued as the page would. */
process.env.AUTH_SECRET = "e2e-session-signing-key-not-for-production-0123456789";

/**
 * Percent escapes a browser never sends but a script can: invalid UTF-8, a lone "%", an escaped
 * NUL, an overlong slash. Put raw into the address, where every other input is encoded.
 */
const MALFORMED_ESCAPES = ["%E0", "%", "%ZZ", "%C0%AF", "%00", "%ED%A0%80"];

type UrlInput = { name: string; raw: string };
/** A value as a browser puts it in an address (a lone surrogate, which UTF-8 cannot carry, as U+FFFD). */
const encoded = (value: string) => encodeURIComponent(value.toWellFormed());

/** Each input as it appears in an address, encoded as a browser would. */
const URL_INPUTS: UrlInput[] = HOSTILE_URL_INPUTS.map((input) => ({ name: input.name, raw: encoded(input.value) }));

/**
 * The console's pages share one data layer and one kind of page: the inputs that break a query, a
 * page or a decoder, rather than the whole corpus again on some hundred addresses.
 */
const CONSOLE_URL_INPUTS = URL_INPUTS.filter((input) =>
  ["10 kB of Vietnamese", "NUL", "CRLF", "right-to-left override", "SQL quote", "SQL drop", "script tag", "attribute break-out", "template literal", "printf", "lone surrogate", "emoji family", "path traversal", "percent", "NFD Sơn La"].includes(input.name),
);

type Answer = { url: string; status: number; contentType: string; body: string };

async function fetchAnswer(request: APIRequestContext, url: string, init: { method?: "GET" | "POST" | "OPTIONS"; headers?: Record<string, string> } = {}): Promise<Answer> {
  const response: APIResponse = await request.fetch(url, { method: init.method ?? "GET", headers: init.headers, maxRedirects: 0, failOnStatusCode: false });
  const contentType = response.headers()["content-type"] ?? "";
  const body = /json|html|text|csv/.test(contentType) ? await response.text() : "";
  return { url, status: response.status(), contentType, body };
}

/** What is wrong with an answer to a hostile request: empty when nothing is. */
function problemsOf(answer: Answer): string[] {
  const problems: string[] = [];
  if (answer.status >= 500) problems.push(`${answer.status}`);
  // Headers or an address longer than Node.js reads (16 kB) are refused before the app: nothing to check.
  if (answer.status === 431 || answer.status === 414) return [];
  if (answer.contentType.includes("html") || answer.contentType.startsWith("text/")) {
    for (const marker of reflectedMarkup(answer.body)) problems.push(`reflects ${marker}`);
  }
  const looksJson = /^\s*[{[]/.test(answer.body) && !answer.contentType.includes("html");
  if (answer.url.includes("/api/v1/") && answer.status !== 204 && answer.status !== 304 && !answer.url.includes(".csv") && !answer.url.includes(".xlsx")) {
    if (!answer.contentType.startsWith("application/json")) problems.push(`API answer as ${answer.contentType || "nothing"}`);
  }
  if (looksJson && !answer.contentType.includes("json")) problems.push(`JSON as ${answer.contentType}`);
  if (answer.contentType.includes("json")) {
    try {
      JSON.parse(answer.body);
    } catch {
      problems.push("JSON that does not parse");
    }
  }
  return problems.map((problem) => `${answer.url.slice(0, 160)}: ${problem}`);
}

/** Sends every input through `urlOf` and collects what went wrong (a few at a time: one server, two cores). */
async function probe(request: APIRequestContext, urlOf: (raw: string) => string, inputs: UrlInput[] = URL_INPUTS, method: "GET" | "OPTIONS" = "GET"): Promise<string[]> {
  const problems: string[] = [];
  for (let start = 0; start < inputs.length; start += 4) {
    const answers = await Promise.all(inputs.slice(start, start + 4).map((input) => fetchAnswer(request, urlOf(input.raw), { method })));
    for (const answer of answers) problems.push(...problemsOf(answer));
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------
// Public pages and the public API: every path segment and query parameter

const HTTP_PROBES: Record<string, ((raw: string) => string)[]> = {
  "app/[locale]/(public)/page.tsx page": [(h) => `/?q=${h}`, (h) => `/en?sort=${h}`],
  "app/[locale]/(public)/[period]/page.tsx page": [(h) => `/${h}`, (h) => `/en/${h}`],
  "app/[locale]/(public)/[period]/[group]/page.tsx page": [(h) => `/${PERIOD}/${h}`, (h) => `/${h}/${GROUP}`],
  "app/[locale]/(public)/compare/page.tsx page": [(h) => `/compare?period=${h}`, (h) => `/compare?period=${PERIOD}&units=${UNIT},${h}`, (h) => `/compare?units=${h}&units=${UNIT}`],
  "app/[locale]/(public)/methodology/[period]/page.tsx page": [(h) => `/methodology/${h}`],
  "app/[locale]/(public)/open-data/page.tsx page": [(h) => `/open-data?lang=${h}`],
  "app/[locale]/(public)/sipas/[period]/page.tsx page": [(h) => `/sipas/${h}`, (h) => `/sipas/${PERIOD}?sort=${h}`],
  "app/[locale]/(public)/survey/[period]/[unit]/page.tsx page": [(h) => `/survey/${h}/${UNIT}`, (h) => `/survey/${OPEN_PERIOD}/${h}`, (h) => `/survey/${OPEN_PERIOD}/${UNIT}?retry=${h}`],
  "app/[locale]/(public)/survey/[period]/[unit]/thanks/page.tsx page": [(h) => `/survey/${OPEN_PERIOD}/${h}/thanks`],
  "app/[locale]/(public)/units/[unit]/page.tsx page": [(h) => `/units/${h}`, (h) => `/units/${UNIT}?period=${h}`],
  "app/[locale]/(console)/console/sign-in/page.tsx page": [(h) => `/console/sign-in?next=${h}`, (h) => `/console/sign-in?next=/console/${h}`],
  // next-auth's own pages and endpoints: its error page and sign-in page read these parameters.
  "app/api/auth/[...nextauth]/route.ts GET": [(h) => `/api/auth/error?error=${h}`, (h) => `/api/auth/signin?callbackUrl=${h}&error=${h}`, (h) => `/api/auth/${h}`],
  "app/api/health/route.ts GET": [(h) => `/api/health?check=${h}`],
  "app/api/health/live/route.ts GET": [(h) => `/api/health/live?check=${h}`],
  "app/api/health/ready/route.ts GET": [(h) => `/api/health/ready?check=${h}`],
  "app/api/v1/[...path]/route.ts GET": [(h) => `/api/v1/${h}`, (h) => `/api/v1/periods/${PERIOD}/${h}`],
  "app/api/v1/periods/route.ts GET": [(h) => `/api/v1/periods?lang=${h}`],
  "app/api/v1/periods/[period]/rankings/route.ts GET": [(h) => `/api/v1/periods/${h}/rankings`, (h) => `/api/v1/periods/${PERIOD}/rankings?group=${h}`],
  "app/api/v1/periods/[period]/rankings.csv/route.ts GET": [(h) => `/api/v1/periods/${h}/rankings.csv`, (h) => `/api/v1/periods/${PERIOD}/rankings.csv?group=${h}`],
  "app/api/v1/periods/[period]/rankings.xlsx/route.ts GET": [(h) => `/api/v1/periods/${PERIOD}/rankings.xlsx?group=${h}`],
  "app/api/v1/periods/[period]/sipas/route.ts GET": [(h) => `/api/v1/periods/${h}/sipas`, (h) => `/api/v1/periods/${PERIOD}/sipas?group=${h}`],
  "app/api/v1/periods/[period]/sipas.csv/route.ts GET": [(h) => `/api/v1/periods/${PERIOD}/sipas.csv?group=${h}`],
  "app/api/v1/periods/[period]/sipas.xlsx/route.ts GET": [(h) => `/api/v1/periods/${h}/sipas.xlsx`],
  "app/api/v1/periods/[period]/compare/route.ts GET": [(h) => `/api/v1/periods/${h}/compare?units=${UNIT}`, (h) => `/api/v1/periods/${PERIOD}/compare?units=${UNIT},${h}`],
  "app/api/v1/periods/[period]/compare.csv/route.ts GET": [(h) => `/api/v1/periods/${PERIOD}/compare.csv?units=${h}`],
  "app/api/v1/periods/[period]/compare.xlsx/route.ts GET": [(h) => `/api/v1/periods/${PERIOD}/compare.xlsx?units=${h}`],
  "app/api/v1/units/[unit]/route.ts GET": [(h) => `/api/v1/units/${h}`, (h) => `/api/v1/units/${UNIT}?lang=${h}`],
  "app/api/v1/units/[unit]/history/route.ts GET": [(h) => `/api/v1/units/${h}/history`],
  "app/api/v1/units/[unit]/history.csv/route.ts GET": [(h) => `/api/v1/units/${h}/history.csv`],
  "app/api/v1/units/[unit]/history.xlsx/route.ts GET": [(h) => `/api/v1/units/${h}/history.xlsx`],
  "app/open-data/results-package/[file]/route.ts GET": [(h) => `/open-data/results-package/${h}`],
};

/** Route handlers whose other methods are probed with one request each (preflights carry no input). */
const OPTIONS_PROBES: Record<string, string> = Object.fromEntries(
  HTTP_ENTRY_POINTS.filter((entry) => entry.exports.includes("OPTIONS")).map((entry) => [
    `${entry.file} OPTIONS`,
    entry.file.replace(/^app/, "").replace("/route.ts", "").replace("[...path]", "x").replace("[period]", PERIOD).replace("[unit]", UNIT),
  ]),
);

/** Entry points of the http suite probed by the tests below rather than by the tables above. */
const PROBED_BELOW = [
  "app/api/auth/[...nextauth]/route.ts POST",
  "app/api/locale/route.ts POST",
  "app/api/survey/[period]/[unit]/route.ts POST",
];

/** Console pages, by role: every path segment and query parameter (signed in; an officer sees their own unit). */
const CONSOLE = "app/[locale]/(console)/console/(signed-in)";
const CONSOLE_PROBES: Record<string, { role: "admin" | "council" | "officer"; urls: ((raw: string) => string)[] }> = {
  [`${CONSOLE}/page.tsx page`]: { role: "officer", urls: [(h) => `/console?tab=${h}`] },
  [`${CONSOLE}/account/page.tsx page`]: { role: "officer", urls: [(h) => `/console/account?required=${h}`] },
  [`${CONSOLE}/appraisal/page.tsx page`]: { role: "council", urls: [(h) => `/console/appraisal?state=${h}`] },
  [`${CONSOLE}/appraisal/[period]/[unit]/page.tsx page`]: { role: "council", urls: [(h) => `/console/appraisal/${h}/so-tai-chinh`, (h) => `/console/appraisal/${OPEN_PERIOD}/${h}`] },
  [`${CONSOLE}/assessments/page.tsx page`]: { role: "officer", urls: [(h) => `/console/assessments?period=${h}`] },
  [`${CONSOLE}/assessments/[period]/[unit]/page.tsx page`]: { role: "officer", urls: [(h) => `/console/assessments/${h}/so-tai-chinh`, (h) => `/console/assessments/${OPEN_PERIOD}/${h}`] },
  [`${CONSOLE}/audit/page.tsx page`]: {
    role: "admin",
    urls: ["periodCode", "actorEmail", "action", "entityType", "unitCode", "from", "to", "cursor"].map((name) => (h: string) => `/console/audit?${name}=${h}`),
  },
  [`${CONSOLE}/criteria-sets/page.tsx page`]: { role: "admin", urls: [(h) => `/console/criteria-sets?x=${h}`] },
  [`${CONSOLE}/criteria-sets/[code]/page.tsx page`]: { role: "admin", urls: [(h) => `/console/criteria-sets/${h}`] },
  [`${CONSOLE}/periods/page.tsx page`]: { role: "admin", urls: [(h) => `/console/periods?x=${h}`] },
  [`${CONSOLE}/periods/[period]/page.tsx page`]: { role: "admin", urls: [(h) => `/console/periods/${h}`] },
  [`${CONSOLE}/periods/new/page.tsx page`]: { role: "admin", urls: [(h) => `/console/periods/new?from=${h}`] },
  [`${CONSOLE}/sipas/page.tsx page`]: { role: "admin", urls: [(h) => `/console/sipas?x=${h}`] },
  [`${CONSOLE}/sipas/[period]/page.tsx page`]: { role: "admin", urls: [(h) => `/console/sipas/${h}`] },
  [`${CONSOLE}/sipas/[period]/flagged/page.tsx page`]: { role: "admin", urls: [(h) => `/console/sipas/${h}/flagged`] },
  [`${CONSOLE}/sipas/[period]/import/page.tsx page`]: { role: "admin", urls: [(h) => `/console/sipas/${h}/import`] },
  [`${CONSOLE}/sipas/[period]/results/page.tsx page`]: { role: "council", urls: [(h) => `/console/sipas/${h}/results`] },
  [`${CONSOLE}/sipas/[period]/results/[unit]/page.tsx page`]: { role: "council", urls: [(h) => `/console/sipas/${OPEN_PERIOD}/results/${h}`] },
  [`${CONSOLE}/units/page.tsx page`]: { role: "admin", urls: [(h) => `/console/units?q=${h}`, (h) => `/console/units?dissolved=${h}`] },
  [`${CONSOLE}/users/page.tsx page`]: { role: "admin", urls: ["q", "role", "unit", "disabled"].map((name) => (h: string) => `/console/users?${name}=${h}`) },
};

const EMAIL_OF = { admin: "admin@demo.parindex.vn", council: "council@demo.parindex.vn", officer: "taichinh@demo.parindex.vn" } as const;

test("every entry point of the http suite has a probe here", () => {
  const probed = new Set([...Object.keys(HTTP_PROBES), ...Object.keys(OPTIONS_PROBES), ...Object.keys(CONSOLE_PROBES), ...PROBED_BELOW]);
  const inventoried = HTTP_ENTRY_POINTS.flatMap((entry) => entry.exports.map((name) => `${entry.file} ${name}`));
  expect(inventoried.filter((key) => !probed.has(key)), "entry points without a probe").toEqual([]);
  expect([...probed].filter((key) => !inventoried.includes(key)), "probes of entry points not in the inventory").toEqual([]);
});

test.describe("public pages and the public API", () => {
  test.describe.configure({ timeout: 120_000 });
  for (const [key, templates] of Object.entries(HTTP_PROBES)) {
    test(`${key}: never a 500, never reflected, JSON typed`, async ({ request }) => {
      const problems: string[] = [];
      for (const template of templates) problems.push(...(await probe(request, template)));
      expect(problems).toEqual([]);
    });
  }

  test("an address with a malformed percent escape is a bad request (400), never a 500, on every kind of route", async ({ request }) => {
    // Next.js fails to decode such a path before any page or handler runs; the server in front of it answers instead.
    const problems: string[] = [];
    for (const escape of MALFORMED_ESCAPES) {
      for (const url of [`/${escape}`, `/units/${escape}`, `/en/${PERIOD}/${escape}`, `/api/v1/units/${escape}`, `/api/survey/${OPEN_PERIOD}/${escape}`, `/open-data/results-package/${escape}`]) {
        const answer = await fetchAnswer(request, url);
        // %00 decodes (to NUL): a code that names nothing, 404 or 400.
        if (answer.status >= 500 || answer.status < 400) problems.push(`${url}: ${answer.status}`);
        problems.push(...problemsOf(answer));
      }
    }
    expect(problems).toEqual([]);
  });

  test("CORS preflights answer 204 whatever the path holds", async ({ request }) => {
    const problems: string[] = [];
    for (const [key, url] of Object.entries(OPTIONS_PROBES)) {
      const answer = await fetchAnswer(request, url, { method: "OPTIONS" });
      if (answer.status !== 204) problems.push(`${key}: ${answer.status}`);
    }
    expect(problems).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The language switch, sign-in

test("the language switch refuses any other language and never leaves the site, whatever the referer", async ({ request, baseURL }) => {
  const problems: string[] = [];
  // A header longer than Node.js reads (16 kB) is refused before the app: 10 kB goes in the body only.
  for (const input of HOSTILE_URL_INPUTS.filter((candidate) => candidate.value.length < 4096)) {
    for (const referer of [`${baseURL}/${encoded(input.value)}`, `https://evil.example/${encoded(input.value)}`, `${baseURL}/units/${UNIT}?period=${encoded(input.value)}`]) {
      const response = await request.post("/api/locale", { form: { locale: input.value }, headers: { referer }, maxRedirects: 0, failOnStatusCode: false });
      const location = response.headers()["location"] ?? "";
      if (response.status() !== 303) problems.push(`${input.name}: ${response.status()}`);
      if (!location.startsWith(`${baseURL}/`)) problems.push(`${input.name}: sent to ${location}`);
      if ((response.headers()["set-cookie"] ?? "").includes("locale=")) problems.push(`${input.name}: set the language cookie`);
    }
  }
  expect(problems).toEqual([]);
});

test("hostile language, address and browser headers and a forged language cookie: never a 500, never reflected", async ({ request }) => {
  const problems: string[] = [];
  // A header value can carry neither control characters nor text beyond Latin-1 as such: those are sent percent-encoded.
  const headerValue = (value: string) => (/^[\x20-\x7e]*$/.test(value) ? value : encoded(value)).slice(0, 4000);
  for (const input of HOSTILE_URL_INPUTS) {
    const value = headerValue(input.value);
    const headers = { "accept-language": value, "x-forwarded-for": value, "user-agent": value, cookie: `locale=${encoded(input.value).slice(0, 4000)}` };
    for (const url of ["/", `/${PERIOD}`, `/units/${UNIT}`, "/api/v1/periods", `/api/v1/units/${UNIT}`, "/console/sign-in"]) {
      problems.push(...problemsOf(await fetchAnswer(request, url, { headers })).map((problem) => `${input.name}: ${problem}`));
    }
  }
  expect(problems).toEqual([]);
});

test("sign-in refuses every hostile email and password with a message, never a 500 or a session", async ({ request }) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  let address = 0;
  const attempt = async (email: string, password: string, name: string, forwardedFor?: string) => {
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    // One address per attempt: the per-address limit would otherwise refuse the later ones (and other specs' sign-ins).
    address += 1;
    const response = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email, password, json: "true" },
      headers: { "x-forwarded-for": forwardedFor ?? `198.51.100.${address % 250}`, "x-auth-return-redirect": "1" },
      maxRedirects: 0,
      failOnStatusCode: false,
    });
    const text = await response.text();
    if (response.status() >= 500) problems.push(`${name}: ${response.status()}`);
    if ((response.headers()["set-cookie"] ?? "").includes("session-token=") && !(response.headers()["set-cookie"] ?? "").includes("session-token=;")) {
      problems.push(`${name}: signed in`);
    }
    for (const marker of reflectedMarkup(text)) problems.push(`${name}: reflects ${marker}`);
    // next-auth carries the refusal in the address it answers; the form shows its vi or en.
    const error = /^\s*\{/.test(text) ? new URL((JSON.parse(text) as { url: string }).url).searchParams.get("error") : null;
    let refusal: { vi?: string; en?: string } | null = null;
    try {
      refusal = JSON.parse(error ?? "") as { vi?: string; en?: string };
    } catch {
      refusal = null;
    }
    if (!refusal?.vi || !refusal.en || refusal.vi === refusal.en) problems.push(`${name}: refused without a message in both languages (${String(error).slice(0, 120)})`);
  };
  for (const input of HOSTILE_INPUTS) {
    await attempt(input.value, "demo-2025", `email ${input.name}`);
    await attempt(`${input.value}@demo.parindex.vn`, "demo-2025", `email ${input.name}@`);
    // Its own unknown account per attempt: the per-account limit would otherwise refuse the later
    // ones, and other specs' wrong-password checks on khong-co-ai@ for the rest of the hour.
    await attempt(`khong-co-ai-mat-khau-${address}@demo.parindex.vn`, input.value, `password ${input.name}`);
    // The client's address as a proxy would forward it: it keys the per-address limit and the audit row.
    // (Printable and under Node.js's 16 kB of headers: anything else never reaches the app.)
    if (/^[\x20-\x7e]*$/.test(input.value) && input.value.length < 4000) await attempt(`khong-co-ai-${address}@demo.parindex.vn`, "sai-mat-khau", `address ${input.name}`, `${input.value}, ${input.value}`);
  }
  expect(problems).toEqual([]);
});

// ---------------------------------------------------------------------------------------------
// The survey: path, every field, the form's own way back with the answers

const SURVEY_PATH = `/api/survey/${OPEN_PERIOD}/${SURVEY_UNIT}`;

async function surveyQuestions(request: APIRequestContext): Promise<string[]> {
  const html = await (await request.get(`/survey/${OPEN_PERIOD}/${SURVEY_UNIT}`)).text();
  return [...new Set([...html.matchAll(/name="q\.([^"]+)"/g)].map((match) => match[1]!))];
}

/** A form as the page issues it, filled in a minute ago (not a robot's speed), every answer 4. */
function surveyForm(questions: string[], change: Record<string, string> = {}): Record<string, string> {
  const token = issueSurveyToken({ periodCode: OPEN_PERIOD, unitCode: SURVEY_UNIT }, new Date(Date.now() - 60_000));
  return { token, dossierCode: "", comment: "", email: "", ...Object.fromEntries(questions.map((code) => [`q.${code}`, "4"])), ...change };
}

let surveyAddress = 0;
/** Each submission from its own address and device: the per-address and per-device limits are not what is probed. */
async function submitSurvey(request: APIRequestContext, form: Record<string, string>, json: boolean, path = SURVEY_PATH) {
  surveyAddress += 1;
  return request.post(path, {
    form,
    headers: { accept: json ? "application/json" : "text/html", "x-forwarded-for": `203.0.113.${surveyAddress % 250}`, cookie: "" },
    maxRedirects: 0,
    failOnStatusCode: false,
  });
}

test.describe("the public survey", () => {
  test.describe.configure({ timeout: 120_000 });

  test("hostile period and unit in the submission address: refused, never a 500", async ({ request }) => {
    const questions = await surveyQuestions(request);
    const problems: string[] = [];
    for (const input of URL_INPUTS) {
      for (const path of [`/api/survey/${input.raw}/${SURVEY_UNIT}`, `/api/survey/${OPEN_PERIOD}/${input.raw}`]) {
        const response = await submitSurvey(request, surveyForm(questions), true, path);
        if (response.status() >= 500) problems.push(`${input.name} ${path.slice(0, 80)}: ${response.status()}`);
        if (response.ok()) problems.push(`${input.name} ${path.slice(0, 80)}: accepted`);
      }
    }
    expect(problems).toEqual([]);
  });

  for (const field of ["answer", "dossierCode", "comment", "token", "email"] as const) {
    test(`hostile ${field}: answered with a reason in both languages or stored, never a 500`, async ({ request }) => {
      const questions = await surveyQuestions(request);
      const problems: string[] = [];
      for (const input of HOSTILE_INPUTS) {
        const change = field === "answer" ? { [`q.${questions[0]}`]: input.value } : { [field]: input.value };
        const response = await submitSurvey(request, surveyForm(questions, change), true);
        const contentType = response.headers()["content-type"] ?? "";
        if (response.status() >= 500) problems.push(`${input.name}: ${response.status()}`);
        if (!contentType.startsWith("application/json")) {
          problems.push(`${input.name}: ${contentType}`);
          continue;
        }
        const body = (await response.json()) as { ok: boolean; vi?: string; en?: string };
        if (!body.ok && !(body.vi && body.en && body.vi !== body.en)) problems.push(`${input.name}: refused without a reason in both languages: ${JSON.stringify(body).slice(0, 200)}`);
        if (body.ok && (field === "answer" || field === "token")) problems.push(`${input.name}: accepted as ${field}`);
      }
      expect(problems).toEqual([]);
    });
  }

  test("without JavaScript, a refused form comes back with the hostile comment shown as text", async ({ page }) => {
    const questions = await surveyQuestions(page.request);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const comment = `<script>alert(1)</script> "><img src=x onerror=alert(1)> ${"${7*7}"} Sơn La`;
    // The dossier code is too long: refused, and the form is sent back with everything typed.
    const response = await page.request.post(SURVEY_PATH, {
      form: surveyForm(questions, { comment, dossierCode: "x".repeat(200) }),
      headers: { "x-forwarded-for": "203.0.113.251" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(303);
    await page.goto(response.headers()["location"]!);
    await expect(page.locator("#survey-errors")).toBeVisible();
    // On the form's last step (hidden until reached): the value is what matters here.
    await expect(page.locator('textarea[name="comment"]')).toHaveValue(comment);
    const html = await page.content();
    expect(reflectedMarkup(html)).toEqual([]);
    expect(dialogs).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// Console pages over HTTP, signed in

async function signedInRequest(page: Page, role: keyof typeof EMAIL_OF): Promise<APIRequestContext> {
  await signIn(page, EMAIL_OF[role]);
  return page.request;
}

test.describe("console pages, signed in", () => {
  test.describe.configure({ timeout: 180_000 });
  for (const role of ["admin", "council", "officer"] as const) {
    test(`as ${role}: every path and query parameter, never a 500 nor reflected`, async ({ page }) => {
      const request = await signedInRequest(page, role);
      const problems: string[] = [];
      for (const [key, { role: probeRole, urls }] of Object.entries(CONSOLE_PROBES)) {
        if (probeRole !== role) continue;
        for (const template of urls) problems.push(...(await probe(request, template, CONSOLE_URL_INPUTS)).map((problem) => `${key}: ${problem}`));
      }
      expect(problems).toEqual([]);
    });
  }
});

test("a hostile note saved by an officer through the form comes back exactly, as text", async ({ browser }) => {
  // Ban Dân tộc: a unit no other spec reads the self-assessment of.
  const note = `<script>alert(1)</script> "><img src=x onerror=alert(1)> \${7*7} {{7*7}} %s ' OR 1=1 -- Sơn La 👩‍👩‍👧‍👦`;
  const officer = await browser.newPage();
  const dialogs: string[] = [];
  officer.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await signIn(officer, "dantoc@demo.parindex.vn");
  await officer.goto(`/console/assessments/${OPEN_PERIOD}/ban-dan-toc`);
  const leafOf = async () => {
    const leaf = officer.locator('[id="leaf-1.1.1"]');
    const field = officer.locator("details").filter({ has: leaf });
    if ((await field.getAttribute("open")) === null) await field.locator("summary").click();
    return leaf;
  };
  const noteField = (await leafOf()).getByLabel("Thuyết minh, tài liệu kiểm chứng");
  await noteField.fill(note);
  await noteField.blur();
  await expect((await leafOf()).getByText(/Đã lưu/)).toBeVisible();
  await officer.reload();
  await expect((await leafOf()).getByLabel("Thuyết minh, tài liệu kiểm chứng")).toHaveValue(note);
  expect(reflectedMarkup(await officer.content())).toEqual([]);
  expect(dialogs).toEqual([]);
  await officer.close();
});

// ---------------------------------------------------------------------------------------------
// Composed and decomposed Vietnamese

const NFC = (text: string) => text.normalize("NFC");
const NFD = (text: string) => text.normalize("NFD");

test.describe("searches find composed and decomposed Vietnamese alike", () => {
  test("the league table filter", async ({ page }) => {
    await page.goto(`/${PERIOD}`);
    const filter = page.getByLabel("Tìm đơn vị").first();
    const rows = page.locator("table").first().locator("tbody tr");
    for (const query of ["Tư pháp", "Sở Tư pháp", "Nội vụ"]) {
      await filter.fill(NFC(query));
      const composed = await rows.allTextContents();
      await filter.fill(NFD(query));
      await expect(rows).toHaveText(composed);
      expect(composed.length).toBeGreaterThan(0);
    }
  });

  test("the console's unit and account searches", async ({ page }) => {
    const request = await signedInRequest(page, "admin");
    const rowsOf = async (url: string) => {
      const html = await (await request.get(url)).text();
      return [...html.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((match) => match[1]!.replace(/<[^>]+>/g, "")).filter((row) => row.includes("@") || row.includes("Sở"));
    };
    for (const [path, query] of [
      ["/console/units", "Sở Tư pháp"],
      ["/console/users", "Sở Tư pháp"],
      ["/console/users", "Tư pháp"],
    ] as const) {
      const composed = await rowsOf(`${path}?q=${encoded(NFC(query))}`);
      const decomposed = await rowsOf(`${path}?q=${encoded(NFD(query))}`);
      expect(composed.length, `${path} finds "${query}"`).toBeGreaterThan(0);
      expect(decomposed, `${path}: "${query}" typed decomposed`).toEqual(composed);
    }
  });
});

