import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CRITERION_METHODS,
  TIE_BREAKERS,
  type NormalizedCriterion,
  type NormalizedPackage,
  type NormalizedScore,
} from "@/lib/domain/results-package";
import { parseResultsPackage } from "@/lib/results-package/parse-results-package";
import { toJsonNumber, toResultsPackageJson, toResultsPackageText } from "@/lib/results-package/write-results-package";
import { FIXTURE_TEXT } from "./fixtures/commune-fixture";

/** Decimals compared by value and shown as text, so a failure is readable. */
function comparable(value: unknown): unknown {
  if (Decimal.isDecimal(value)) return `#${value.toFixed()}`;
  if (Array.isArray(value)) return value.map(comparable);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, comparable(v)]));
  }
  return value;
}

function parse(text: string): NormalizedPackage {
  const result = parseResultsPackage(text);
  if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 1));
  return result.package;
}

describe("writing a package", () => {
  const pkg = parse(FIXTURE_TEXT);

  it("parse → write → parse gives the same package", () => {
    expect(comparable(parse(toResultsPackageText(pkg)))).toEqual(comparable(pkg));
  });

  it("writes the contract's keys in the contract's order, the tree nested again", () => {
    const json = toResultsPackageJson(pkg);
    expect(Object.keys(json)).toEqual([
      "format",
      "period",
      "criteriaSet",
      "groups",
      "bands",
      "tieBreakers",
      "units",
      "scores",
      "sipas",
    ]);
    expect(json.format).toBe("par-index.results/1");
    expect(Object.keys(json.period)).toEqual(["code", "year", "name", "authority", "previous", "decision"]);
    const field = json.criteriaSet.criteria[0]!;
    expect(Object.keys(field)).toEqual(["code", "name", "maxPoints", "method", "children"]);
    expect(field.children?.[2]?.children?.map((c) => [c.code, c.maxPoints])).toEqual([
      ["1.3.1", 2.5],
      ["1.3.2", 3.5],
    ]);
    expect(Object.keys(json.scores[3]!)).toEqual(["unit", "criterion", "points", "selfPoints", "reason", "notApplicable"]);
    expect(json.scores[24]).toEqual({ unit: "tien-lanh", criterion: "2.1", notApplicable: true });
  });

  it("writes decimals as JSON numbers that read back exactly", () => {
    const text = toResultsPackageText(pkg);
    expect(text).toContain('"points": 3.47,');
    expect(text).toContain('"points": 6.875,');
    expect(text).toContain('"index": 97.27,');
    expect(toJsonNumber(new Decimal("12.97"))).toBe(12.97);
    expect(JSON.stringify(toJsonNumber(new Decimal("12.97")))).toBe("12.97");
    expect(JSON.stringify(toJsonNumber(new Decimal("99999.9999")))).toBe("99999.9999");
    expect(JSON.stringify(toJsonNumber(new Decimal("0.0001")))).toBe("0.0001");
    expect(Object.is(toJsonNumber(new Decimal("-0")), 0)).toBe(true);
    // More than 4 decimals (only possible when built by hand) round half-up.
    expect(toJsonNumber(new Decimal("1.23455"))).toBe(1.2346);
  });

  it("leaves out absent optional values instead of writing null", () => {
    const json = toResultsPackageJson({ ...pkg, period: { ...pkg.period, previous: null, decision: null } });
    expect(Object.keys(json.period)).toEqual(["code", "year", "name", "authority"]);
  });
});

// ---------------------------------------------------------------------------------------------
// Random valid packages

const VIETNAMESE_WORDS = ["UBND", "xã", "phường", "Tiên", "Châu", "Đông", "Hòa", "Quảng", "Nghĩa", "thị trấn", "Ủy ban", "Cải cách", "thủ tục", "Khối"];

const text = fc.oneof(
  fc.array(fc.constantFrom(...VIETNAMESE_WORDS), { minLength: 1, maxLength: 4 }).map((words) => words.join(" ")),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 12 }).filter((s) => s === s.normalize("NFC").trim() && s !== ""),
);

