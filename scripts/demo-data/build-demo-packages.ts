/**
 * Deterministic, realistic demo data for tỉnh Sơn La (illustrative only — every period name ends
 * with " (dữ liệu minh họa)"): nine published results packages (2022–2024; departments, districts,
 * communes of huyện Mai Sơn) and one 2025 departments period still in self-assessment.
 *
 * Deliberate cases (see DEMO_DELIBERATE_CASES): an exact index tie broken by appraisal points, two
 * indices that display alike at 2 decimals, a full tie sharing a rank, not-applicable leaves, and a
 * commune merge.
 */

import Decimal from "decimal.js";
import {
  communeCriteriaSet,
  departmentCriteriaSet,
  districtCriteriaSet,
  type DemoCriteriaSet,
} from "./criteria-sets";
import { normal, rngFor, pick } from "./prng";
import type { BandJson, GroupJson, ResultsPackageJson, ScoreRowJson, SipasRowJson, TieBreaker } from "./results-package-json";
import {
  applicableMaxMilli,
  generateSipasRow,
  generateUnitScores,
  type NotApplicableSpec,
  type UnitPlan,
} from "./score-generation";
import {
  communeGroup,
  communes,
  communes2024,
  demoBands,
  demoTieBreakers,
  departmentGroup,
  departments,
  districtGroup,
  districts,
  ILLUSTRATIVE_SUFFIX,
  MAI_SON_AUTHORITY,
  MERGED_COMMUNE,
  PROVINCE_AUTHORITY,
  type DemoUnitWithLineage,
} from "./units";

/** Where the deliberate cases are, for the seed's log and for tests. */
export const DEMO_DELIBERATE_CASES = {
  /** Exact tie of the index at full precision, broken by appraisal points (first unit ranks higher). */
  exactTieBrokenByAppraisal: { period: "son-la-so-2023", units: ["so-xay-dung", "so-giao-thong-van-tai"] },
  /** Both display 85,86 but differ at the third decimal; ranked consecutively (first unit higher). */
  sameAtTwoDecimals: { period: "son-la-huyen-2023", units: ["huyen-mai-son", "huyen-moc-chau"] },
  /** Same index, appraisal and survey points: both ranked 4th, the next unit 6th. */
  sharedRank: { period: "mai-son-xa-2023", units: ["xa-chieng-mung", "xa-chieng-ban"], rank: 4 },
  /** Units with not-applicable leaves (index ≠ total), in every departments period. */
  notApplicable: {
    periods: ["son-la-so-2022", "son-la-so-2023", "son-la-so-2024"],
    units: ["ban-dan-toc", "thanh-tra-tinh", "so-khoa-hoc-cong-nghe"],
  },
  /** The 2024 merge of two communes into a new unit. */
  merge: {
    period: "mai-son-xa-2024",
    unit: MERGED_COMMUNE.code,
    predecessors: [...MERGED_COMMUNE.predecessors],
  },
} as const;

const NO_LEGAL_DOCUMENTS: NotApplicableSpec = {
  criteria: ["2.1.1", "2.1.2"],
  reason: "Không ban hành văn bản QPPL trong năm (không được giao chủ trì tham mưu)",
};
const NO_PUBLIC_SERVICE_UNITS: NotApplicableSpec = {
  criteria: ["6.2"],
  reason: "Không có đơn vị sự nghiệp công lập trực thuộc",
};

interface TargetSpec {
  mean: number;
  sd: number;
  min: number;
  max: number;
}

/** Everything that differs between the nine published periods. */
interface PeriodSpec {
  code: string;
  year: number;
  name: string;
  authority: string;
  previous?: string;
  decision: { number: string; date: string };
  set: DemoCriteriaSet;
  group: GroupJson;
  units: DemoUnitWithLineage[];
  target: TargetSpec;
  surveyStepMilli: number;
  responses: readonly [number, number];
  notApplicable?: Record<string, NotApplicableSpec>;
  /** Index fixed by hand (weak units), in thousandths; not shifted with the group. */
  fixedIndexMilli?: Record<string, number>;
  /** Units the deliberate case decides; their plans come from `designate`. */
  designated?: string[];
  /** Others must keep their index outside these [low, high) windows (thousandths of the index). */
  reservedIndexMilli?: [number, number][];
  designate?: (others: Map<string, UnitPlan>) => UnitPlan[];
  /** Mean of the group's indices the period is tuned to (exactly, to 2 decimals when displayed). */
  tuneMeanTo?: { mean: string; unit: string };
}

