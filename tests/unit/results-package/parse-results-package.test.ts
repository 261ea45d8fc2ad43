import Decimal from "decimal.js";
import { describe, expect, it } from "vitest";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import type { ValidationIssue } from "@/lib/results-package/validation-error";
import { expectWellFormed, fixture, FIXTURE_TEXT, type Loose } from "./fixtures/commune-fixture";

function issuesOf(input: unknown): ValidationIssue[] {
  const result = parseResultsPackage(typeof input === "string" ? input : JSON.stringify(input));
  if (result.ok) throw new Error("expected the package to be rejected");
  expectWellFormed(result.issues);
  return result.issues;
}

function only(issues: ValidationIssue[], code: string): ValidationIssue {
  const found = issues.filter((i) => i.code === code);
  expect(found, JSON.stringify(issues, null, 1)).toHaveLength(1);
  return found[0]!;
}

function leafSum(scores: { unit: string; points: Decimal | null; notApplicable: boolean }[], unit: string): string {
  return scores
    .filter((s) => s.unit === unit && !s.notApplicable)
    .reduce((sum, s) => sum.plus(s.points ?? 0), new Decimal(0))
    .toFixed();
}

describe("a valid package", () => {
  const result = parseResultsPackage(Buffer.from(FIXTURE_TEXT, "utf8"));
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 1));
  const pkg = result.package;

  it("keeps the period, with the decision date as YYYY-MM-DD", () => {
    expect(pkg.period).toEqual({
      code: "tien-phuoc-2022",
      year: 2022,
      name: "Chỉ số CCHC năm 2022 — huyện Tiên Phước",
      authority: "UBND huyện Tiên Phước",
      previous: "tien-phuoc-2021",
      decision: { number: "214/QĐ-UBND", date: "2023-01-12" },
    });
  });

  it("flattens the criteria tree in tree order with depth, order and exact maxima", () => {
    const byCode = new Map(pkg.criteriaSet.criteria.map((c) => [c.code, c]));
    expect(pkg.criteriaSet.criteria.map((c) => c.code).slice(0, 7)).toEqual(["1", "1.1", "1.2", "1.3", "1.3.1", "1.3.2", "2"]);
    const fields = pkg.criteriaSet.criteria.filter((c) => c.depth === 1);
    expect(fields.map((c) => c.maxPoints.toFixed())).toEqual(["13.5", "3", "21", "6", "9", "5", "11", "31.5"]);
    expect(fields.map((c) => c.order)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(byCode.get("1.3.2")).toMatchObject({ parentCode: "1.3", depth: 3, order: 2, isLeaf: true, method: "appraisal" });
    expect(byCode.get("1.3")).toMatchObject({ parentCode: "1", depth: 2, isLeaf: false });
    expect(byCode.get("8.2")).toMatchObject({ method: "survey", isLeaf: true });
    expect(pkg.criteriaSet.criteria.filter((c) => c.isLeaf)).toHaveLength(20);
  });

  it("reads points exactly, with the decimal comma, N/A rows and 1-based rows", () => {
    expect(pkg.scores).toHaveLength(60);
    expect(leafSum(pkg.scores, "tien-chau")).toBe("85.82");
    const comma = pkg.scores.find((s) => s.unit === "tien-ky" && s.criterion === "3.2");
    expect(comma?.points?.toFixed()).toBe("6.875");
    const na = pkg.scores.find((s) => s.unit === "tien-lanh" && s.criterion === "2.1");
    expect(na).toMatchObject({ notApplicable: true, points: null, selfPoints: null, reason: null, row: 25 });
    const adjusted = pkg.scores.find((s) => s.unit === "tien-chau" && s.criterion === "1.3.2");
    expect(adjusted?.points?.toFixed()).toBe("3.47");
    expect(adjusted?.selfPoints?.toFixed()).toBe("3.5");
    expect(adjusted?.reason).toMatch(/kiến nghị/);
    expect(pkg.scores.map((s) => s.row)).toEqual(pkg.scores.map((_, i) => i + 1));
  });

  it("sorts bands highest first and keeps tie-breakers, units and SIPAS", () => {
    expect(pkg.bands.map((b) => [b.label, b.minIndex.toFixed()])).toEqual([
      ["Xuất sắc", "90"],
      ["Tốt", "80"],
      ["Khá", "70"],
      ["Trung bình", "50"],
      ["Yếu", "0"],
    ]);
    expect(pkg.tieBreakers).toEqual(["appraisalPoints", "surveyPoints"]);
    expect(pkg.units.map((u) => u.predecessors)).toEqual([[], [], ["tien-ky-cu"]]);
    expect(pkg.sipas[0]?.index.toFixed()).toBe("97.27");
    expect(pkg.sipas[0]?.elements.map((e) => e.index.toFixed())).toEqual(["96.1", "98.4"]);
    expect(pkg.sipas[1]?.elements).toEqual([]);
  });

  it("accepts the same package as text, bytes with a BOM, or a parsed value", () => {
    const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(FIXTURE_TEXT, "utf8")]);
    for (const input of [FIXTURE_TEXT, `\uFEFF${FIXTURE_TEXT}`, bom, fixture()]) {
      const again = parseResultsPackage(input);
      expect(again.ok).toBe(true);
      if (again.ok) expect(again.package.scores).toHaveLength(60);
    }
  });

  it("ignores unknown fields, takes null for an absent optional field, and normalizes text", () => {
    const json = fixture();
    json.generator = "excel-macro 2.1";
    json.period.previous = null;
    json.period.decision = null;
    json.units[0].nameEn = "Tien Chau commune";
    json.units[0].name = "  UBND xa\u0303 Tie\u0302n Cha\u0302u "; // decomposed (NFD) and padded
    json.scores[0].extra = { anything: true };
    json.bands = null;
    const result = parseResultsPackage(JSON.stringify(json));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.package.period.previous).toBeNull();
    expect(result.package.period.decision).toBeNull();
    expect(result.package.units[0]?.name).toBe("UBND xã Tiên Châu");
    expect(result.package.bands).toEqual([]);
  });

  it("sums a parent's maximum when the parent leaves it out, and inherits the method", () => {
    const json = fixture();
    delete json.criteriaSet.criteria[0].maxPoints;
    delete json.criteriaSet.criteria[0].children[2].maxPoints;
    delete json.criteriaSet.criteria[7].children[0].method;
    const result = parseResultsPackage(JSON.stringify(json));
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    const byCode = new Map(result.package.criteriaSet.criteria.map((c) => [c.code, c]));
    expect(byCode.get("1")?.maxPoints.toFixed()).toBe("13.5");
    expect(byCode.get("1.3")?.maxPoints.toFixed()).toBe("6");
    expect(byCode.get("8.1")?.method).toBe("survey");
  });

  it("accepts a not-applicable row that still gives valid points", () => {
    const json = fixture();
    json.scores[24].points = "1,5";
    const result = parseResultsPackage(JSON.stringify(json));
    expect(result.ok && result.package.scores[24]?.points?.toFixed()).toBe("1.5");
  });
});

