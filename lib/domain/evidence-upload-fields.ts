import { z } from "zod";

/** The multipart fields of an evidence upload, checked before the file is read. */
export const evidenceUploadFields = z.object({
  periodCode: z.string().trim().min(1).max(100),
  unitCode: z.string().trim().min(1).max(100),
  criterionCode: z.string().trim().min(1).max(50),
  file: z.instanceof(File),
});
