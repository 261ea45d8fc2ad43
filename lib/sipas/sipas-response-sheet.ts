/**
 * The sheet of SIPAS responses collected on paper or by a survey contractor: one row per filled-in
 * form, the same columns in CSV and XLSX. Reading happens in two steps so that the database is
 * asked only once for what the file names: `readSipasSheet` checks every cell on its own (columns,
 * dates, answers on the scale, lengths), then `checkSipasRowsAgainstSurvey` checks the rows against
 * the survey (units of the period, form numbers already imported, duplicates in the file, dates in
 * the period). Problems carry a code and their values, never text: lib/i18n/sipas-import-messages.ts
 * words them in Vietnamese and English.
 */
import { foldDiacritics } from "@/lib/domain/fold-diacritics";
import { checkSipasAnswers, sipasQuestions, type SipasAnswerProblem, type SipasQuestionnaire } from "@/lib/sipas/questionnaire";

export const SIPAS_SHEET_COLUMNS = {
  unit: "Mã đơn vị",
  formNumber: "Số phiếu",
  date: "Ngày",
  dossier: "Mã hồ sơ",
  comment: "Ý kiến",
} as const;

export type SipasSheetFixedColumn = keyof typeof SIPAS_SHEET_COLUMNS;

/** Columns a file may leave out (every row then has none). */
const OPTIONAL_FIXED: readonly SipasSheetFixedColumn[] = ["dossier", "comment"];

export const SIPAS_COMMENT_MAX_CHARS = 2_000;
export const SIPAS_FORM_NUMBER_MAX_CHARS = 100;
export const SIPAS_DOSSIER_MAX_CHARS = 100;
export const SIPAS_UNIT_CODE_MAX_CHARS = 100;
/** More rows than a province's whole year of paper forms: a bigger file is a mistake, not data. */
export const SIPAS_SHEET_MAX_ROWS = 50_000;

/** A cell as a reader hands it over: text already trimmed, a date cell as yyyy-mm-dd; null when empty. */
export type SipasSheetCell = string | null;

/** What a CSV or XLSX reader produces: the header's row number, its cells, and each later non-empty row. */
export type SipasSheetTable = {
  headerRow: number;
  header: SipasSheetCell[];
  rows: { row: number; cells: SipasSheetCell[] }[];
};

/** One form, ready to be stored. */
export type SipasSheetRow = {
  /** Its row in the file (the header is counted), for messages. */
  row: number;
  unitCode: string;
  externalRef: string;
  /** yyyy-mm-dd. */
  submittedOn: string;
  dossierCode: string | null;
  comment: string | null;
  /** Question code → value on the scale; optional questions left blank are absent. */
  answers: Record<string, number>;
};

export type SipasSheetProblem =
  | { kind: "no_header" }
  | { kind: "no_rows" }
  | { kind: "too_many_rows"; max: number; found: number }
  | { kind: "missing_column"; column: string }
  | { kind: "unknown_column"; column: string; position: number }
  | { kind: "duplicate_column"; column: string }
  | { kind: "unnamed_column"; row: number; position: number }
  | { kind: "required"; row: number; column: string }
  | { kind: "too_long"; row: number; column: string; max: number; length: number }
  | { kind: "bad_date"; row: number; column: string; value: string }
  | { kind: "date_outside"; row: number; column: string; value: string; from: string; to: string }
  | { kind: "answer_missing"; row: number; column: string }
  | { kind: "unknown_question"; row: number; column: string }
  | { kind: "answer_out_of_scale"; row: number; column: string; value: string; min: number; max: number }
  | { kind: "unknown_unit"; row: number; column: string; value: string }
  | { kind: "unit_not_in_period"; row: number; column: string; value: string }
  | { kind: "unit_approved"; row: number; column: string; value: string }
  | { kind: "duplicate_in_file"; row: number; column: string; value: string; firstRow: number }
  | { kind: "already_imported"; row: number; column: string; value: string };