describe("points", () => {
  it("above the leaf's maximum", () => {
    const json = fixture();
    json.scores[0].points = 3.01; // leaf 1.1 is worth 3
    const issue = only(issuesOf(json), "points_above_max");
    expect(issue).toMatchObject({ path: "scores[0].points", row: 1, field: "points" });
    expect(issue.vi).toContain("Điểm 3,01 vượt quá điểm tối đa 3");
    expect(issue.en).toContain("Points 3.01 exceed the maximum 3");
  });

  it("self-assessed points above the maximum", () => {
    const json = fixture();
    json.scores[1].selfPoints = "4,6";
    expect(only(issuesOf(json), "points_above_max")).toMatchObject({ path: "scores[1].selfPoints", row: 2 });
  });

  it("negative", () => {
    const json = fixture();
    json.scores[3].points = -0.5;
    expect(only(issuesOf(json), "decimal_negative")).toMatchObject({ path: "scores[3].points", row: 4 });
  });

  it("with 5 decimals", () => {
    const json = fixture();
    json.scores[2].points = 1.23456;
    expect(only(issuesOf(json), "decimal_too_many_decimals").path).toBe("scores[2].points");
  });

  it("with more decimals than a double can hold", () => {
    const text = FIXTURE_TEXT.replace('"points": 3.47', '"points": 3.47000000000000000001');
    expect(text).not.toBe(FIXTURE_TEXT);
    expect(only(issuesOf(text), "decimal_too_many_decimals").path).toMatch(/^scores\[\d+\]\.points$/);
  });

  it('"12,5" is the same as "12.5"', () => {
    const a = fixture();
    const b = fixture();
    a.scores[6].points = "5,5";
    b.scores[6].points = "5.5";
    const ra = parseResultsPackage(a);
    const rb = parseResultsPackage(b);
    expect(ra.ok && rb.ok).toBe(true);
    if (ra.ok && rb.ok) expect(ra.package.scores[6]?.points?.eq(rb.package.scores[6]!.points!)).toBe(true);
  });

  it('"1.234,5" is refused as ambiguous', () => {
    const json = fixture();
    json.scores[8].points = "1.234,5";
    const issue = only(issuesOf(json), "decimal_grouped");
    expect(issue.path).toBe("scores[8].points");
    expect(issue.vi).toContain("1.234,5");
  });

  it("missing on an applicable row", () => {
    const json = fixture();
    delete json.scores[5].points;
    expect(only(issuesOf(json), "points_required")).toMatchObject({ path: "scores[5].points", row: 6 });
  });

  it("of the wrong type", () => {
    const json = fixture();
    json.scores[5].points = true;
    json.scores[6].notApplicable = "yes";
    const issues = issuesOf(json);
    expect(only(issues, "expected_decimal").path).toBe("scores[5].points");
    expect(only(issues, "wrong_type").path).toBe("scores[6].notApplicable");
  });
});

