import { beforeEach, describe, expect, it } from "vitest";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { importResultsPackage } from "@/lib/services/import-results-package";
import { openPeriod } from "@/lib/services/open-period";
import { createUser } from "@/lib/services/create-user";
import { createUnit } from "@/lib/services/create-unit";
import { updateUnit } from "@/lib/services/update-unit";
import { createGroup } from "@/lib/services/create-group";
import { updateGroup } from "@/lib/services/update-group";
import { mergeUnits } from "@/lib/services/merge-units";
import { splitUnit } from "@/lib/services/split-unit";
import { listUnits } from "@/lib/services/list-units";
import { listGroups } from "@/lib/services/list-groups";
import { SetupError } from "@/lib/domain/setup-error";
import { getPublishedUnitProfile } from "@/lib/data/published-unit-profile";
import { findUserActor } from "@/lib/data/database-state";
import { getPrisma } from "@/lib/data/prisma";
import { COMMAND_LINE, type UserActor } from "@/lib/auth/actor";
import { buildPackage } from "@/tests/support/results-package-factory";
import { withTestDatabase } from "@/tests/support/test-database";

withTestDatabase();

let admin: UserActor;
let council: UserActor;

async function refusal(promise: Promise<unknown>): Promise<SetupError<string>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SetupError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

async function importYear(code: string, year: number, units: { code: string; name: string }[], previous?: string) {
  const parsed = parseResultsPackage(
    JSON.stringify(buildPackage({ code, year, previous, units: units.map((unit, position) => ({ ...unit, points: [30 - position, 25, 35] })) })),
  );
  if (!parsed.ok) throw new Error("fixture");
  await importResultsPackage({ pkg: parsed.package, replace: false, publish: true, actor: COMMAND_LINE });
}

async function unitState(code: string) {
  return getPrisma().unit.findUniqueOrThrow({
    where: { code },
    select: {
      name: true,
      dissolvedOn: true,
      successorLinks: { select: { kind: true, effectiveOn: true, note: true, successor: { select: { code: true } } } },
    },
  });
}

beforeEach(async () => {
  await importYear("thu-nghiem-2022", 2022, [
    { code: "a", name: "UBND xã A" },
    { code: "b", name: "UBND xã B" },
    { code: "c", name: "UBND xã Chiềng Mai" },
    { code: "d", name: "UBND xã D" },
  ]);
  await createUser({ email: "admin@example.vn", name: "Sở Nội vụ", role: "admin", password: "mat-khau-dai" }, COMMAND_LINE);
  await createUser({ email: "hd@example.vn", name: "Hội đồng", role: "council", password: "mat-khau-dai" }, COMMAND_LINE);
  admin = (await findUserActor("admin@example.vn"))!;
  council = (await findUserActor("hd@example.vn"))!;
});

