export type FieldScoreBar = {
  code: string;
  name: string;
  /** Share of the applicable maximum achieved, 0–100, for the bar's length only; null when not applicable. */
  share: number | null;
  /** "11,50 / 13,5" or the not-applicable text, as the reader sees it. */
  text: string;
};

/**
 * Each field's points against its maximum as a horizontal bar, drawn on the server in HTML: a
 * picture that never changes once published needs no chart library, and its labels stay readable
 * at phone width. Screen readers get the table that follows it instead (the figure is labelled so).
 */
export function FieldScoreBars({ bars, label }: { bars: FieldScoreBar[]; label: string }) {
  return (
    <div role="img" aria-label={label} className="space-y-3">
      {bars.map((bar) => (
        <div key={bar.code}>
          <div className="flex items-baseline justify-between gap-3 text-sm">
            <span className="min-w-0 text-slate-800">
              <span className="font-semibold">{bar.code}.</span> {bar.name}
            </span>
            <span className="shrink-0 font-medium text-slate-900 tabular-nums">{bar.text}</span>
          </div>
          <div className="mt-1 h-3 w-full overflow-hidden rounded-sm bg-slate-200">
            {bar.share === null ? null : <div className="h-full rounded-sm bg-sky-800" style={{ width: `${bar.share}%` }} />}
          </div>
        </div>
      ))}
    </div>
  );
}
