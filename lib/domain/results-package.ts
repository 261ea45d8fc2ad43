// The results package "par-index.results/1": the portal's outside contract
// (shared/domain/results-format.md). This file holds the shape of the JSON, as zod schemas, and the
// normalized, typed form the importer hands to the rest of the core. Business rules (maxima, sums,
// references, completeness) live in lib/results-package/parse-results-package.ts, because they
// need the whole package at once and exact decimals.
//
// Reading is lenient where the meaning stays unambiguous (optional fields may be null, points may be
// decimal strings, unknown fields are ignored because the format grows by adding fields); writing
// is strict (see lib/results-package/write-results-package.ts).
import type Decimal from "decimal.js";
import { z } from "zod";

export const RESULTS_PACKAGE_FORMAT = "par-index.results/1";

export const CRITERION_METHODS = ["appraisal", "survey"] as const;
export type CriterionMethod = (typeof CRITERION_METHODS)[number];

export const TIE_BREAKERS = ["appraisalPoints", "surveyPoints"] as const;
export type TieBreaker = (typeof TIE_BREAKERS)[number];

// Error messages below are keys, not prose: the importer translates them into Vietnamese and
// English (lib/results-package/validation-error.ts), which a single zod message string cannot carry.
export const SCHEMA_MESSAGE_KEYS = {
  emptyText: "empty_text",
  expectedCode: "expected_code_string",
  expectedDecimal: "expected_decimal",
  expectedIsoDate: "expected_iso_date",
  invalidCalendarDate: "invalid_calendar_date",
} as const;

/** Free text (names, labels). NFC so that the same Vietnamese name typed on two machines is equal. */
export const textSchema = z
  .string()
  .normalize("NFC")
  .trim()
  .min(1, { error: SCHEMA_MESSAGE_KEYS.emptyText });

/**
 * A code identifying something across packages. Numbers are refused on purpose: a criterion code
 * "1.10" written as the number 1.10 would silently become "1.1".
 */
export const codeSchema = z
  .string({ error: SCHEMA_MESSAGE_KEYS.expectedCode })
  .normalize("NFC")
  .trim()
  .min(1, { error: SCHEMA_MESSAGE_KEYS.emptyText });

/** A point value or index as found in the file; turned into an exact decimal by the importer. */
export const decimalValueSchema = z.union([z.number(), z.string()], {
  error: SCHEMA_MESSAGE_KEYS.expectedDecimal,
});

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for "YYYY-MM-DD" naming a day that exists (no 2023-02-29). */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  // Day 0 of the next month is the last day of this one; UTC avoids time-zone shifts.
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

export const isoDateSchema = z.string().refine(isCalendarDate, {
  error: (issue) =>
    typeof issue.input === "string" && ISO_DATE.test(issue.input)
      ? SCHEMA_MESSAGE_KEYS.invalidCalendarDate
      : SCHEMA_MESSAGE_KEYS.expectedIsoDate,
});

export const decisionSchema = z.object({
  number: textSchema,
  date: isoDateSchema,
});

export const periodSchema = z.object({
  code: codeSchema,
  year: z.number().int().min(1900).max(2200),
  name: textSchema,
  authority: textSchema,
  previous: codeSchema.nullish(),
  decision: decisionSchema.nullish(),
});

const criterionFields = {
  code: codeSchema,
  name: textSchema,
  // Optional on parents (then the sum of the children); the importer requires it on leaves.
  maxPoints: decimalValueSchema.nullish(),
  // Optional: a node without a method inherits its parent's (the root default is "appraisal").
  method: z.enum(CRITERION_METHODS).nullish(),
};

/** One node checked on its own; the importer walks `children` itself to report every bad node. */
export const criterionNodeSchema = z.object({
  ...criterionFields,
  children: z.array(z.unknown()).nullish(),
});

export type CriterionJson = {
  code: string;
  name: string;
  maxPoints?: number | string | null | undefined;
  method?: CriterionMethod | null | undefined;
  children?: CriterionJson[] | null | undefined;
};

/** The criteria tree as a whole (for consumers that validate a package in one go). */
export const criterionSchema: z.ZodType<CriterionJson, CriterionJson> = z.object({
  ...criterionFields,
  get children() {
    return z.array(criterionSchema).nullish();
  },
});

