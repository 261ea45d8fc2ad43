// Writes a normalized package back as the contract's JSON (shared/domain/results-format.md).
//
// Strict where the reader is lenient: decimals are JSON numbers (as in the contract's example),
// codes and names as stored, keys in the contract's order so that exports diff cleanly, and the
// tree nested again. Parsing what this writes gives back the same normalized package.
import Decimal from "decimal.js";
import {
  RESULTS_PACKAGE_FORMAT,
  type CriterionMethod,
  type NormalizedCriterion,
  type NormalizedPackage,
  type TieBreaker,
} from "@/lib/domain/results-package";
import { MAX_DECIMALS } from "@/lib/results-package/decimal-input";

export interface CriterionOutput {
  code: string;
  name: string;
  maxPoints: number;
  method: CriterionMethod;
  children?: CriterionOutput[];
}

export interface ScoreOutput {
  unit: string;
  criterion: string;
  points?: number;
  selfPoints?: number;
  reason?: string;
  notApplicable: boolean;
}

/** The package exactly as written: a subset of what the reader accepts. */
export interface ResultsPackageOutput {
  format: typeof RESULTS_PACKAGE_FORMAT;
  period: {
    code: string;
    year: number;
    name: string;
    authority: string;
    previous?: string;
    decision?: { number: string; date: string };
  };
  criteriaSet: { code: string; name: string; criteria: CriterionOutput[] };
  groups: { code: string; name: string }[];
  bands: { label: string; minIndex: number }[];
  tieBreakers: TieBreaker[];
  units: { code: string; name: string; group: string; predecessors: string[] }[];
  scores: ScoreOutput[];
  sipas: { unit: string; index: number; responses: number; elements: { code: string; index: number }[] }[];
}

export function toResultsPackageJson(pkg: NormalizedPackage): ResultsPackageOutput {
  const { period } = pkg;
  return {
    format: RESULTS_PACKAGE_FORMAT,
    period: {
      code: period.code,
      year: period.year,
      name: period.name,
      authority: period.authority,
      ...(period.previous === null ? {} : { previous: period.previous }),
      ...(period.decision === null ? {} : { decision: { number: period.decision.number, date: period.decision.date } }),
    },
    criteriaSet: {
      code: pkg.criteriaSet.code,
      name: pkg.criteriaSet.name,
      criteria: nestCriteria(pkg.criteriaSet.criteria),
    },
    groups: pkg.groups.map((group) => ({ code: group.code, name: group.name })),
    bands: pkg.bands.map((band) => ({ label: band.label, minIndex: toJsonNumber(band.minIndex) })),
    tieBreakers: [...pkg.tieBreakers],
    units: pkg.units.map((unit) => ({
      code: unit.code,
      name: unit.name,
      group: unit.group,
      predecessors: [...unit.predecessors],
    })),
    scores: pkg.scores.map((score) => ({
      unit: score.unit,
      criterion: score.criterion,
      ...(score.points === null ? {} : { points: toJsonNumber(score.points) }),
      ...(score.selfPoints === null ? {} : { selfPoints: toJsonNumber(score.selfPoints) }),
      ...(score.reason === null ? {} : { reason: score.reason }),
      notApplicable: score.notApplicable,
    })),
    sipas: pkg.sipas.map((row) => ({
      unit: row.unit,
      index: toJsonNumber(row.index),
      responses: row.responses,
      elements: row.elements.map((element) => ({ code: element.code, index: toJsonNumber(element.index) })),
    })),
  };
}

/** The package as UTF-8 JSON text (no BOM: JSON tools do not expect one), ending with a newline. */
export function toResultsPackageText(pkg: NormalizedPackage, indent = 2): string {
  return `${JSON.stringify(toResultsPackageJson(pkg), null, indent)}\n`;
}

/**
 * A decimal as a JSON number with at most 4 decimals. Safe because such values stay far below
 * 15 significant digits (maxima are under 100 000), and a double prints the shortest text that
 * reads back as itself: Decimal("12.97") is written 12.97, never 12.970000000000001.
 */
export function toJsonNumber(value: Decimal): number {
  const rounded = value.toDecimalPlaces(MAX_DECIMALS, Decimal.ROUND_HALF_UP);
  const number = Number(rounded.toFixed());
  if (!new Decimal(String(number)).eq(rounded)) {
    // Only a value far outside the contract's range gets here; writing it would change it silently.
    throw new RangeError(`Decimal ${rounded.toFixed()} cannot be written exactly as a JSON number`);
  }
  return number === 0 ? 0 : number; // no "-0"
}

function nestCriteria(flat: readonly NormalizedCriterion[]): CriterionOutput[] {
  const children = new Map<string | null, NormalizedCriterion[]>();
  for (const criterion of flat) {
    const siblings = children.get(criterion.parentCode);
    if (siblings) siblings.push(criterion);
    else children.set(criterion.parentCode, [criterion]);
  }
  const build = (parentCode: string | null, seen: ReadonlySet<string>): CriterionOutput[] =>
    [...(children.get(parentCode) ?? [])]
      .sort((a, b) => a.order - b.order) // stable: equal orders keep the list's order
      .map((criterion) => {
        // A parent code cycle would recurse forever; a normalized package never has one.
        if (seen.has(criterion.code)) throw new Error(`Criteria tree has a cycle at ${criterion.code}`);
        const node: CriterionOutput = {
          code: criterion.code,
          name: criterion.name,
          maxPoints: toJsonNumber(criterion.maxPoints),
          method: criterion.method,
        };
        if (!criterion.isLeaf) {
          node.children = build(criterion.code, new Set([...seen, criterion.code]));
        }
        return node;
      });
  return build(null, new Set());
}
