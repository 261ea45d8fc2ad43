/** Units whose shown index lies in [from, to), or [from, to] for the top bin that ends at 100. */
export type IndexHistogramBin = { from: number; to: number; count: number; closed: boolean };

/**
 * Counts units per bin of `width` index points, from the lowest to the highest occupied bin, empty
 * bins between them included so the chart's axis has no gaps. It bins the shown value (2 decimals)
 * rather than the exact index, so a unit a reader sees at "85,00" is counted in 85–90 and the chart
 * agrees with the table next to it. Only the integer part is read: no floating point is involved.
 */
export function indexHistogram(shownIndices: readonly string[], width = 5): IndexHistogramBin[] {
  if (!Number.isInteger(width) || width <= 0 || 100 % width !== 0) {
    throw new Error(`Bin width must be a positive integer divisor of 100, got ${width}`);
  }
  if (shownIndices.length === 0) return [];
  const counts = new Map<number, number>();
  for (const shown of shownIndices) {
    const match = /^(\d+)(?:\.(\d+))?$/.exec(shown);
    if (!match) throw new Error(`Not a shown index: "${shown}"`);
    const whole = Number(match[1]);
    if (whole > 100 || (whole === 100 && /[1-9]/.test(match[2] ?? ""))) throw new Error(`An index is at most 100, got ${shown}`);
    // 100 belongs to the top bin, which is closed; every other bin is half-open.
    const from = Math.min(whole - (whole % width), 100 - width);
    counts.set(from, (counts.get(from) ?? 0) + 1);
  }
  const lowest = Math.min(...counts.keys());
  const highest = Math.max(...counts.keys());
  const bins: IndexHistogramBin[] = [];
  for (let from = lowest; from <= highest; from += width) {
    bins.push({ from, to: from + width, count: counts.get(from) ?? 0, closed: from + width === 100 });
  }
  return bins;
}
