import { z } from "zod";
import { passwordSchema, unitBindingRule, USER_ROLES } from "@/lib/domain/user-input";

const userId = z.string().trim().min(1).max(100);

/** An empty form field means "not given", not an empty value. */
function blankAsMissing<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (typeof value === "string" && value.trim() === "" ? undefined : value), schema.optional());
}

/** The signed-in user changing their own password. */
export const changeOwnPasswordInput = z
  .object({
    currentPassword: z.string().min(1, { message: "Cần nhập mật khẩu hiện tại / Enter your current password" }).max(200),
    newPassword: passwordSchema,
  })
  .refine((input) => input.currentPassword !== input.newPassword, {
    message: "Mật khẩu mới phải khác mật khẩu hiện tại / The new password must differ from the current one",
    path: ["newPassword"],
  });

export type ChangeOwnPasswordInput = z.input<typeof changeOwnPasswordInput>;

/** An admin edits a user's name, role and unit (email is the sign-in name and stays). */
export const updateUserInput = z
  .object({
    userId,
    // NFC: a name typed decomposed (some keyboards) is stored as the one a search finds.
    name: z.string().normalize("NFC").trim().min(1, { message: "Cần nhập họ tên / Name is required" }).max(200),
    role: z.enum(USER_ROLES),
    unitCode: blankAsMissing(z.string().trim().min(1).max(100).nullable()),
    /** The updatedAt the form was loaded with: a colleague's edit since then is not overwritten. */
    expectedUpdatedAt: blankAsMissing(z.coerce.date().nullable()),
  })
  .refine(unitBindingRule.check, { message: unitBindingRule.message, path: unitBindingRule.path });

export type UpdateUserInput = z.input<typeof updateUserInput>;

/** Disabling or enabling one account. */
export const userStatusInput = z.object({ userId });

export type UserStatusInput = z.input<typeof userStatusInput>;

/** An admin resets a password: to the one given, or to a generated temporary one. */
export const resetUserPasswordInput = z.object({
  userId,
  newPassword: blankAsMissing(passwordSchema.nullable()),
});

export type ResetUserPasswordInput = z.input<typeof resetUserPasswordInput>;

/**
 * The admin's user list. `query` matches email, name or unit name, ignoring case; in NFC like the
 * stored names, so "Sơn La" typed decomposed finds what it finds typed composed.
 */
export const listUsersFilter = z.object({
  query: blankAsMissing(z.string().normalize("NFC").trim().max(200)),
  role: blankAsMissing(z.enum(USER_ROLES)),
  unitCode: blankAsMissing(z.string().trim().max(100)),
  includeDisabled: z.boolean().default(false),
  limit: z.number().int().min(1).max(2000).default(500),
});

export type ListUsersFilter = z.input<typeof listUsersFilter>;
