import type { IndexHistogramBin } from "@/lib/domain/index-histogram";
import type { Messages } from "@/lib/i18n/messages";
import { LazyIndexDistributionBars } from "./lazy-index-distribution-bars";

/**
 * The group's distribution as a bar chart (recharts, loaded when the reader scrolls near it, so the
 * league table above stays light on a phone), followed by the same figures as a table that is in
 * the page from the start.
 */
export function IndexDistributionChart({
  bins,
  groupName,
  headingId,
  t,
}: {
  bins: IndexHistogramBin[];
  groupName: string;
  headingId: string;
  t: Messages;
}) {
  if (bins.length === 0) return null;
  const bars = bins.map((bin) => ({ label: `${bin.from}–${bin.to}`, rangeShown: t.indexRangeOf(bin.from, bin.to, bin.closed), count: bin.count }));

  return (
    <figure className="space-y-3 rounded-lg border border-slate-300 bg-white p-4" aria-labelledby={headingId}>
      <h3 id={headingId} className="font-semibold text-slate-900">
        {t.distributionTitle(groupName)}
      </h3>
      <div className="max-w-xl">
        <LazyIndexDistributionBars bars={bars} labels={{ chartName: t.distributionChartLabel(groupName), unitCount: t.unitCount, axis: t.indexRange }} />
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer py-1 font-medium text-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700">
          {t.distributionTable}
        </summary>
        <table className="mt-2 border-collapse text-sm">
          <caption className="sr-only">{t.distributionTitle(groupName)}</caption>
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th scope="col" className="py-1 pr-6 font-semibold">
                {t.indexRange}
              </th>
              <th scope="col" className="py-1 text-right font-semibold">
                {t.unitCount}
              </th>
            </tr>
          </thead>
          <tbody>
            {bins.map((bin) => (
              <tr key={bin.from} className="border-b border-slate-200">
                <th scope="row" className="py-1 pr-6 text-left font-normal">
                  {t.indexRangeOf(bin.from, bin.to, bin.closed)}
                </th>
                <td className="py-1 text-right tabular-nums">{bin.count}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
