import { z } from "zod";
import { bilingual, decimalTextSchema, existingCodeSchema, nameSchema, optionalTextSchema } from "@/lib/domain/setup-input";
import { SetupError } from "@/lib/domain/setup-error";

/**
 * The inputs of the SIPAS questionnaire's administration: one zod schema per form, shared by the
 * console's server actions, the demo seed and the tests. Messages are "Vietnamese / English".
 */

/** Home affairs' questionnaire administration refused (and the flagged-response review). */
export class SipasSurveyError extends SetupError<
  "invalid" | "not_found" | "exists" | "published" | "wrong_state" | "frozen" | "incomplete" | "stale" | "no_previous"
> {}

/** The code the portal gives the one survey of a period (lib/data/sipas-questionnaire.ts reads it). */
export const SIPAS_SURVEY_CODE = "sipas";

const periodCode = existingCodeSchema;

/**
 * An element or question code: it names a column of the import file and a figure of the
 * results, so letters without diacritics and digits, joined by hyphens, dots or underscores.
 */
export const sipasCodeSchema = z
  .string({ error: bilingual("Cần nhập mã", "A code is required") })
  .trim()
  .min(1, { error: bilingual("Cần nhập mã", "A code is required") })
  .max(40, { error: bilingual("Mã dài tối đa 40 ký tự", "A code has at most 40 characters") })
  .regex(/^[A-Za-z0-9]+([-_.][A-Za-z0-9]+)*$/, {
    error: bilingual(
      "Mã chỉ gồm chữ không dấu và chữ số, nối bằng dấu gạch ngang, dấu chấm hoặc gạch dưới, không có khoảng trắng (ví dụ access-1)",
      "A code uses letters without diacritics and digits joined by hyphens, dots or underscores, no spaces (e.g. access-1)",
    ),
  });

/** A whole number typed in a form ("5") or given by code (5), within bounds. */
function wholeNumber(label: { vi: string; en: string }, min: number, max: number) {
  return z.union([z.string(), z.number()]).transform((raw, ctx) => {
    const text = String(raw).trim();
    if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
      ctx.addIssue({
        code: "custom",
        message: bilingual(`${label.vi}: cần một số nguyên từ ${min} đến ${max}`, `${label.en}: a whole number from ${min} to ${max} is required`),
      });
      return z.NEVER;
    }
    return Number(text);
  });
}

/** A moment from a form: empty means none. */
const optionalMoment = z
  .union([z.date(), z.string(), z.null()])
  .optional()
  .transform((raw, ctx) => {
    if (raw === undefined) return undefined;
    if (raw === null || raw === "") return null;
    const date = raw instanceof Date ? raw : new Date(raw);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: "custom", message: bilingual("Thời điểm không hợp lệ", "Invalid date and time") });
      return z.NEVER;
    }
    return date;
  });

export const createSipasSurveyInput = z.object({
  periodCode,
  /** The default questionnaire, or a copy of the previous period's survey. */
  from: z.enum(["default", "previous"], { error: bilingual("Chọn nguồn bảng hỏi", "Choose where the questionnaire comes from") }),
  opensAt: optionalMoment,
  closesAt: optionalMoment,
});
export type CreateSipasSurveyInput = z.input<typeof createSipasSurveyInput>;

export const SCALE_POINTS_MAX = 11;

export const updateSipasSurveyInput = z
  .object({
    periodCode,
    name: nameSchema(300),
    scaleMin: wholeNumber({ vi: "Điểm thấp nhất của thang", en: "Lowest point of the scale" }, 0, 10),
    scaleMax: wholeNumber({ vi: "Điểm cao nhất của thang", en: "Highest point of the scale" }, 1, 20),
    scaleLabels: z.array(nameSchema(100)),
    satisfiedFrom: wholeNumber({ vi: "Mức tính là hài lòng", en: "Satisfied from" }, 0, 20),
    indexMethod: z.enum(["share_satisfied", "mean_scaled"], { error: bilingual("Chọn cách tính chỉ số", "Choose how the index is computed") }),
    smallSampleThreshold: wholeNumber({ vi: "Ngưỡng mẫu nhỏ", en: "Small-sample threshold" }, 1, 100_000),
    opensAt: optionalMoment,
    closesAt: optionalMoment,
  })
  .superRefine((survey, ctx) => {
    const points = survey.scaleMax - survey.scaleMin + 1;
    if (survey.scaleMax <= survey.scaleMin || points > SCALE_POINTS_MAX) {
      ctx.addIssue({
        code: "custom",
        path: ["scaleMax"],
        message: bilingual(
          `Thang đo cần từ 2 đến ${SCALE_POINTS_MAX} mức, điểm cao nhất lớn hơn điểm thấp nhất`,
          `The scale needs 2 to ${SCALE_POINTS_MAX} points, its highest above its lowest`,
        ),
      });
      return;
    }
    if (survey.scaleLabels.length !== points) {
      ctx.addIssue({
        code: "custom",
        path: ["scaleLabels"],
        message: bilingual(
          `Cần đúng ${points} nhãn, mỗi dòng một nhãn từ thấp đến cao (đang có ${survey.scaleLabels.length})`,
          `Exactly ${points} labels are needed, one per line from lowest to highest (${survey.scaleLabels.length} given)`,
        ),
      });
    }
    if (survey.satisfiedFrom <= survey.scaleMin || survey.satisfiedFrom > survey.scaleMax) {
      ctx.addIssue({
        code: "custom",
        path: ["satisfiedFrom"],
        message: bilingual(
          `Mức tính là hài lòng phải lớn hơn ${survey.scaleMin} và không quá ${survey.scaleMax}`,
          `"Satisfied from" must be above ${survey.scaleMin} and at most ${survey.scaleMax}`,
        ),
      });
    }
    if (survey.opensAt && survey.closesAt && survey.closesAt.getTime() <= survey.opensAt.getTime()) {
      ctx.addIssue({
        code: "custom",
        path: ["closesAt"],
        message: bilingual("Ngày đóng khảo sát phải sau ngày mở", "The survey must close after it opens"),
      });
    }
  });
