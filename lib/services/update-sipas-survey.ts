import { SipasSurveyError, updateSipasSurveyInput, type UpdateSipasSurveyInput } from "@/lib/domain/sipas-survey-input";
import { invalidInput } from "@/lib/domain/setup-error";
import { lockPeriodForSipas, lockSipasSurvey, updateSipasSurveySettings, type LockedSipasPeriod, type LockedSipasSurvey } from "@/lib/data/sipas-surveys";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction, type Tx } from "@/lib/data/transaction";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

/**
 * The survey's settings: name, scale and its labels, "satisfied from", index method, small-sample
 * threshold, dates. Once responses exist, what gives them their meaning (scale, "satisfied from",
 * method) is frozen; wording, the threshold and the dates may still change.
 */
export async function updateSipasSurvey(actor: Actor, input: UpdateSipasSurveyInput): Promise<void> {
  assertCan(actor, "sipas.edit");
  const parsed = updateSipasSurveyInput.safeParse(input);
  if (!parsed.success) throw invalidInput(SipasSurveyError, parsed.error);
  const command = parsed.data;

  await withEditableSurvey(command.periodCode, async (tx, { period, survey }) => {
    const before = {
      name: survey.name,
      scaleMin: survey.scaleMin,
      scaleMax: survey.scaleMax,
      scaleLabels: Array.isArray(survey.scaleLabels) ? survey.scaleLabels.map(String) : [],
      satisfiedFrom: survey.satisfiedFrom,
      indexMethod: survey.indexMethod,
      smallSampleThreshold: survey.smallSampleThreshold,
      opensAt: survey.opensAt,
      closesAt: survey.closesAt,
    };
    const after = {
      name: command.name,
      scaleMin: command.scaleMin,
      scaleMax: command.scaleMax,
      scaleLabels: command.scaleLabels,
      satisfiedFrom: command.satisfiedFrom,
      indexMethod: command.indexMethod,
      smallSampleThreshold: command.smallSampleThreshold,
      opensAt: command.opensAt === undefined ? survey.opensAt : command.opensAt,
      closesAt: command.closesAt === undefined ? survey.closesAt : command.closesAt,
    };
    const changed = (Object.keys(after) as (keyof typeof after)[]).filter((key) => comparable(after[key]) !== comparable(before[key]));
    if (changed.length === 0) return;
    const frozen = changed.filter((key) => FROZEN_SETTINGS.includes(key));
    if (frozen.length && survey.responseCount > 0) throw frozenByResponses(survey.responseCount, frozen);
    await updateSipasSurveySettings(tx, survey.id, after);
    const pick = (values: typeof after) => Object.fromEntries(changed.map((key) => [key, auditValue(values[key])]));
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "sipas.survey.settings",
      entityType: "SipasSurvey",
      entityId: survey.id,
      periodId: period.id,
      before: pick(before),
      after: pick(after),
    });
  });
}

const FROZEN_SETTINGS: string[] = ["scaleMin", "scaleMax", "satisfiedFrom", "indexMethod"];

/**
 * Locks the period and its survey and refuses a published period, then runs the change: the
 * questionnaire of a published period is part of what was published.
 */
export async function withEditableSurvey<T>(periodCode: string, work: (tx: Tx, locked: { period: LockedSipasPeriod; survey: LockedSipasSurvey }) => Promise<T>): Promise<T> {
  return inTransaction(async (tx) => {
    const period = await lockPeriodForSipas(tx, periodCode);
    if (!period) throw new SipasSurveyError("not_found", `Không có kỳ đánh giá "${periodCode}".`, `No period "${periodCode}".`);
    const survey = await lockSipasSurvey(tx, period.id);
    if (!survey) throw new SipasSurveyError("not_found", `Kỳ "${period.name}" chưa có bảng hỏi SIPAS.`, `"${period.name}" has no SIPAS questionnaire yet.`);
    if (period.status === "published") {
      throw new SipasSurveyError(
        "published",
        `Kỳ "${period.name}" đã công bố: bảng hỏi SIPAS không thể thay đổi.`,
        `"${period.name}" is published: its SIPAS questionnaire can no longer change.`,
      );
    }
    return work(tx, { period, survey });
  });
}

/** A structural change refused because citizens have already answered the questionnaire as it is. */
export function frozenByResponses(responses: number, what: string[] = []): SipasSurveyError {
  return new SipasSurveyError(
    "frozen",
    `Khảo sát đã có ${responses} phiếu trả lời: thang đo, bộ câu hỏi, mã, trọng số và cách tính không thể thay đổi nữa (chỉ sửa được câu chữ, tên và ngày).`,
    `The survey already has ${responses} response(s): its scale, question set, codes, weights and method can no longer change (only wording, names and dates).`,
    what.map((path) => ({ path, vi: "Không đổi được khi đã có phiếu", en: "Cannot change once responses exist" })),
  );
}

function comparable(value: unknown): string {
  return JSON.stringify(value instanceof Date ? value.toISOString() : (value ?? null));
}

function auditValue(value: unknown): string | number | string[] | null {
  if (value instanceof Date) return value.toISOString();
  return (value ?? null) as string | number | string[] | null;
}
