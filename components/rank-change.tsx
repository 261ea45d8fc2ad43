import type { Messages } from "@/lib/i18n/messages";

/** Arrow and number, with the words for screen readers: never colour alone. */
export function RankChange({ change, t }: { change: number | null; t: Messages }) {
  if (change === null) {
    return <span className="text-slate-500">—<span className="sr-only"> {t.notComparable}</span></span>;
  }
  if (change === 0) {
    return (
      <span className="text-slate-600">
        <span aria-hidden="true">=</span>
        <span className="sr-only">{t.unchanged}</span>
      </span>
    );
  }
  const up = change > 0;
  return (
    <span className={up ? "text-green-800" : "text-red-800"}>
      <span aria-hidden="true">{up ? "▲" : "▼"} {Math.abs(change)}</span>
      <span className="sr-only">{up ? t.movedUp(change) : t.movedDown(-change)}</span>
    </span>
  );
}