// ---------------------------------------------------------------------------------------------

function ability(unitCode: string): number {
  if (unitCode === MERGED_COMMUNE.code) {
    const [a, b] = MERGED_COMMUNE.predecessors;
    return (ability(a) + ability(b)) / 2;
  }
  return normal(rngFor(`ability:${unitCode}`));
}

function sameIndex(a: UnitPlan, aMax: number, b: UnitPlan, bMax: number): boolean {
  return a.totalMilli * bMax === b.totalMilli * aMax;
}

function inReserved(plan: UnitPlan, max: number, windows: [number, number][]): boolean {
  // index (thousandths) = total × 100000 / max; compare without division.
  return windows.some(([lo, hi]) => plan.totalMilli * 100000 >= lo * max && plan.totalMilli * 100000 < hi * max);
}

function planPeriod(spec: PeriodSpec): UnitPlan[] {
  const maxOf = (code: string) => applicableMaxMilli(spec.set.leaves, spec.notApplicable?.[code]);
  const designated = new Set(spec.designated ?? []);
  const fixed = spec.fixedIndexMilli ?? {};

  // 1. Natural index targets: stable unit ability plus yearly noise, so ranks move moderately.
  const natural = new Map<string, number>();
  for (const unit of spec.units) {
    if (designated.has(unit.code)) continue;
    const noise = normal(rngFor(`${spec.code}:${unit.code}:target`));
    natural.set(unit.code, spec.target.mean + spec.target.sd * (0.8 * ability(unit.code) + 0.6 * noise));
  }
  // Shift the free units so the group mean lands on the intended mean, then clip.
  const free = [...natural.keys()].filter((c) => fixed[c] === undefined);
  const freeMean = free.reduce((s, c) => s + (natural.get(c) ?? 0), 0) / Math.max(1, free.length);
  const shift = spec.target.mean - freeMean;

  const others = new Map<string, UnitPlan>();
  for (const [code, value] of natural) {
    const fixedIndex = fixed[code];
    const index =
      fixedIndex !== undefined
        ? fixedIndex
        : Math.round(Math.min(spec.target.max, Math.max(spec.target.min, value + shift)) * 100) * 10;
    const max = maxOf(code);
    const plan: UnitPlan = { unit: code, totalMilli: Math.round((index * max) / 100000 / 10) * 10 };
    const na = spec.notApplicable?.[code];
    if (na) plan.notApplicable = na;
    others.set(code, plan);
  }

  // 2. Distinct indices among the free units, then the deliberate units, then distinct again.
  const makeDistinct = (fixedPlans: UnitPlan[]) => {
    const settled: UnitPlan[] = [...fixedPlans];
    for (const plan of others.values()) {
      const max = maxOf(plan.unit);
      while (
        settled.some((s) => sameIndex(plan, max, s, maxOf(s.unit))) ||
        inReserved(plan, max, spec.reservedIndexMilli ?? [])
      ) {
        plan.totalMilli -= 10;
      }
      settled.push(plan);
    }
  };
  makeDistinct([]);
  const designatedPlans = spec.designate ? spec.designate(others) : [];
  makeDistinct(designatedPlans);

  // 3. Optional: tune one unit so the mean of all indices is the published-looking figure.
  if (spec.tuneMeanTo) {
    const { mean, unit } = spec.tuneMeanTo;
    const tuned = others.get(unit);
    if (!tuned) throw new Error(`${spec.code}: no unit ${unit} to tune`);
    const all = [...designatedPlans, ...others.values()];
    const precise = Decimal.clone({ precision: 40 });
    const sumOthers = all
      .filter((p) => p.unit !== unit)
      .reduce((s, p) => s.plus(new precise(p.totalMilli).times(100).dividedBy(maxOf(p.unit))), new precise(0));
    const needed = new precise(mean).times(all.length).minus(sumOthers);
    const tunedMax = maxOf(unit);
    const base = needed.times(tunedMax).dividedBy(1000).toDecimalPlaces(0).toNumber() * 10;
    for (const offset of [0, 10, -10, 20, -20, 30, -30]) {
      tuned.totalMilli = base + offset;
      const clash = all.some((p) => p.unit !== unit && sameIndex(tuned, tunedMax, p, maxOf(p.unit)));
      if (!clash) break;
    }
  }

  const byCode = new Map<string, UnitPlan>([...others, ...designatedPlans.map((p) => [p.unit, p] as const)]);
  return spec.units.map((u) => {
    const plan = byCode.get(u.code);
    if (!plan) throw new Error(`${spec.code}: no plan for ${u.code}`);
    return plan;
  });
}

