import type { Prisma } from "@/lib/generated/prisma/client";
import type { SipasUnitFigures } from "@/lib/sipas/compute-sipas-figures";
import type { Tx } from "./transaction";

/**
 * Reads and writes of a period's SIPAS results (the council's review). Every use case locks the
 * period FOR SHARE (a publication, which locks it FOR UPDATE, waits or goes first), then takes a
 * transaction-scoped advisory lock on the period's results, so a recomputation and approvals never
 * interleave and two recomputations never insert the same unit's row twice.
 */

export type LockedSipasResultsPeriod = {
  id: string;
  code: string;
  name: string;
  status: string;
  survey: { id: string; status: "draft" | "open" | "closed" } | null;
};

export async function lockSipasResultsOfPeriod(tx: Tx, periodCode: string): Promise<LockedSipasResultsPeriod | null> {
  const rows = await tx.$queryRaw<{ id: string; code: string; name: string; status: string }[]>`
    select id, code, name, status::text as status from "Period" where code = ${periodCode} for share`;
  const period = rows[0];
  if (!period) return null;
  await tx.$executeRaw`select pg_advisory_xact_lock(hashtext(${`sipas-results:${period.id}`}))`;
  // The survey FOR SHARE: it cannot be reopened (or closed) while figures are approved against it.
  const surveys = await tx.$queryRaw<{ id: string; status: "draft" | "open" | "closed" }[]>`
    select id, status::text as status from "SipasSurvey" where "periodId" = ${period.id}
    order by "createdAt" asc, id asc limit 1 for share`;
  return { ...period, survey: surveys[0] ?? null };
}

/** The units evaluated in the period (one assessment each), by id. */
export async function listPeriodUnits(tx: Tx, periodId: string): Promise<Map<string, { code: string; name: string }>> {
  const assessments = await tx.assessment.findMany({ where: { periodId }, select: { unit: { select: { id: true, code: true, name: true } } } });
  return new Map(assessments.map(({ unit }) => [unit.id, { code: unit.code, name: unit.name }]));
}

export const storedResultSelect = {
  id: true,
  unitId: true,
  index: true,
  responses: true,
  ciLow: true,
  ciHigh: true,
  questions: true,
  state: true,
  approvedAt: true,
  updatedAt: true,
  approvedBy: { select: { name: true } },
  unit: { select: { code: true, name: true } },
  elements: { select: { code: true, index: true, responses: true, order: true }, orderBy: [{ order: "asc" }, { code: "asc" }] },
} satisfies Prisma.SipasResultSelect;

export type StoredSipasResult = Prisma.SipasResultGetPayload<{ select: typeof storedResultSelect }>;

export async function listStoredSipasResults(tx: Tx, periodId: string, unitIds?: string[]): Promise<StoredSipasResult[]> {
  return tx.sipasResult.findMany({
    where: { periodId, ...(unitIds ? { unitId: { in: unitIds } } : {}) },
    select: storedResultSelect,
    orderBy: { unit: { code: "asc" } },
  });
}

/** The figures of a stored result in the shape the computation gives them, to see whether they changed. */
export type ComparableSipasFigures = {
  index: string;
  responses: number;
  ciLow: string | null;
  ciHigh: string | null;
  elements: { code: string; index: string; responses: number | null }[];
  questions: StoredSipasQuestion[];
};

/** Per-question figures as SipasResult.questions stores them. */
export type StoredSipasQuestion = { code: string; elementCode: string | null; index: string | null; answers: number };

const fixed = (value: { toFixed(places: number): string } | null): string | null => (value === null ? null : value.toFixed(4));

export function storedFigures(result: StoredSipasResult): ComparableSipasFigures {
  return {
    index: result.index.toFixed(4),
    responses: result.responses,
    ciLow: fixed(result.ciLow),
    ciHigh: fixed(result.ciHigh),
    elements: result.elements.map((element) => ({ code: element.code, index: element.index.toFixed(4), responses: element.responses })),
    questions: storedQuestions(result.questions),
  };
}

