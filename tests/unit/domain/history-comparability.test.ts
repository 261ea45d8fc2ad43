import { describe, expect, it } from "vitest";
import { historyComparabilityBreaks, type HistoryEntry } from "@/lib/domain/history-comparability";

const entry = (periodCode: string, year: number, unitCode: string, criteriaSetId = "set-a"): HistoryEntry => ({
  periodCode,
  year,
  unitCode,
  criteriaSetId,
});

describe("historyComparabilityBreaks", () => {
  it("finds nothing to flag for one unit scored on one criteria set", () => {
    const entries = [entry("p-2022", 2022, "a"), entry("p-2023", 2023, "a"), entry("p-2024", 2024, "a")];
    expect(historyComparabilityBreaks(entries, [])).toEqual([]);
  });

  it("flags the step from the predecessors' last period to the merged unit's first, and only that one", () => {
    const entries = [
      entry("p-2022", 2022, "d"),
      entry("p-2022", 2022, "e"),
      entry("p-2023", 2023, "d"),
      entry("p-2023", 2023, "e"),
      entry("p-2024", 2024, "f"),
    ];
    expect(historyComparabilityBreaks(entries, [2024])).toEqual([
      { previousPeriodCode: "p-2023", previousYear: 2023, periodCode: "p-2024", year: 2024, reasons: ["lineage"] },
    ]);
  });

  it("flags a unit that kept its code while absorbing another, from the year the merge took effect", () => {
    const entries = [entry("p-2022", 2022, "a"), entry("p-2023", 2023, "a"), entry("p-2024", 2024, "a"), entry("p-2025", 2025, "a")];
    expect(historyComparabilityBreaks(entries, [2024]).map((step) => [step.periodCode, step.reasons])).toEqual([["p-2024", ["lineage"]]]);
  });

  it("counts a merge dated in a gap between published periods against the next period", () => {
    const entries = [entry("p-2021", 2021, "a"), entry("p-2024", 2024, "a")];
    expect(historyComparabilityBreaks(entries, [2023]).map((step) => step.periodCode)).toEqual(["p-2024"]);
  });

  it("flags a change of criteria set, with the lineage when both happen at once", () => {
    const entries = [
      entry("p-2022", 2022, "a", "set-2017"),
      entry("p-2023", 2023, "a", "set-2022"),
      entry("p-2024", 2024, "b", "set-2024"),
    ];
    expect(historyComparabilityBreaks(entries, []).map((step) => [step.periodCode, step.reasons])).toEqual([
      ["p-2023", ["criteria-set"]],
      ["p-2024", ["lineage", "criteria-set"]],
    ]);
  });

  it("orders periods by year, then code, whatever order the rows come in", () => {
    const entries = [entry("p-2024", 2024, "a", "new"), entry("p-2022", 2022, "a", "old"), entry("p-2023", 2023, "a", "old")];
    expect(historyComparabilityBreaks(entries, [])).toEqual([
      { previousPeriodCode: "p-2023", previousYear: 2023, periodCode: "p-2024", year: 2024, reasons: ["criteria-set"] },
    ]);
  });

  it("returns nothing for a single period or none", () => {
    expect(historyComparabilityBreaks([entry("p-2024", 2024, "a")], [2024])).toEqual([]);
    expect(historyComparabilityBreaks([], [])).toEqual([]);
  });
});
