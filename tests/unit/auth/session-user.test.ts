import { beforeEach, describe, expect, it, vi } from "vitest";

const state = vi.hoisted(() => ({
  session: null as null | { userId: string; sessionVersion: number; signedInAt?: number },
  user: null as null | Record<string, unknown>,
}));

vi.mock("server-only", () => ({}));
vi.mock("next/navigation", () => ({
  redirect: (to: string) => {
    throw new Error(`redirect:${to}`);
  },
}));
vi.mock("next-auth", () => ({ getServerSession: async () => state.session }));
vi.mock("@/lib/auth/auth-options", () => ({ authOptionsFor: () => ({}), SESSION_MAX_AGE_SECONDS: 8 * 3600 }));
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));
vi.mock("@/lib/data/session-user", () => ({ findSessionUser: async () => state.user }));

const { getSessionUser, requireSessionUser } = await import("@/lib/auth/session");

const officer = { userId: "u1", role: "unit_officer", unitId: "a", name: "Lò Văn Hùng", email: "tuphap@demo.parindex.vn" };

describe("who a request acts for", () => {
  beforeEach(() => {
    state.session = { userId: "u1", sessionVersion: 3, signedInAt: Date.now() - 60_000 };
  });

  it("a user with a temporary password acts for nobody until they replace it", async () => {
    state.user = { ...officer, mustChangePassword: true };
    expect(await getSessionUser()).toBeNull();
    expect(await getSessionUser({ allowPasswordChange: true })).toMatchObject({ userId: "u1" });
    await expect(requireSessionUser("/console/assessments")).rejects.toThrow("redirect:/console/account?required=1");
  });

  it("a session renewed all day still ends 8 hours after the password was checked", async () => {
    state.user = { ...officer, mustChangePassword: false };
    state.session = { userId: "u1", sessionVersion: 3, signedInAt: Date.now() - 8 * 3600_000 - 1000 };
    expect(await getSessionUser()).toBeNull();
    state.session = { userId: "u1", sessionVersion: 3 };
    expect(await getSessionUser()).toBeNull();
  });

  it("an ordinary session acts for its user; an ended one for nobody", async () => {
    state.user = { ...officer, mustChangePassword: false };
    expect(await getSessionUser()).toMatchObject({ userId: "u1", role: "unit_officer" });
    state.user = null;
    expect(await getSessionUser()).toBeNull();
    await expect(requireSessionUser("/console/x")).rejects.toThrow("redirect:/console/sign-in?next=%2Fconsole%2Fx");
  });
});
