import { UseCaseError } from "@/lib/domain/use-case-error";
import { DATABASE_UNAVAILABLE_CODE, isDatabaseOutage } from "@/lib/domain/database-outage";
import { databaseOutageMessagesFor } from "@/lib/i18n/database-outage-messages";
import { logger } from "@/lib/observability/logger";

/** A problem tied to one item of a form (a leaf's code, a field's name), in both languages. */
export type ActionProblem = { key: string | null; code: string; vi: string; en: string };

/**
 * What a server action answers: the data, or why not in both languages (the form shows its
 * visitor's), with per-item problems when several things were wrong at once.
 */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; code: string; vi: string; en: string; problems?: ActionProblem[]; detail?: Record<string, string | null> };

const UNEXPECTED = {
  code: "unexpected",
  vi: "Đã có lỗi ngoài dự kiến. Những gì đã lưu trước đó không bị mất; vui lòng thử lại.",
  en: "Something unexpected went wrong. Nothing saved before was lost; please try again.",
};

export function actionOk<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

/**
 * A refused use case becomes its own message; anything else is logged on the server and shown as
 * a generic message, never as a stack trace or a database error.
 */
export function actionFailure(error: unknown): ActionResult<never> {
  if (error instanceof UseCaseError) {
    const withProblems = error as UseCaseError<string> & { problems?: { criterionCode?: string | null; key?: string | null; path?: string | null; code?: string; vi: string; en: string }[] };
    const extra = error as unknown as { changedBy?: string | null; changedAt?: Date | string | null };
    return {
      ok: false,
      code: error.code,
      vi: error.vi,
      en: error.en,
      problems: (withProblems.problems ?? (error as unknown as { issues?: typeof withProblems.problems }).issues)?.map((problem) => ({
        key: problem.key ?? problem.criterionCode ?? problem.path ?? null,
        code: problem.code ?? error.code,
        vi: problem.vi,
        en: problem.en,
      })),
      detail:
        extra.changedBy !== undefined || extra.changedAt !== undefined
          ? { changedBy: extra.changedBy ?? null, changedAt: extra.changedAt ? new Date(extra.changedAt).toISOString() : null }
          : undefined,
    };
  }
  // A use case that reports several problems at once (e.g. saving many leaves) without a single code.
  const problems = (error as { problems?: unknown } | null)?.problems;
  if (Array.isArray(problems) && problems.length && problems.every((problem) => typeof problem?.vi === "string" && typeof problem?.en === "string")) {
    const typed = problems as { criterionCode?: string | null; code: string; vi: string; en: string }[];
    return {
      ok: false,
      code: typed.length === 1 ? typed[0]!.code : "invalid",
      vi: typed.map((problem) => problem.vi).join(" "),
      en: typed.map((problem) => problem.en).join(" "),
      problems: typed.map((problem) => ({ key: problem.criterionCode ?? null, code: problem.code, vi: problem.vi, en: problem.en })),
    };
  }
  // The outage itself is logged once when it starts, not once per refused request.
  if (isDatabaseOutage(error)) {
    return { ok: false, code: DATABASE_UNAVAILABLE_CODE, vi: databaseOutageMessagesFor("vi").short, en: databaseOutageMessagesFor("en").short };
  }
  logger.error({ err: error }, "unexpected failure of a use case");
  return { ok: false, ...UNEXPECTED };
}
