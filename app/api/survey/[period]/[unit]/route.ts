import { randomBytes } from "node:crypto";
import { actionFailure } from "@/lib/domain/action-result";
import { requestAddress } from "@/lib/auth/request-address";
import { isProductionHttps } from "@/lib/auth/https-request";
import { issueSurveyToken, newSurveyDeviceId } from "@/lib/auth/sipas-survey-token";
import { readSipasResponseForm } from "@/lib/domain/sipas-response-input";
import { SURVEY_MAX_BODY_BYTES, SURVEY_MIN_FILL_MS } from "@/lib/domain/sipas-survey-fields";
import { encodeSurveyDraft, SURVEY_DRAFT_COOKIE, SURVEY_DRAFT_MAX_AGE_SECONDS } from "@/lib/domain/sipas-survey-draft";
import { SURVEY_DEVICE_COOKIE, surveyFormPath } from "@/lib/domain/sipas-survey-paths";
import { submitSipasResponse, surveyRefusal } from "@/lib/services/submit-sipas-response";
import { readFormWithin } from "@/app/api/console/_lib/read-form-within";

type Context = { params: Promise<{ period: string; unit: string }> };

const STATUS: Record<string, number> = {
  invalid_link: 400,
  token_expired: 400,
  invalid_answers: 400,
  comment_too_long: 400,
  dossier_too_long: 400,
  not_open: 403,
  closed: 403,
  replayed: 409,
  already_today: 409,
  invalid_text: 400,
  too_large: 413,
  rate_limited: 429,
  database_unavailable: 503,
};

const DEVICE_COOKIE_MAX_AGE = 400 * 24 * 60 * 60;

/**
 * A citizen's survey answers, posted by the form at /survey/{period}/{unit}.
 *
 * One handler for both ways the form is sent. The enhanced form (JavaScript) asks for JSON and
 * shows a refusal in place, the answers untouched in the page. The plain HTML form (no
 * JavaScript, or before it loaded) gets 303 redirects: to the thank-you page, or back to the form
 * with its answers and the reason in a short-lived cookie, since a route handler cannot render the
 * page. A route handler rather than a server action because it can refuse an oversized body
 * before reading it with a clear message and answer with the status a refusal deserves (429 for
 * too many submissions), which the load bench and scripts can rely on.
 */
export async function POST(request: Request, { params }: Context) {
  // A route handler's params arrive decoded: decoding again would refuse (or misread) a code holding "%".
  const { period: periodCode, unit: unitCode } = await params;
  const wantsJson = (request.headers.get("accept") ?? "").includes("application/json");
  const jar = readCookies(request.headers.get("cookie"));
  const knownDevice = jar.get(SURVEY_DEVICE_COOKIE);
  const deviceId = knownDevice && /^[A-Za-z0-9_-]{16,64}$/.test(knownDevice) ? knownDevice : newSurveyDeviceId();
  // Sent back over HTTPS only, in production: the draft carries the citizen's answers and comment.
  const secure = isProductionHttps(request.headers) ? "; Secure" : "";
  const setDeviceCookie = (response: Response) => {
    if (deviceId !== knownDevice) {
      response.headers.append("set-cookie", `${SURVEY_DEVICE_COOKIE}=${deviceId}; Path=/; Max-Age=${DEVICE_COOKIE_MAX_AGE}; HttpOnly; SameSite=Lax${secure}`);
    }
    return response;
  };

  let form: FormData | null;
  try {
    form = await readFormWithin(request, SURVEY_MAX_BODY_BYTES);
  } catch {
    // Not a form body at all (another content type, a broken encoding).
    form = new FormData();
  }
  const read = readSipasResponseForm(form ? [...form.entries()] : []);

  try {
    if (!form) throw surveyRefusal("too_large");
    await submitSipasResponse({ periodCode, unitCode, form: read.parsed, deviceId, address: requestAddress(request.headers) });
    const thanks = `${surveyFormPath(periodCode, unitCode)}/thanks`;
    const response = wantsJson ? Response.json({ ok: true, redirect: thanks }) : new Response(null, { status: 303, headers: { location: thanks } });
    response.headers.set("cache-control", "no-store");
    // A draft left by an earlier refusal has served its purpose.
    if (jar.has(SURVEY_DRAFT_COOKIE)) response.headers.append("set-cookie", `${SURVEY_DRAFT_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`);
    return setDeviceCookie(response);
  } catch (error) {
    const failure = actionFailure(error);
    if (failure.ok) throw new Error("unreachable");
    const status = STATUS[failure.code] ?? 500;
    if (wantsJson) {
      // An old form gets a fresh token, so the visitor only has to press Send again. It counts as
      // issued a moment ago plus the minimum fill time: the answers were filled in long before.
      const freshToken =
        failure.code === "token_expired" ? issueSurveyToken({ periodCode, unitCode }, new Date(Date.now() - SURVEY_MIN_FILL_MS)) : undefined;
      return setDeviceCookie(Response.json({ ...failure, freshToken }, { status, headers: { "cache-control": "no-store" } }));
    }
    const retry = randomBytes(9).toString("base64url");
    const draft = encodeSurveyDraft({
      retry,
      periodCode,
      unitCode,
      refusal: {
        code: failure.code,
        vi: failure.vi,
        en: failure.en,
        problems: (failure.problems ?? []).map((problem) => ({ key: problem.key, vi: problem.vi, en: problem.en })),
      },
      answers: read.raw.answers,
      dossierCode: read.raw.dossierCode,
      comment: read.raw.comment,
    });
    const response = new Response(null, {
      status: 303,
      headers: { location: `${surveyFormPath(periodCode, unitCode)}?retry=${retry}#survey-errors`, "cache-control": "no-store" },
    });
    response.headers.append("set-cookie", `${SURVEY_DRAFT_COOKIE}=${draft}; Path=/; Max-Age=${SURVEY_DRAFT_MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure}`);
    return setDeviceCookie(response);
  }
}

/** The request's cookies, read from the header (so the handler runs the same in tests). */
function readCookies(header: string | null): Map<string, string> {
  const jar = new Map<string, string>();
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at > 0) jar.set(part.slice(0, at).trim(), part.slice(at + 1).trim());
  }
  return jar;
}
