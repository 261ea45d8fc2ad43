import { z } from "zod";

/** Decimal comma accepted ("12,5"): officers type points the Vietnamese way. */
export const pointsText = z.string().trim().max(20);

export const selfScoreItemInput = z.object({
  criterionCode: z.string().trim().min(1).max(50),
  points: pointsText.nullish(),
  notApplicable: z.boolean().default(false),
  notApplicableReason: z.string().trim().max(2000).nullish(),
  note: z.string().trim().max(5000).nullish(),
  /** The version the officer's form read; a newer one in the database means someone else saved. */
  expectedVersion: z.number().int().min(0).nullish(),
});

export const saveSelfScoresInput = z.object({
  periodCode: z.string().trim().min(1).max(100),
  unitCode: z.string().trim().min(1).max(100),
  items: z.array(selfScoreItemInput).min(1).max(500),
});

export type SaveSelfScoresInput = z.input<typeof saveSelfScoresInput>;