export type ReadSipasSheetResult = {
  /** Rows whose every cell was readable; checkSipasRowsAgainstSurvey still has to pass them. */
  rows: SipasSheetRow[];
  /** Form numbers of the rows that were refused, so a duplicate of one is still caught. */
  refusedRefs: { row: number; externalRef: string }[];
  problems: SipasSheetProblem[];
};

/** The header a template carries and a file must have: fixed columns, then one per question in order. */
export function sipasSheetHeader(questionnaire: SipasQuestionnaire): string[] {
  const { unit, formNumber, date, dossier, comment } = SIPAS_SHEET_COLUMNS;
  return [unit, formNumber, date, dossier, ...sipasQuestions(questionnaire).map((question) => question.code), comment];
}

type ColumnMap = { fixed: Map<SipasSheetFixedColumn, number>; questions: Map<string, number> };

function mapColumns(questionnaire: SipasQuestionnaire, table: SipasSheetTable): { columns: ColumnMap; problems: SipasSheetProblem[] } {
  const problems: SipasSheetProblem[] = [];
  // Spreadsheet users retype headers: case, spaces and missing tone marks do not matter for the fixed ones.
  const fixedByFold = new Map<string, SipasSheetFixedColumn>(
    (Object.keys(SIPAS_SHEET_COLUMNS) as SipasSheetFixedColumn[]).map((key) => [foldDiacritics(SIPAS_SHEET_COLUMNS[key]), key]),
  );
  const codes = sipasQuestions(questionnaire).map((question) => question.code);
  const exact = new Set(codes);
  // A code retyped in another case ("b3" for "B3") is still that question, unless that would be ambiguous.
  const byLower = new Map<string, string | null>();
  for (const code of codes) byLower.set(code.toLowerCase(), byLower.has(code.toLowerCase()) ? null : code);

  const fixed = new Map<SipasSheetFixedColumn, number>();
  const questions = new Map<string, number>();
  table.header.forEach((cell, position) => {
    if (cell === null || cell === "") {
      const used = table.rows.find((row) => (row.cells[position] ?? null) !== null);
      if (used) problems.push({ kind: "unnamed_column", row: used.row, position });
      return;
    }
    const fixedKey = fixedByFold.get(foldDiacritics(cell));
    const code = exact.has(cell) ? cell : (byLower.get(cell.toLowerCase()) ?? undefined);
    if (fixedKey) {
      if (fixed.has(fixedKey)) problems.push({ kind: "duplicate_column", column: SIPAS_SHEET_COLUMNS[fixedKey] });
      else fixed.set(fixedKey, position);
    } else if (code) {
      if (questions.has(code)) problems.push({ kind: "duplicate_column", column: code });
      else questions.set(code, position);
    } else {
      problems.push({ kind: "unknown_column", column: cell, position });
    }
  });
  for (const key of Object.keys(SIPAS_SHEET_COLUMNS) as SipasSheetFixedColumn[]) {
    if (!fixed.has(key) && !OPTIONAL_FIXED.includes(key)) problems.push({ kind: "missing_column", column: SIPAS_SHEET_COLUMNS[key] });
  }
  for (const code of codes) if (!questions.has(code)) problems.push({ kind: "missing_column", column: code });
  return { columns: { fixed, questions }, problems };
}

/**
 * A date as people write it on a form or a contractor's file: dd/mm/yyyy (also d/m/yyyy, with "-"
 * or "." between) or ISO yyyy-mm-dd. Returns yyyy-mm-dd, or null when it is no real calendar day.
 */
