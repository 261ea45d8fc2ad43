import { beforeEach, describe, expect, it } from "vitest";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { importResultsPackage } from "@/lib/services/import-results-package";
import { openPeriod } from "@/lib/services/open-period";
import { createUser } from "@/lib/services/create-user";
import { saveSelfScores } from "@/lib/services/save-self-scores";
import { createCriteriaSetVersion } from "@/lib/services/create-criteria-set-version";
import { addCriterion } from "@/lib/services/add-criterion";
import { updateCriterion } from "@/lib/services/update-criterion";
import { moveCriterion } from "@/lib/services/move-criterion";
import { deleteCriterion } from "@/lib/services/delete-criterion";
import { mapCriteria } from "@/lib/services/map-criteria";
import { assertCriteriaSetUsable, validateCriteriaSet } from "@/lib/services/validate-criteria-set";
import { loadCriteriaSetEditor } from "@/lib/services/load-criteria-set-editor";
import { listCriteriaSets } from "@/lib/services/list-criteria-sets";
import { transitionPeriod } from "@/lib/services/transition-period";
import { SetupError } from "@/lib/domain/setup-error";
import { findUserActor } from "@/lib/data/database-state";
import { getPrisma } from "@/lib/data/prisma";
import { inTransaction } from "@/lib/data/transaction";
import { COMMAND_LINE, type UserActor } from "@/lib/auth/actor";
import { buildPackage } from "@/tests/support/results-package-factory";
import { withTestDatabase } from "@/tests/support/test-database";

withTestDatabase();

let admin: UserActor;
let officer: UserActor;

async function refusal(promise: Promise<unknown>): Promise<SetupError<string>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SetupError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

async function treeOf(setCode: string) {
  const rows = await getPrisma().criterion.findMany({
    where: { criteriaSet: { code: setCode } },
    select: { code: true, maxPoints: true, method: true, order: true, parent: { select: { code: true } } },
    orderBy: [{ depth: "asc" }, { order: "asc" }],
  });
  return rows.map((row) => `${row.parent?.code ?? "-"}>${row.code}:${row.maxPoints.toFixed()}:${row.method}:${row.order}`);
}

beforeEach(async () => {
  const parsed = parseResultsPackage(
    JSON.stringify(buildPackage({ code: "thu-nghiem-2022", year: 2022, units: [{ code: "a", name: "UBND xã A", points: [30, 28, 35] }] })),
  );
  if (!parsed.ok) throw new Error("fixture");
  await importResultsPackage({ pkg: parsed.package, replace: false, publish: true, actor: COMMAND_LINE });
  await createUser({ email: "admin@example.vn", name: "Sở Nội vụ", role: "admin", password: "mat-khau-dai" }, COMMAND_LINE);
  await createUser({ email: "a@example.vn", name: "Cán bộ xã A", role: "unit_officer", unitCode: "a", password: "mat-khau-dai" }, COMMAND_LINE);
  admin = (await findUserActor("admin@example.vn"))!;
  officer = (await findUserActor("a@example.vn"))!;
});

async function newVersion() {
  return createCriteriaSetVersion(admin, { fromCode: "test-set", newCode: "test-set-2023", name: "Bộ chỉ số thử nghiệm 2023" });
}

