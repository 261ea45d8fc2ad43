import type { PublishedFieldScore } from "@/lib/domain/published-field-score";

/** A field column of a league table: the criteria set's field with its maximum. */
export type LeagueTableFieldColumn = { code: string; name: string; maxPoints: string };

/** A published league table as pages show it; decimals travel as strings. */
export type LeagueTableRow = {
  rank: number;
  rankChange: number | null;
  previousRank: number | null;
  unitCode: string;
  unitName: string;
  total: string;
  applicableMax: string;
  /** Half-up to 4 decimals from the exact index: the API's value. */
  index: string;
  /** Half-up to 2 decimals from the exact index (never from the 4-decimal value): the shown value. */
  indexDisplay: string;
  band: string | null;
  /**
   * Position of the band among the period's bands, 0 for the highest; null without a band or when
   * the label is not one of the period's bands. Pages colour bands by it, always next to the label.
   */
  bandLevel: number | null;
  /** Field points in the order of the table's field columns. */
  fields: PublishedFieldScore[];
};

export type LeagueTable = {
  groupCode: string;
  groupName: string;
  meanDisplay: string;
  meanChangeDisplay: string | null;
  /** The fields of the criteria set in code order: the columns every row has points for. */
  fieldColumns: LeagueTableFieldColumn[];
  /** How many bands the period has, so a page can spread its colours from the highest to the lowest. */
  bandCount: number;
  rows: LeagueTableRow[];
};
