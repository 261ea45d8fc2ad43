import type { IndexHistogramBin } from "@/lib/domain/index-histogram";
import type { Messages } from "@/lib/i18n/messages";

/** More axis labels than this would run into each other at phone width. */
const MAX_TICK_LABELS = 8;

/**
 * A bar chart drawn on the server in HTML and CSS, followed by the same figures as a table. A chart
 * library would add about 100 KB of JavaScript to a page that must stay light on phones, for a picture
 * that never changes once published; and unlike a scaled SVG, its labels keep their size on a phone.
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
  const highest = Math.max(...bins.map((bin) => bin.count));
  const tickEvery = Math.ceil((bins.length + 1) / MAX_TICK_LABELS);
  const lastBin = bins.length - 1;

  return (
    <figure className="space-y-3 rounded-lg border border-slate-300 bg-white p-4" aria-labelledby={headingId}>
      <h3 id={headingId} className="font-semibold text-slate-900">
        {t.distributionTitle(groupName)}
      </h3>
      <div className="max-w-xl">
        <div role="img" aria-label={t.distributionChartLabel(groupName)} className="flex h-44 border-b border-slate-600 pt-6">
          {bins.map((bin) => (
            <div key={bin.from} className="flex flex-1 items-end justify-center">
              <div
                className="relative w-3/4 max-w-14 rounded-t-sm bg-sky-700"
                style={{ height: `${highest === 0 ? 0 : (bin.count * 100) / highest}%` }}
              >
                <span className="absolute inset-x-0 -top-5 text-center text-xs font-semibold text-slate-900 tabular-nums">
                  {bin.count}
                </span>
              </div>
            </div>
          ))}
        </div>
        {/* Axis labels sit on the bin boundaries, under the gaps between the bars. */}
        <div aria-hidden="true" className="flex h-5 text-xs text-slate-700 tabular-nums">
          {bins.map((bin, position) => (
            <div key={bin.from} className="relative flex-1">
              {position % tickEvery === 0 ? <span className="absolute left-0 top-1 -translate-x-1/2">{bin.from}</span> : null}
              {position === lastBin ? <span className="absolute right-0 top-1 translate-x-1/2">{bin.to}</span> : null}
            </div>
          ))}
        </div>
        <p aria-hidden="true" className="mt-1 text-center text-xs text-slate-700">
          {t.index}
        </p>
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
