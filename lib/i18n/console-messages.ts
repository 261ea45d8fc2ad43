import type { Locale } from "./locale";
import type { UserRoleName } from "@/lib/domain/user-input";

// Text of the console's frame: sign-in, navigation, inbox and the account page.

const vi = {
  consoleName: "Bàn làm việc",
  consoleNavigation: "Điều hướng bàn làm việc",
  signIn: "Đăng nhập",
  signInTitle: "Đăng nhập bàn làm việc",
  signInIntro: "Dành cho Sở Nội vụ, Hội đồng thẩm định và cán bộ đầu mối của các cơ quan, đơn vị.",
  email: "Email",
  password: "Mật khẩu",
  signingIn: "Đang đăng nhập…",
  signInFailed: "Không đăng nhập được. Vui lòng thử lại.",
  signOut: "Đăng xuất",
  signedInAs: (name: string, role: string) => `${name} — ${role}`,
  demoAccounts: (password: string) => `Tài khoản trình diễn (mật khẩu chung: ${password})`,
  role: { admin: "Sở Nội vụ (quản trị)", council: "Hội đồng thẩm định", unit_officer: "Cán bộ đầu mối" } satisfies Record<UserRoleName, string>,
  nav: {
    inbox: "Việc cần làm",
    assessment: "Tự đánh giá",
    appraisal: "Thẩm định",
    periods: "Kỳ đánh giá",
    criteriaSets: "Bộ tiêu chí",
    units: "Đơn vị",
    users: "Tài khoản",
    audit: "Nhật ký",
    account: "Đổi mật khẩu",
  },
  countLabel: (count: number) => `${count} việc cần xử lý`,
  inboxTitle: "Việc cần làm",
  inboxEmpty: "Không có việc nào cần bạn xử lý lúc này.",
  inboxDue: (date: string) => `hạn ${date}`,
  account: "Tài khoản của tôi",
  changePassword: "Đổi mật khẩu",
  mustChangePassword: "Bạn đang dùng mật khẩu tạm thời. Hãy đặt mật khẩu mới trước khi tiếp tục.",
  currentPassword: "Mật khẩu hiện tại",
  newPassword: "Mật khẩu mới (ít nhất 8 ký tự)",
  confirmPassword: "Nhập lại mật khẩu mới",
  passwordsDiffer: "Hai lần nhập mật khẩu mới không khớp.",
  passwordChanged: "Đã đổi mật khẩu. Các phiên đăng nhập khác đã kết thúc.",
  save: "Lưu",
  saving: "Đang lưu…",
  cancel: "Hủy",
  notFoundTitle: "Không tìm thấy",
  notFoundText: "Trang này không có, hoặc bạn không có quyền xem.",
  backToInbox: "Về việc cần làm",
  genericError: "Đã có lỗi. Dữ liệu đã lưu trước đó không bị mất; vui lòng thử lại.",
};

export type ConsoleMessages = typeof vi;

const en: ConsoleMessages = {
  consoleName: "Console",
  consoleNavigation: "Console navigation",
  signIn: "Sign in",
  signInTitle: "Sign in to the console",
  signInIntro: "For home affairs, the appraisal council and the officers of the evaluated units.",
  email: "Email",
  password: "Password",
  signingIn: "Signing in…",
  signInFailed: "Could not sign in. Please try again.",
  signOut: "Sign out",
  signedInAs: (name, role) => `${name} — ${role}`,
  demoAccounts: (password) => `Demo accounts (shared password: ${password})`,
  role: { admin: "Home affairs (admin)", council: "Appraisal council", unit_officer: "Unit officer" },
  nav: {
    inbox: "To do",
    assessment: "Self-assessment",
    appraisal: "Appraisal",
    periods: "Periods",
    criteriaSets: "Criteria sets",
    units: "Units",
    users: "Accounts",
    audit: "Audit log",
    account: "Change password",
  },
  countLabel: (count) => `${count} item${count === 1 ? "" : "s"} to handle`,
  inboxTitle: "To do",
  inboxEmpty: "Nothing needs your action right now.",
  inboxDue: (date) => `due ${date}`,
  account: "My account",
  changePassword: "Change password",
  mustChangePassword: "You are using a temporary password. Set a new one before you go on.",
  currentPassword: "Current password",
  newPassword: "New password (at least 8 characters)",
  confirmPassword: "Repeat the new password",
  passwordsDiffer: "The two new passwords differ.",
  passwordChanged: "Password changed. Your other sessions have ended.",
  save: "Save",
  saving: "Saving…",
  cancel: "Cancel",
  notFoundTitle: "Not found",
  notFoundText: "This page does not exist, or you may not see it.",
  backToInbox: "Back to your to-do list",
  genericError: "Something went wrong. Nothing saved before was lost; please try again.",
};

const catalogue: Record<Locale, ConsoleMessages> = { vi, en };

export function consoleMessagesFor(locale: Locale): ConsoleMessages {
  return catalogue[locale];
}
