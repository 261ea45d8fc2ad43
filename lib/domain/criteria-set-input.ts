import { z } from "zod";
import { scoringRuleSchema } from "@/lib/scoring/scoring-rule";
import {
  bilingual,
  criterionCodeSchema,
  decimalTextSchema,
  existingCodeSchema,
  nameSchema,
  newCodeSchema,
  optionalTextSchema,
} from "@/lib/domain/setup-input";

/** Inputs of the criteria set editor (one schema per action, shared by the page and its action). */

const maxPoints = decimalTextSchema({ vi: "Điểm tối đa", en: "Max points" }, { max: 100, positive: true });

const method = z.enum(["appraisal", "survey"], {
  error: bilingual("Cách chấm là thẩm định (appraisal) hoặc điều tra xã hội học (survey)", "The method is appraisal or survey"),
});

/**
 * A scoring rule as it will be stored (the JSON the admin wrote, numbers as they were typed):
 * checked against the rule schema, kept unparsed so decimals never pass through a float.
 */
const scoringRule = z.unknown().superRefine((value, ctx) => {
  if (value === null || value === undefined) return;
  const parsed = scoringRuleSchema.safeParse(value);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join(".") || "rule"}: ${issue.message}`).join("; ");
    ctx.addIssue({ code: "custom", message: bilingual(`Quy tắc chấm điểm không hợp lệ (${detail})`, `Invalid scoring rule (${detail})`) });
  }
});

/** What `sipasInput` stores for the unit's overall SIPAS index (any other value is an element's code). */
export const SIPAS_OVERALL_INDEX = "index";

/**
 * Where a survey leaf's points come from: null (typed by the council), "index" (the overall SIPAS
 * index) or a SIPAS element's code as the questionnaire writes it (lower-case letters, digits,
 * dashes). An empty field means none. The element need not exist yet: next year's questionnaire
 * may be written after the set, and a code the approved figures lack is reported then.
 */
export const sipasInputSchema = z.preprocess(
  (value) => (typeof value === "string" ? value.trim() || null : value),
  z
    .string({ error: bilingual("Nguồn điểm SIPAS phải là một mã", "The SIPAS source must be a code") })
    .max(40, { error: bilingual("Mã yếu tố SIPAS dài tối đa 40 ký tự", "A SIPAS element code has at most 40 characters") })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
      error: bilingual(
        "Mã yếu tố SIPAS chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang (ví dụ procedures, civil-servants)",
        "A SIPAS element code has lower-case letters, digits and dashes only (e.g. procedures, civil-servants)",
      ),
    })
    .nullable(),
);

/** Refusal of a SIPAS source on a leaf the council appraises: only survey leaves take SIPAS points. */
export const SIPAS_ONLY_ON_SURVEY = bilingual(
  "Chỉ tiêu chí chấm bằng điều tra xã hội học mới lấy điểm từ SIPAS",
  "Only survey-scored criteria can take their points from SIPAS",
);

export const createCriteriaSetVersionInput = z.object({
  fromCode: existingCodeSchema,
  newCode: newCodeSchema,
  name: nameSchema(),
});
export type CreateCriteriaSetVersionInput = z.input<typeof createCriteriaSetVersionInput>;

export const addCriterionInput = z.object({
  setCode: existingCodeSchema,
  /** None for a field (level 1). */
  parentCode: criterionCodeSchema.nullish(),
  code: criterionCodeSchema,
  name: nameSchema(1000),
  nameEn: optionalTextSchema(1000),
  description: optionalTextSchema(4000),
  maxPoints,
  method: method.default("appraisal"),
  scoringRule: scoringRule.optional(),
  sipasInput: sipasInputSchema.optional(),
  /** Place among its siblings, 0 = first; at the end when not given. */
  position: z.number({ error: bilingual("Vị trí là số nguyên từ 0", "The position is a whole number from 0") }).int().min(0).optional(),
}).refine((input) => !input.sipasInput || input.method === "survey", { error: SIPAS_ONLY_ON_SURVEY, path: ["sipasInput"] });
export type AddCriterionInput = z.input<typeof addCriterionInput>;

export const updateCriterionInput = z.object({
  setCode: existingCodeSchema,
  code: criterionCodeSchema,
  newCode: criterionCodeSchema.optional(),
  name: nameSchema(1000).optional(),
  nameEn: optionalTextSchema(1000),
  description: optionalTextSchema(4000),
  maxPoints: maxPoints.optional(),
  method: method.optional(),
  /** null removes the rule; undefined keeps it. */
  scoringRule: scoringRule.optional(),
  /** null unties the leaf from SIPAS; undefined keeps what it has. Checked against the method by the service. */
  sipasInput: sipasInputSchema.optional(),
});
export type UpdateCriterionInput = z.input<typeof updateCriterionInput>;

export const moveCriterionInput = z
  .object({
    setCode: existingCodeSchema,
    code: criterionCodeSchema,
    direction: z.enum(["up", "down"]).optional(),
    /** New place among its siblings, 0 = first (beyond the last means last). */
    toIndex: z.number({ error: bilingual("Vị trí là số nguyên từ 0", "The position is a whole number from 0") }).int().min(0).optional(),
  })
  .refine((input) => (input.direction === undefined) !== (input.toIndex === undefined), {
    error: bilingual("Chọn lên/xuống hoặc vị trí mới, không chọn cả hai", "Give either up/down or a new position, not both"),
  });
export type MoveCriterionInput = z.input<typeof moveCriterionInput>;

export const deleteCriterionInput = z.object({ setCode: existingCodeSchema, code: criterionCodeSchema });
export type DeleteCriterionInput = z.input<typeof deleteCriterionInput>;

export const mapCriteriaInput = z
  .object({
    fromSetCode: existingCodeSchema,
    toSetCode: existingCodeSchema,
    pairs: z
      .array(z.object({ from: criterionCodeSchema, to: criterionCodeSchema, remove: z.boolean().default(false) }))
      .min(1, { error: bilingual("Chưa có cặp tiêu chí nào", "No pair of criteria given") }),
  })
  .refine((input) => input.fromSetCode !== input.toSetCode, {
    error: bilingual("Hai bộ chỉ số phải khác nhau", "The two criteria sets must differ"),
    path: ["toSetCode"],
  });
export type MapCriteriaInput = z.input<typeof mapCriteriaInput>;
