/**
 * Colours of chart series, in order: each at least 3:1 against white (WCAG 1.4.11) and distinct
 * from the others. Server-rendered legends and tables use the same list as the client charts.
 */
export const SERIES_COLOURS = ["#075985", "#b45309", "#047857", "#7e22ce", "#be123c"] as const;

export function seriesColour(position: number): string {
  return SERIES_COLOURS[position % SERIES_COLOURS.length]!;
}
