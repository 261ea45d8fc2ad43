import { beforeEach, describe, expect, it } from "vitest";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { importResultsPackage } from "@/lib/services/import-results-package";
import { openPeriod } from "@/lib/services/open-period";
import { createUser } from "@/lib/services/create-user";
import { saveSelfScores } from "@/lib/services/save-self-scores";
import { mergeUnits } from "@/lib/services/merge-units";
import { createUnit } from "@/lib/services/create-unit";
import { createGroup } from "@/lib/services/create-group";
import { createCriteriaSetVersion } from "@/lib/services/create-criteria-set-version";
import { clonePeriod } from "@/lib/services/clone-period";
import { updatePeriodSettings } from "@/lib/services/update-period-settings";
import { setPeriodBands } from "@/lib/services/set-period-bands";
import { setPeriodUnits } from "@/lib/services/set-period-units";
import { loadPeriodSetup } from "@/lib/services/load-period-setup";
import { SetupError } from "@/lib/domain/setup-error";
import { findUserActor } from "@/lib/data/database-state";
import { getPrisma } from "@/lib/data/prisma";
import { COMMAND_LINE, type UserActor } from "@/lib/auth/actor";
import { buildPackage } from "@/tests/support/results-package-factory";
import { withTestDatabase } from "@/tests/support/test-database";

withTestDatabase();

let admin: UserActor;

async function refusal(promise: Promise<unknown>): Promise<SetupError<string>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SetupError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

async function periodRow(code: string) {
  return getPrisma().period.findUniqueOrThrow({
    where: { code },
    select: {
      status: true,
      year: true,
      authority: { select: { code: true } },
      criteriaSet: { select: { code: true } },
      previousPeriod: { select: { code: true } },
      tieBreakers: true,
      publishSelfPoints: true,
      selfAssessmentOpensAt: true,
      selfAssessmentDeadline: true,
      appraisalDeadline: true,
      updatedAt: true,
      bands: { select: { label: true, labelEn: true, minIndex: true, color: true, headAssessment: true }, orderBy: { minIndex: "desc" } },
      assessments: { select: { unit: { select: { code: true } }, group: { select: { code: true } } }, orderBy: { unit: { code: "asc" } } },
    },
  });
}

beforeEach(async () => {
  const parsed = parseResultsPackage(
    JSON.stringify(
      buildPackage({
        code: "thu-nghiem-2022",
        year: 2022,
        tieBreakers: ["surveyPoints"],
        units: [
          { code: "a", name: "UBND xã A", points: [30, 28, 35] },
          { code: "b", name: "UBND xã B", points: [25, 25, 30] },
          { code: "c", name: "UBND xã C", points: [20, 25, 30] },
          { code: "d", name: "UBND xã D", points: [20, 20, 30] },
        ],
      }),
    ),
  );
  if (!parsed.ok) throw new Error("fixture");
  await importResultsPackage({ pkg: parsed.package, replace: false, publish: true, actor: COMMAND_LINE });
  // Last year's dates and band details, as home affairs would have set them.
  await getPrisma().period.update({
    where: { code: "thu-nghiem-2022" },
    data: {
      selfAssessmentOpensAt: new Date("2023-01-05T00:00:00+07:00"),
      selfAssessmentDeadline: new Date("2023-02-20T23:59:59+07:00"),
      appraisalDeadline: new Date("2023-04-15T17:00:00+07:00"),
      publishSelfPoints: true,
    },
  });
  await getPrisma().band.updateMany({
    where: { label: "Xuất sắc" },
    data: { labelEn: "Excellent", color: "green", headAssessment: "Hoàn thành xuất sắc nhiệm vụ" },
  });
  await createUser({ email: "admin@example.vn", name: "Sở Nội vụ", role: "admin", password: "mat-khau-dai" }, COMMAND_LINE);
  admin = (await findUserActor("admin@example.vn"))!;
});

async function cloneNextYear(extra: { criteriaSetCode?: string } = {}) {
  return clonePeriod(admin, { fromPeriodCode: "thu-nghiem-2022", code: "thu-nghiem-2023", year: 2023, name: "Chỉ số CCHC năm 2023", ...extra });
}