export type UpdateSipasSurveyInput = z.input<typeof updateSipasSurveyInput>;

const elementFields = {
  code: sipasCodeSchema,
  name: nameSchema(300),
  nameEn: optionalTextSchema(300),
  weight: decimalTextSchema({ vi: "Trọng số", en: "Weight" }, { max: 1000, positive: true }),
};

const direction = z.enum(["up", "down"]);

/** One change to the questionnaire's elements: add, edit, delete or move one place. */
export const editSipasElementInput = z.discriminatedUnion("op", [
  z.object({ op: z.literal("add"), periodCode, ...elementFields }),
  z.object({ op: z.literal("update"), periodCode, elementCode: sipasCodeSchema, ...elementFields }),
  z.object({ op: z.literal("delete"), periodCode, elementCode: sipasCodeSchema }),
  z.object({ op: z.literal("move"), periodCode, elementCode: sipasCodeSchema, direction }),
]);
export type EditSipasElementInput = z.input<typeof editSipasElementInput>;

const questionFields = {
  code: sipasCodeSchema,
  text: nameSchema(1000),
  textEn: optionalTextSchema(1000),
  required: z.boolean(),
};

/** One change to the questions: add to an element, edit, delete or move one place within its element. */
export const editSipasQuestionInput = z.discriminatedUnion("op", [
  z.object({ op: z.literal("add"), periodCode, elementCode: sipasCodeSchema, ...questionFields }),
  z.object({ op: z.literal("update"), periodCode, questionCode: sipasCodeSchema, ...questionFields }),
  z.object({ op: z.literal("delete"), periodCode, questionCode: sipasCodeSchema }),
  z.object({ op: z.literal("move"), periodCode, questionCode: sipasCodeSchema, direction }),
]);
export type EditSipasQuestionInput = z.input<typeof editSipasQuestionInput>;

export const SIPAS_SURVEY_STATUSES = ["draft", "open", "closed"] as const;
export type SipasSurveyStatusName = (typeof SIPAS_SURVEY_STATUSES)[number];

/** draft → open → closed, and closed → open again while the period is not published. */
export const SIPAS_SURVEY_MOVES: readonly { from: SipasSurveyStatusName; to: SipasSurveyStatusName }[] = [
  { from: "draft", to: "open" },
  { from: "open", to: "closed" },
  { from: "closed", to: "open" },
];

export const transitionSipasSurveyInput = z.object({
  periodCode,
  to: z.enum(SIPAS_SURVEY_STATUSES),
  /** The state the admin's page showed: a colleague's move meanwhile is not repeated. */
  expectedStatus: z.enum(SIPAS_SURVEY_STATUSES),
});
export type TransitionSipasSurveyInput = z.input<typeof transitionSipasSurveyInput>;

/** Accept (counts) or reject (never counts) one or more flagged responses. */
export const reviewFlaggedSipasResponsesInput = z.object({
  periodCode,
  decision: z.enum(["accept", "reject"]),
  responseIds: z
    .array(z.string().trim().min(1).max(100))
    .min(1, { error: bilingual("Chọn ít nhất một phiếu", "Choose at least one response") })
    .max(500, { error: bilingual("Tối đa 500 phiếu một lần", "At most 500 responses at once") })
    .transform((ids) => [...new Set(ids)]),
});
export type ReviewFlaggedSipasResponsesInput = z.input<typeof reviewFlaggedSipasResponsesInput>;