// ---------------------------------------------------------------------------------------------

function buildPackage(spec: PeriodSpec): ResultsPackageJson {
  const plans = planPeriod(spec);
  const scores: ScoreRowJson[] = [];
  const sipas: SipasRowJson[] = [];
  for (const plan of plans) {
    const seed = `${spec.code}:${plan.unit}`;
    const generated = generateUnitScores(seed, spec.set.leaves, plan, spec.surveyStepMilli);
    scores.push(...generated.rows);
    const surveyShare = generated.surveyMaxMilli > 0 ? generated.surveyMilli / generated.surveyMaxMilli : 0.9;
    sipas.push(generateSipasRow(seed, plan.unit, surveyShare, spec.responses));
  }
  const period: ResultsPackageJson["period"] = {
    code: spec.code,
    year: spec.year,
    name: spec.name,
    authority: spec.authority,
  };
  if (spec.previous !== undefined) period.previous = spec.previous;
  period.decision = { ...spec.decision };
  return {
    format: "par-index.results/1",
    period,
    criteriaSet: structuredClone(spec.set.json),
    groups: [{ ...spec.group }],
    bands: demoBands.map((b): BandJson => ({ ...b })),
    tieBreakers: [...demoTieBreakers],
    units: spec.units.map((u) => {
      const unit: ResultsPackageJson["units"][number] = { code: u.code, name: u.name, group: spec.group.code };
      if (u.predecessors) unit.predecessors = [...u.predecessors];
      return unit;
    }),
    scores,
    sipas,
  };
}

// ---------------------------------------------------------------------------------------------

const YEARS = [2022, 2023, 2024] as const;

const DECISIONS: Record<string, { number: string; date: string }> = {
  "son-la-so-2022": { number: "335/QĐ-UBND", date: "2023-02-27" },
  "son-la-huyen-2022": { number: "336/QĐ-UBND", date: "2023-02-27" },
  "mai-son-xa-2022": { number: "214/QĐ-UBND", date: "2023-01-12" },
  "son-la-so-2023": { number: "402/QĐ-UBND", date: "2024-03-01" },
  "son-la-huyen-2023": { number: "403/QĐ-UBND", date: "2024-03-01" },
  "mai-son-xa-2023": { number: "185/QĐ-UBND", date: "2024-01-19" },
  "son-la-so-2024": { number: "318/QĐ-UBND", date: "2025-02-21" },
  "son-la-huyen-2024": { number: "319/QĐ-UBND", date: "2025-02-21" },
  "mai-son-xa-2024": { number: "96/QĐ-UBND", date: "2025-01-16" },
};

function decisionFor(code: string): { number: string; date: string } {
  const d = DECISIONS[code];
  if (!d) throw new Error(`no decision for ${code}`);
  return d;
}

function departmentSpec(year: number): PeriodSpec {
  const code = `son-la-so-${year}`;
  const notApplicable: Record<string, NotApplicableSpec> = {
    "ban-dan-toc": NO_LEGAL_DOCUMENTS,
    "thanh-tra-tinh": NO_PUBLIC_SERVICE_UNITS,
  };
  if (year === 2024) notApplicable["so-khoa-hoc-cong-nghe"] = NO_LEGAL_DOCUMENTS;
  const spec: PeriodSpec = {
    code,
    year,
    name: `Chỉ số CCHC năm ${year} các sở, ban, ngành tỉnh Sơn La${ILLUSTRATIVE_SUFFIX}`,
    authority: PROVINCE_AUTHORITY,
    decision: decisionFor(code),
    set: departmentCriteriaSet,
    group: departmentGroup,
    units: departments,
    target: { mean: { 2022: 91.19, 2023: 89.74, 2024: 90.86 }[year] ?? 90, sd: 2.6, min: 84, max: 97.6 },
    surveyStepMilli: 10,
    responses: [40, 220],
    notApplicable,
  };
  if (year > 2022) spec.previous = `son-la-so-${year - 1}`;
  if (year === 2022) spec.tuneMeanTo = { mean: "91.19", unit: "so-cong-thuong" };
  if (year === 2023) {
    // (a) Same total, no N/A: Sở Xây dựng lost 0.5 fewer appraisal points, so it ranks above.
    spec.designated = ["so-xay-dung", "so-giao-thong-van-tai"];
    spec.designate = () => [
      { unit: "so-xay-dung", totalMilli: 90750, appraisalLossMilli: 5000 },
      { unit: "so-giao-thong-van-tai", totalMilli: 90750, appraisalLossMilli: 5500 },
    ];
  }
  return spec;
}

