import type { ActionResult } from "@/lib/domain/action-result";

/** What an action answers when the session ended (signed out elsewhere, expired, disabled). */
export const NOT_SIGNED_IN: ActionResult<never> = {
  ok: false,
  code: "not_signed_in",
  vi: "Phiên đăng nhập đã hết. Hãy đăng nhập lại; những gì đã lưu trước đó không bị mất.",
  en: "Your session has ended. Sign in again; nothing saved before was lost.",
};