const code = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9-]{0,11}$/),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 6 }).filter((s) => s === s.normalize("NFC").trim() && s !== ""),
);

/** A decimal with at most 4 decimals, from 0 to `max` (inclusive). */
function decimalUpTo(max: Decimal): fc.Arbitrary<Decimal> {
  const units = max.times(10000).toNumber();
  return fc.integer({ min: 0, max: units }).map((n) => new Decimal(n).div(10000));
}

const leafMax = fc.integer({ min: 1, max: 1_000_000 }).map((n) => new Decimal(n).div(10000));

type Shape = Decimal | Shape[];
const shape: fc.Arbitrary<Shape[]> = fc.array(
  fc.oneof(
    { weight: 2, arbitrary: leafMax as fc.Arbitrary<Shape> },
    {
      weight: 1,
      arbitrary: fc.array(
        fc.oneof(leafMax as fc.Arbitrary<Shape>, fc.array(leafMax, { minLength: 1, maxLength: 3 }) as fc.Arbitrary<Shape>),
        { minLength: 1, maxLength: 3 },
      ) as fc.Arbitrary<Shape>,
    },
  ),
  { minLength: 1, maxLength: 4 },
);

function buildCriteria(tree: Shape[], names: string[], methods: string[]): NormalizedCriterion[] {
  const flat: NormalizedCriterion[] = [];
  let k = 0;
  const walk = (nodes: Shape[], parentCode: string | null, depth: number): Decimal => {
    let sum = new Decimal(0);
    nodes.forEach((node, i) => {
      const code = parentCode === null ? `${i + 1}` : `${parentCode}.${i + 1}`;
      const entry: NormalizedCriterion = {
        code,
        parentCode,
        name: names[k % names.length]!,
        maxPoints: new Decimal(0),
        method: methods[k++ % methods.length] as NormalizedCriterion["method"],
        depth,
        order: i + 1,
        isLeaf: !Array.isArray(node),
      };
      flat.push(entry);
      entry.maxPoints = Array.isArray(node) ? walk(node, code, depth + 1) : node;
      sum = sum.plus(entry.maxPoints);
    });
    return sum;
  };
  walk(tree, null, 1);
  return flat;
}

