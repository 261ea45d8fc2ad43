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
};

export type LeagueTable = {
  groupCode: string;
  groupName: string;
  meanDisplay: string;
  meanChangeDisplay: string | null;
  rows: LeagueTableRow[];
};