describe("a new version of a criteria set", () => {
  it("copies every node with max, method, order and scoring rule, links the previous version and maps every node to its origin", async () => {
    await getPrisma().criterion.updateMany({
      where: { code: "1.1", criteriaSet: { code: "test-set" } },
      data: { scoringRule: { type: "yes_no" } },
    });
    const result = await newVersion();
    expect(result).toMatchObject({ code: "test-set-2023", version: 2, nodes: 5, problems: [] });
    expect(await treeOf("test-set-2023")).toEqual(await treeOf("test-set"));

    const copy = await getPrisma().criteriaSet.findUniqueOrThrow({
      where: { code: "test-set-2023" },
      select: { version: true, lockedAt: true, previousVersion: { select: { code: true } } },
    });
    expect(copy).toEqual({ version: 2, lockedAt: null, previousVersion: { code: "test-set" } });
    const rule = await getPrisma().criterion.findFirstOrThrow({ where: { code: "1.1", criteriaSet: { code: "test-set-2023" } } });
    expect(rule.scoringRule).toEqual({ type: "yes_no" });

    const mappings = await getPrisma().criterionMapping.findMany({
      select: { from: { select: { code: true, criteriaSet: { select: { code: true } } } }, to: { select: { code: true, criteriaSet: { select: { code: true } } } } },
    });
    expect(mappings).toHaveLength(5);
    for (const mapping of mappings) {
      expect(mapping.from.criteriaSet.code).toBe("test-set-2023");
      expect(mapping.to.criteriaSet.code).toBe("test-set");
      expect(mapping.from.code).toBe(mapping.to.code);
    }
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "criteria_set.version" } });
    expect(audit.actorId).toBe(admin.userId);
    expect(audit.after).toMatchObject({ code: "test-set-2023", previousVersion: "test-set", nodes: 5 });
  });

  it("refuses a code that is taken or has spaces, with the message in both languages", async () => {
    await newVersion();
    const taken = await refusal(newVersion());
    expect(taken.code).toBe("exists");
    const spaced = await refusal(createCriteriaSetVersion(admin, { fromCode: "test-set", newCode: "bo moi", name: "x" }));
    expect(spaced.code).toBe("invalid");
    expect(spaced.vi).toContain("không có khoảng trắng");
    expect(spaced.en).toContain("no spaces");
    expect(spaced.issues.map((issue) => issue.path)).toEqual(["newCode"]);
  });

  it("is refused to an officer", async () => {
    await expect(createCriteriaSetVersion(officer, { fromCode: "test-set", newCode: "x", name: "x" })).rejects.toMatchObject({ code: "forbidden" });
  });
});