describe("units", () => {
  it("creates a unit under a parent and audits it; a taken code, spaces or an empty name are refused in both languages", async () => {
    await createUnit(admin, { code: "huyen-x", name: "UBND huyện X", kind: "district" });
    const created = await createUnit(admin, { code: "xa-moi", name: "UBND xã Mới", nameEn: "New commune", kind: "commune", parentUnitCode: "huyen-x" });
    const row = await getPrisma().unit.findUniqueOrThrow({ where: { code: "xa-moi" }, select: { kind: true, nameEn: true, parentUnit: { select: { code: true } } } });
    expect(row).toEqual({ kind: "commune", nameEn: "New commune", parentUnit: { code: "huyen-x" } });
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "unit.create", entityId: created.id } });
    expect(audit.after).toMatchObject({ code: "xa-moi", parentUnit: "huyen-x" });

    expect((await refusal(createUnit(admin, { code: "a", name: "Trùng", kind: "commune" }))).code).toBe("exists");
    const bad = await refusal(createUnit(admin, { code: "xa moi", name: " ", kind: "commune" }));
    expect(bad.code).toBe("invalid");
    expect(bad.issues.map((issue) => issue.path)).toEqual(["code", "name"]);
    expect(bad.vi).toContain("Tên không được để trống");
    expect(bad.en).toContain("no spaces");
    await expect(createUnit(council, { code: "xa-khac", name: "x", kind: "commune" })).rejects.toMatchObject({ code: "forbidden" });
  });

  it("renames a unit keeping the old name, and keeps a published code from changing", async () => {
    const before = await getPrisma().unit.findUniqueOrThrow({ where: { code: "c" } });
    const renamed = await updateUnit(admin, { code: "c", name: "UBND phường Chiềng Mai", expectedUpdatedAt: before.updatedAt });
    expect(renamed.name).toBe("UBND phường Chiềng Mai");
    expect(await getPrisma().unitNameChange.findMany({ where: { unit: { code: "c" } }, select: { oldName: true, newName: true } })).toEqual([
      { oldName: "UBND xã Chiềng Mai", newName: "UBND phường Chiềng Mai" },
    ]);
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "unit.update" } });
    expect([audit.before, audit.after]).toEqual([{ name: "UBND xã Chiềng Mai" }, { name: "UBND phường Chiềng Mai" }]);

    const stale = await refusal(updateUnit(admin, { code: "c", name: "Khác", expectedUpdatedAt: before.updatedAt }));
    expect(stale.code).toBe("stale");
    const published = await refusal(updateUnit(admin, { code: "c", newCode: "phuong-chieng-mai", expectedUpdatedAt: renamed.updatedAt }));
    expect(published.code).toBe("code_published");
    expect(published.vi).toContain("đã có trong kết quả công bố");

    await createUnit(admin, { code: "xa-moi", name: "UBND xã Mới", kind: "commune" });
    const fresh = await getPrisma().unit.findUniqueOrThrow({ where: { code: "xa-moi" } });
    expect((await updateUnit(admin, { code: "xa-moi", newCode: "xa-moi-2", expectedUpdatedAt: fresh.updatedAt })).code).toBe("xa-moi-2");
  });
});

describe("groups", () => {
  it("creates a group after the others, renames and reorders it, each audited", async () => {
    const group = await createGroup(admin, { code: "phuong", name: "Khối phường", nameEn: "Wards" });
    expect(group.order).toBe(1);
    await updateGroup(admin, { code: "phuong", name: "Khối phường, thị trấn", order: 0 });
    await updateGroup(admin, { code: "xa", order: 1 });
    expect((await listGroups(admin)).map((entry) => [entry.code, entry.name, entry.order, entry.published])).toEqual([
      ["phuong", "Khối phường, thị trấn", 0, false],
      ["xa", "Khối xã", 1, true],
    ]);
    expect(await getPrisma().auditLog.count({ where: { action: { in: ["group.create", "group.update"] } } })).toBe(3);
    expect((await refusal(createGroup(admin, { code: "xa", name: "x" }))).code).toBe("exists");
  });
});

