import type { ReactNode } from "react";

/**
 * A wide table's frame: it scrolls sideways on a phone instead of widening the page, and takes
 * keyboard focus so that the scrolling also works without a mouse (WCAG 2.1.1). It is positioned
 * so that screen-reader-only text in its cells (absolutely positioned) is clipped with the table
 * instead of widening the page.
 */
export function ScrollRegion({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-slate-300 bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
    >
      {children}
    </div>
  );
}
