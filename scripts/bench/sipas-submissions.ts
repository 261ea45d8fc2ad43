/**
 * SIPAS survey submissions under load for `npm run bench`: 1,000 citizens from 100 concurrent
 * keep-alive connections against the production server, each doing what a phone does after
 * scanning the QR code — GET the form (its one-time token and the device cookie's place), then
 * POST the answers as the plain HTML form does. The database is then checked: every accepted
 * submission stored exactly once, none lost, no answer row missing.
 */
import http from "node:http";
import { randomUUID } from "node:crypto";
import pg from "pg";

export type Row = { figure: string; value: string; target: string; met: boolean | null };

const CITIZENS = 1000;
const CONNECTIONS = 100;
const UNITS = 100;
// A survey of the usual size: the five MoHA elements and online services, 22 questions.
const ELEMENTS = [
  ["access", "Tiếp cận dịch vụ hành chính công", 4],
  ["procedures", "Thủ tục hành chính", 4],
  ["civil_servants", "Công chức trực tiếp giải quyết công việc", 4],
  ["results", "Kết quả cung ứng dịch vụ hành chính công", 4],
  ["feedback", "Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị", 3],
  ["online", "Dịch vụ công trực tuyến", 3],
] as const;

type Answer = { status: number; location: string | null; ms: number; body: string };

function request(agent: http.Agent, base: URL, options: { method: "GET" | "POST"; path: string; headers: Record<string, string>; body?: string }): Promise<Answer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const sent = http.request(
      { agent, host: base.hostname, port: base.port, method: options.method, path: options.path, headers: options.headers },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (chunk: Buffer) => chunks.push(chunk));
        response.on("end", () =>
          resolve({
            status: response.statusCode ?? 0,
            location: typeof response.headers.location === "string" ? response.headers.location : null,
            ms: performance.now() - started,
            body: Buffer.concat(chunks).toString("utf8"),
          }),
        );
        response.on("error", reject);
      },
    );
    sent.on("error", reject);
    sent.end(options.body);
  });
}

/** Runs `work` for every item with at most `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await work(items[index]!, index);
      }
    }),
  );
  return results;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))]!;

/** Opens a survey with 22 questions for the period and returns 100 of its units' codes. */
async function openSurvey(databaseUrl: string, periodCode: string): Promise<{ surveyId: string; units: string[]; questions: string[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("begin");
    const period = await client.query<{ id: string }>(`select id from "Period" where code = $1`, [periodCode]);
    const periodId = period.rows[0]!.id;
    await client.query(`delete from "SipasSurvey" where "periodId" = $1`, [periodId]);
    const surveyId = `bench-${randomUUID()}`;
    await client.query(
      `insert into "SipasSurvey" (id, "periodId", code, name, status, "scaleLabels") values ($1, $2, 'sipas', 'Khảo sát SIPAS (bench)', 'open', $3)`,
      [surveyId, periodId, JSON.stringify(["Rất không hài lòng", "Không hài lòng", "Bình thường", "Hài lòng", "Rất hài lòng"])],
    );
    const questions: string[] = [];
    for (const [order, [code, name, count]] of ELEMENTS.entries()) {
      const elementId = `${surveyId}-${code}`;
      await client.query(`insert into "SipasElement" (id, "surveyId", code, name, "order") values ($1, $2, $3, $4, $5)`, [elementId, surveyId, code, name, order + 1]);
      for (let index = 1; index <= count; index++) {
        const questionCode = `${code}_${index}`;
        questions.push(questionCode);
        await client.query(`insert into "SipasQuestion" (id, "elementId", code, text, "order") values ($1, $2, $3, $4, $5)`, [
          `${elementId}-${index}`,
          elementId,
          questionCode,
          `${name}: câu ${index}`,
          index,
        ]);
      }
    }
    const units = await client.query<{ code: string }>(
      `select u.code from "Assessment" a join "Unit" u on u.id = a."unitId" where a."periodId" = $1 order by u.code limit $2`,
      [periodId, UNITS],
    );
    await client.query("commit");
    return { surveyId, units: units.rows.map((row) => row.code), questions };
  } finally {
    await client.end();
  }
}

/**
 * Each citizen has their own device cookie and their own address: the X-Forwarded-For entry a
 * reverse proxy in front of the portal would append (TRUSTED_PROXY_HOPS=1), so the per-address
 * limit sees 1,000 citizens rather than one load generator — as many phones behind one proxy.
 */