describe("a merge", () => {
  it("writes the lineage, dissolves the predecessors, audits, and the public history of the successor still shows them", async () => {
    const result = await mergeUnits(admin, {
      predecessorCodes: ["a", "b"],
      successor: { code: "ab", name: "UBND xã AB", kind: "commune" },
      effectiveOn: "2023-07-01",
      note: "Nghị quyết sáp nhập",
    });
    expect(result).toEqual({ predecessors: ["a", "b"], successors: [{ code: "ab", created: true }], effectiveOn: "2023-07-01", draftPeriods: [] });
    for (const code of ["a", "b"]) {
      const state = await unitState(code);
      expect(state.dissolvedOn?.toISOString().slice(0, 10)).toBe("2023-07-01");
      expect(state.successorLinks).toEqual([{ kind: "merge", effectiveOn: new Date("2023-07-01T00:00:00Z"), note: "Nghị quyết sáp nhập", successor: { code: "ab" } }]);
    }
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "unit.merge" } });
    expect(audit.actorId).toBe(admin.userId);
    expect(audit.after).toMatchObject({ successor: { code: "ab", created: true }, effectiveOn: "2023-07-01" });

    await importYear("thu-nghiem-2023", 2023, [{ code: "ab", name: "UBND xã AB" }, { code: "c", name: "UBND xã Chiềng Mai" }, { code: "d", name: "UBND xã D" }], "thu-nghiem-2022");
    const profile = await getPublishedUnitProfile("ab");
    expect(profile!.lineage.predecessors.map((link) => [link.code, link.kind, link.effectiveOn])).toEqual([
      ["a", "merge", "2023-07-01"],
      ["b", "merge", "2023-07-01"],
    ]);
    expect(profile!.history.map((row) => [row.periodCode, row.unitCode, row.relation])).toEqual([
      ["thu-nghiem-2022", "a", "predecessor"],
      ["thu-nghiem-2022", "b", "predecessor"],
      ["thu-nghiem-2023", "ab", "self"],
    ]);
    expect((await getPublishedUnitProfile("a"))!.lineage.successors.map((link) => link.code)).toEqual(["ab"]);
  });

  it("into an existing unit keeps that unit, and refuses a unit already dissolved", async () => {
    await mergeUnits(admin, { predecessorCodes: ["a"], successor: { existingCode: "b" }, effectiveOn: "2023-01-01" });
    expect((await unitState("a")).dissolvedOn).not.toBeNull();
    expect((await unitState("b")).dissolvedOn).toBeNull();
    const again = await refusal(mergeUnits(admin, { predecessorCodes: ["a", "c"], successor: { existingCode: "d" }, effectiveOn: "2024-01-01" }));
    expect(again.code).toBe("dissolved");
    expect(again.vi).toContain("UBND xã A (a, 2023-01-01)");
    expect((await unitState("c")).dissolvedOn).toBeNull();
    const intoDissolved = await refusal(mergeUnits(admin, { predecessorCodes: ["c"], successor: { existingCode: "a" }, effectiveOn: "2024-01-01" }));
    expect(intoDissolved.code).toBe("dissolved");
  });

  it("is refused while a predecessor is being evaluated in a period under way, with the period named", async () => {
    await openPeriod(
      {
        code: "thu-nghiem-2023",
        year: 2023,
        name: "Chỉ số CCHC năm 2023",
        authorityName: "UBND huyện Thử Nghiệm",
        criteriaSetCode: "test-set",
        units: [{ unitCode: "c", groupCode: "xa" }],
        openSelfAssessment: true,
      },
      COMMAND_LINE,
    );
    const error = await refusal(mergeUnits(admin, { predecessorCodes: ["c"], successor: { existingCode: "d" }, effectiveOn: "2023-06-01" }));
    expect(error.code).toBe("in_open_period");
    expect(error.vi).toContain("UBND xã Chiềng Mai (c) — Chỉ số CCHC năm 2023 (đang tự đánh giá)");
    expect(error.en).toContain("Record it once that period is published");
    expect((await unitState("c")).dissolvedOn).toBeNull();
    expect(await getPrisma().unitLineage.count()).toBe(0);
  });

  it("in a draft period puts the successor in the predecessors' place", async () => {
    await openPeriod(
      {
        code: "thu-nghiem-2023",
        year: 2023,
        name: "Chỉ số CCHC năm 2023",
        authorityName: "UBND huyện Thử Nghiệm",
        criteriaSetCode: "test-set",
        units: [
          { unitCode: "a", groupCode: "xa" },
          { unitCode: "b", groupCode: "xa" },
          { unitCode: "c", groupCode: "xa" },
        ],
      },
      COMMAND_LINE,
    );
    const result = await mergeUnits(admin, { predecessorCodes: ["a", "b"], successor: { code: "ab", name: "UBND xã AB", kind: "commune" }, effectiveOn: "2023-01-01" });
    expect(result.draftPeriods).toEqual([{ periodCode: "thu-nghiem-2023", removed: ["a", "b"], added: [{ unitCode: "ab", groupCode: "xa" }] }]);
    const units = await getPrisma().assessment.findMany({ where: { period: { code: "thu-nghiem-2023" } }, select: { unit: { select: { code: true } } }, orderBy: { unit: { code: "asc" } } });
    expect(units.map((row) => row.unit.code)).toEqual(["ab", "c"]);
    expect(await getPrisma().auditLog.count({ where: { action: "period.units" } })).toBe(1);
  });
});