function districtSpec(year: number): PeriodSpec {
  const code = `son-la-huyen-${year}`;
  const spec: PeriodSpec = {
    code,
    year,
    name: `Chỉ số CCHC năm ${year} các huyện, thành phố tỉnh Sơn La${ILLUSTRATIVE_SUFFIX}`,
    authority: PROVINCE_AUTHORITY,
    decision: decisionFor(code),
    set: districtCriteriaSet,
    group: districtGroup,
    units: districts,
    target: { mean: { 2022: 86.42, 2023: 87.35, 2024: 88.61 }[year] ?? 87, sd: 3.4, min: 80.3, max: 94.9 },
    surveyStepMilli: 1,
    responses: [150, 400],
  };
  if (year > 2022) spec.previous = `son-la-huyen-${year - 1}`;
  if (year === 2023) {
    // (b) 85.863 and 85.857 both display as 85,86; nobody else falls in between.
    spec.designated = ["huyen-mai-son", "huyen-moc-chau"];
    spec.reservedIndexMilli = [[85850, 85870]];
    spec.designate = () => [
      { unit: "huyen-mai-son", totalMilli: 85863 },
      { unit: "huyen-moc-chau", totalMilli: 85857 },
    ];
  }
  return spec;
}

function communeSpec(year: number): PeriodSpec {
  const code = `mai-son-xa-${year}`;
  const spec: PeriodSpec = {
    code,
    year,
    name: `Chỉ số CCHC năm ${year} các xã, thị trấn huyện Mai Sơn${ILLUSTRATIVE_SUFFIX}`,
    authority: MAI_SON_AUTHORITY,
    decision: decisionFor(code),
    set: communeCriteriaSet,
    group: communeGroup,
    units: year === 2024 ? communes2024 : communes,
    target: { mean: { 2022: 81.2, 2023: 82.6, 2024: 84.1 }[year] ?? 82, sd: 5, min: 70.4, max: 91.9 },
    surveyStepMilli: 10,
    responses: [40, 160],
    fixedIndexMilli: {
      2022: { "xa-chieng-chan": 64370, "xa-muong-bang": 68940 },
      2023: { "xa-chieng-chan": 67820 },
      2024: { "xa-chieng-chan": 72150, "xa-na-bo": 69050 },
    }[year],
  };
  if (year > 2022) spec.previous = `mai-son-xa-${year - 1}`;
  if (year === 2023) {
    // (c) Two communes with identical index, appraisal and survey points right below the top three.
    spec.designated = ["xa-chieng-mung", "xa-chieng-ban"];
    spec.designate = (others) => {
      const sorted = [...others.values()].sort((a, b) => b.totalMilli - a.totalMilli);
      const third = sorted[2];
      const fourth = sorted[3];
      if (!third || !fourth) throw new Error("too few communes");
      if (third.totalMilli - fourth.totalMilli < 20) {
        for (const p of sorted.slice(3)) p.totalMilli -= 20;
      }
      const shared = fourth.totalMilli + roundTo10((third.totalMilli - fourth.totalMilli) / 2);
      const appraisalLossMilli = Math.floor(((100000 - shared) * 0.55) / 250) * 250;
      return [
        { unit: "xa-chieng-mung", totalMilli: shared, appraisalLossMilli },
        { unit: "xa-chieng-ban", totalMilli: shared, appraisalLossMilli },
      ];
    };
  }
  return spec;
}

function roundTo10(value: number): number {
  return Math.round(value / 10) * 10;
}

