import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/survey/[period]/[unit]/route";
import { issueSurveyToken } from "@/lib/auth/sipas-survey-token";
import { decodeSurveyDraft } from "@/lib/domain/sipas-survey-draft";
import { readSipasResponseForm } from "@/lib/domain/sipas-response-input";
import { submitSipasResponse } from "@/lib/services/submit-sipas-response";
import { getPrisma } from "@/lib/data/prisma";
import { withTestDatabase } from "@/tests/support/test-database";
import { PERIOD, setUpPeriod } from "@/tests/support/workflow-fixture";

withTestDatabase();

// The fixture's period has two communes, a and b. Its survey: two elements, three questions on a
// 1–5 scale (c2 optional).
async function createSurvey(overrides: { status?: "draft" | "open" | "closed"; opensAt?: Date | null; closesAt?: Date | null } = {}) {
  const period = await getPrisma().period.findUniqueOrThrow({ where: { code: PERIOD } });
  return getPrisma().sipasSurvey.create({
    data: {
      periodId: period.id,
      code: "sipas",
      name: "Khảo sát SIPAS 2023",
      status: overrides.status ?? "open",
      opensAt: overrides.opensAt ?? null,
      closesAt: overrides.closesAt ?? null,
      scaleLabels: ["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"],
      elements: {
        create: [
          { code: "access", name: "Tiếp cận dịch vụ", order: 1, questions: { create: [{ code: "a1", text: "Nơi ngồi chờ", order: 1 }] } },
          {
            code: "civil_servants",
            name: "Công chức",
            order: 2,
            questions: {
              create: [
                { code: "c1", text: "Thái độ của công chức", order: 1 },
                { code: "c2", text: "Công chức hướng dẫn đầy đủ", order: 2, required: false },
              ],
            },
          },
        ],
      },
    },
  });
}

const FULL = { "q.a1": "5", "q.c1": "4", "q.c2": "3" };
let deviceCounter = 0;
let addressCounter = 0;

/** A token issued long enough ago that the submission does not look automated. */
const tokenFor = (unitCode = "a", periodCode = PERIOD, ageMs = 60_000) => issueSurveyToken({ periodCode, unitCode }, new Date(Date.now() - ageMs));

type Post = {
  fields?: Record<string, string>;
  token?: string;
  unit?: string;
  period?: string;
  device?: string | null;
  address?: string;
  json?: boolean;
  body?: string;
};

async function post(options: Post = {}) {
  const unit = options.unit ?? "a";
  const period = options.period ?? PERIOD;
  const body = options.body ?? new URLSearchParams({ token: options.token ?? tokenFor(unit, period), ...(options.fields ?? FULL) }).toString();
  const headers: Record<string, string> = {
    "content-type": "application/x-www-form-urlencoded",
    "x-forwarded-for": options.address ?? `203.0.113.${++addressCounter % 250}`,
  };
  const device = options.device === undefined ? `device-${String(++deviceCounter).padStart(20, "0")}` : options.device;
  if (device) headers.cookie = `sipas_device=${device}`;
  if (options.json ?? true) headers.accept = "application/json";
  const request = new Request(`http://localhost/api/survey/${period}/${unit}`, { method: "POST", headers, body });
  const response = await POST(request, { params: Promise.resolve({ period, unit }) });
  const text = await response.text();
  return { status: response.status, location: response.headers.get("location"), cookies: response.headers.getSetCookie(), json: text ? JSON.parse(text) : null };
}

const responses = () => getPrisma().sipasResponse.findMany({ include: { answers: { include: { question: true } } }, orderBy: { submittedAt: "asc" } });
const answerCount = () => getPrisma().sipasAnswer.count();

beforeEach(async () => {
  await setUpPeriod();
});

afterEach(() => {
  delete process.env.SIPAS_SUBMISSIONS_PER_ADDRESS_PER_HOUR;
});

describe("a citizen's submission", () => {
  it("is stored once with its answers, the thank-you page follows, and only salted hashes of the device and address are kept", async () => {
    await createSurvey();
    const sent = await post({ json: false, device: null, address: "198.51.100.7", fields: { ...FULL, dossierCode: " 000.00.12.H56-231124-0001 ", comment: "Cán bộ nhiệt tình" } });
    expect(sent.status).toBe(303);
    expect(sent.location).toBe(`/survey/${PERIOD}/a/thanks`);
    // A visitor without a device cookie gets one: httpOnly, SameSite=Lax.
    expect(sent.cookies.find((cookie) => cookie.startsWith("sipas_device="))).toMatch(/HttpOnly; SameSite=Lax/);
    const [stored, ...others] = await responses();
    expect(others).toHaveLength(0);
    expect(stored).toMatchObject({ status: "accepted", flagReason: null, source: "online", dossierCode: "000.00.12.H56-231124-0001", comment: "Cán bộ nhiệt tình" });
    expect(Object.fromEntries(stored!.answers.map((answer) => [answer.question.code, answer.value]))).toEqual({ a1: 5, c1: 4, c2: 3 });
    expect(stored!.ipHash).toBeTruthy();
    expect(stored!.ipHash).not.toContain("198.51.100.7");
    expect(stored!.deviceHash).toBeTruthy();
  });

  it("leaves an optional question out when it is not answered", async () => {
    await createSurvey();
    const sent = await post({ fields: { "q.a1": "2", "q.c1": "1" } });
    expect(sent.json).toEqual({ ok: true, redirect: `/survey/${PERIOD}/a/thanks` });
    expect((await responses())[0]!.answers.map((answer) => answer.question.code).sort()).toEqual(["a1", "c1"]);
  });
});