describe("a split", () => {
  it("writes split lineage to each successor, dissolves the unit, and follows into a draft period", async () => {
    await openPeriod(
      {
        code: "thu-nghiem-2023",
        year: 2023,
        name: "Chỉ số CCHC năm 2023",
        authorityName: "UBND huyện Thử Nghiệm",
        criteriaSetCode: "test-set",
        units: [
          { unitCode: "c", groupCode: "xa" },
          { unitCode: "d", groupCode: "xa" },
        ],
      },
      COMMAND_LINE,
    );
    const result = await splitUnit(admin, {
      predecessorCode: "c",
      successors: [{ code: "c-bac", name: "UBND xã Chiềng Mai Bắc", kind: "commune" }, { existingCode: "d" }],
      effectiveOn: "2023-01-01",
    });
    expect(result.successors).toEqual([{ code: "c-bac", created: true }, { code: "d", created: false }]);
    expect(result.draftPeriods).toEqual([{ periodCode: "thu-nghiem-2023", removed: ["c"], added: [{ unitCode: "c-bac", groupCode: "xa" }] }]);
    const state = await unitState("c");
    expect(state.dissolvedOn?.toISOString().slice(0, 10)).toBe("2023-01-01");
    expect(state.successorLinks.map((link) => [link.successor.code, link.kind]).sort()).toEqual([
      ["c-bac", "split"],
      ["d", "split"],
    ]);
    expect(await getPrisma().auditLog.count({ where: { action: "unit.split" } })).toBe(1);

    const bad = await refusal(splitUnit(admin, { predecessorCode: "d", successors: [{ code: "d 1", name: "", kind: "commune" }], effectiveOn: "2023-02-30" }));
    expect(bad.code).toBe("invalid");
    expect(bad.issues.map((issue) => issue.path).sort()).toEqual(["effectiveOn", "successors", "successors.0.code", "successors.0.name"]);
    expect(bad.vi).toContain("Ngày 2023-02-30 không tồn tại");
  });
});

describe("the unit list", () => {
  it("finds units without diacritics, with their latest group and lineage, and hides dissolved ones unless asked", async () => {
    await mergeUnits(admin, { predecessorCodes: ["a", "b"], successor: { code: "ab", name: "UBND xã AB", kind: "commune" }, effectiveOn: "2023-01-01" });
    expect((await listUnits(admin, { query: "chieng mai" })).map((unit) => unit.code)).toEqual(["c"]);
    const visible = await listUnits(admin);
    expect(visible.map((unit) => unit.code)).toEqual(["ab", "c", "d"]);
    expect(visible[0]!.predecessors.map((link) => [link.code, link.kind, link.effectiveOn])).toEqual([
      ["a", "merge", "2023-01-01"],
      ["b", "merge", "2023-01-01"],
    ]);
    expect(visible[1]).toMatchObject({ latestGroup: { periodCode: "thu-nghiem-2022", groupCode: "xa", groupName: "Khối xã" }, codeLocked: true });
    const all = await listUnits(admin, { includeDissolved: true });
    expect(all.find((unit) => unit.code === "a")).toMatchObject({ dissolvedOn: "2023-01-01", successors: [{ code: "ab", kind: "merge" }] });
  });
});
