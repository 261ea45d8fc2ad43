import { randomUUID } from "node:crypto";
import { getPrisma } from "./prisma";
import { currentClient } from "./transaction";
import { insertJsonRecords } from "./insert-json-records";
import type { Tx } from "./transaction";

export type SipasSurveyForImport = {
  id: string;
  status: "draft" | "open" | "closed";
  period: { id: string; code: string; year: number; status: string };
};

/**
 * The period's survey, its row locked until the transaction ends: two imports into one survey run
 * one after the other, so the second sees the first's form numbers and refuses them instead of
 * meeting a unique-key error halfway. Online submissions do not take this lock.
 */
export async function lockSipasSurveyForImport(tx: Tx, surveyId: string): Promise<SipasSurveyForImport | null> {
  const locked = await tx.$queryRawUnsafe<{ id: string }[]>(`select "id" from "SipasSurvey" where "id" = $1 for update`, surveyId);
  if (!locked.length) return null;
  const survey = await tx.sipasSurvey.findUnique({
    where: { id: surveyId },
    select: { id: true, status: true, period: { select: { id: true, code: true, year: true, status: true } } },
  });
  return survey;
}

export type SipasImportLookup = {
  periodUnits: Map<string, string>;
  knownUnitCodes: Set<string>;
  approvedUnitCodes: Set<string>;
  importedRefs: Set<string>;
  questionIds: Map<string, string>;
};

/** Everything an import's rows are checked against, asked once for the codes and numbers the file names. */
export async function loadSipasImportLookup(
  tx: Tx,
  input: { surveyId: string; periodId: string; unitCodes: readonly string[]; externalRefs: readonly string[] },
): Promise<SipasImportLookup> {
  const unitCodes = [...new Set(input.unitCodes)];
  const [units, assessments, approved, imported, questions] = await Promise.all([
    tx.unit.findMany({ where: { code: { in: unitCodes } }, select: { code: true } }),
    tx.assessment.findMany({ where: { periodId: input.periodId, unit: { code: { in: unitCodes } } }, select: { unit: { select: { id: true, code: true } } } }),
    tx.sipasResult.findMany({ where: { periodId: input.periodId, state: "approved", unit: { code: { in: unitCodes } } }, select: { unit: { select: { code: true } } } }),
    findImportedRefs(tx, input.surveyId, input.externalRefs),
    tx.sipasQuestion.findMany({ where: { element: { surveyId: input.surveyId } }, select: { id: true, code: true } }),
  ]);
  return {
    periodUnits: new Map(assessments.map((assessment) => [assessment.unit.code, assessment.unit.id])),
    knownUnitCodes: new Set(units.map((unit) => unit.code)),
    approvedUnitCodes: new Set(approved.map((result) => result.unit.code)),
    importedRefs: imported,
    questionIds: new Map(questions.map((question) => [question.code, question.id])),
  };
}

/** Form numbers the survey already holds among those given; one query however many there are. */
async function findImportedRefs(tx: Tx, surveyId: string, refs: readonly string[]): Promise<Set<string>> {
  if (!refs.length) return new Set();
  const found = await tx.$queryRawUnsafe<{ ref: string }[]>(
    `select r."externalRef" as ref from "SipasResponse" r
     where r."surveyId" = $1 and r."externalRef" in (select value from json_array_elements_text($2::json))`,
    surveyId,
    JSON.stringify([...new Set(refs)]),
  );
  return new Set(found.map((row) => row.ref));
}

export type SipasResponseToInsert = {
  unitId: string;
  externalRef: string;
  /** yyyy-mm-dd. */
  submittedOn: string;
  dossierCode: string | null;
  comment: string | null;
  /** [question id, value]. */
  answers: [string, number][];
};

/**
 * Responses and their answers as multi-row INSERTs (JSON record sets): 10,000 forms of 25 answers
 * are a handful of statements instead of 260,000. The caller's transaction keeps them all or none.
 */
export async function insertSipasResponses(
  tx: Tx,
  input: { surveyId: string; source: "paper" | "import"; submittedAt: Date; responses: readonly SipasResponseToInsert[] },
): Promise<{ responses: number; answers: number }> {
  const ids = input.responses.map(() => randomUUID());
  await insertJsonRecords(
    tx,
    `insert into "SipasResponse" ("id", "surveyId", "unitId", "source", "status", "dossierCode", "comment", "externalRef", "submittedOn", "submittedAt")
     select t.id, $2, t.u, $3::"SipasResponseSource", 'accepted'::"SipasResponseStatus", t.d, t.c, t.r, t.s::date, $4::timestamptz
     from json_to_recordset($1::json) as t(id text, u text, d text, c text, r text, s text)`,
    input.responses.map((response, index) => ({ response, id: ids[index]! })),
    ({ response, id }) => ({ id, u: response.unitId, d: response.dossierCode, c: response.comment, r: response.externalRef, s: response.submittedOn }),
    { chunk: 5_000, parameters: [input.surveyId, input.source, input.submittedAt.toISOString()] },
  );
  const answers = input.responses.flatMap((response, index) => response.answers.map(([questionId, value]) => ({ r: ids[index]!, q: questionId, v: value })));
  await insertJsonRecords(
    tx,
    `insert into "SipasAnswer" ("responseId", "questionId", "value")
     select t.r, t.q, t.v from json_to_recordset($1::json) as t(r text, q text, v int)`,
    answers,
    (answer) => answer,
    { chunk: 50_000 },
  );
  return { responses: input.responses.length, answers: answers.length };
}

/** How many responses a period's survey holds, by source and status, for the import page. */
export async function countSipasResponsesBySource(surveyId: string): Promise<{ source: "online" | "paper" | "import"; count: number }[]> {
  const groups = await getPrisma().sipasResponse.groupBy({ by: ["source"], where: { surveyId, status: "accepted" }, _count: { _all: true } });
  return groups.map((group) => ({ source: group.source, count: group._count._all }));
}

/** The period's units (code order), for the template's unit sheet and the demo's forms. */
export async function listSipasImportUnits(periodId: string): Promise<{ code: string; name: string }[]> {
  const assessments = await currentClient().assessment.findMany({
    where: { periodId },
    select: { unit: { select: { code: true, name: true } } },
    orderBy: { unit: { code: "asc" } },
  });
  return assessments.map((assessment) => assessment.unit);
}
