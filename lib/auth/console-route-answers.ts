import type { ActionResult } from "@/lib/domain/action-result";
import { DATABASE_RETRY_AFTER_SECONDS, DATABASE_UNAVAILABLE_CODE } from "@/lib/domain/database-outage";

/** The JSON answers console route handlers give, with the status a browser or script expects. */
export function answer<T>(result: ActionResult<T>): Response {
  if (result.ok) return Response.json(result);
  if (result.code === DATABASE_UNAVAILABLE_CODE) {
    return Response.json(result, { status: 503, headers: { "retry-after": String(DATABASE_RETRY_AFTER_SECONDS) } });
  }
  const status =
    result.code === "not_signed_in"
      ? 401
      : result.code === "not_found" || result.code === "forbidden"
        ? 404
        : result.code === "stale"
          ? 409
          : result.code === "too_large" || result.code === "file_too_large"
            ? 413
            : result.code === "unexpected" || result.code === "storage_unavailable" || result.code === "storage_full"
              ? 503
              : 400;
  return Response.json(result, { status });
}

export const FOREIGN_ORIGIN: ActionResult<never> = {
  ok: false,
  code: "forbidden",
  vi: "Yêu cầu không đến từ trang của cổng thông tin.",
  en: "The request did not come from the portal's own pages.",
};