describe("cloning last year's period", () => {
  it("brings its units and groups, bands, tie-breakers and settings, deadlines a year later, as a draft linked to it", async () => {
    const result = await cloneNextYear();
    expect(result).toMatchObject({ code: "thu-nghiem-2023", criteriaSetCode: "test-set", bands: 5, skipped: [], criteriaSetProblems: [] });
    const [source, clone] = [await periodRow("thu-nghiem-2022"), await periodRow("thu-nghiem-2023")];
    expect(clone.status).toBe("draft");
    expect(clone.previousPeriod).toEqual({ code: "thu-nghiem-2022" });
    expect(clone.authority).toEqual(source.authority);
    expect(clone.criteriaSet).toEqual({ code: "test-set" });
    expect(clone.tieBreakers).toEqual(["surveyPoints"]);
    expect(clone.publishSelfPoints).toBe(true);
    expect(clone.bands).toEqual(source.bands);
    expect(clone.bands[0]).toMatchObject({ label: "Xuất sắc", labelEn: "Excellent", color: "green", headAssessment: "Hoàn thành xuất sắc nhiệm vụ" });
    expect(clone.assessments).toEqual(source.assessments);
    expect(clone.selfAssessmentOpensAt).toEqual(new Date("2024-01-05T00:00:00+07:00"));
    expect(clone.selfAssessmentDeadline).toEqual(new Date("2024-02-20T23:59:59+07:00"));
    expect(clone.appraisalDeadline).toEqual(new Date("2024-04-15T17:00:00+07:00"));
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "period.clone" } });
    expect(audit).toMatchObject({ actorId: admin.userId, before: { from: "thu-nghiem-2022" } });
    expect(audit.after).toMatchObject({ code: "thu-nghiem-2023", status: "draft", units: 4, bands: 5 });
  });

  it("follows a merge to the successor in the predecessors' group, and leaves out a unit dissolved without successor", async () => {
    await createGroup(admin, { code: "phuong", name: "Khối phường" });
    await mergeUnits(admin, { predecessorCodes: ["a", "b"], successor: { code: "ab", name: "UBND xã AB", kind: "commune" }, effectiveOn: "2023-01-01" });
    await getPrisma().unit.update({ where: { code: "d" }, data: { dissolvedOn: new Date("2023-01-01T00:00:00Z") } });
    const result = await cloneNextYear();
    expect(result.units).toEqual([
      { unitCode: "ab", groupCode: "xa", replaces: ["a", "b"] },
      { unitCode: "c", groupCode: "xa", replaces: [] },
    ]);
    expect(result.skipped).toEqual([{ unitCode: "d", reason: "dissolved_without_successor" }]);
    expect((await periodRow("thu-nghiem-2023")).assessments.map((row) => row.unit.code)).toEqual(["ab", "c"]);
  });

  it("uses another criteria set when asked, and says what keeps it from opening", async () => {
    await createCriteriaSetVersion(admin, { fromCode: "test-set", newCode: "test-set-2023", name: "Bộ chỉ số 2023" });
    await getPrisma().criterion.updateMany({ where: { code: "2", criteriaSet: { code: "test-set-2023" } }, data: { maxPoints: "45" } });
    const result = await cloneNextYear({ criteriaSetCode: "test-set-2023" });
    expect(result.criteriaSetCode).toBe("test-set-2023");
    expect(result.criteriaSetProblems.map((problem) => problem.kind)).toEqual(["max-mismatch", "total-not-100"]);
  });

  it("refuses a taken code, an unknown source or set, an earlier year and a code with spaces", async () => {
    await cloneNextYear();
    expect((await refusal(cloneNextYear())).code).toBe("exists");
    expect((await refusal(clonePeriod(admin, { fromPeriodCode: "khong-co", code: "x", year: 2023, name: "x" }))).code).toBe("not_found");
    expect(
      (await refusal(clonePeriod(admin, { fromPeriodCode: "thu-nghiem-2022", code: "thu-nghiem-2024", year: 2024, name: "x", criteriaSetCode: "khong-co" }))).code,
    ).toBe("unknown_reference");
    expect((await refusal(clonePeriod(admin, { fromPeriodCode: "thu-nghiem-2022", code: "cu", year: 2021, name: "x" }))).code).toBe("invalid");
    const spaced = await refusal(clonePeriod(admin, { fromPeriodCode: "thu-nghiem-2022", code: "ky moi", year: 2024, name: "" }));
    expect(spaced.issues.map((issue) => issue.path)).toEqual(["code", "name"]);
    expect(spaced.vi).toContain("không có khoảng trắng");
  });
});

