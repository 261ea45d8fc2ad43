import { z } from "zod";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";
import { UseCaseError } from "@/lib/domain/use-case-error";
import { vietnamDay } from "@/lib/domain/vietnam-day";
import { readSipasResponseFile, SIPAS_IMPORT_MAX_BYTES } from "@/lib/domain/sipas-response-file";
import {
  checkSipasRowsAgainstSurvey,
  problemRow,
  readSipasSheet,
  sipasDateRange,
  type SipasSheetProblem,
  type SipasSheetRow,
} from "@/lib/sipas/sipas-response-sheet";
import { describeSipasFileProblem, describeSipasSheetProblem, SIPAS_IMPORT_SOURCES } from "@/lib/i18n/sipas-import-messages";
import { loadSipasSurvey, type SipasSurveyRecord } from "@/lib/data/sipas-questionnaire";
import { insertSipasResponses, loadSipasImportLookup, lockSipasSurveyForImport } from "@/lib/data/insert-sipas-responses";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";

export type SipasImportErrorCode = "invalid" | "not_found" | "draft" | "published" | "too_large" | "invalid_file" | "invalid_rows";

/** Per-row problems travel with the error so the page can list them; `key` names the row. */
export class SipasImportError extends UseCaseError<SipasImportErrorCode> {
  constructor(
    code: SipasImportErrorCode,
    vi: string,
    en: string,
    readonly problems: { key: string | null; code: string; vi: string; en: string }[] = [],
  ) {
    super(code, vi, en);
  }
}

/** More would drown the page; the count of the rest is said instead. */
export const SIPAS_IMPORT_PROBLEMS_SHOWN = 200;

const importInput = z.object({
  periodCode: z.string().trim().min(1).max(100),
  source: z.enum(SIPAS_IMPORT_SOURCES),
  fileName: z.string().max(255).optional(),
});

export type ImportSipasResponsesResult = {
  responses: number;
  answers: number;
  units: { unitCode: string; responses: number }[];
};

type ImportInput = { periodCode: string; source: "paper" | "import"; fileName?: string };

/**
 * Home affairs imports a file of responses collected on paper or by a survey contractor. Every
 * row is checked and every problem reported with its row and column; unless all rows are valid,
 * nothing is stored. The responses go in as accepted (they were collected under supervision, not
 * through the open form), in one transaction with one audit row carrying the counts.
 */
export async function importSipasResponses(
  actor: Actor,
  input: ImportInput & { file: Blob | Uint8Array },
  options: { now?: Date } = {},
): Promise<ImportSipasResponsesResult> {
  const command = parseInput(input);
  assertCan(actor, "sipas.edit");
  const survey = await findSurvey(command.periodCode);
  const size = input.file instanceof Blob ? input.file.size : input.file.byteLength;
  if (size > SIPAS_IMPORT_MAX_BYTES) {
    const text = describeSipasFileProblem({ kind: "too_large", max: SIPAS_IMPORT_MAX_BYTES });
    throw new SipasImportError("too_large", text.vi, text.en);
  }
  const bytes = input.file instanceof Blob ? new Uint8Array(await input.file.arrayBuffer()) : input.file;
  const file = await readSipasResponseFile(bytes);
  if (!file.ok) {
    const text = describeSipasFileProblem(file.problem);
    throw new SipasImportError("invalid_file", text.vi, text.en);
  }
  const read = readSipasSheet(survey.questionnaire, file.table);
  // A broken header makes every row wrong the same way: say that once.
  if (read.rows.length === 0 && read.refusedRefs.length === 0) throw rowsError(read.problems);
  return store(actor, command, survey, read.rows, read.problems, read.refusedRefs, options.now ?? new Date());
}

/**
 * Rows already in the sheet's shape (the demo's generated paper forms) through the same checks and
 * the same transaction as a file.
 */
export async function importSipasRows(
  actor: Actor,
  input: ImportInput & { rows: readonly SipasSheetRow[] },
  options: { now?: Date } = {},
): Promise<ImportSipasResponsesResult> {
  const command = parseInput(input);
  assertCan(actor, "sipas.edit");
  const survey = await findSurvey(command.periodCode);
  if (!input.rows.length) throw rowsError([{ kind: "no_rows" }]);
  return store(actor, command, survey, input.rows, [], [], options.now ?? new Date());
}

function parseInput(input: ImportInput): z.infer<typeof importInput> {
  const parsed = importInput.safeParse({ periodCode: input.periodCode, source: input.source, fileName: input.fileName });
  if (!parsed.success) {
    throw new SipasImportError(
      "invalid",
      'Thiếu kỳ đánh giá, hoặc nguồn phiếu không phải "Phiếu giấy" hay "Đơn vị khảo sát độc lập".',
      'The period is missing, or the source is neither "paper forms" nor "independent survey contractor".',
    );
  }
  return parsed.data;
}