describe("bad input gets a clear message and writes nothing", () => {
  beforeEach(async () => {
    await createSurvey();
  });

  it("missing required answers: each named, at its question", async () => {
    const sent = await post({ fields: { "q.c2": "3" } });
    expect(sent.status).toBe(400);
    expect(sent.json).toMatchObject({ code: "invalid_answers", vi: "Còn 2 câu chưa trả lời hoặc không hợp lệ." });
    expect(sent.json.problems).toEqual([
      { key: "a1", code: "missing", vi: "Hãy chọn một câu trả lời cho câu 1.", en: "Please choose an answer for question 1." },
      { key: "c1", code: "missing", vi: "Hãy chọn một câu trả lời cho câu 2.", en: "Please choose an answer for question 2." },
    ]);
    expect(await responses()).toHaveLength(0);
  });

  it("without JavaScript, the form comes back with the answers and the reason (nothing lost)", async () => {
    const sent = await post({ json: false, fields: { "q.c1": "4", comment: "Góp ý <b>đậm</b>" } });
    expect(sent.status).toBe(303);
    const retry = new URL(sent.location!, "http://localhost").searchParams.get("retry");
    expect(sent.location).toMatch(new RegExp(`^/survey/${PERIOD}/a\\?retry=`));
    const cookie = sent.cookies.find((value) => value.startsWith("sipas_draft="))!;
    const draft = decodeSurveyDraft(cookie.slice("sipas_draft=".length, cookie.indexOf(";")));
    expect(draft).toMatchObject({ retry, answers: { c1: "4" }, comment: "Góp ý <b>đậm</b>", refusal: { code: "invalid_answers", vi: "Hãy chọn một câu trả lời cho câu 1." } });
    expect(await responses()).toHaveLength(0);
  });

  it("out-of-scale values and unknown questions", async () => {
    const sent = await post({ fields: { "q.a1": "6", "q.c1": "bốn", "q.c2": "0", "q.x9": "3" } });
    expect(sent.status).toBe(400);
    expect(sent.json.problems.map((problem: { key: string; code: string }) => `${problem.key}:${problem.code}`)).toEqual([
      "x9:unknown_question",
      "a1:out_of_scale",
      "c1:out_of_scale",
      "c2:out_of_scale",
    ]);
    expect(sent.json.problems[1].vi).toBe("Câu trả lời cho câu 1 phải là một mức từ 1 đến 5.");
    expect(await answerCount()).toBe(0);
  });

  it("a tampered unit or period (the form was signed for another) and a forged token", async () => {
    const invalid = { code: "invalid_link", vi: "Liên kết khảo sát không hợp lệ — hãy quét lại mã QR." };
    // The form of unit a posted to unit b's address.
    expect(await post({ unit: "b", token: tokenFor("a") })).toMatchObject({ status: 400, json: invalid });
    // The form of another period posted to this one.
    expect(await post({ token: tokenFor("a", "thu-nghiem-2022") })).toMatchObject({ status: 400, json: invalid });
    // A unit edited inside the token: the signature no longer matches.
    const [payload, signature] = tokenFor("a").split(".");
    const edited = Buffer.from(Buffer.from(payload!, "base64url").toString().replace('"a"', '"b"')).toString("base64url");
    expect(await post({ unit: "b", token: `${edited}.${signature}` })).toMatchObject({ status: 400, json: invalid });
    expect(await post({ token: "" })).toMatchObject({ status: 400, json: invalid });
    expect(await responses()).toHaveLength(0);
  });

  it("a replayed submission is recorded once", async () => {
    const token = tokenFor();
    expect((await post({ token })).status).toBe(200);
    const again = await post({ token, device: "another-device-000000000" });
    expect(again).toMatchObject({ status: 409, json: { code: "replayed", vi: "Ý kiến này đã được ghi nhận trước đó." } });
    expect(await responses()).toHaveLength(1);
  });

  it("a 1 MB comment is refused before it is read; a comment over 2,000 characters is refused", async () => {
    const huge = await post({ fields: { ...FULL, comment: "x".repeat(1024 * 1024) } });
    expect(huge).toMatchObject({ status: 413, json: { code: "too_large", vi: "Nội dung gửi quá lớn. Góp ý dài tối đa 2.000 ký tự." } });
    const long = await post({ fields: { ...FULL, comment: "ý".repeat(2001) } });
    expect(long).toMatchObject({ status: 400, json: { code: "comment_too_long", vi: "Góp ý dài tối đa 2.000 ký tự." } });
    expect(await responses()).toHaveLength(0);
    expect((await post({ fields: { ...FULL, comment: "ý".repeat(2000) } })).status).toBe(200);
  });

  it("script in a comment is stored exactly as typed (pages render it as text)", async () => {
    const comment = `<script>alert("xss")</script><img src=x onerror=alert(1)> & "quotes"`;
    expect((await post({ fields: { ...FULL, comment } })).status).toBe(200);
    expect((await responses())[0]!.comment).toBe(comment);
  });

  it("the same device for the same unit twice on one day; another unit or the next day is fine", async () => {
    const device = "same-phone-0000000000000";
    expect((await post({ device })).status).toBe(200);
    const again = await post({ device });
    expect(again).toMatchObject({ status: 409, json: { code: "already_today", vi: "Bạn đã góp ý cho đơn vị này hôm nay. Cảm ơn bạn!" } });
    expect(await responses()).toHaveLength(1);
    expect((await post({ device, unit: "b" })).status).toBe(200);
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
    const nextDay = await submitSipasResponse(
      {
        periodCode: PERIOD,
        unitCode: "a",
        form: readSipasResponseForm(Object.entries({ token: issueSurveyToken({ periodCode: PERIOD, unitCode: "a" }, new Date(tomorrow.getTime() - 60_000)), ...FULL })).parsed,
        deviceId: device,
        address: "192.0.2.1",
      },
      tomorrow,
    );
    expect(nextDay.status).toBe("accepted");
    expect(await responses()).toHaveLength(3);
  });

  it("too many submissions from one address in an hour: 429, the others still welcome", async () => {
    process.env.SIPAS_SUBMISSIONS_PER_ADDRESS_PER_HOUR = "3";
    for (let i = 0; i < 3; i++) expect((await post({ address: "192.0.2.44" })).status).toBe(200);
    const over = await post({ address: "192.0.2.44" });
    expect(over.status).toBe(429);
    expect(over.json.code).toBe("rate_limited");
    expect(over.json.vi).toMatch(/^Quá nhiều lượt gửi từ địa chỉ này \(tối đa 3 lượt mỗi giờ\)\. Vui lòng thử lại sau \d+ phút\.$/);
    expect(await responses()).toHaveLength(3);
    expect((await post({ address: "192.0.2.45" })).status).toBe(200);
  });

  it("an old form asks to send again with a fresh token, which then works", async () => {
    const old = await post({ token: tokenFor("a", PERIOD, 25 * 60 * 60 * 1000) });
    expect(old).toMatchObject({ status: 400, json: { code: "token_expired" } });
    expect(old.json.vi).toContain("Câu trả lời của bạn vẫn được giữ");
    expect(await responses()).toHaveLength(0);
    // Sent again at once: the answers were filled in long ago, so it is not "too fast".
    expect((await post({ token: old.json.freshToken })).status).toBe(200);
    expect(await responses()).toMatchObject([{ status: "accepted", flagReason: null }]);
  });
});

