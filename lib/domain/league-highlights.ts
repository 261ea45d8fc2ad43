import type { LeagueTable, LeagueTableRow } from "@/lib/domain/league-table";
import { compareCodes } from "@/lib/domain/compare-codes";

export type LeagueHighlights = {
  /** The best-ranked units, best first. */
  top: LeagueTableRow[];
  /** The lowest-ranked units, lowest last — the same reading order as the full table. */
  bottom: LeagueTableRow[];
  /** Units that climbed most since the previous period, most first. */
  risers: LeagueTableRow[];
  /** Units that dropped most, most first. */
  fallers: LeagueTableRow[];
};

const byRank = (a: LeagueTableRow, b: LeagueTableRow) => a.rank - b.rank || compareCodes(a.unitCode, b.unitCode);

/**
 * What the home page shows of a group at a glance. Top and bottom never overlap (a small group
 * splits its rows between them); movers count only comparable rank changes, never a unit whose
 * change is unknown because it is new or merged.
 */
export function selectLeagueHighlights(table: Pick<LeagueTable, "rows">, count = 3): LeagueHighlights {
  const ranked = [...table.rows].sort(byRank);
  const topCount = Math.min(count, Math.ceil(ranked.length / 2));
  const top = ranked.slice(0, topCount);
  const bottom = ranked.slice(Math.max(topCount, ranked.length - count));
  const risers = ranked
    .filter((row) => row.rankChange !== null && row.rankChange > 0)
    .sort((a, b) => b.rankChange! - a.rankChange! || byRank(a, b))
    .slice(0, count);
  const fallers = ranked
    .filter((row) => row.rankChange !== null && row.rankChange < 0)
    .sort((a, b) => a.rankChange! - b.rankChange! || byRank(a, b))
    .slice(0, count);
  return { top, bottom, risers, fallers };
}
