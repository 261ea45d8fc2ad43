import { compareDecimalStrings } from "@/lib/domain/compare-decimal-strings";
import { compareCodes } from "@/lib/domain/compare-codes";

export type BandRecord = { label: string; labelEn: string | null; minIndex: string; headAssessment: string | null };

/** A band with the index range it covers: from `minIndex` inclusive up to `below` exclusive (none for the top band). */
export type BandRange = BandRecord & { below: string | null };

export type BandRanges = {
  /** Highest first, as assignBand tries them. */
  bands: BandRange[];
  /** Indices under this value get no band at all (the lowest band starts above 0); null when every index gets one. */
  unbandedBelow: string | null;
};

/**
 * A period's bands as ranges, the way `assignBand` applies them: the first band, highest minIndex
 * first, whose minIndex ≤ index. A band sharing its minIndex with a higher-listed one can never be
 * given; it keeps an empty range (`below` equal to its own minIndex) rather than vanishing.
 */
export function bandRanges(records: readonly BandRecord[]): BandRanges {
  const sorted = [...records].sort((a, b) => compareDecimalStrings(b.minIndex, a.minIndex) || compareCodes(a.label, b.label));
  const bands = sorted.map((band, position): BandRange => {
    const above = sorted[position - 1];
    return { ...band, minIndex: trimmed(band.minIndex), below: above ? trimmed(above.minIndex) : null };
  });
  const lowest = bands[bands.length - 1];
  return {
    bands,
    unbandedBelow: lowest && compareDecimalStrings(lowest.minIndex, "0") > 0 ? lowest.minIndex : null,
  };
}

/** "90.0000" as stored → "90", "87.5000" → "87.5": thresholds are read as the period states them. */
function trimmed(value: string): string {
  return value.includes(".") ? value.replace(/0+$/, "").replace(/\.$/, "") : value;
}