describe("score rows", () => {
  // Well-typed rows skip the schema; these check that they read the same, and that any row the
  // shortcut does not take still gets the schema's messages.
  it("normalizes padded or decomposed codes and reasons as the schema does", () => {
    const json = fixture();
    const { unit, criterion } = json.scores[0];
    json.scores[0].unit = `  ${unit} `;
    json.scores[0].criterion = `${criterion}\t`;
    json.scores[0].reason = "  Thie\u0302\u0301u ho\u0302\u0300 so\u031b  ";
    const result = parseResultsPackage(JSON.stringify(json));
    if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 1));
    expect(result.package.scores[0]).toMatchObject({ unit, criterion, reason: "Thiếu hồ sơ", row: 1 });
  });

  it("a row with one field of the wrong type gets the schema's issue for that field only", () => {
    const json = fixture();
    json.scores[1].unit = "";
    json.scores[2].criterion = 1.1;
    json.scores[3].reason = 5;
    json.scores[4].points = Infinity; // only possible in a value handed over in memory
    const rows = json.scores.length;
    const result = parseResultsPackage(json);
    if (result.ok) throw new Error("expected the package to be rejected");
    const issues = result.issues;
    expectWellFormed(issues);
    expect(only(issues, "empty_text").path).toBe("scores[1].unit");
    expect(only(issues, "expected_code_string").path).toBe("scores[2].criterion");
    expect(only(issues, "wrong_type")).toMatchObject({ path: "scores[3].reason" });
    expect(only(issues, "expected_decimal").path).toBe("scores[4].points");
    // A value passed in is read, never changed.
    expect(json.scores).toHaveLength(rows);
    expect(json.scores.every((row: unknown) => typeof row === "object" && row !== null)).toBe(true);
  });
});