/** jsonb keeps its own key order: rebuild each question's figure in the computation's order. */
function storedQuestions(questions: Prisma.JsonValue): StoredSipasQuestion[] {
  if (!Array.isArray(questions)) return [];
  return questions.map((entry) => {
    const question = (entry ?? {}) as Record<string, unknown>;
    return {
      code: String(question.code ?? ""),
      elementCode: question.elementCode === undefined ? null : String(question.elementCode),
      index: question.index === null || question.index === undefined ? null : String(question.index),
      answers: Number(question.answers ?? 0),
    };
  });
}

/** What a computation writes: elements nobody answered have no index, hence no row. */
export function computedFigures(figures: SipasUnitFigures & { index: string }): ComparableSipasFigures {
  return {
    index: figures.index,
    responses: figures.responses,
    ciLow: figures.ciLow,
    ciHigh: figures.ciHigh,
    elements: figures.elements.flatMap((element) => (element.index === null ? [] : [{ code: element.code, index: element.index, responses: element.responses }])),
    questions: figures.questions.map((question) => ({ code: question.code, elementCode: question.elementCode, index: question.index, answers: question.answers })),
  };
}

export function sameFigures(a: ComparableSipasFigures, b: ComparableSipasFigures): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * Stores a unit's freshly computed figures as a computed (not approved) result, replacing the
 * previous figures and element rows; an approval on the old figures is dropped with them.
 */
export async function writeComputedSipasResult(
  tx: Tx,
  args: { periodId: string; unitId: string; figures: ComparableSipasFigures; elementNames: Map<string, { name: string; order: number }> },
): Promise<void> {
  const data = {
    index: args.figures.index,
    responses: args.figures.responses,
    ciLow: args.figures.ciLow,
    ciHigh: args.figures.ciHigh,
    questions: args.figures.questions as Prisma.InputJsonValue,
    state: "computed" as const,
    approvedById: null,
    approvedAt: null,
  };
  const result = await tx.sipasResult.upsert({
    where: { periodId_unitId: { periodId: args.periodId, unitId: args.unitId } },
    create: { periodId: args.periodId, unitId: args.unitId, ...data },
    update: data,
    select: { id: true },
  });
  await tx.sipasElementResult.deleteMany({ where: { sipasResultId: result.id } });
  await tx.sipasElementResult.createMany({
    data: args.figures.elements.map((element) => ({
      sipasResultId: result.id,
      code: element.code,
      name: args.elementNames.get(element.code)?.name ?? null,
      index: element.index,
      responses: element.responses,
      order: args.elementNames.get(element.code)?.order ?? 0,
    })),
  });
}

export async function deleteSipasResult(tx: Tx, resultId: string): Promise<void> {
  await tx.sipasResult.delete({ where: { id: resultId } });
}

export async function setSipasResultState(
  tx: Tx,
  args: { resultId: string; state: "computed" | "approved"; approvedById: string | null; approvedAt: Date | null },
): Promise<void> {
  await tx.sipasResult.update({
    where: { id: args.resultId },
    data: { state: args.state, approvedById: args.approvedById, approvedAt: args.approvedAt },
  });
}

/**
 * Sets every approved result of the period back to computed; returns the units' codes. Reopening
 * the survey does this: new responses could change figures the council approved.
 */
export async function dropSipasApprovals(tx: Tx, periodId: string): Promise<string[]> {
  const approved = await tx.sipasResult.findMany({
    where: { periodId, state: "approved" },
    select: { id: true, unit: { select: { code: true } } },
    orderBy: { unit: { code: "asc" } },
  });
  if (approved.length === 0) return [];
  await tx.sipasResult.updateMany({ where: { id: { in: approved.map((result) => result.id) } }, data: { state: "computed", approvedById: null, approvedAt: null } });
  return approved.map((result) => result.unit.code);
}
