/**
 * Illustrative paper SIPAS forms for the open demo period: a few units' one-stop desks with 40–120
 * forms each and one with fewer than the small-sample threshold (so the console and the public page
 * show the "small sample" flag), satisfaction mostly between 80 and 95 %. Deterministic: the same
 * questionnaire, units and day give the same rows. They are imported through the console's own
 * service, so they meet the same checks as a file home affairs uploads.
 */
import type { Actor } from "@/lib/auth/actor";
import { sipasQuestions, type SipasQuestionnaire } from "@/lib/sipas/questionnaire";
import { sipasDateRange, type SipasSheetRow } from "@/lib/sipas/sipas-response-sheet";
import { vietnamDay } from "@/lib/domain/vietnam-day";
import { loadSipasSurvey } from "@/lib/data/sipas-questionnaire";
import { listSipasImportUnits } from "@/lib/data/insert-sipas-responses";
import { importSipasRows, type ImportSipasResponsesResult } from "@/lib/services/import-sipas-responses";
import { intBetween, normal, pick, rngFor, type Rng } from "./prng";

/**
 * The demo's open period is the departments': those whose one-stop desks citizens queue at most
 * (civil records, land, driving licences, business registration, social benefits), when the period
 * has them; otherwise its first units by code.
 */
const PREFERRED_UNITS = ["so-tu-phap", "so-tai-nguyen-moi-truong", "so-giao-thong-van-tai", "so-ke-hoach-dau-tu", "so-lao-dong-tbxh"];
const SMALL_SAMPLE_UNIT = "so-xay-dung";

const COMMENTS = [
  "Cán bộ hướng dẫn tận tình, dễ hiểu.",
  "Thời gian chờ còn lâu vào buổi sáng.",
  "Nên bố trí thêm ghế ngồi chờ.",
  "Nộp hồ sơ trực tuyến thuận tiện, nhận kết quả đúng hẹn.",
  "Cổng dịch vụ công đôi khi bị lỗi khi tải tệp lên.",
  "Hài lòng với thái độ phục vụ.",
  "Đề nghị niêm yết rõ hơn phí, lệ phí.",
  "Trả kết quả sớm hơn hẹn, rất tốt.",
];

const DAY_MS = 24 * 60 * 60 * 1000;

function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** A whole-percent share in [80, 95] (occasionally a little outside, as real units are). */
function unitSatisfaction(rng: Rng): number {
  return Math.min(98, Math.max(72, Math.round(87.5 + normal(rng) * 4)));
}

function answer(rng: Rng, questionnaire: SipasQuestionnaire, satisfiedPercent: number): number {
  const { min, max, satisfiedFrom } = questionnaire.scale;
  if (rng() * 100 < satisfiedPercent) return rng() < 0.45 ? max : intBetween(rng, satisfiedFrom, max);
  // Dissatisfied answers are mostly "neutral" (just below satisfied), rarely the lowest.
  return rng() < 0.7 ? Math.max(min, satisfiedFrom - 1) : intBetween(rng, min, Math.max(min, satisfiedFrom - 1));
}

export type DemoSipasInput = {
  questionnaire: SipasQuestionnaire;
  units: readonly { code: string }[];
  year: number;
  /** Vietnam's calendar day of the seed, yyyy-mm-dd: no form is dated after it. */
  today: string;
};

export function buildDemoSipasRows({ questionnaire, units, year, today }: DemoSipasInput): SipasSheetRow[] {
  const codes = units.map((unit) => unit.code).sort();
  const has = new Set(codes);
  const large = PREFERRED_UNITS.filter((code) => has.has(code));
  for (const code of codes) if (large.length < 5 && !large.includes(code) && code !== SMALL_SAMPLE_UNIT) large.push(code);
  const small = has.has(SMALL_SAMPLE_UNIT) ? SMALL_SAMPLE_UNIT : codes.find((code) => !large.includes(code));

  const range = sipasDateRange(year, today);
  // Forms are collected in the last months of the year (or up to today when that comes first).
  const windowEnd = Math.min(Date.parse(`${year}-12-20`), Date.parse(range.to));
  const windowStart = Math.max(Date.parse(range.from), Math.min(Date.parse(`${year}-09-01`), windowEnd));
  const windowDays = Math.round((windowEnd - windowStart) / DAY_MS);

  const questions = sipasQuestions(questionnaire);
  const rows: SipasSheetRow[] = [];
  const plan: [string, number][] = [
    ...large.map((code): [string, number] => [code, intBetween(rngFor(`sipas:${year}:${code}:count`), 40, 120)]),
    ...(small ? [[small, intBetween(rngFor(`sipas:${year}:${small}:count`), 12, 25)] as [string, number]] : []),
  ];
  for (const [unitCode, count] of plan) {
    const rng = rngFor(`sipas:${year}:${unitCode}:forms`);
    const satisfaction = unitSatisfaction(rng);
    const prefix = unitCode.toUpperCase();
    for (let index = 1; index <= count; index++) {
      // Each respondent leans a little: answers of one form move together.
      const lean = Math.min(100, Math.max(30, satisfaction + normal(rng) * 6));
      const answers: Record<string, number> = {};
      for (const question of questions) {
        if (!question.required && rng() < 0.3) continue;
        answers[question.code] = answer(rng, questionnaire, lean);
      }
      rows.push({
        row: rows.length + 2,
        unitCode,
        externalRef: `${prefix}-P${String(index).padStart(4, "0")}`,
        submittedOn: isoDay(windowStart + intBetween(rng, 0, windowDays) * DAY_MS),
        dossierCode: rng() < 0.4 ? `H54.${String(intBetween(rng, 1, 99)).padStart(2, "0")}-${year}-${String(intBetween(rng, 1, 9999)).padStart(5, "0")}` : null,
        comment: rng() < 0.15 ? pick(rng, COMMENTS) : null,
        answers,
      });
    }
  }
  return rows;
}

/** Imports the demo's paper forms into the period's survey (created and opened before this). */
export async function seedDemoSipasResponses(periodCode: string, actor: Actor, now = new Date()): Promise<ImportSipasResponsesResult> {
  const survey = await loadSipasSurvey(periodCode);
  if (!survey) throw new Error(`The demo period ${periodCode} has no SIPAS survey to import forms into.`);
  const units = await listSipasImportUnits(survey.period.id);
  const rows = buildDemoSipasRows({ questionnaire: survey.questionnaire, units, year: survey.period.year, today: vietnamDay(now) });
  return importSipasRows(actor, { periodCode, source: "paper", rows, fileName: "demo" }, { now });
}
