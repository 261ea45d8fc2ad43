import { bandRanges, type BandRanges, type BandRecord } from "@/lib/domain/band-ranges";

export type BandCoverage = BandRanges & {
  /** What happens to a unit below every band, in words; null when every index gets a band. */
  notice: { vi: string; en: string } | null;
};

/**
 * A period's bands as `assignBand` will apply them, and — when the lowest band starts above 0 or
 * there is none — the plain statement that units below it are published without a band
 * (the methodology page says so), so the admin sets that on purpose rather than by accident.
 */
export function bandCoverage(records: readonly BandRecord[]): BandCoverage {
  const ranges = bandRanges(records);
  if (ranges.bands.length === 0) {
    return {
      ...ranges,
      notice: {
        vi: "Kỳ này chưa có mức xếp loại: không đơn vị nào được xếp loại.",
        en: "This period has no bands: no unit will be given a band.",
      },
    };
  }
  if (ranges.unbandedBelow === null) return { ...ranges, notice: null };
  return {
    ...ranges,
    notice: {
      vi: `Đơn vị có chỉ số dưới ${ranges.unbandedBelow.replace(".", ",")} không thuộc mức nào nên không được xếp loại (trang phương pháp đánh giá ghi rõ điều này). Thêm một mức có chỉ số tối thiểu 0 nếu muốn mọi đơn vị đều được xếp loại.`,
      en: `Units with an index below ${ranges.unbandedBelow} fall under no band and are published without one (the methodology page says so). Add a band starting at 0 for every unit to get a band.`,
    },
  };
}
