import type { Locale } from "./locale";

/**
 * What a visitor reads while the portal cannot reach its database. Figures are never lost by an
 * outage, so the message says so and asks for patience rather than for a report.
 */
const vi = {
  title: "Cổng thông tin tạm thời gián đoạn",
  text: "Máy chủ đang tạm thời không kết nối được cơ sở dữ liệu. Dữ liệu đã lưu không bị mất.",
  retry: "Vui lòng thử lại sau ít phút.",
  retryButton: "Thử lại",
  /** One sentence for forms, the console's JSON answers and the public API. */
  short: "Cơ sở dữ liệu tạm thời không truy cập được: chưa lưu được gì, dữ liệu đã lưu không bị mất. Vui lòng thử lại sau ít phút.",
  unexpectedTitle: "Đã có lỗi ngoài dự kiến",
  unexpectedText: "Trang này chưa hiển thị được. Những gì đã lưu trước đó không bị mất; vui lòng thử lại.",
  /** The digest Next.js gives the failure: the same one is in the server's log line. */
  reference: "Nếu lỗi lặp lại, hãy báo quản trị viên mã lỗi này:",
  home: "Về trang chủ",
};

export type DatabaseOutageMessages = typeof vi;

const en: DatabaseOutageMessages = {
  title: "The portal is briefly unavailable",
  text: "The server cannot reach its database at the moment. Nothing saved has been lost.",
  retry: "Please try again in a few minutes.",
  retryButton: "Try again",
  short: "The database cannot be reached at the moment: nothing was saved and nothing saved before was lost. Please try again in a few minutes.",
  unexpectedTitle: "Something unexpected went wrong",
  unexpectedText: "This page could not be shown. Nothing saved before was lost; please try again.",
  reference: "If it happens again, give the administrator this error code:",
  home: "Back to the home page",
};

const catalogue: Record<Locale, DatabaseOutageMessages> = { vi, en };

export function databaseOutageMessagesFor(locale: Locale): DatabaseOutageMessages {
  return catalogue[locale];
}
