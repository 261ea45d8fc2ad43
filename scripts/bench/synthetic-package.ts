/**
 * A national-scale synthetic results package: 3,321 communes in several groups scored on a
 * province-like set of 8 fields, 37 criteria and 88 sub-criteria (about 292,000 score rows).
 * Deterministic, so two benchmark runs measure the same work.
 */
import { mulberry32, type Rng } from "../demo-data/prng";

export const COMMUNES = 3321;
// Uneven groups, as real ones are; Tây Nguyên has exactly 500 communes, the league table page the
// page benchmark measures.
const GROUPS = [
  { code: "mien-bac", name: "Khối xã miền Bắc", size: 1000 },
  { code: "mien-trung", name: "Khối xã miền Trung", size: 900 },
  { code: "tay-nguyen", name: "Khối xã Tây Nguyên", size: 500 },
  { code: "mien-nam", name: "Khối xã miền Nam", size: 921 },
];
export const PAGE_BENCH_GROUP = "tay-nguyen";
// Field maxima of the 2022 national province set's shape; each field's criteria and leaves
// split its points evenly in thousandths so every parent is the exact sum of its children.
const FIELDS = [
  { max: 13500, criteria: 5, leaves: [3, 3, 2, 2, 2] },
  { max: 3000, criteria: 3, leaves: [2, 2, 2] },
  { max: 21000, criteria: 6, leaves: [3, 3, 2, 2, 2, 2] },
  { max: 6000, criteria: 3, leaves: [3, 3, 3] },
  { max: 9000, criteria: 5, leaves: [3, 2, 2, 2, 2] },
  { max: 5000, criteria: 3, leaves: [2, 2, 2] },
  { max: 11000, criteria: 6, leaves: [3, 3, 2, 2, 2, 2] },
  { max: 31500, criteria: 6, leaves: [3, 3, 3, 3, 2, 2] },
];

type Node = { code: string; name: string; maxPoints: number; method: "appraisal" | "survey"; children?: Node[] };

function thousandths(value: number): number {
  return Number((value / 1000).toFixed(3));
}

/** Splits `total` thousandths into `parts` integers that sum exactly to it. */
function split(total: number, parts: number): number[] {
  const base = Math.floor(total / parts);
  return Array.from({ length: parts }, (_, i) => base + (i < total - base * parts ? 1 : 0));
}

function buildCriteria(): { tree: Node[]; leaves: { code: string; max: number }[] } {
  const leaves: { code: string; max: number }[] = [];
  const tree = FIELDS.map((field, f) => {
    const fieldCode = String(f + 1);
    const method = f === FIELDS.length - 1 ? "survey" : "appraisal";
    const criterionMax = split(field.max, field.criteria);
    const children = criterionMax.map((cMax, c) => {
      const criterionCode = `${fieldCode}.${c + 1}`;
      const leafMax = split(cMax, field.leaves[c]!);
      return {
        code: criterionCode,
        name: `Tiêu chí ${criterionCode}`,
        maxPoints: thousandths(cMax),
        method,
        children: leafMax.map((lMax, l) => {
          const code = `${criterionCode}.${l + 1}`;
          leaves.push({ code, max: lMax });
          return { code, name: `Tiêu chí thành phần ${code}`, maxPoints: thousandths(lMax), method } as Node;
        }),
      } as Node;
    });
    return { code: fieldCode, name: `Lĩnh vực ${fieldCode}`, maxPoints: thousandths(field.max), method, children } as Node;
  });
  return { tree, leaves };
}

function points(rng: Rng, max: number, strength: number): number {
  // Strong units lose little; thousandths keep three decimals, as real survey points have.
  const share = Math.min(1, Math.max(0, strength + (rng() - 0.5) * 0.3));
  return thousandths(Math.round(max * share));
}

function groupOf(unitIndex: number): string {
  let end = 0;
  for (const group of GROUPS) {
    end += group.size;
    if (unitIndex < end) return group.code;
  }
  throw new Error(`unit ${unitIndex} is beyond the groups' sizes`);
}

export function buildSyntheticPackage(year = 2025) {
  const rng = mulberry32(20251123 + year);
  const { tree, leaves } = buildCriteria();
  const units = Array.from({ length: COMMUNES }, (_, i) => ({
    code: `xa-${String(i + 1).padStart(5, "0")}`,
    name: `UBND xã Tổng Hợp ${i + 1}`,
    group: groupOf(i),
  }));
  const scores: { unit: string; criterion: string; points?: number; notApplicable?: boolean }[] = [];
  for (const unit of units) {
    const strength = 0.65 + rng() * 0.33;
    for (const [position, leaf] of leaves.entries()) {
      // About one unit in twenty has one criterion that does not apply to it.
      if (position === 5 && rng() < 0.05) scores.push({ unit: unit.code, criterion: leaf.code, notApplicable: true });
      else scores.push({ unit: unit.code, criterion: leaf.code, points: points(rng, leaf.max, strength) });
    }
  }
  return {
    format: "par-index.results/1",
    period: {
      code: `quoc-gia-xa-${year}`,
      year,
      name: `Chỉ số CCHC cấp xã toàn quốc năm ${year} (dữ liệu tổng hợp để đo hiệu năng)`,
      authority: "Bộ Nội vụ (dữ liệu tổng hợp)",
    },
    criteriaSet: { code: "quoc-gia-xa-tong-hop", name: "Bộ chỉ số tổng hợp 88 tiêu chí thành phần", criteria: tree },
    groups: GROUPS.map(({ code, name }) => ({ code, name })),
    bands: [
      { label: "A", minIndex: 90 },
      { label: "B", minIndex: 80 },
      { label: "C", minIndex: 70 },
      { label: "D", minIndex: 0 },
    ],
    tieBreakers: ["appraisalPoints", "surveyPoints"],
    units,
    scores,
  };
}
