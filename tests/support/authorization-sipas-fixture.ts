import { createSipasSurvey } from "@/lib/services/create-sipas-survey";
import { transitionSipasSurvey } from "@/lib/services/transition-sipas-survey";
import { importSipasRows } from "@/lib/services/import-sipas-responses";
import { computeSipasResults } from "@/lib/services/compute-sipas-results";
import { approveSipasResults } from "@/lib/services/approve-sipas-result";
import { loadSipasSurvey } from "@/lib/data/sipas-questionnaire";
import { sipasQuestions } from "@/lib/sipas/questionnaire";
import { SIPAS_SHEET_COLUMNS, sipasSheetHeader } from "@/lib/sipas/sipas-response-sheet";
import { getPrisma } from "@/lib/data/prisma";
import { COMMAND_LINE, type UserActor } from "@/lib/auth/actor";

// The SIPAS states of the authorization matrix, on the matrix's period: the default questionnaire
// in draft (no responses, so its structure may change), then open with three paper responses per
// unit of which one was flagged, then closed with the figures computed, then approved.

export type SipasFacts = {
  status: string;
  elementCode: string;
  questionCode: string;
  /** The flagged response of each unit (sipas_open onwards). */
  flagged: Record<"a" | "b", string | null>;
  /** The figures the results page shows per unit (sipas_closed onwards). */
  figures: Record<"a" | "b", { expectedIndex: string; expectedResponses: number } | null>;
  /** The import file's header, and one new valid paper form of unit a in it (column → cell). */
  importHeader: string[];
  importRow: Record<string, string>;
};

export async function createDraftSipasSurvey(periodCode: string): Promise<void> {
  await createSipasSurvey(COMMAND_LINE, { periodCode, from: "default" });
}

/** `day`: a date the period's year allows for its forms (yyyy-mm-dd). */
export async function openSipasSurveyWithResponses(periodCode: string, day: string): Promise<void> {
  await transitionSipasSurvey(COMMAND_LINE, { periodCode, to: "open", expectedStatus: "draft" });
  const survey = (await loadSipasSurvey(periodCode))!;
  const required = sipasQuestions(survey.questionnaire).filter((question) => question.required);
  const rows = ["a", "b"].flatMap((unitCode, unitIndex) =>
    [5, 4, 2].map((value, index) => ({
      row: 2 + unitIndex * 3 + index,
      unitCode,
      externalRef: `${unitCode}-${index + 1}`,
      submittedOn: day,
      dossierCode: null,
      comment: null,
      answers: Object.fromEntries(required.map((question) => [question.code, value])),
    })),
  );
  await importSipasRows(COMMAND_LINE, { periodCode, source: "paper", rows });
  // The online form would flag a bot's response; here the third paper form of each unit stands in for one.
  await getPrisma().sipasResponse.updateMany({ where: { externalRef: { in: ["a-3", "b-3"] } }, data: { status: "flagged", flagReason: "honeypot" } });
}

export async function closeSipasSurveyAndCompute(periodCode: string, council: UserActor): Promise<void> {
  await transitionSipasSurvey(COMMAND_LINE, { periodCode, to: "closed", expectedStatus: "open" });
  await computeSipasResults(council, { periodCode });
}

export async function approveSipasFigures(periodCode: string, council: UserActor): Promise<void> {
  const facts = await readSipasFacts(periodCode);
  const units = (["a", "b"] as const).map((unitCode) => ({ unitCode, ...facts!.figures[unitCode]! }));
  await approveSipasResults(council, { periodCode, units });
}

export async function readSipasFacts(periodCode: string): Promise<SipasFacts | null> {
  const survey = await loadSipasSurvey(periodCode);
  if (!survey) return null;
  const prisma = getPrisma();
  const flagged = async (unitCode: string) =>
    (await prisma.sipasResponse.findFirst({ where: { surveyId: survey.id, unit: { code: unitCode }, status: "flagged" }, select: { id: true } }))?.id ?? null;
  const figures = async (unitCode: string) => {
    const result = await prisma.sipasResult.findFirst({ where: { period: { code: periodCode }, unit: { code: unitCode } } });
    return result ? { expectedIndex: result.index.toFixed(), expectedResponses: result.responses } : null;
  };
  const lastElement = survey.questionnaire.elements.at(-1)!;
  return {
    status: survey.status,
    elementCode: lastElement.code,
    questionCode: lastElement.questions.at(-1)!.code,
    flagged: { a: await flagged("a"), b: await flagged("b") },
    figures: { a: await figures("a"), b: await figures("b") },
    importHeader: sipasSheetHeader(survey.questionnaire),
    importRow: {
      [SIPAS_SHEET_COLUMNS.unit]: "a",
      [SIPAS_SHEET_COLUMNS.formNumber]: "a-moi",
      [SIPAS_SHEET_COLUMNS.date]: "01/03/2024",
      ...Object.fromEntries(sipasQuestions(survey.questionnaire).filter((question) => question.required).map((question) => [question.code, "4"])),
    },
  };
}
