import { z } from "zod";
import { TIE_BREAKERS } from "@/lib/domain/results-package";
import {
  bilingual,
  decimalTextSchema,
  existingCodeSchema,
  momentSchema,
  nameSchema,
  newCodeSchema,
  optionalTextSchema,
} from "@/lib/domain/setup-input";

/** Inputs of a period's set-up by home affairs (one schema per action). */

const year = z
  .number({ error: bilingual("Năm là một số nguyên", "The year is a whole number") })
  .int({ error: bilingual("Năm là một số nguyên", "The year is a whole number") })
  .min(2000, { error: bilingual("Năm từ 2000 đến 2100", "The year is from 2000 to 2100") })
  .max(2100, { error: bilingual("Năm từ 2000 đến 2100", "The year is from 2000 to 2100") });

const tieBreakers = z
  .array(z.enum(TIE_BREAKERS, { error: bilingual("Tiêu chí phụ không hợp lệ", "Unknown tie-breaker") }))
  .refine((list) => new Set(list).size === list.length, {
    error: bilingual("Mỗi tiêu chí phụ chỉ được chọn một lần", "Each tie-breaker may be listed once"),
  });

export const clonePeriodInput = z.object({
  fromPeriodCode: existingCodeSchema,
  code: newCodeSchema,
  year,
  name: nameSchema(),
  /** Another criteria set (a new version, say); the source period's when not given. */
  criteriaSetCode: existingCodeSchema.nullish(),
});
export type ClonePeriodInput = z.input<typeof clonePeriodInput>;

export const updatePeriodSettingsInput = z.object({
  periodCode: existingCodeSchema,
  name: nameSchema().optional(),
  /** null clears a date; undefined keeps it. */
  selfAssessmentOpensAt: momentSchema.optional(),
  selfAssessmentDeadline: momentSchema.optional(),
  appraisalDeadline: momentSchema.optional(),
  tieBreakers: tieBreakers.optional(),
  publishSelfPoints: z.boolean().optional(),
  /** Only while the period is a draft: nobody has scored on the old set yet. */
  criteriaSetCode: existingCodeSchema.optional(),
  /** The period's updatedAt as the form read it: a save over someone else's change is refused. */
  expectedUpdatedAt: z.coerce.date({ error: bilingual("Thiếu thời điểm đọc biểu mẫu", "The form's read time is missing") }),
});
export type UpdatePeriodSettingsInput = z.input<typeof updatePeriodSettingsInput>;

/** Two bands differ in label whatever the case: "Tốt" and "tốt" would read as one band. */
function labelKey(label: string): string {
  return label.normalize("NFC").toLocaleLowerCase("vi");
}

export const bandInput = z.object({
  label: nameSchema(100),
  labelEn: optionalTextSchema(100),
  minIndex: decimalTextSchema({ vi: "Chỉ số tối thiểu", en: "Minimum index" }, { max: 100 }),
  /** A display token ("green", "band-1") or a colour "#1a7f37"; always shown with the label. */
  color: z
    .string()
    .trim()
    .regex(/^(#[0-9a-fA-F]{6}|[a-z][a-z0-9-]{0,29})$/, {
      error: bilingual("Màu là mã dạng #1a7f37 hoặc tên như green", "A colour is #1a7f37 or a token such as green"),
    })
    .nullish(),
  /** What the band means for the assessment of the unit head, e.g. "Hoàn thành xuất sắc nhiệm vụ". */
  headAssessment: optionalTextSchema(300),
});

export const setPeriodBandsInput = z.object({
  periodCode: existingCodeSchema,
  bands: z.array(bandInput).max(20, { error: bilingual("Tối đa 20 mức xếp loại", "At most 20 bands") }).superRefine((bands, ctx) => {
    const labels = new Map<string, number>();
    const thresholds = new Map<string, number>();
    bands.forEach((band, position) => {
      const key = labelKey(band.label);
      const first = labels.get(key);
      if (first !== undefined) {
        ctx.addIssue({
          code: "custom",
          path: [position, "label"],
          message: bilingual(`Mức xếp loại "${band.label}" bị trùng với mức thứ ${first + 1}`, `Band "${band.label}" repeats band ${first + 1}`),
        });
      } else labels.set(key, position);
      const sameMin = thresholds.get(band.minIndex);
      if (sameMin !== undefined) {
        // The lower-listed one could never be given (assignBand takes the first match).
        ctx.addIssue({
          code: "custom",
          path: [position, "minIndex"],
          message: bilingual(
            `Hai mức xếp loại có cùng chỉ số tối thiểu ${band.minIndex}: một mức sẽ không bao giờ được xếp`,
            `Two bands start at the same index ${band.minIndex}: one could never be given`,
          ),
        });
      } else thresholds.set(band.minIndex, position);
    });
  }),
});
export type SetPeriodBandsInput = z.input<typeof setPeriodBandsInput>;

export const setPeriodUnitsInput = z.object({
  periodCode: existingCodeSchema,
  units: z
    .array(z.object({ unitCode: existingCodeSchema, groupCode: existingCodeSchema }))
    .superRefine((units, ctx) => {
      const seen = new Set<string>();
      units.forEach((unit, position) => {
        if (seen.has(unit.unitCode)) {
          ctx.addIssue({
            code: "custom",
            path: [position, "unitCode"],
            message: bilingual(`Đơn vị ${unit.unitCode} được liệt kê hai lần`, `Unit ${unit.unitCode} is listed twice`),
          });
        }
        seen.add(unit.unitCode);
      });
    }),
});
export type SetPeriodUnitsInput = z.input<typeof setPeriodUnitsInput>;