const randomPackage: fc.Arbitrary<NormalizedPackage> = fc
  .record({
    tree: shape,
    names: fc.array(text, { minLength: 1, maxLength: 5 }),
    methods: fc.array(fc.constantFrom(...CRITERION_METHODS), { minLength: 1, maxLength: 3 }),
    periodCode: code,
    previous: fc.option(code, { nil: null }),
    year: fc.integer({ min: 1900, max: 2200 }),
    periodName: text,
    authority: text,
    decision: fc.option(
      fc.record({
        number: text,
        date: fc
          .date({ min: new Date("1990-01-01"), max: new Date("2100-12-31"), noInvalidDate: true })
          .map((d) => d.toISOString().slice(0, 10)),
      }),
      { nil: null },
    ),
    setCode: code,
    setName: text,
    groups: fc.uniqueArray(fc.record({ code, name: text }), { minLength: 1, maxLength: 3, selector: (g) => g.code }),
    bands: fc.uniqueArray(fc.record({ label: text, minIndex: decimalUpTo(new Decimal(100)) }), {
      maxLength: 5,
      selector: (b) => b.label,
    }),
    tieBreakers: fc.shuffledSubarray([...TIE_BREAKERS]),
    unitCodes: fc.uniqueArray(code, { minLength: 1, maxLength: 4 }),
  })
  .filter((r) => r.previous !== r.periodCode)
  .chain((r) => {
    const criteria = buildCriteria(r.tree, r.names, r.methods);
    const leaves = criteria.filter((c) => c.isLeaf);
    const cells = r.unitCodes.flatMap((unit) => leaves.map((leaf) => ({ unit, leaf })));
    const score = ({ unit, leaf }: (typeof cells)[number]) =>
      fc.record({
        notApplicable: fc.boolean(),
        points: fc.option(decimalUpTo(leaf.maxPoints), { nil: null }),
        selfPoints: fc.option(decimalUpTo(leaf.maxPoints), { nil: null }),
        reason: fc.option(text, { nil: null }),
      }).map((s) => ({ unit, criterion: leaf.code, ...s }));
    return fc.record({
      base: fc.constant({ ...r, criteria }),
      units: fc.tuple(
        ...r.unitCodes.map((unitCode) =>
          fc.record({
            name: text,
            group: fc.constantFrom(...r.groups.map((g) => g.code)),
            predecessors: fc.uniqueArray(code.filter((c) => c !== unitCode), { maxLength: 2 }),
          }).map((u) => ({ code: unitCode, ...u })),
        ),
      ),
      scores: fc.tuple(...cells.map(score)).chain((rows) =>
        fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }),
      ),
      sipas: fc.shuffledSubarray(r.unitCodes).chain((units) =>
        fc.tuple(
          ...units.map((unit) =>
            fc.record({
              unit: fc.constant(unit),
              index: decimalUpTo(new Decimal(100)),
              responses: fc.nat({ max: 100000 }),
              elements: fc.uniqueArray(fc.record({ code, index: decimalUpTo(new Decimal(100)) }), {
                maxLength: 3,
                selector: (e) => e.code,
              }),
            }),
          ),
        ),
      ),
    });
  })
  .map(({ base, units, scores, sipas }) => {
    // A unit with every leaf not applicable has no index: make its first row applicable.
    const fixed = scores.map((s) => ({ ...s }));
    for (const unit of base.unitCodes) {
      const rows = fixed.filter((s) => s.unit === unit);
      if (rows.every((s) => s.notApplicable)) rows[0]!.notApplicable = false;
    }
    const normalizedScores: NormalizedScore[] = fixed.map((s, i) => ({
      unit: s.unit,
      criterion: s.criterion,
      // An applicable row needs points.
      points: s.points ?? (s.notApplicable ? null : new Decimal(0)),
      selfPoints: s.selfPoints,
      reason: s.reason,
      notApplicable: s.notApplicable,
      row: i + 1,
    }));
    // Equal thresholds would make one band unreachable: keep the first of each.
    const seen = new Set<string>();
    const bands = base.bands
      .filter((b) => !seen.has(b.minIndex.toFixed()) && seen.add(b.minIndex.toFixed()))
      .sort((a, b) => b.minIndex.comparedTo(a.minIndex));
    return {
      period: {
        code: base.periodCode,
        year: base.year,
        name: base.periodName,
        authority: base.authority,
        previous: base.previous,
        decision: base.decision,
      },
      criteriaSet: { code: base.setCode, name: base.setName, criteria: base.criteria },
      groups: base.groups,
      bands,
      tieBreakers: base.tieBreakers,
      units,
      scores: normalizedScores,
      sipas,
    } satisfies NormalizedPackage;
  });

describe("round trip of random valid packages", () => {
  it("write → parse is the identity", () => {
    fc.assert(
      fc.property(randomPackage, (pkg) => {
        const result = parseResultsPackage(toResultsPackageText(pkg));
        if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 1));
        expect(comparable(result.package)).toEqual(comparable(pkg));
      }),
      { numRuns: 200 },
    );
  });

  it("also when the bytes carry a BOM and the points are written with a decimal comma", () => {
    fc.assert(
      fc.property(randomPackage, (pkg) => {
        const json = toResultsPackageJson(pkg);
        const commaScores = json.scores.map((s) =>
          s.points === undefined ? s : { ...s, points: String(s.points).replace(".", ",") },
        );
        const bytes = Buffer.concat([
          Buffer.from([0xef, 0xbb, 0xbf]),
          Buffer.from(JSON.stringify({ ...json, scores: commaScores }), "utf8"),
        ]);
        const result = parseResultsPackage(bytes);
        if (!result.ok) throw new Error(JSON.stringify(result.issues, null, 1));
        expect(comparable(result.package)).toEqual(comparable(pkg));
      }),
      { numRuns: 100 },
    );
  });
});