export const criteriaSetHeaderSchema = z.object({
  code: codeSchema,
  name: textSchema,
  criteria: z.array(z.unknown()).min(1),
});

export const criteriaSetSchema = criteriaSetHeaderSchema.extend({
  criteria: z.array(criterionSchema).min(1),
});

export const groupSchema = z.object({
  code: codeSchema,
  name: textSchema,
});

export const bandSchema = z.object({
  label: textSchema,
  minIndex: decimalValueSchema,
});

export const tieBreakerSchema = z.enum(TIE_BREAKERS);

export const unitSchema = z.object({
  code: codeSchema,
  name: textSchema,
  group: codeSchema,
  predecessors: z.array(codeSchema).nullish(),
});

export const scoreSchema = z.object({
  unit: codeSchema,
  criterion: codeSchema,
  // May be left out (or null) only on a not-applicable row; the importer enforces that.
  points: decimalValueSchema.nullish(),
  selfPoints: decimalValueSchema.nullish(),
  reason: z.string().normalize("NFC").trim().nullish(),
  notApplicable: z.boolean().nullish(),
});

export const sipasElementSchema = z.object({
  code: codeSchema,
  index: decimalValueSchema,
});

export const sipasSchema = z.object({
  unit: codeSchema,
  index: decimalValueSchema,
  responses: z.number().int().min(0),
  elements: z.array(sipasElementSchema).nullish(),
});

/** The whole package's shape. Unknown fields are stripped, never an error. */
export const resultsPackageSchema = z.object({
  format: z.literal(RESULTS_PACKAGE_FORMAT),
  period: periodSchema,
  criteriaSet: criteriaSetSchema,
  groups: z.array(groupSchema),
  bands: z.array(bandSchema).nullish(),
  tieBreakers: z.array(tieBreakerSchema).nullish(),
  units: z.array(unitSchema),
  scores: z.array(scoreSchema),
  sipas: z.array(sipasSchema).nullish(),
});

/** The package as JSON accepts it (what a file may contain). */
export type ResultsPackageJson = z.input<typeof resultsPackageSchema>;

// ---------------------------------------------------------------------------------------------
// The normalized package: validated, codes resolved, decimals exact, optional parts made explicit.

export interface NormalizedPeriod {
  code: string;
  year: number;
  name: string;
  authority: string;
  previous: string | null;
  decision: { number: string; date: string /* YYYY-MM-DD */ } | null;
}

export interface NormalizedCriterion {
  code: string;
  parentCode: string | null;
  name: string;
  /** As given, or for a parent given without it, the sum of its children's. */
  maxPoints: Decimal;
  /** As given, or inherited from the parent. */
  method: CriterionMethod;
  /** 1 = field (lĩnh vực), 2 = criterion, 3 = sub-criterion, … */
  depth: number;
  /** 1-based position among its siblings. */
  order: number;
  isLeaf: boolean;
}

export interface NormalizedCriteriaSet {
  code: string;
  name: string;
  /** Flat, in tree order: every parent comes before its children. */
  criteria: NormalizedCriterion[];
}

export interface NormalizedGroup {
  code: string;
  name: string;
}

export interface NormalizedBand {
  label: string;
  minIndex: Decimal;
}

export interface NormalizedUnit {
  code: string;
  name: string;
  group: string;
  /** Codes of units merged into this one; they may belong to earlier packages only. */
  predecessors: string[];
}

export interface NormalizedScore {
  unit: string;
  criterion: string;
  /** Null only on a not-applicable row that gave no points. */
  points: Decimal | null;
  selfPoints: Decimal | null;
  reason: string | null;
  notApplicable: boolean;
  /** 1-based position in the package's scores[], for messages that name the row. */
  row: number;
}

export interface NormalizedSipasElement {
  code: string;
  index: Decimal;
}

export interface NormalizedSipas {
  unit: string;
  index: Decimal;
  responses: number;
  elements: NormalizedSipasElement[];
}

export interface NormalizedPackage {
  period: NormalizedPeriod;
  criteriaSet: NormalizedCriteriaSet;
  groups: NormalizedGroup[];
  /** Highest minIndex first, so the first band with minIndex ≤ index is the unit's band. */
  bands: NormalizedBand[];
  tieBreakers: TieBreaker[];
  units: NormalizedUnit[];
  scores: NormalizedScore[];
  sipas: NormalizedSipas[];
}
