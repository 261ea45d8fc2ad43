import { z } from "zod";

/** Decimal comma accepted ("12,5"): officers type points the Vietnamese way. */
export const pointsText = z.string().trim().max(20);

export const selfScoreItemInput = z.object({
  criterionCode: z.string().trim().min(1).max(50),
  points: pointsText.nullish(),
  notApplicable: z.boolean().default(false),
  notApplicableReason: z.string().trim().max(2000).nullish(),
  note: z.string().trim().max(5000).nullish(),
  /**
   * The version the officer's form read, or null when it showed no saved value. Required: a
   * save that does not say what it replaces could silently overwrite a colleague's.
   */
  expectedVersion: z.number().int().min(0).nullable(),
});

export const saveSelfScoresInput = z.object({
  periodCode: z.string().trim().min(1).max(100),
  unitCode: z.string().trim().min(1).max(100),
  items: z
    .array(selfScoreItemInput)
    .min(1)
    .max(500)
    .refine((items) => new Set(items.map((item) => item.criterionCode)).size === items.length, {
      message: "Mỗi tiêu chí chỉ được lưu một lần trong một lần lưu / Each criterion may appear once per save",
    }),
});

export type SaveSelfScoresInput = z.input<typeof saveSelfScoresInput>;