describe("references", () => {
  it("an unknown unit, named once with all its rows and a suggestion", () => {
    const json = fixture();
    for (const score of json.scores) if (score.unit === "tien-ky") score.unit = "Tien-Ky";
    const issues = issuesOf(json);
    const issue = only(issues, "unknown_unit");
    expect(issue).toMatchObject({ path: "scores[40].unit", row: 41 });
    expect(issue.vi).toContain('"Tien-Ky"');
    expect(issue.vi).toContain("và 10 dòng khác");
    expect(issue.en).toContain('did you mean "tien-ky"?');
    // The declared unit now has no rows: one line for it, not twenty.
    expect(only(issues, "unit_without_scores")).toMatchObject({ path: "units[2]", row: 3 });
  });

  it("an unknown criterion", () => {
    const json = fixture();
    json.scores[3].criterion = "1.3.3";
    const issues = issuesOf(json);
    expect(only(issues, "unknown_criterion")).toMatchObject({ path: "scores[3].criterion", row: 4 });
    expect(only(issues, "missing_scores").vi).toContain("1.3.2");
  });

  it("an unknown group", () => {
    const json = fixture();
    json.units[1].group = "huyen";
    expect(only(issuesOf(json), "unknown_group")).toMatchObject({ path: "units[1].group", row: 2 });
  });

  it("a score on a criterion that has children", () => {
    const json = fixture();
    json.scores.push({ unit: "tien-chau", criterion: "1.3", points: 6 });
    const issue = only(issuesOf(json), "score_on_non_leaf");
    expect(issue).toMatchObject({ path: "scores[60].criterion", row: 61 });
    expect(issue.en).toContain("1.3.1, 1.3.2");
  });

  it("SIPAS rows of unknown units, out-of-range indices and bad response counts", () => {
    const json = fixture();
    json.sipas[0].unit = "tien-son";
    json.sipas[1].index = 100.5;
    json.sipas[1].responses = -3;
    json.sipas.push({ unit: "tien-lanh", index: 90, responses: 10 });
    const issues = issuesOf(json);
    expect(only(issues, "unknown_unit").path).toBe("sipas[0].unit");
    expect(only(issues, "index_out_of_range").path).toBe("sipas[1].index");
    expect(only(issues, "number_too_small").path).toBe("sipas[1].responses");
    expect(only(issues, "duplicate_sipas_unit").path).toBe("sipas[2].unit");
  });

  it("predecessors may be units of earlier packages, but not the unit itself", () => {
    const json = fixture();
    json.units[0].predecessors = ["tien-chau-cu", "tien-chau", "tien-chau-cu", ""];
    const issues = issuesOf(json);
    expect(only(issues, "predecessor_is_self").path).toBe("units[0].predecessors[1]");
    expect(only(issues, "duplicate_predecessor").path).toBe("units[0].predecessors[2]");
    expect(only(issues, "empty_text").path).toBe("units[0].predecessors[3]");
  });
});

describe("codes and rows", () => {
  it("a duplicate score row names both rows", () => {
    const json = fixture();
    json.scores.push({ ...json.scores[4] });
    const issue = only(issuesOf(json), "duplicate_score");
    expect(issue).toMatchObject({ path: "scores[60]", row: 61 });
    expect(issue.vi).toContain("dòng 5 (scores[4])");
    expect(issue.en).toContain("row 5 (scores[4])");
  });

  it("duplicate unit, group and criterion codes", () => {
    const json = fixture();
    json.units.push({ code: "tien-chau", name: "UBND xã Tiên Châu (trùng)", group: "xa" });
    json.groups.push({ code: "xa", name: "Khối xã" });
    json.criteriaSet.criteria[1].children[1].code = "1.1";
    const issues = issuesOf(json).filter((i) => i.code === "duplicate_code");
    expect(issues.map((i) => i.path).sort()).toEqual(
      ["criteriaSet.criteria[1].children[1].code", "groups[1].code", "units[3].code"].sort(),
    );
    expect(issues.find((i) => i.path.startsWith("criteria"))?.en).toContain("first at criteriaSet.criteria[0].children[0]");
  });

  it("a codes written as a number is refused, since 1.10 would become 1.1", () => {
    const json = fixture();
    json.scores[0].criterion = 1.1;
    expect(only(issuesOf(json), "expected_code_string").path).toBe("scores[0].criterion");
  });
});

