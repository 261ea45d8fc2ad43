/**
 * The results package "par-index.results/1" as the demo generator emits it: the writer's own
 * output type (the contract, shared/domain/results-format.md), except that optional parts the
 * generator leaves out stay optional.
 *
 * Points are emitted as JSON numbers with at most 3 decimals; every number is produced from an
 * exact decimal whose string form round-trips, so `new Decimal(String(points))` recovers it exactly.
 */
import type { CriterionOutput, ResultsPackageOutput, ScoreOutput } from "@/lib/results-package/write-results-package";

type Contract = ResultsPackageOutput;

export type CriterionMethod = CriterionOutput["method"];
export type CriterionNodeJson = CriterionOutput;
export type PeriodJson = Contract["period"];
export type CriteriaSetJson = Contract["criteriaSet"];
export type GroupJson = Contract["groups"][number];
export type BandJson = Contract["bands"][number];
export type TieBreaker = Contract["tieBreakers"][number];
export type UnitJson = Omit<Contract["units"][number], "predecessors"> & { predecessors?: string[] };
/** `points` is absent only when `notApplicable` is true. */
export type ScoreRowJson = Omit<ScoreOutput, "notApplicable"> & { notApplicable?: boolean };
export type SipasElementJson = Contract["sipas"][number]["elements"][number];
export type SipasRowJson = Contract["sipas"][number];

export type ResultsPackageJson = Omit<Contract, "bands" | "tieBreakers" | "units" | "scores" | "sipas"> & {
  bands?: BandJson[];
  tieBreakers?: TieBreaker[];
  units: UnitJson[];
  scores: ScoreRowJson[];
  sipas?: SipasRowJson[];
};
