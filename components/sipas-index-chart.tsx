import type { SipasMessages } from "@/lib/i18n/sipas-messages";

export type SipasChartRow = {
  unitCode: string;
  unitName: string;
  /** The exact index as a plain decimal string; only the bar's length is taken from it. */
  index: string;
  /** The index as shown ("97,27"). */
  indexShown: string;
  smallSample: boolean;
};

const TICKS = [0, 25, 50, 75, 100];

/**
 * Horizontal bars drawn on the server in HTML and CSS, one per unit, in the order the reader chose,
 * followed by the same figures as a table. Bars start at 0 on a 0–100 scale, so a bar twice as long
 * is twice the index; unit names sit above their bar, which keeps long Vietnamese names readable on
 * a phone without a chart library's JavaScript.
 */
export function SipasIndexChart({
  rows,
  groupName,
  headingId,
  sortLabel,
  t,
}: {
  rows: SipasChartRow[];
  groupName: string;
  headingId: string;
  sortLabel: string;
  t: SipasMessages;
}) {
  if (rows.length === 0) return null;
  const anySmall = rows.some((row) => row.smallSample);

  return (
    <figure className="space-y-3 rounded-lg border border-slate-300 bg-white p-4" aria-labelledby={headingId}>
      <h3 id={headingId} className="font-semibold text-slate-900">
        {t.chartTitle(groupName)}
      </h3>
      <div className="max-w-2xl">
        <div role="img" aria-label={t.chartLabel(groupName, sortLabel)} className="space-y-2">
          {rows.map((row) => (
            <div key={row.unitCode}>
              <div className="flex items-baseline justify-between gap-3 text-sm">
                <span className="min-w-0 text-slate-900">{row.unitName}</span>
                <span className="whitespace-nowrap font-semibold tabular-nums text-slate-900">
                  {row.indexShown}
                  {row.smallSample ? <span className="font-normal text-amber-900"> ({t.smallSampleShort})</span> : null}
                </span>
              </div>
              <div className="relative mt-0.5 h-3 rounded-sm bg-slate-100">
                <div
                  className={`h-3 rounded-sm ${
                    row.smallSample
                      ? "border border-sky-800 bg-[repeating-linear-gradient(135deg,#075985_0_3px,#e0f2fe_3px_6px)]"
                      : "bg-sky-700"
                  }`}
                  style={{ width: `${barPercent(row.index)}%` }}
                />
              </div>
            </div>
          ))}
        </div>
        <div aria-hidden="true" className="relative mt-1 h-5 border-t border-slate-600 text-xs tabular-nums text-slate-700">
          {TICKS.map((tick) => (
            <span
              key={tick}
              className={`absolute top-1 ${tick === 0 ? "" : tick === 100 ? "-translate-x-full" : "-translate-x-1/2"}`}
              style={{ left: `${tick}%` }}
            >
              {tick}
            </span>
          ))}
        </div>
        <p aria-hidden="true" className="mt-1 text-center text-xs text-slate-700">
          {t.chartAxis}
        </p>
        {anySmall ? <p className="mt-2 text-xs text-slate-700">{t.chartSmallSampleLegend}</p> : null}
      </div>
      <details className="text-sm">
        <summary className="cursor-pointer py-1 font-medium text-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700">
          {t.chartTable}
        </summary>
        <table className="mt-2 border-collapse text-sm">
          <caption className="sr-only">{t.chartTitle(groupName)}</caption>
          <thead>
            <tr className="border-b border-slate-300 text-left">
              <th scope="col" className="py-1 pr-6 font-semibold">
                {t.unit}
              </th>
              <th scope="col" className="py-1 text-right font-semibold">
                {t.index}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.unitCode} className="border-b border-slate-200">
                <th scope="row" className="py-1 pr-6 text-left font-normal">
                  {row.unitName}
                </th>
                <td className="py-1 text-right tabular-nums">
                  {row.indexShown}
                  {row.smallSample ? <span className="block text-xs text-amber-900">{t.smallSample}</span> : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

/** A percentage for CSS only; the figures themselves are never computed from it. */
function barPercent(index: string): number {
  const value = Number(index);
  return Number.isFinite(value) ? Math.min(100, Math.max(0, value)) : 0;
}