describe("period settings", () => {
  it("changes name, dates, tie-breakers and (in draft) the criteria set, audited with before and after", async () => {
    await cloneNextYear();
    await createCriteriaSetVersion(admin, { fromCode: "test-set", newCode: "test-set-2023", name: "Bộ chỉ số 2023" });
    const { updatedAt } = await periodRow("thu-nghiem-2023");
    const settings = await updatePeriodSettings(admin, {
      periodCode: "thu-nghiem-2023",
      name: "Chỉ số CCHC năm 2023 của huyện",
      selfAssessmentDeadline: "2024-02-25T23:59:59+07:00",
      tieBreakers: ["appraisalPoints", "surveyPoints"],
      criteriaSetCode: "test-set-2023",
      expectedUpdatedAt: updatedAt,
    });
    expect(settings).toMatchObject({
      name: "Chỉ số CCHC năm 2023 của huyện",
      criteriaSetCode: "test-set-2023",
      tieBreakers: ["appraisalPoints", "surveyPoints"],
      selfAssessmentDeadline: new Date("2024-02-25T23:59:59+07:00"),
    });
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "period.settings" } });
    expect(audit.before).toEqual({
      name: "Chỉ số CCHC năm 2023",
      criteriaSetCode: "test-set",
      selfAssessmentDeadline: "2024-02-20T16:59:59.000Z",
      tieBreakers: ["surveyPoints"],
    });

    const stale = await refusal(updatePeriodSettings(admin, { periodCode: "thu-nghiem-2023", name: "Khác", expectedUpdatedAt: updatedAt }));
    expect(stale.code).toBe("stale");
    expect(stale.vi).toContain("tải lại trang");
  });

  it("refuses deadlines out of order and repeated tie-breakers, in both languages", async () => {
    await cloneNextYear();
    const { updatedAt } = await periodRow("thu-nghiem-2023");
    const order = await refusal(
      updatePeriodSettings(admin, { periodCode: "thu-nghiem-2023", appraisalDeadline: "2024-02-01T00:00:00+07:00", expectedUpdatedAt: updatedAt }),
    );
    expect(order.code).toBe("invalid");
    expect(order.vi).toBe("Hạn thẩm định phải sau hạn tự đánh giá.");
    expect(order.en).toBe("The appraisal deadline must come after the self-assessment deadline.");
    expect(order.issues).toEqual([{ path: "appraisalDeadline", vi: "Hạn thẩm định phải sau hạn tự đánh giá.", en: "The appraisal deadline must come after the self-assessment deadline." }]);
    const repeated = await refusal(updatePeriodSettings(admin, { periodCode: "thu-nghiem-2023", tieBreakers: ["surveyPoints", "surveyPoints"], expectedUpdatedAt: updatedAt }));
    expect(repeated.issues[0]).toMatchObject({ path: "tieBreakers", en: "Each tie-breaker may be listed once" });
  });

  it("refuses settings, bands and units once the period is published", async () => {
    const { updatedAt } = await periodRow("thu-nghiem-2022");
    const settings = await refusal(updatePeriodSettings(admin, { periodCode: "thu-nghiem-2022", name: "Đổi tên", expectedUpdatedAt: updatedAt }));
    expect(settings.code).toBe("published");
    expect(settings.vi).toContain("đính chính");
    expect((await refusal(setPeriodBands(admin, { periodCode: "thu-nghiem-2022", bands: [] }))).code).toBe("published");
    expect((await refusal(setPeriodUnits(admin, { periodCode: "thu-nghiem-2022", units: [] }))).code).toBe("published");
    expect((await periodRow("thu-nghiem-2022")).bands).toHaveLength(5);
    expect(await getPrisma().auditLog.count({ where: { action: { in: ["period.settings", "period.bands", "period.units"] } } })).toBe(0);
  });
});

describe("bands", () => {
  it("replaces the bands (decimal comma accepted) and says what happens below the lowest one", async () => {
    await cloneNextYear();
    const result = await setPeriodBands(admin, {
      periodCode: "thu-nghiem-2023",
      bands: [
        { label: "A", labelEn: "A", minIndex: "90", color: "#1a7f37", headAssessment: "Hoàn thành xuất sắc nhiệm vụ" },
        { label: "B", minIndex: "80" },
        { label: "C", minIndex: "70,5" },
      ],
    });
    expect(result.bands.map((band) => [band.label, band.minIndex, band.below])).toEqual([
      ["A", "90", null],
      ["B", "80", "90"],
      ["C", "70.5", "80"],
    ]);
    expect(result.unbandedBelow).toBe("70.5");
    expect(result.notice!.vi).toContain("dưới 70,5 không thuộc mức nào nên không được xếp loại");
    expect(result.notice!.en).toContain("below 70.5 fall under no band");
    expect((await periodRow("thu-nghiem-2023")).bands.map((band) => band.label)).toEqual(["A", "B", "C"]);
    const audit = await getPrisma().auditLog.findFirstOrThrow({ where: { action: "period.bands" } });
    expect((audit.before as { bands: unknown[] }).bands).toHaveLength(5);
    expect((audit.after as { bands: unknown[] }).bands).toHaveLength(3);

    const full = await setPeriodBands(admin, { periodCode: "thu-nghiem-2023", bands: [{ label: "Đạt", minIndex: "50" }, { label: "Chưa đạt", minIndex: "0" }] });
    expect(full.notice).toBeNull();
  });

  it("refuses repeated labels or thresholds, 5 decimals, negative or above 100", async () => {
    await cloneNextYear();
    const values = await refusal(
      setPeriodBands(admin, {
        periodCode: "thu-nghiem-2023",
        bands: [
          { label: "Khá", minIndex: "70,12345" },
          { label: "Yếu", minIndex: "-1" },
          { label: "Quá", minIndex: "100.5" },
          { label: "", minIndex: "10" },
        ],
      }),
    );
    expect(values.code).toBe("invalid");
    expect(values.issues.map((issue) => issue.path)).toEqual(["bands.0.minIndex", "bands.1.minIndex", "bands.2.minIndex", "bands.3.label"]);
    expect(values.en).toContain("has 5 decimal places");
    expect(values.vi).toContain("không được âm");
    expect(values.vi).toContain("không được vượt quá 100");
    const repeated = await refusal(
      setPeriodBands(admin, { periodCode: "thu-nghiem-2023", bands: [{ label: "Tốt", minIndex: "80" }, { label: "tốt", minIndex: "80.00" }] }),
    );
    expect(repeated.issues.map((issue) => issue.path)).toEqual(["bands.1.label", "bands.1.minIndex"]);
    expect(repeated.vi).toContain('Mức xếp loại "tốt" bị trùng với mức thứ 1');
    expect(repeated.en).toContain("Two bands start at the same index 80");
    expect((await periodRow("thu-nghiem-2023")).bands).toHaveLength(5);
  });
});