describe("bots are stored as flagged and see the thank-you page", () => {
  beforeEach(async () => {
    await createSurvey();
  });

  it("the hidden field filled in", async () => {
    const sent = await post({ json: false, fields: { ...FULL, email: "bot@example.com" } });
    expect(sent).toMatchObject({ status: 303, location: `/survey/${PERIOD}/a/thanks` });
    expect(await responses()).toMatchObject([{ status: "flagged", flagReason: "honeypot" }]);
  });

  it("sent within 3 seconds of the form being issued", async () => {
    const sent = await post({ json: false, token: issueSurveyToken({ periodCode: PERIOD, unitCode: "a" }) });
    expect(sent).toMatchObject({ status: 303, location: `/survey/${PERIOD}/a/thanks` });
    expect(await responses()).toMatchObject([{ status: "flagged", flagReason: "too_fast" }]);
  });
});

describe("a survey that is not open refuses responses", () => {
  it.each([
    ["in draft", { status: "draft" as const }, "not_open", "Khảo sát chưa mở, chưa thể nhận ý kiến."],
    ["not yet at its opening date", { opensAt: new Date(Date.now() + 86_400_000) }, "not_open", "Khảo sát chưa mở, chưa thể nhận ý kiến."],
    ["closed", { status: "closed" as const }, "closed", "Khảo sát đã đóng, không nhận thêm ý kiến."],
    ["past its closing date", { closesAt: new Date(Date.now() - 60_000) }, "closed", "Khảo sát đã đóng, không nhận thêm ý kiến."],
  ])("%s", async (_label, overrides, code, vi) => {
    await createSurvey(overrides);
    expect(await post()).toMatchObject({ status: 403, json: { code, vi } });
    expect(await responses()).toHaveLength(0);
  });

  it("a period without a survey", async () => {
    expect(await post()).toMatchObject({ status: 403, json: { code: "not_open" } });
  });
});
