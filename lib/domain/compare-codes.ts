/**
 * Code-point order of codes (units, groups), never localeCompare or a database collation: every
 * machine, the ranking and every list then agree on the order of tied units.
 */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