describe("a period's units", () => {
  it("adds, removes and moves units between groups while a draft, audited", async () => {
    await cloneNextYear();
    await createUnit(admin, { code: "e", name: "UBND xã E", kind: "commune" });
    await createGroup(admin, { code: "phuong", name: "Khối phường" });
    const result = await setPeriodUnits(admin, {
      periodCode: "thu-nghiem-2023",
      units: [
        { unitCode: "a", groupCode: "xa" },
        { unitCode: "b", groupCode: "xa" },
        { unitCode: "c", groupCode: "phuong" },
        { unitCode: "e", groupCode: "phuong" },
      ],
    });
    expect(result).toEqual({
      added: [{ unitCode: "e", groupCode: "phuong" }],
      removed: ["d"],
      moved: [{ unitCode: "c", from: "xa", to: "phuong" }],
      units: 4,
    });
    expect((await periodRow("thu-nghiem-2023")).assessments.map((row) => `${row.unit.code}:${row.group.code}`)).toEqual(["a:xa", "b:xa", "c:phuong", "e:phuong"]);
    expect(await getPrisma().auditLog.count({ where: { action: "period.units" } })).toBe(1);

    const view = await loadPeriodSetup(admin, "thu-nghiem-2023");
    expect(view.groups.map((group) => [group.code, group.units.map((unit) => unit.code)])).toEqual([
      ["xa", ["a", "b"]],
      ["phuong", ["c", "e"]],
    ]);
    expect(view.editable).toEqual({ settings: true, bands: true, units: true });
    expect(view.previousPeriod?.code).toBe("thu-nghiem-2022");
    expect(view.bands.notice).toBeNull();
  });

  it("refuses a dissolved or unknown unit, and removing a unit that already has scores", async () => {
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
        ],
        openSelfAssessment: true,
      },
      COMMAND_LINE,
    );
    await createUser({ email: "a@example.vn", name: "Cán bộ xã A", role: "unit_officer", unitCode: "a", password: "mat-khau-dai" }, COMMAND_LINE);
    const officer = (await findUserActor("a@example.vn"))!;
    await saveSelfScores(officer, { periodCode: "thu-nghiem-2023", unitCode: "a", items: [{ criterionCode: "1.1", points: "20", expectedVersion: null }] });

    const scored = await refusal(setPeriodUnits(admin, { periodCode: "thu-nghiem-2023", units: [{ unitCode: "b", groupCode: "xa" }] }));
    expect(scored.code).toBe("has_scores");
    expect(scored.vi).toContain("UBND xã A (a)");
    await getPrisma().unit.update({ where: { code: "d" }, data: { dissolvedOn: new Date("2023-01-01T00:00:00Z") } });
    const dissolved = await refusal(
      setPeriodUnits(admin, { periodCode: "thu-nghiem-2023", units: [{ unitCode: "a", groupCode: "xa" }, { unitCode: "b", groupCode: "xa" }, { unitCode: "d", groupCode: "xa" }] }),
    );
    expect(dissolved.code).toBe("dissolved");
    expect((await refusal(setPeriodUnits(admin, { periodCode: "thu-nghiem-2023", units: [{ unitCode: "z", groupCode: "xa" }] }))).code).toBe("unknown_reference");
    // Removing the unscored one is fine while self-assessment is open.
    await setPeriodUnits(admin, { periodCode: "thu-nghiem-2023", units: [{ unitCode: "a", groupCode: "xa" }] });
    expect((await periodRow("thu-nghiem-2023")).assessments.map((row) => row.unit.code)).toEqual(["a"]);
  });
});