describe("editing the tree", () => {
  it("refuses every edit of a set used by a published period with 'locked' and says to create a new version", async () => {
    const edits = [
      () => addCriterion(admin, { setCode: "test-set", parentCode: "1", code: "1.3", name: "Mới", maxPoints: "1" }),
      () => updateCriterion(admin, { setCode: "test-set", code: "1.1", name: "Tên mới" }),
      () => moveCriterion(admin, { setCode: "test-set", code: "1.2", direction: "up" }),
      () => deleteCriterion(admin, { setCode: "test-set", code: "1.2" }),
    ];
    for (const edit of edits) {
      const error = await refusal(edit());
      expect(error.code).toBe("locked");
      expect(error.vi).toContain("tạo phiên bản mới");
      expect(error.en).toContain("new version");
    }
    expect(await getPrisma().auditLog.count({ where: { action: { startsWith: "criterion." } } })).toBe(0);
  });

  it("also refuses a set a published period uses even when it was never marked locked", async () => {
    await getPrisma().criteriaSet.update({ where: { code: "test-set" }, data: { lockedAt: null } });
    expect((await refusal(updateCriterion(admin, { setCode: "test-set", code: "1.1", name: "x" }))).code).toBe("locked");
  });

  it("reports max-sum and total problems after each edit, until the tree adds up again", async () => {
    await newVersion();
    const added = await addCriterion(admin, {
      setCode: "test-set-2023",
      parentCode: "1",
      code: "1.3",
      name: "Công tác tuyên truyền CCHC",
      nameEn: "Communication on PAR",
      maxPoints: "10,5",
      scoringRule: { type: "threshold", rows: [{ from: { value: 95, inclusive: true }, award: { kind: "fraction", value: 1 } }] },
    });
    expect(added.problems.map((problem) => [problem.kind, problem.code])).toEqual([["max-mismatch", "1"]]);
    const addition = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "criterion.add" } });
    expect(addition.after).toMatchObject({ set: "test-set-2023", code: "1.3", parent: "1", maxPoints: "10.5", method: "appraisal", position: 3 });
    const mismatch = added.problems[0]!;
    expect(mismatch.vi).toBe("Tiêu chí 1 có điểm tối đa 60 nhưng tổng điểm tối đa của các tiêu chí con là 70,5.");
    expect(mismatch.en).toBe("Criterion 1 has max points 60 but its children's max points sum to 70.5.");

    const lowered = await updateCriterion(admin, { setCode: "test-set-2023", code: "2.1", maxPoints: "29.5" });
    expect(lowered.problems.map((problem) => [problem.kind, problem.code])).toEqual([
      ["max-mismatch", "1"],
      ["max-mismatch", "2"],
    ]);
    const raised = await updateCriterion(admin, { setCode: "test-set-2023", code: "1", maxPoints: "70.5" });
    expect(raised.problems.map((problem) => [problem.kind, problem.code])).toEqual([
      ["max-mismatch", "2"],
      ["total-not-100", null],
    ]);
    expect(raised.problems[1]!.vi).toBe("Tổng điểm tối đa của các lĩnh vực là 110,5, phải bằng 100.");
    const fixed = await updateCriterion(admin, { setCode: "test-set-2023", code: "2", maxPoints: "29,5" });
    expect(fixed.problems).toEqual([]);
    expect((await validateCriteriaSet(admin, "test-set-2023")).problems).toEqual([]);
    expect(await getPrisma().auditLog.count({ where: { action: "criterion.update" } })).toBe(3);
    const update = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "criterion.update", entityId: { not: null } }, orderBy: { id: "asc" } });
    expect(update.before).toEqual({ set: "test-set-2023", code: "2.1", maxPoints: "40" });
    expect(update.after).toEqual({ set: "test-set-2023", code: "2.1", maxPoints: "29.5" });
  });

  it("keeps a period from using a set with problems until they are fixed", async () => {
    await newVersion();
    await addCriterion(admin, { setCode: "test-set-2023", code: "3", name: "Lĩnh vực mới", maxPoints: "5" });
    const set = await getPrisma().criteriaSet.findUniqueOrThrow({ where: { code: "test-set-2023" } });
    const error = await refusal(inTransaction((tx) => assertCriteriaSetUsable(tx, set.id)));
    expect(error.code).toBe("criteria_set_invalid");
    expect(error.vi).toContain("phải bằng 100");
    expect(error.en).toContain("must sum to 100");
    await deleteCriterion(admin, { setCode: "test-set-2023", code: "3" });
    await expect(inTransaction((tx) => assertCriteriaSetUsable(tx, set.id))).resolves.toBeUndefined();
  });

  it("refuses a fourth level, a taken code and a parent that does not exist", async () => {
    await newVersion();
    await addCriterion(admin, { setCode: "test-set-2023", parentCode: "1.2", code: "1.2.1", name: "Cấp ba", maxPoints: "30" });
    expect((await refusal(addCriterion(admin, { setCode: "test-set-2023", parentCode: "1.2.1", code: "1.2.1.1", name: "Cấp bốn", maxPoints: "30" }))).code).toBe("too_deep");
    expect((await refusal(addCriterion(admin, { setCode: "test-set-2023", parentCode: "1", code: "1.1", name: "Trùng", maxPoints: "1" }))).code).toBe("exists");
    expect((await refusal(addCriterion(admin, { setCode: "test-set-2023", parentCode: "9", code: "9.1", name: "x", maxPoints: "1" }))).code).toBe("not_found");
  });

  it("answers bad input in both languages: code with spaces, 5 decimals, negative max, empty name", async () => {
    await newVersion();
    const bad = await refusal(addCriterion(admin, { setCode: "test-set-2023", parentCode: "1", code: "1 3", name: "  ", maxPoints: "1,23456" }));
    expect(bad.code).toBe("invalid");
    expect(bad.issues.map((issue) => issue.path).sort()).toEqual(["code", "maxPoints", "name"]);
    expect(bad.vi).toContain("không có khoảng trắng");
    expect(bad.vi).toContain("Tên không được để trống");
    expect(bad.vi).toContain("chỉ được tối đa 4");
    expect(bad.en).toContain("at most 4 are allowed");
    const negative = await refusal(updateCriterion(admin, { setCode: "test-set-2023", code: "1.1", maxPoints: "-3" }));
    expect(negative.issues).toEqual([
      { path: "maxPoints", vi: 'Điểm tối đa: Giá trị "-3" không được âm', en: 'Max points: The value "-3" must not be negative' },
    ]);
    const rule = await refusal(addCriterion(admin, { setCode: "test-set-2023", parentCode: "1", code: "1.3", name: "x", maxPoints: "2", scoringRule: { type: "count", mode: "thresholds", rows: [{ atLeast: 1, award: { kind: "points", value: 3 } }] } }));
    expect(rule.code).toBe("invalid");
    expect(rule.en).toContain("awards more than its max of 2");
  });

  it("reorders siblings up, down and to a position", async () => {
    await newVersion();
    await addCriterion(admin, { setCode: "test-set-2023", parentCode: "1", code: "1.3", name: "Ba", maxPoints: "1" });
    await addCriterion(admin, { setCode: "test-set-2023", parentCode: "1", code: "1.0", name: "Đầu", maxPoints: "1", position: 0 });
    const order = async () =>
      (await getPrisma().criterion.findMany({ where: { criteriaSet: { code: "test-set-2023" }, parent: { code: "1" } }, orderBy: { order: "asc" } })).map((row) => row.code);
    expect(await order()).toEqual(["1.0", "1.1", "1.2", "1.3"]);
    await moveCriterion(admin, { setCode: "test-set-2023", code: "1.3", direction: "up" });
    expect(await order()).toEqual(["1.0", "1.1", "1.3", "1.2"]);
    await moveCriterion(admin, { setCode: "test-set-2023", code: "1.0", toIndex: 9 });
    expect(await order()).toEqual(["1.1", "1.3", "1.2", "1.0"]);
    const top = await moveCriterion(admin, { setCode: "test-set-2023", code: "1.1", direction: "up" });
    expect(top.position).toBe(0);
    expect(await getPrisma().auditLog.count({ where: { action: "criterion.move" } })).toBe(2);
  });
});

