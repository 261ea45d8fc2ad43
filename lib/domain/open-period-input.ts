import { z } from "zod";

const code = z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,99}$/, {
  message: "Mã chỉ gồm chữ thường không dấu, số và dấu gạch ngang / Codes use lowercase letters, digits and hyphens",
});
const decimalString = z.string().regex(/^\d{1,3}(\.\d{1,4})?$/, { message: "Số thập phân không hợp lệ / Invalid decimal" });

/** Opening a new evaluation period (admin form, seed and later the period editor). */
export const openPeriodInput = z.object({
  code,
  year: z.number().int().min(2000).max(2100),
  name: z.string().trim().min(1).max(300),
  authorityName: z.string().trim().min(1).max(300),
  criteriaSetCode: z.string().trim().min(1).max(100),
  previousPeriodCode: z.string().trim().min(1).max(100).nullish(),
  units: z.array(z.object({ unitCode: z.string().min(1), groupCode: z.string().min(1) })).min(1),
  bands: z.array(z.object({ label: z.string().trim().min(1).max(100), minIndex: decimalString })).default([]),
  tieBreakers: z.array(z.enum(["appraisalPoints", "surveyPoints"])).default([]),
  selfAssessmentOpensAt: z.coerce.date().nullish(),
  selfAssessmentDeadline: z.coerce.date().nullish(),
  appraisalDeadline: z.coerce.date().nullish(),
  openSelfAssessment: z.boolean().default(false),
  illustrative: z.boolean().default(false),
});

export type OpenPeriodInput = z.input<typeof openPeriodInput>;
