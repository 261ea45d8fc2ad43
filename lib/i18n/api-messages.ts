import type { ApiParameterProblem } from "@/lib/domain/public-api-query";
import type { Locale } from "./locale";

/** Error codes of the public API: stable for programs, while `message` is for people. */
export type ApiErrorCode =
  | "invalid_parameter"
  | "group_required"
  | "period_not_found"
  | "group_not_found"
  | "unit_not_found"
  | "not_found"
  | "internal_error"
  | "database_unavailable";

const viProblems: Record<ApiParameterProblem, string> = {
  empty: "không được để trống",
  padded: "không được có khoảng trắng ở đầu hoặc cuối",
  control_character: "chứa ký tự điều khiển",
  too_long: "dài quá 200 ký tự",
  repeated: "chỉ được nêu một lần",
  too_many: "nêu quá nhiều mã (tối đa 4)",
  invalid: "không đúng định dạng",
};

const enProblems: Record<ApiParameterProblem, string> = {
  empty: "must not be empty",
  padded: "must not start or end with spaces",
  control_character: "contains control characters",
  too_long: "is longer than 200 characters",
  repeated: "may be given only once",
  too_many: "names too many codes (at most 4)",
  invalid: "is malformed",
};

const vi = {
  invalidParameter: (parameter: string, problem: ApiParameterProblem) => `Tham số "${parameter}" ${viProblems[problem]}.`,
  periodNotFound: (period: string) => `Không có kỳ đánh giá đã công bố với mã "${period}".`,
  groupRequired: (period: string, groups: string[]) =>
    `Kỳ "${period}" có ${groups.length} khối (${groups.join(", ")}): hãy chọn một khối, ví dụ ?group=${groups[0] ?? ""}.`,
  groupNotFound: (period: string, group: string, groups: string[]) =>
    `Kỳ "${period}" không có khối "${group}" (các khối: ${groups.join(", ")}).`,
  unitNotFound: (unit: string) => `Không có đơn vị mã "${unit}" có kết quả đã công bố.`,
  unitsNotInPeriod: (period: string, units: string[]) =>
    `Kỳ "${period}" không có kết quả đã công bố của ${units.length === 1 ? "đơn vị" : "các đơn vị"} ${units.map((unit) => `"${unit}"`).join(", ")}.`,
  notFound: "Không có địa chỉ này trong API. Xem tài liệu tại /open-data.",
  internalError: "Máy chủ gặp lỗi ngoài dự kiến. Vui lòng thử lại sau.",
  databaseUnavailable: "Cơ sở dữ liệu tạm thời không truy cập được. Vui lòng thử lại sau ít phút.",
};

export type ApiMessages = typeof vi;

const en: ApiMessages = {
  invalidParameter: (parameter, problem) => `Parameter "${parameter}" ${enProblems[problem]}.`,
  periodNotFound: (period) => `No published period has the code "${period}".`,
  groupRequired: (period, groups) =>
    `Period "${period}" has ${groups.length} groups (${groups.join(", ")}): choose one, e.g. ?group=${groups[0] ?? ""}.`,
  groupNotFound: (period, group, groups) => `Period "${period}" has no group "${group}" (its groups: ${groups.join(", ")}).`,
  unitNotFound: (unit) => `No unit with the code "${unit}" has published results.`,
  unitsNotInPeriod: (period, units) =>
    `Period "${period}" has no published result for ${units.length === 1 ? "the unit" : "the units"} ${units.map((unit) => `"${unit}"`).join(", ")}.`,
  notFound: "There is no such address in the API. See the documentation at /open-data.",
  internalError: "The server failed unexpectedly. Please try again later.",
  databaseUnavailable: "The database cannot be reached at the moment. Please try again in a few minutes.",
};

const catalogue: Record<Locale, ApiMessages> = { vi, en };

export function apiMessagesFor(locale: Locale): ApiMessages {
  return catalogue[locale];
}
