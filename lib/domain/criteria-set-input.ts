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
  /** Place among its siblings, 0 = first; at the end when not given. */
  position: z.number({ error: bilingual("Vị trí là số nguyên từ 0", "The position is a whole number from 0") }).int().min(0).optional(),
});
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