async function findSurvey(periodCode: string): Promise<SipasSurveyRecord> {
  const survey = await loadSipasSurvey(periodCode);
  if (!survey) {
    throw new SipasImportError("not_found", `Kỳ "${periodCode}" chưa có phiếu khảo sát SIPAS.`, `Period "${periodCode}" has no SIPAS questionnaire.`);
  }
  return survey;
}

async function store(
  actor: Actor,
  command: z.infer<typeof importInput>,
  survey: SipasSurveyRecord,
  rows: readonly SipasSheetRow[],
  readProblems: readonly SipasSheetProblem[],
  refusedRefs: readonly { row: number; externalRef: string }[],
  now: Date,
): Promise<ImportSipasResponsesResult> {
  return inTransaction(async (tx) => {
    const locked = await lockSipasSurveyForImport(tx, survey.id);
    if (!locked) throw new SipasImportError("not_found", "Phiếu khảo sát không còn tồn tại.", "The questionnaire no longer exists.");
    if (locked.period.status === "published") {
      throw new SipasImportError("published", "Kết quả kỳ này đã công bố: không nhập thêm phiếu được.", "This period's results are published: no more forms can be imported.");
    }
    if (locked.status === "draft") {
      throw new SipasImportError(
        "draft",
        "Khảo sát đang ở trạng thái nháp: hãy mở khảo sát trước khi nhập phiếu.",
        "The survey is still a draft: open it before importing forms.",
      );
    }
    const lookup = await loadSipasImportLookup(tx, {
      surveyId: survey.id,
      periodId: locked.period.id,
      unitCodes: rows.map((row) => row.unitCode),
      externalRefs: [...rows.map((row) => row.externalRef), ...refusedRefs.map((row) => row.externalRef)],
    });
    const problems = [
      ...readProblems,
      ...checkSipasRowsAgainstSurvey(
        survey.questionnaire,
        rows,
        { ...lookup, dateRange: sipasDateRange(locked.period.year, vietnamDay(now)) },
        refusedRefs,
      ),
    ];
    if (problems.length) throw rowsError(problems);

    const inserted = await insertSipasResponses(tx, {
      surveyId: survey.id,
      source: command.source,
      submittedAt: now,
      responses: rows.map((row) => ({
        unitId: lookup.periodUnits.get(row.unitCode)!,
        externalRef: row.externalRef,
        submittedOn: row.submittedOn,
        dossierCode: row.dossierCode,
        comment: row.comment,
        answers: Object.entries(row.answers).map(([code, value]) => [lookup.questionIds.get(code)!, value] as [string, number]),
      })),
    });
    const perUnit = new Map<string, number>();
    for (const row of rows) perUnit.set(row.unitCode, (perUnit.get(row.unitCode) ?? 0) + 1);
    const units = [...perUnit].map(([unitCode, responses]) => ({ unitCode, responses })).sort((a, b) => a.unitCode.localeCompare(b.unitCode));
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "sipas.import",
      entityType: "SipasSurvey",
      entityId: survey.id,
      periodId: locked.period.id,
      after: {
        source: command.source,
        fileName: command.fileName ?? null,
        responses: inserted.responses,
        answers: inserted.answers,
        units: Object.fromEntries(units.map((unit) => [unit.unitCode, unit.responses])),
        ...("system" in actor ? { command: actor.system } : {}),
      },
    });
    return { ...inserted, units };
  });
}

function rowsError(problems: readonly SipasSheetProblem[]): SipasImportError {
  const sorted = [...problems].sort((a, b) => problemRow(a) - problemRow(b));
  const shown: { key: string | null; code: string; vi: string; en: string }[] = sorted.slice(0, SIPAS_IMPORT_PROBLEMS_SHOWN).map((problem) => ({
    key: "row" in problem ? String(problem.row) : null,
    code: problem.kind,
    ...describeSipasSheetProblem(problem),
  }));
  const rest = sorted.length - shown.length;
  if (rest > 0) {
    shown.push({ key: null, code: "more", vi: `… và ${rest.toLocaleString("vi-VN")} lỗi khác.`, en: `… and ${rest.toLocaleString("en-GB")} more problems.` });
  }
  const count = sorted.length;
  const [first] = shown;
  return new SipasImportError(
    "invalid_rows",
    count === 1 ? `${first!.vi} Không phiếu nào được nhập.` : `Tệp có ${count.toLocaleString("vi-VN")} lỗi; không phiếu nào được nhập.`,
    count === 1 ? `${first!.en} No form was imported.` : `The file has ${count.toLocaleString("en-GB")} problems; no form was imported.`,
    shown,
  );
}