export async function sipasSubmissionFigures(serverUrl: string, databaseUrl: string, periodCode: string): Promise<Row[]> {
  const { surveyId, units, questions } = await openSurvey(databaseUrl, periodCode);
  const base = new URL(serverUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const citizens = Array.from({ length: CITIZENS }, (_, index) => ({
    unit: units[index % units.length]!,
    device: `bench-device-${String(index).padStart(8, "0")}`,
    address: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
  }));

  try {
    console.error(`SIPAS: ${CITIZENS} forms fetched from ${CONNECTIONS} connections…`);
    const forms = await pool(citizens, CONNECTIONS, async (citizen) => {
      const answer = await request(agent, base, {
        method: "GET",
        path: `/survey/${encodeURIComponent(periodCode)}/${encodeURIComponent(citizen.unit)}`,
        headers: { cookie: `sipas_device=${citizen.device}`, "x-forwarded-for": citizen.address },
      });
      const token = /name="token" value="([^"]+)"/.exec(answer.body)?.[1];
      if (answer.status !== 200 || !token) throw new Error(`The form of ${citizen.unit} answered ${answer.status} without a token`);
      return token;
    });
    // A form sent within 3 s of being issued is flagged as automated: wait as a person would.
    await new Promise((resolve) => setTimeout(resolve, 3500));

    console.error(`SIPAS: ${CITIZENS} submissions from ${CONNECTIONS} connections…`);
    const bodyOf = (index: number) => {
      const form = new URLSearchParams({ token: forms[index]!, dossierCode: "", comment: index % 10 === 0 ? "Cán bộ hướng dẫn tận tình, thủ tục nhanh." : "", email: "" });
      for (const [position, code] of questions.entries()) form.append(`q.${code}`, String(1 + ((index + position) % 5)));
      return form.toString();
    };
    const post = (index: number) => {
      const citizen = citizens[index]!;
      return request(agent, base, {
        method: "POST",
        path: `/api/survey/${encodeURIComponent(periodCode)}/${encodeURIComponent(citizen.unit)}`,
        headers: {
          "content-type": "application/x-www-form-urlencoded",
          cookie: `sipas_device=${citizen.device}`,
          "x-forwarded-for": citizen.address,
          origin: serverUrl,
        },
        body: bodyOf(index),
      });
    };
    const started = performance.now();
    const answers = await pool(citizens, CONNECTIONS, (_citizen, index) => post(index).catch((error: Error) => ({ status: 0, location: null, ms: 0, body: error.message })));
    const seconds = (performance.now() - started) / 1000;
    const accepted = answers.filter((answer) => answer.status === 303 && answer.location?.endsWith("/thanks"));
    const failed = answers.length - accepted.length;
    const latencies = answers.filter((answer) => answer.status !== 0).map((answer) => answer.ms).sort((a, b) => a - b);

    // The same 100 forms sent again at once: every one must be refused, nothing stored twice.
    console.error("SIPAS: 100 replays…");
    const replays = await pool(
      citizens.slice(0, 100).map((_, index) => index),
      CONNECTIONS,
      (index) => post(index),
    );
    const replaysRefused = replays.filter((answer) => answer.status === 303 && answer.location?.includes("?retry=")).length;

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    let stored: { accepted: number; flagged: number; tokens: number; answers: number; missing: number };
    try {
      const counts = await client.query<{ accepted: string; flagged: string; tokens: string; answers: string }>(
        `select count(*) filter (where r.status = 'accepted') as accepted,
                count(*) filter (where r.status = 'flagged') as flagged,
                count(distinct r."submissionToken") as tokens,
                (select count(*) from "SipasAnswer" sa join "SipasResponse" s on s.id = sa."responseId" where s."surveyId" = $1) as answers
           from "SipasResponse" r where r."surveyId" = $1`,
        [surveyId],
      );
      // Each accepted answer's nonce must be in the table: none lost.
      const nonces = answers.flatMap((answer, index) => (answer.status === 303 && answer.location?.endsWith("/thanks") ? [nonceOf(forms[index]!)] : []));
      const found = await client.query<{ missing: string }>(
        `select count(*) as missing from unnest($1::text[]) as n(nonce) where not exists (select 1 from "SipasResponse" r where r."submissionToken" = n.nonce)`,
        [nonces],
      );
      const row = counts.rows[0]!;
      stored = { accepted: Number(row.accepted), flagged: Number(row.flagged), tokens: Number(row.tokens), answers: Number(row.answers), missing: Number(found.rows[0]!.missing) };
    } finally {
      await client.end();
    }

    const exactlyOnce = stored.accepted === accepted.length && stored.flagged === 0 && stored.tokens === stored.accepted && stored.missing === 0;
    const answersComplete = stored.answers === stored.accepted * questions.length;
    return [
      {
        figure: `SIPAS submissions: ${CITIZENS} citizens (form, then answers) from ${CONNECTIONS} connections, ${units.length} units`,
        value: `${accepted.length} accepted, ${failed} errors`,
        target: "all accepted",
        met: failed === 0,
      },
      {
        figure: "  stored exactly once, none lost (database: accepted rows, distinct tokens, answers)",
        value: `${stored.accepted} rows, ${stored.tokens} distinct tokens, ${stored.missing} lost, ${stored.answers} answers (${questions.length} each)`,
        target: "= accepted",
        met: exactlyOnce && answersComplete,
      },
      {
        figure: "  submission (POST) latency p50 / p95",
        value: `${percentile(latencies, 0.5).toFixed(0)} ms / ${percentile(latencies, 0.95).toFixed(0)} ms`,
        target: "",
        met: null,
      },
      { figure: "  throughput", value: `${(CITIZENS / seconds).toFixed(0)} submissions/s (${seconds.toFixed(1)} s)`, target: "", met: null },
      {
        figure: "  the first 100 forms sent again at once (replays)",
        value: `${replaysRefused} refused, rows unchanged`,
        target: "all refused",
        met: replaysRefused === 100,
      },
    ];
  } finally {
    agent.destroy();
  }
}

/** The nonce inside a form's token (its payload is base64url JSON: period, unit, issued-at, nonce). */
function nonceOf(token: string): string {
  const [payload] = token.split(".");
  return (JSON.parse(Buffer.from(payload!, "base64url").toString("utf8")) as [string, string, number, string])[3];
}