export function parseSheetDate(text: string): string | null {
  const trimmed = text.trim();
  let day: number, month: number, year: number;
  const vietnamese = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(trimmed);
  if (vietnamese) [day, month, year] = [Number(vietnamese[1]), Number(vietnamese[2]), Number(vietnamese[3])];
  else if (iso) [year, month, day] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else return null;
  if (month < 1 || month > 12 || day < 1) return null;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  if (day > days) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * Checks the header and every cell of every row on its own. A row with any problem is left out of
 * `rows` (its form number kept in `refusedRefs`); every problem of every row is reported.
 */
export function readSipasSheet(questionnaire: SipasQuestionnaire, table: SipasSheetTable): ReadSipasSheetResult {
  const { columns, problems } = mapColumns(questionnaire, table);
  if (problems.length) return { rows: [], refusedRefs: [], problems };
  if (table.rows.length === 0) return { rows: [], refusedRefs: [], problems: [{ kind: "no_rows" }] };
  if (table.rows.length > SIPAS_SHEET_MAX_ROWS) {
    return { rows: [], refusedRefs: [], problems: [{ kind: "too_many_rows", max: SIPAS_SHEET_MAX_ROWS, found: table.rows.length }] };
  }

  const { min, max } = questionnaire.scale;
  const rows: SipasSheetRow[] = [];
  const refusedRefs: { row: number; externalRef: string }[] = [];
  for (const { row, cells } of table.rows) {
    const rowProblems: SipasSheetProblem[] = [];
    const cell = (key: SipasSheetFixedColumn): string | null => {
      const position = columns.fixed.get(key);
      return position === undefined ? null : (cells[position] ?? null);
    };
    const text = (key: SipasSheetFixedColumn, limit: number, required: boolean): string | null => {
      const value = cell(key);
      const column = SIPAS_SHEET_COLUMNS[key];
      if (value === null) {
        if (required) rowProblems.push({ kind: "required", row, column });
        return null;
      }
      if ([...value].length > limit) {
        rowProblems.push({ kind: "too_long", row, column, max: limit, length: [...value].length });
        return null;
      }
      return value;
    };

    const unitCode = text("unit", SIPAS_UNIT_CODE_MAX_CHARS, true);
    const externalRef = text("formNumber", SIPAS_FORM_NUMBER_MAX_CHARS, true);
    const dossierCode = text("dossier", SIPAS_DOSSIER_MAX_CHARS, false);
    const comment = text("comment", SIPAS_COMMENT_MAX_CHARS, false);
    const dateText = cell("date");
    let submittedOn: string | null = null;
    if (dateText === null) rowProblems.push({ kind: "required", row, column: SIPAS_SHEET_COLUMNS.date });
    else {
      submittedOn = parseSheetDate(dateText);
      if (!submittedOn) rowProblems.push({ kind: "bad_date", row, column: SIPAS_SHEET_COLUMNS.date, value: dateText.slice(0, 40) });
    }

    const given = new Map<string, string | null>();
    for (const [code, position] of columns.questions) given.set(code, cells[position] ?? null);
    const checked = checkSipasAnswers(questionnaire, given);
    if (!checked.ok) rowProblems.push(...checked.problems.map((problem) => answerProblem(problem, row, min, max)));

    problems.push(...rowProblems);
    if (rowProblems.length === 0 && checked.ok && unitCode && externalRef && submittedOn) {
      rows.push({ row, unitCode, externalRef, submittedOn, dossierCode, comment, answers: Object.fromEntries(checked.answers) });
    } else if (externalRef) {
      refusedRefs.push({ row, externalRef });
    }
  }
  return { rows, refusedRefs, problems };
}

function answerProblem(problem: SipasAnswerProblem, row: number, min: number, max: number): SipasSheetProblem {
  if (problem.problem === "out_of_scale") return { kind: "answer_out_of_scale", row, column: problem.questionCode, value: problem.value, min, max };
  if (problem.problem === "unknown_question") return { kind: "unknown_question", row, column: problem.questionCode };
  return { kind: "answer_missing", row, column: problem.questionCode };
}

export type SipasSurveyContext = {
  /** Unit codes of the period → unit id. */
  periodUnits: ReadonlyMap<string, string>;
  /** Codes of the file that name some unit of the portal (in the period or not). */
  knownUnitCodes: ReadonlySet<string>;
  /** Units whose SIPAS figures the council has approved: their responses are settled. */
  approvedUnitCodes: ReadonlySet<string>;
  /** Form numbers of the file that the survey already holds. */
  importedRefs: ReadonlySet<string>;
  /** The days a form of this survey may carry, yyyy-mm-dd, both included. */
  dateRange: { from: string; to: string };
};

/**
 * Checks rows against the survey: their units take part in the period (and their figures are not
 * approved yet), their form numbers are new to the survey and unique in the file, their days lie
 * within the survey's. Rows that `readSipasSheet` refused still count for duplicates, so a form
 * entered twice is reported even when one copy also has a wrong answer.
 */
export function checkSipasRowsAgainstSurvey(
  questionnaire: SipasQuestionnaire,
  rows: readonly SipasSheetRow[],
  context: SipasSurveyContext,
  refusedRefs: readonly { row: number; externalRef: string }[] = [],
): SipasSheetProblem[] {
  const problems: SipasSheetProblem[] = [];
  const { min, max } = questionnaire.scale;
  const firstRowOf = new Map<string, number>();
  const ordered = [...rows.map((row) => ({ row: row.row, externalRef: row.externalRef })), ...refusedRefs].sort((a, b) => a.row - b.row);
  const duplicateOf = new Map<number, number>();
  for (const { row, externalRef } of ordered) {
    const first = firstRowOf.get(externalRef);
    if (first === undefined) firstRowOf.set(externalRef, row);
    else duplicateOf.set(row, first);
  }
  for (const duplicate of refusedRefs) {
    const first = duplicateOf.get(duplicate.row);
    if (first !== undefined) problems.push({ kind: "duplicate_in_file", row: duplicate.row, column: SIPAS_SHEET_COLUMNS.formNumber, value: duplicate.externalRef, firstRow: first });
  }
  for (const row of rows) {
    const unitColumn = SIPAS_SHEET_COLUMNS.unit;
    if (!context.periodUnits.has(row.unitCode)) {
      const kind = context.knownUnitCodes.has(row.unitCode) ? "unit_not_in_period" : "unknown_unit";
      problems.push({ kind, row: row.row, column: unitColumn, value: row.unitCode });
    } else if (context.approvedUnitCodes.has(row.unitCode)) {
      problems.push({ kind: "unit_approved", row: row.row, column: unitColumn, value: row.unitCode });
    }
    const refColumn = SIPAS_SHEET_COLUMNS.formNumber;
    const first = duplicateOf.get(row.row);
    if (first !== undefined) problems.push({ kind: "duplicate_in_file", row: row.row, column: refColumn, value: row.externalRef, firstRow: first });
    else if (context.importedRefs.has(row.externalRef)) problems.push({ kind: "already_imported", row: row.row, column: refColumn, value: row.externalRef });
    const { from, to } = context.dateRange;
    if (row.submittedOn < from || row.submittedOn > to) {
      problems.push({ kind: "date_outside", row: row.row, column: SIPAS_SHEET_COLUMNS.date, value: row.submittedOn, from, to });
    }
    // Rows may come from elsewhere than readSipasSheet (the demo generator): their answers are checked the same way.
    const checked = checkSipasAnswers(questionnaire, row.answers);
    if (!checked.ok) problems.push(...checked.problems.map((problem) => answerProblem(problem, row.row, min, max)));
  }
  return problems.sort((a, b) => problemRow(a) - problemRow(b));
}

export function problemRow(problem: SipasSheetProblem): number {
  return "row" in problem ? problem.row : 0;
}

/**
 * The days a response of a period's survey may carry: from 1 January of the period's year to the
 * end of the next year (forms of year N are often collected into early N+1), and never after today.
 */
export function sipasDateRange(year: number, today: string): { from: string; to: string } {
  const end = `${year + 1}-12-31`;
  return { from: `${year}-01-01`, to: today < end ? today : end };
}
