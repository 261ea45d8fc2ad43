import type { Messages } from "@/lib/i18n/messages";

/** What a screen reader says for a rank change: "tăng 2 bậc", "không đổi", "không so sánh được". */
export function rankChangeText(change: number | null, t: Messages): string {
  if (change === null) return t.notComparable;
  if (change === 0) return t.unchanged;
  return change > 0 ? t.movedUp(change) : t.movedDown(-change);
}

/**
 * Arrow and number, with the words for screen readers: never colour alone. The words come as a prop,
 * formatted by the caller, so that a client component can show this without the message catalogue.
 */
export function RankChange({ change, text }: { change: number | null; text: string }) {
  if (change === null) {
    return (
      <span className="text-slate-600">
        <span aria-hidden="true">—</span>
        <span className="sr-only">{text}</span>
      </span>
    );
  }
  if (change === 0) {
    return (
      <span className="text-slate-700">
        <span aria-hidden="true">=</span>
        <span className="sr-only">{text}</span>
      </span>
    );
  }
  const up = change > 0;
  return (
    <span className={up ? "text-green-800" : "text-red-800"}>
      <span aria-hidden="true">
        {up ? "▲" : "▼"} {Math.abs(change)}
      </span>
      <span className="sr-only">{text}</span>
    </span>
  );
}