describe("the criteria tree", () => {
  it("a parent whose maximum differs from its children's sum", () => {
    const json = fixture();
    json.criteriaSet.criteria[2].maxPoints = 20.5; // children: 6 + 7.25 + 7.75 = 21
    const issue = only(issuesOf(json), "max_points_mismatch");
    expect(issue.path).toBe("criteriaSet.criteria[2].maxPoints");
    expect(issue.vi).toContain("20,5");
    expect(issue.vi).toContain("21");
  });

  it("a leaf without a maximum, or with 0", () => {
    const json = fixture();
    delete json.criteriaSet.criteria[1].children[0].maxPoints;
    json.criteriaSet.criteria[1].children[1].maxPoints = 0;
    const issues = issuesOf(json);
    expect(only(issues, "leaf_max_points_required").path).toBe("criteriaSet.criteria[1].children[0].maxPoints");
    expect(only(issues, "leaf_max_points_not_positive").path).toBe("criteriaSet.criteria[1].children[1].maxPoints");
  });

  it("a malformed node does not hide the errors below it", () => {
    const json = fixture();
    json.criteriaSet.criteria[0].name = "";
    json.criteriaSet.criteria[0].children[2].maxPoints = 7;
    const issues = issuesOf(json);
    expect(only(issues, "empty_text").path).toBe("criteriaSet.criteria[0].name");
    expect(only(issues, "max_points_mismatch").path).toBe("criteriaSet.criteria[0].children[2].maxPoints");
    // Scores of leaves below the malformed node are not reported as unknown.
    expect(issues.filter((i) => i.code === "unknown_criterion")).toEqual([]);
  });

  it("an unknown method", () => {
    const json = fixture();
    json.criteriaSet.criteria[7].method = "khảo sát";
    const issue = only(issuesOf(json), "invalid_option");
    expect(issue.path).toBe("criteriaSet.criteria[7].method");
    expect(issue.en).toContain("appraisal, survey");
  });
});

describe("completeness", () => {
  it("lists a unit's missing leaves in one issue", () => {
    const json = fixture();
    json.scores = json.scores.filter((s: Loose, i: number) => !(s.unit === "tien-lanh" && i % 2 === 0));
    const issue = only(issuesOf(json), "missing_scores");
    expect(issue).toMatchObject({ path: "units[1]", row: 2 });
    expect(issue.vi).toContain("thiếu điểm");
    expect(issue.vi).toContain("cho 10 tiêu chí");
  });

  it("a leaf nobody scored is one issue, not one per unit", () => {
    const json = fixture();
    json.scores = json.scores.filter((s: Loose) => s.criterion !== "6.2");
    const issue = only(issuesOf(json), "leaf_without_scores");
    expect(issue.path).toBe("criteriaSet.criteria[5].children[1]");
    expect(issuesOf(json)).toHaveLength(1);
  });

  it("a unit with many missing leaves lists ten, then how many more", () => {
    const json = fixture();
    json.scores = json.scores.filter((s: Loose) => s.unit !== "tien-ky" || s.criterion === "1.1");
    const issue = only(issuesOf(json), "missing_scores");
    expect(issue.en).toContain("for 19 criteria");
    expect(issue.en).toContain("and 9 more criteria");
  });

  it("no scores at all", () => {
    const json = fixture();
    json.scores = [];
    expect(issuesOf(json).map((i) => i.code)).toEqual(["no_scores"]);
  });

  it("a unit with every leaf not applicable cannot have an index", () => {
    const json = fixture();
    for (const score of json.scores) if (score.unit === "tien-chau") score.notApplicable = true;
    expect(only(issuesOf(json), "all_not_applicable").path).toBe("units[0]");
  });
});

