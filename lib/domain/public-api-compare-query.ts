// Parameters of `GET /api/v1/periods/{period}/compare[.csv|.xlsx]?units={a},{b}`: the compare
// page's units (lib/domain/public-page-query.ts), read the same way and to the same limit, so that
// the page's download links and its shareable address name the same units.
import { z } from "zod";
import { apiCodeSchema, type ApiParameterProblem } from "@/lib/domain/public-api-query";
import { COMPARE_MAX_UNITS } from "@/lib/domain/public-page-query";

/**
 * `units=a,b` or `units=a&units=b`, in the order given; empty entries and repeats are dropped, as
 * on the page. Unlike the page, which then offers its form, the API needs at least one unit.
 */
const unitCodesParam = z
  .array(z.string())
  .transform((values) => [...new Set(values.flatMap((value) => value.split(",")).filter((code) => code !== ""))])
  .pipe(
    z
      .array(apiCodeSchema)
      .min(1, { error: "empty" satisfies ApiParameterProblem })
      .max(COMPARE_MAX_UNITS, { error: "too_many" satisfies ApiParameterProblem }),
  );

export const comparisonRequestSchema = z.object({ period: apiCodeSchema, units: unitCodesParam });
export type ComparisonRequest = z.output<typeof comparisonRequestSchema>;