describe("a set an open period scores on", () => {
  beforeEach(async () => {
    await newVersion();
    await openPeriod(
      {
        code: "thu-nghiem-2023",
        year: 2023,
        name: "Chỉ số CCHC năm 2023",
        authorityName: "UBND huyện Thử Nghiệm",
        criteriaSetCode: "test-set-2023",
        previousPeriodCode: "thu-nghiem-2022",
        units: [{ unitCode: "a", groupCode: "xa" }],
        openSelfAssessment: true,
      },
      COMMAND_LINE,
    );
    await saveSelfScores(officer, { periodCode: "thu-nghiem-2023", unitCode: "a", items: [{ criterionCode: "1.1", points: "25", expectedVersion: null }] });
  });

  it("refuses to delete a scored leaf or its field, with a clear message, and deletes an unscored one", async () => {
    const leaf = await refusal(deleteCriterion(admin, { setCode: "test-set-2023", code: "1.1" }));
    expect(leaf.code).toBe("scored");
    expect(leaf.vi).toBe(
      "Không thể xoá tiêu chí 1.1: tiêu chí này đã có điểm của 1 đơn vị, kèm ghi chú và tài liệu kiểm chứng. Có thể sửa tên hoặc điểm tối đa của tiêu chí, hoặc bỏ tiêu chí ở phiên bản mới của bộ chỉ số.",
    );
    const field = await refusal(deleteCriterion(admin, { setCode: "test-set-2023", code: "1" }));
    expect(field.code).toBe("scored");
    expect(field.en).toContain("(or one below it)");

    const deleted = await deleteCriterion(admin, { setCode: "test-set-2023", code: "1.2" });
    expect(deleted.deleted).toEqual(["1.2"]);
    expect(deleted.problems.map((problem) => [problem.kind, problem.code])).toEqual([["max-mismatch", "1"]]);
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "criterion.delete" } });
    expect(audit.before).toMatchObject({ set: "test-set-2023", code: "1.2", maxPoints: "30" });
  });

  it("keeps the tree a period is being appraised on: edits go into a new version", async () => {
    await transitionPeriod(admin, { periodCode: "thu-nghiem-2023", to: "appraisal", expectedStatus: "self_assessment" });
    const refused = await refusal(updateCriterion(admin, { setCode: "test-set-2023", code: "1.1", maxPoints: "35" }));
    expect(refused.code).toBe("locked");
    expect(refused.vi).toContain("đang được dùng để thẩm định kỳ đánh giá (thu-nghiem-2023)");
    expect((await loadCriteriaSetEditor(admin, "test-set-2023")).lock?.reason).toBe("period_under_appraisal");
    const row = await getPrisma().criterion.findFirstOrThrow({ where: { code: "1.1", criteriaSet: { code: "test-set-2023" } } });
    expect(row.maxPoints.toFixed()).toBe("30");
  });

  it("refuses a max below points already claimed and children under a scored leaf", async () => {
    expect((await refusal(updateCriterion(admin, { setCode: "test-set-2023", code: "1.1", maxPoints: "20" }))).code).toBe("scores_above_max");
    expect((await refusal(addCriterion(admin, { setCode: "test-set-2023", parentCode: "1.1", code: "1.1.1", name: "x", maxPoints: "30" }))).code).toBe("scored");
    await updateCriterion(admin, { setCode: "test-set-2023", code: "1.1", maxPoints: "25", name: "Kế hoạch CCHC năm" });
    const row = await getPrisma().criterion.findFirstOrThrow({ where: { code: "1.1", criteriaSet: { code: "test-set-2023" } } });
    expect([row.maxPoints.toFixed(), row.name]).toEqual(["25", "Kế hoạch CCHC năm"]);
  });

  it("shows the editor the tree, problems, periods using the set and the mapping to the previous version", async () => {
    await addCriterion(admin, { setCode: "test-set-2023", code: "3", name: "Chuyển đổi số", maxPoints: "5" });
    await mapCriteria(admin, { fromSetCode: "test-set-2023", toSetCode: "test-set", pairs: [{ from: "2", to: "2", remove: true }] });
    const view = await loadCriteriaSetEditor(admin, "test-set-2023");
    expect(view.lock).toBeNull();
    expect(view.previousVersion).toEqual({ code: "test-set", name: "Bộ chỉ số thử nghiệm", version: 1 });
    expect(view.periods).toEqual([{ code: "thu-nghiem-2023", name: "Chỉ số CCHC năm 2023", year: 2023, status: "self_assessment" }]);
    expect(view.tree.fields.map((field) => [field.code, field.maxPoints, field.childrenSum, field.subtreeScoredRows])).toEqual([
      ["1", "60", "60", 1],
      ["2", "40", "40", 0],
      ["3", "5", null, 0],
    ]);
    expect(view.tree.fields[0]!.mappedTo).toEqual([{ code: "1", name: "Công tác chỉ đạo, điều hành" }]);
    expect(view.tree.fields[1]!.mappedTo).toEqual([]);
    expect(view.unmappedPreviousFields).toEqual([{ code: "2", name: "Tác động của CCHC" }]);
    expect(view.problems.map((problem) => problem.kind)).toEqual(["total-not-100"]);

    const locked = await loadCriteriaSetEditor(admin, "test-set");
    expect(locked.lock?.reason).toBe("locked");
    expect(locked.nextVersions).toEqual([{ code: "test-set-2023", name: "Bộ chỉ số thử nghiệm 2023", version: 2 }]);
    const list = await listCriteriaSets(admin);
    expect(list.map((set) => [set.code, set.locked, set.nodes])).toEqual([
      ["test-set-2023", false, 6],
      ["test-set", true, 5],
    ]);
  });
});

describe("mapping versions", () => {
  it("declares and removes correspondences between fields, in either direction, but not across levels", async () => {
    await newVersion();
    const removed = await mapCriteria(admin, { fromSetCode: "test-set", toSetCode: "test-set-2023", pairs: [{ from: "1", to: "1", remove: true }] });
    expect(removed.removed).toEqual([{ from: "1", to: "1" }]);
    const again = await mapCriteria(admin, { fromSetCode: "test-set-2023", toSetCode: "test-set", pairs: [{ from: "1", to: "1" }, { from: "2", to: "2" }] });
    expect(again.added).toEqual([{ from: "1", to: "1" }]);
    expect(await getPrisma().criterionMapping.count()).toBe(5);
    expect((await refusal(mapCriteria(admin, { fromSetCode: "test-set-2023", toSetCode: "test-set", pairs: [{ from: "1", to: "1.1" }] }))).code).toBe("wrong_level");
    expect((await refusal(mapCriteria(admin, { fromSetCode: "test-set-2023", toSetCode: "test-set", pairs: [{ from: "7", to: "1" }] }))).code).toBe("not_found");
    expect(await getPrisma().auditLog.count({ where: { action: "criteria_set.map" } })).toBe(2);
  });
});
