const MAX_VALUE_LENGTH = 80;

type Line = { key: string | null; before?: string; after?: string; changed: boolean };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  if (value === null || value === undefined) return "∅";
  const text = typeof value === "string" ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_LENGTH ? `${text.slice(0, MAX_VALUE_LENGTH - 1)}…` : text;
}

/**
 * An audit row's before and after, key by key: what changed as "before → after", what only one
 * side has on its own, and unchanged keys (the email of the account acted on, say) for context.
 * Long values are cut; the CSV export has them whole.
 */
export function auditChangeLines(before: unknown, after: unknown): Line[] {
  if (before == null && after == null) return [];
  const recordsOrNothing = (before == null || isRecord(before)) && (after == null || isRecord(after));
  if (!recordsOrNothing) {
    return [{ key: null, before: before == null ? undefined : show(before), after: show(after), changed: before != null }];
  }
  const left = isRecord(before) ? before : {};
  const right = isRecord(after) ? after : {};
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])];
  const lines = keys.map((key): Line => {
    const inBefore = key in left;
    const inAfter = key in right;
    if (inBefore && inAfter) {
      const same = JSON.stringify(left[key]) === JSON.stringify(right[key]);
      return same ? { key, after: show(right[key]), changed: false } : { key, before: show(left[key]), after: show(right[key]), changed: true };
    }
    return inBefore ? { key, before: show(left[key]), after: "∅", changed: true } : { key, after: show(right[key]), changed: false };
  });
  // Changes first: they are why the row exists.
  return [...lines.filter((line) => line.changed), ...lines.filter((line) => !line.changed)];
}

export function AuditChangeList({ before, after, empty }: { before: unknown; after: unknown; empty: string }) {
  const lines = auditChangeLines(before, after);
  if (lines.length === 0) return <span className="text-slate-700">{empty}</span>;
  return (
    <ul className="space-y-0.5 text-xs">
      {lines.map((line, index) => (
        <li key={index} className="break-words">
          {line.key && <span className="font-semibold">{line.key}: </span>}
          {line.changed && line.before !== undefined ? (
            <>
              <del className="text-red-900">{line.before}</del> → <ins className="text-green-900 no-underline">{line.after}</ins>
            </>
          ) : (
            <span className="text-slate-800">{line.after}</span>
          )}
        </li>
      ))}
    </ul>
  );
}
