/**
 * Local type of the results package "par-index.results/1" — the outside contract described in
 * /work/shared/domain/results-format.md. Only what the demo generator emits is typed as required;
 * the shape is otherwise exactly the contract's.
 *
 * Points are emitted as JSON numbers with at most 3 decimals; every number is produced from an
 * exact decimal whose string form round-trips, so `new Decimal(String(points))` recovers it exactly.
 */

export type CriterionMethod = "appraisal" | "survey";

export interface CriterionNodeJson {
  code: string;
  name: string;
  maxPoints: number;
  method: CriterionMethod;
  children?: CriterionNodeJson[];
}

export interface PeriodJson {
  code: string;
  year: number;
  name: string;
  authority: string;
  previous?: string;
  decision?: { number: string; date: string };
}

export interface CriteriaSetJson {
  code: string;
  name: string;
  criteria: CriterionNodeJson[];
}

export interface GroupJson {
  code: string;
  name: string;
}

export interface BandJson {
  label: string;
  minIndex: number;
}

export type TieBreaker = "appraisalPoints" | "surveyPoints";

export interface UnitJson {
  code: string;
  name: string;
  group: string;
  predecessors?: string[];
}

export interface ScoreRowJson {
  unit: string;
  criterion: string;
  /** Absent only when `notApplicable` is true. */
  points?: number;
  selfPoints?: number;
  reason?: string;
  notApplicable?: boolean;
}

export interface SipasElementJson {
  code: string;
  index: number;
}

export interface SipasRowJson {
  unit: string;
  index: number;
  responses: number;
  elements: SipasElementJson[];
}

export interface ResultsPackageJson {
  format: "par-index.results/1";
  period: PeriodJson;
  criteriaSet: CriteriaSetJson;
  groups: GroupJson[];
  bands?: BandJson[];
  tieBreakers?: TieBreaker[];
  units: UnitJson[];
  scores: ScoreRowJson[];
  sipas?: SipasRowJson[];
}
