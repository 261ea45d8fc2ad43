/**
 * A period's SIPAS questionnaire as every part of the portal sees it: the survey form, the import
 * of paper responses, the computation and the console. Question codes are unique in the whole
 * questionnaire (not only in their element), so an answer is keyed by its question's code alone.
 */
export type SipasIndexMethodName = "share_satisfied" | "mean_scaled";

export type SipasScale = {
  min: number;
  max: number;
  /** Answers at or above this value count as satisfied. */
  satisfiedFrom: number;
  /** One label per scale point, lowest first (max − min + 1 of them). */
  labels: string[];
};

export type SipasQuestionDefinition = {
  code: string;
  text: string;
  textEn: string | null;
  order: number;
  required: boolean;
};

export type SipasElementDefinitionFull = {
  code: string;
  name: string;
  nameEn: string | null;
  /** Exact decimal string, e.g. "1" or "0.25". */
  weight: string;
  order: number;
  questions: SipasQuestionDefinition[];
};

export type SipasQuestionnaire = {
  scale: SipasScale;
  indexMethod: SipasIndexMethodName;
  smallSampleThreshold: number;
  /** In their order, each with its questions in order. */
  elements: SipasElementDefinitionFull[];
};

export type SipasAnswerProblem =
  | { questionCode: string; problem: "missing" }
  | { questionCode: string; problem: "out_of_scale"; value: string }
  | { questionCode: string; problem: "unknown_question" };

export type CheckedSipasAnswers = { ok: true; answers: Map<string, number> } | { ok: false; problems: SipasAnswerProblem[] };

/** Every question in questionnaire order. */
export function sipasQuestions(questionnaire: SipasQuestionnaire): SipasQuestionDefinition[] {
  return questionnaire.elements.flatMap((element) => element.questions);
}

/**
 * Checks one respondent's answers against the questionnaire. Values may come from a form or a
 * spreadsheet as strings; only whole numbers on the scale are accepted. An empty value is no
 * answer: refused for a required question, left out for an optional one. Every problem is
 * reported, not only the first, so a form or an import row can show them all at once.
 */
export function checkSipasAnswers(questionnaire: SipasQuestionnaire, given: ReadonlyMap<string, unknown> | Record<string, unknown>): CheckedSipasAnswers {
  const entries = given instanceof Map ? [...given.entries()] : Object.entries(given);
  const values = new Map<string, unknown>(entries);
  const known = new Set(sipasQuestions(questionnaire).map((question) => question.code));
  const problems: SipasAnswerProblem[] = [];
  const answers = new Map<string, number>();
  for (const [code] of values) if (!known.has(code)) problems.push({ questionCode: code, problem: "unknown_question" });
  for (const question of sipasQuestions(questionnaire)) {
    const raw = values.get(question.code);
    const text = raw === undefined || raw === null ? "" : String(raw).trim();
    if (text === "") {
      if (question.required) problems.push({ questionCode: question.code, problem: "missing" });
      continue;
    }
    const { min, max } = questionnaire.scale;
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
      problems.push({ questionCode: question.code, problem: "out_of_scale", value: text.slice(0, 20) });
      continue;
    }
    answers.set(question.code, Number(text));
  }
  return problems.length ? { ok: false, problems } : { ok: true, answers };
}
