import { z } from "zod";

const periodCode = z.string().trim().min(1).max(100);
const unitCode = z.string().trim().min(1).max(100);
/** A figure as the page showed it: an exact decimal string with up to 4 decimals. */
const shownIndex = z.string().trim().regex(/^\d{1,3}(\.\d{1,4})?$/, "Chỉ số không hợp lệ / Invalid index");

/** Recompute every unit's SIPAS figures of a period from its accepted responses. */
export const computeSipasResultsInput = z.object({ periodCode });

export type ComputeSipasResultsInput = z.input<typeof computeSipasResultsInput>;

/**
 * The council approves one or more units' figures. Each carries the index and response count its
 * page showed: figures recomputed meanwhile are not approved unseen.
 */
export const approveSipasResultsInput = z.object({
  periodCode,
  units: z
    .array(z.object({ unitCode, expectedIndex: shownIndex, expectedResponses: z.number().int().min(0) }))
    .min(1, "Không có đơn vị nào để phê duyệt / No unit to approve")
    .max(2000)
    .refine((units) => new Set(units.map((unit) => unit.unitCode)).size === units.length, {
      message: "Mỗi đơn vị chỉ được nêu một lần / Each unit may be named once",
    }),
});

export type ApproveSipasResultsInput = z.input<typeof approveSipasResultsInput>;

/** The council withdraws its approval of a unit's figures, with the reason kept in the audit log. */
export const revokeSipasApprovalInput = z.object({
  periodCode,
  unitCode,
  reason: z.string().trim().min(1, "reason_required").max(2000),
});

export type RevokeSipasApprovalInput = z.input<typeof revokeSipasApprovalInput>;

/** What the results page says after a step: each kind has its own sentence in the page's language. */
export type SipasResultsOutcome =
  | { kind: "recomputed"; computed: number; unchanged: number; approvalsDropped: string[]; removed: string[] }
  | { kind: "approved"; units: { unitName: string; applied: { criterionCode: string; points: string }[]; missing: string[] }[] };
