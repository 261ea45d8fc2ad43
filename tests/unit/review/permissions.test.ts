import { describe, expect, it } from "vitest";
import { assertCan, can, ForbiddenError, unitScope, type Action } from "@/lib/review/permissions";
import { COMMAND_LINE } from "@/lib/auth/actor";

const admin = { userId: "u1", role: "admin" as const, unitId: null };
const council = { userId: "u2", role: "council" as const, unitId: null };
const officer = { userId: "u3", role: "unit_officer" as const, unitId: "unit-a" };
const actions: Action[] = ["period.open", "period.publish", "results_package.import", "user.create", "self_assessment.edit"];

describe("who may do what", () => {
  it("home affairs runs and publishes periods; the council and officers cannot", () => {
    for (const action of ["period.open", "period.publish", "results_package.import", "user.create"] as const) {
      expect(can(admin, action)).toBe(true);
      expect(can(COMMAND_LINE, action)).toBe(true);
      expect(can(council, action)).toBe(false);
      expect(can(officer, action)).toBe(false);
    }
  });

  it("only an officer edits a self-assessment, and only their own unit's", () => {
    expect(can(officer, "self_assessment.edit", { unitId: "unit-a" })).toBe(true);
    expect(can(officer, "self_assessment.edit", { unitId: "unit-b" })).toBe(false);
    expect(can({ ...officer, unitId: null }, "self_assessment.edit")).toBe(false);
    for (const other of [admin, council, COMMAND_LINE]) expect(can(other, "self_assessment.edit", { unitId: "unit-a" })).toBe(false);
  });

  it("refuses with a message in both languages", () => {
    expect(() => assertCan(council, "period.publish")).toThrow(ForbiddenError);
    try {
      assertCan(officer, "user.create");
    } catch (error) {
      expect(error).toMatchObject({ code: "forbidden", vi: expect.stringContaining("không được phép"), en: expect.stringContaining("may not") });
    }
    expect(actions.filter((action) => can(council, action))).toEqual([]);
  });

  it("the council reviews and approves any unit; officers and home affairs cannot appraise", () => {
    for (const action of ["appraisal.review", "appraisal.approve"] as const) {
      expect(can(council, action, { unitId: "unit-a" })).toBe(true);
      expect(can(admin, action)).toBe(false);
      expect(can(officer, action, { unitId: "unit-a" })).toBe(false);
    }
  });

  it("an officer reads only their own unit's assessment and evidence", () => {
    expect(can(officer, "assessment.read", { unitId: "unit-a" })).toBe(true);
    expect(can(officer, "evidence.read", { unitId: "unit-b" })).toBe(false);
    expect(can(council, "evidence.read", { unitId: "unit-b" })).toBe(true);
    expect(unitScope(officer)).toEqual({ unitId: "unit-a" });
    expect(unitScope(council)).toBeNull();
    expect(unitScope({ ...officer, unitId: null })?.unitId).not.toBe(null);
  });
});