/** The nine published packages, oldest first; within a year: departments, districts, communes. */
export function buildDemoPackages(): ResultsPackageJson[] {
  return YEARS.flatMap((year) => [departmentSpec(year), districtSpec(year), communeSpec(year)].map(buildPackage));
}

// ---------------------------------------------------------------------------------------------
// The 2025 departments period, still in self-assessment.

export interface DemoSelfScore {
  unit: string;
  criterion: string;
  /** Exact decimal string, e.g. "1.5". */
  points?: string;
  notApplicable?: boolean;
  note?: string;
}

export interface DemoInProgressPeriod {
  code: string;
  year: number;
  name: string;
  authority: string;
  criteriaSetCode: string;
  previous: string;
  groups: GroupJson[];
  units: { code: string; name: string; group: string }[];
  bands: BandJson[];
  tieBreakers: TieBreaker[];
  selfAssessmentOpensAt: string;
  selfAssessmentDeadline: string;
  appraisalDeadline: string;
  /** Partially filled self-assessments of a few units (appraisal leaves only); nothing appraised. */
  selfScores: DemoSelfScore[];
}

const SELF_ASSESSING: { unit: string; abbreviation: string; share: number; notApplicable?: NotApplicableSpec }[] = [
  { unit: "so-noi-vu", abbreviation: "SNV", share: 0.9 },
  { unit: "so-tu-phap", abbreviation: "STP", share: 0.6 },
  { unit: "so-tai-chinh", abbreviation: "STC", share: 0.3 },
  { unit: "ban-dan-toc", abbreviation: "BDT", share: 0.25, notApplicable: NO_LEGAL_DOCUMENTS },
];

const EVIDENCE_KINDS = ["Kế hoạch", "Báo cáo", "Quyết định", "Công văn"] as const;
const EVIDENCE_SYMBOLS: Record<(typeof EVIDENCE_KINDS)[number], string> = {
  "Kế hoạch": "KH",
  "Báo cáo": "BC",
  "Quyết định": "QĐ",
  "Công văn": "CV",
};

export function buildDemoInProgressPeriod(): DemoInProgressPeriod {
  const appraisalLeaves = departmentCriteriaSet.leaves.filter((l) => l.method === "appraisal");
  const selfScores: DemoSelfScore[] = [];
  for (const { unit, abbreviation, share, notApplicable } of SELF_ASSESSING) {
    const rng = rngFor(`son-la-so-2025:${unit}:self`);
    const filled = Math.round(appraisalLeaves.length * share);
    for (const leaf of appraisalLeaves.slice(0, filled)) {
      if (notApplicable?.criteria.includes(leaf.code)) {
        selfScores.push({ unit, criterion: leaf.code, notApplicable: true, note: notApplicable.reason });
        continue;
      }
      const r = rng();
      const lossMilli = r < 0.8 ? 0 : Math.min(leaf.maxMilli, r < 0.93 ? 250 : 500);
      const row: DemoSelfScore = {
        unit,
        criterion: leaf.code,
        points: new Decimal(leaf.maxMilli - lossMilli).dividedBy(1000).toFixed(),
      };
      if (rng() < 0.7) {
        const kind = pick(rng, EVIDENCE_KINDS);
        const number = 1 + Math.floor(rng() * 240);
        const month = 1 + Math.floor(rng() * 12);
        const day = 1 + Math.floor(rng() * 28);
        row.note =
          `Tài liệu kiểm chứng: ${kind} số ${number}/${EVIDENCE_SYMBOLS[kind]}-${abbreviation} ` +
          `ngày ${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/2025`;
      }
      selfScores.push(row);
    }
  }
  return {
    code: "son-la-so-2025",
    year: 2025,
    name: `Chỉ số CCHC năm 2025 các sở, ban, ngành tỉnh Sơn La${ILLUSTRATIVE_SUFFIX}`,
    authority: PROVINCE_AUTHORITY,
    criteriaSetCode: departmentCriteriaSet.json.code,
    previous: "son-la-so-2024",
    groups: [{ ...departmentGroup }],
    units: departments.map((u) => ({ code: u.code, name: u.name, group: departmentGroup.code })),
    bands: demoBands.map((b) => ({ ...b })),
    tieBreakers: [...demoTieBreakers],
    selfAssessmentOpensAt: "2026-01-05",
    selfAssessmentDeadline: "2026-02-20",
    appraisalDeadline: "2026-04-15",
    selfScores,
  };
}
