import type { LeagueTableRow } from "@/lib/domain/league-table";
import type { PublishedFieldScore } from "@/lib/domain/published-field-score";
import { compareDecimalStrings } from "@/lib/domain/compare-decimal-strings";

/** A column a reader can sort a league table by; a field column is `field:<code>`. */
export type LeagueSortKey = "rank" | "rankChange" | "unit" | "total" | "index" | "band" | `field:${string}`;

/** The values of `aria-sort`, so the state can be handed to the header as it is. */
export type SortDirection = "ascending" | "descending";

export type LeagueSort = { key: LeagueSortKey; direction: SortDirection };

export type SortableLeagueRow = Pick<LeagueTableRow, "rank" | "rankChange" | "unitCode" | "unitName" | "total" | "index" | "bandLevel"> & {
  fields: readonly Pick<PublishedFieldScore, "code" | "points" | "notApplicable">[];
};

export const DEFAULT_LEAGUE_SORT: LeagueSort = { key: "rank", direction: "ascending" };

/**
 * The direction a column sorts in when first chosen: ranks and names from the top of the list, scores
 * and rank changes best first, since that is what a reader choosing "index" wants to see.
 */
export function firstDirection(key: LeagueSortKey): SortDirection {
  return key === "rank" || key === "unit" ? "ascending" : "descending";
}

/** Choosing the current column again reverses it; another column starts in its first direction. */
export function nextSort(current: LeagueSort, key: LeagueSortKey): LeagueSort {
  if (current.key !== key) return { key, direction: firstDirection(key) };
  return { key, direction: current.direction === "ascending" ? "descending" : "ascending" };
}

const unitNameCollator = new Intl.Collator("vi");

/**
 * Rows sorted by one column, a new array. Units without a value in the column (no previous rank, no
 * band, field not applicable) come last in either direction: they are not the lowest, they are absent.
 * Equal values keep the published order (rank, then unit code), whatever the direction.
 */
export function sortLeagueRows<Row extends SortableLeagueRow>(rows: readonly Row[], sort: LeagueSort): Row[] {
  const value = valueComparator(sort.key);
  const sign = sort.direction === "ascending" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const result = value(a, b);
    if (result === "a-missing") return 1;
    if (result === "b-missing") return -1;
    if (result === "both-missing" || result === 0) return publishedOrder(a, b);
    return sign * result;
  });
}

type ValueComparison = number | "a-missing" | "b-missing" | "both-missing";

function valueComparator(key: LeagueSortKey): (a: SortableLeagueRow, b: SortableLeagueRow) => ValueComparison {
  switch (key) {
    case "rank":
      return (a, b) => a.rank - b.rank;
    case "rankChange":
      return (a, b) => withMissing(a.rankChange, b.rankChange, (x, y) => x - y);
    case "unit":
      return (a, b) => unitNameCollator.compare(a.unitName, b.unitName);
    case "total":
      return (a, b) => compareDecimalStrings(a.total, b.total);
    case "index":
      return (a, b) => compareDecimalStrings(a.index, b.index);
    case "band":
      // Level 0 is the highest band, so a higher band is a smaller level.
      return (a, b) => withMissing(a.bandLevel, b.bandLevel, (x, y) => y - x);
    default: {
      const code = key.slice("field:".length);
      return (a, b) => withMissing(fieldPoints(a, code), fieldPoints(b, code), compareDecimalStrings);
    }
  }
}

function fieldPoints(row: SortableLeagueRow, code: string): string | null {
  const field = row.fields.find((candidate) => candidate.code === code);
  return field && !field.notApplicable ? field.points : null;
}

function withMissing<T>(a: T | null, b: T | null, compare: (x: T, y: T) => number): ValueComparison {
  if (a === null && b === null) return "both-missing";
  if (a === null) return "a-missing";
  if (b === null) return "b-missing";
  return compare(a, b);
}

function publishedOrder(a: SortableLeagueRow, b: SortableLeagueRow): number {
  return a.rank - b.rank || (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0);
}
