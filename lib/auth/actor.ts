import type { UserRoleName } from "@/lib/domain/user-input";

/** Who is acting: read once from the session by every entrypoint and passed down. */
export type Actor = { userId: string; role: UserRoleName; unitId: string | null };
