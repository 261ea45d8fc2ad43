import { createUserInput, type CreateUserInput } from "@/lib/domain/user-input";
import { hashPassword } from "@/lib/auth/password";
import { emailTaken, findUnitIdByCode, insertUser } from "@/lib/data/users";
import { writeAuditLog } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";
import { UseCaseError } from "@/lib/domain/use-case-error";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

export class CreateUserError extends UseCaseError<"invalid" | "email_taken" | "unknown_unit"> {}

export async function createUser(input: CreateUserInput, actor: Actor): Promise<{ id: string }> {
  assertCan(actor, "user.create");
  const parsed = createUserInput.safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues.map((issue) => issue.message).join("; ");
    throw new CreateUserError("invalid", message, message);
  }
  const user = parsed.data;
  const passwordHash = await hashPassword(user.password);
  return inTransaction(async (tx) => {
    if (await emailTaken(tx, user.email)) {
      throw new CreateUserError("email_taken", `Email ${user.email} đã được dùng.`, `Email ${user.email} is already in use.`);
    }
    let unitId: string | null = null;
    if (user.unitCode) {
      unitId = await findUnitIdByCode(tx, user.unitCode);
      if (!unitId) {
        throw new CreateUserError("unknown_unit", `Không có đơn vị mã "${user.unitCode}".`, `No unit with code "${user.unitCode}".`);
      }
    }
    const created = await insertUser(tx, {
      email: user.email,
      name: user.name,
      role: user.role,
      unitId,
      passwordHash,
      mustChangePassword: user.mustChangePassword,
    });
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "user.create",
      entityType: "User",
      entityId: created.id,
      unitId,
      after: { email: user.email, role: user.role, unitCode: user.unitCode ?? null },
    });
    return created;
  });
}
