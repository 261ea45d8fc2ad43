/**
 * Tints from the highest band to the lowest. Dark text on a light tint keeps well above 4.5:1, and the
 * label is always written out, so the colour only repeats what the text says.
 */
const TONES = [
  "bg-emerald-50 text-emerald-900 ring-emerald-700/50",
  "bg-sky-50 text-sky-900 ring-sky-700/50",
  "bg-amber-50 text-amber-900 ring-amber-700/50",
  "bg-orange-50 text-orange-900 ring-orange-700/50",
  "bg-rose-50 text-rose-900 ring-rose-700/50",
] as const;

const NEUTRAL = "bg-slate-50 text-slate-800 ring-slate-500/50";

/** A period's band label with its tint; `level` 0 is the period's highest band, `count` how many it has. */
export function BandBadge({ label, level, count }: { label: string | null; level: number | null; count: number }) {
  if (label === null) return <span className="text-slate-600">—</span>;
  // Spread the period's bands over the tints so that its lowest band is always the last tint, whether
  // the period has four bands (A–D) or five (Xuất sắc … Yếu).
  const tone = level === null ? NEUTRAL : (TONES[count <= 1 ? 0 : Math.round((level * (TONES.length - 1)) / (count - 1))] ?? NEUTRAL);
  return (
    <span className={`band-badge ${tone}`}>{label}</span>
  );
}