describe("period, bands and tie-breakers", () => {
  it("previous equal to the period itself, impossible dates and bad years", () => {
    const json = fixture();
    json.period.previous = "tien-phuoc-2022";
    json.period.decision.date = "2023-02-29";
    json.period.year = 2022.5;
    const issues = issuesOf(json);
    expect(only(issues, "previous_is_self").path).toBe("period.previous");
    expect(only(issues, "invalid_calendar_date").path).toBe("period.decision.date");
    expect(only(issues, "wrong_type").path).toBe("period.year");
    json.period.decision.date = "12/01/2023";
    expect(only(issuesOf(json), "expected_iso_date").vi).toContain("YYYY-MM-DD");
  });

  it("a leap day is a real date", () => {
    const json = fixture();
    json.period.decision.date = "2024-02-29";
    expect(parseResultsPackage(json).ok).toBe(true);
  });

  it("bands: duplicate labels and thresholds, thresholds above 100", () => {
    const json = fixture();
    json.bands[1].label = "Xuất sắc";
    json.bands[2].minIndex = 50;
    json.bands[4].minIndex = 100.01;
    const issues = issuesOf(json);
    expect(only(issues, "duplicate_band_label")).toMatchObject({ path: "bands[1].label", row: 2 });
    expect(only(issues, "duplicate_band_min_index").path).toBe("bands[3].minIndex");
    expect(only(issues, "index_out_of_range").path).toBe("bands[4].minIndex");
  });

  it("tie-breakers: unknown or repeated", () => {
    const json = fixture();
    json.tieBreakers = ["surveyPoints", "selfPoints", "surveyPoints"];
    const issues = issuesOf(json);
    expect(only(issues, "invalid_option").path).toBe("tieBreakers[1]");
    expect(only(issues, "duplicate_tie_breaker").path).toBe("tieBreakers[2]");
  });
});

describe("the whole input", () => {
  it("a wrong or missing format string stops there", () => {
    const json = fixture();
    json.format = "par-index.results/2";
    json.scores = "broken";
    expect(issuesOf(json)).toEqual([expect.objectContaining({ code: "format_unsupported", path: "format" })]);
    delete json.format;
    expect(issuesOf(json).map((i) => i.code)).toEqual(["format_missing"]);
  });

  it("not an object", () => {
    expect(issuesOf("[]")[0]?.code).toBe("input_not_object");
    expect(issuesOf("null")[0]?.code).toBe("input_not_object");
  });

  it("missing top-level lists", () => {
    const json = fixture();
    delete json.units;
    delete json.criteriaSet;
    const issues = issuesOf(json);
    expect(issues.filter((i) => i.code === "required").map((i) => i.path).sort()).toEqual(["criteriaSet", "units"]);
  });

  it("refuses input larger than the limit before reading it", () => {
    const result = parseResultsPackage(FIXTURE_TEXT, { maxBytes: 1000 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues).toHaveLength(1);
      expect(result.issues[0]).toMatchObject({ code: "input_too_large", path: "" });
    }
    const bytes = parseResultsPackage(Buffer.from(FIXTURE_TEXT), { maxBytes: 1000 });
    expect(!bytes.ok && bytes.issues[0]?.code).toBe("input_too_large");
    // Vietnamese letters take 2–3 bytes each: the limit counts bytes, not characters.
    const text = "ệ".repeat(400);
    const vi = parseResultsPackage(text, { maxBytes: 1000 });
    expect(!vi.ok && vi.issues[0]?.code).toBe("input_too_large");
  });

  it("collects every problem at once", () => {
    const json = fixture();
    json.scores[0].points = 99;
    json.scores[1].points = -1;
    json.scores[2].points = "1.234,5";
    json.units[1].group = "khong-co";
    json.criteriaSet.criteria[3].maxPoints = 7;
    json.scores.push({ ...json.scores[10] });
    const codes = issuesOf(json).map((i) => i.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        "points_above_max",
        "decimal_negative",
        "decimal_grouped",
        "unknown_group",
        "max_points_mismatch",
        "duplicate_score",
      ]),
    );
    expect(codes).toHaveLength(6);
  });
});
