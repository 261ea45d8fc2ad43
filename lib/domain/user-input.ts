import { z } from "zod";

export const USER_ROLES = ["admin", "council", "unit_officer"] as const;
export type UserRoleName = (typeof USER_ROLES)[number];

export const passwordSchema = z
  .string()
  .min(8, { message: "Mật khẩu cần ít nhất 8 ký tự / Password needs at least 8 characters" })
  .max(200, { message: "Mật khẩu quá dài / Password is too long" });

/**
 * A unit officer is bound to exactly one unit, every other role to none: the rule for creating a
 * user and for changing one's role, so the two forms cannot disagree.
 */
export const unitBindingRule = {
  check: (user: { role: UserRoleName; unitCode?: string | null }) => (user.role === "unit_officer") === Boolean(user.unitCode),
  message:
    "Cán bộ đầu mối phải gắn với đúng một đơn vị; vai trò khác thì không / A unit officer is bound to exactly one unit; other roles to none",
  path: ["unitCode"],
};

/** One schema for the admin form, the server action and the seed. */
export const createUserInput = z
  .object({
    email: z.string().trim().toLowerCase().pipe(z.email({ message: "Email không hợp lệ / Invalid email" })),
    // NFC: a name typed decomposed (some keyboards) is stored as the one a search finds.
    name: z.string().normalize("NFC").trim().min(1, { message: "Cần nhập họ tên / Name is required" }).max(200),
    role: z.enum(USER_ROLES),
    unitCode: z.string().trim().min(1).max(100).nullish(),
    password: passwordSchema,
    mustChangePassword: z.boolean().default(true),
  })
  .refine(unitBindingRule.check, { message: unitBindingRule.message, path: unitBindingRule.path });

export type CreateUserInput = z.input<typeof createUserInput>;
