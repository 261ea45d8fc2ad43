import type { ReactNode } from "react";
import { ScrollRegion } from "@/components/scroll-region";

export type ConsoleColumn = string | { label: string; align: "right" };

/**
 * The console's data tables: a frame that scrolls sideways on a phone, a caption (read aloud, shown
 * when `showCaption`), one header row of column headings; the rows are the caller's.
 */
export function ConsoleTable({
  caption,
  columns,
  minWidth,
  showCaption = false,
  children,
}: {
  caption: string;
  columns: ConsoleColumn[];
  /** Tailwind min-width class, e.g. "min-w-[44rem]": below it the frame scrolls. */
  minWidth: string;
  showCaption?: boolean;
  children: ReactNode;
}) {
  return (
    <ScrollRegion label={caption}>
      <table className={`w-full ${minWidth} border-collapse bg-white text-sm`}>
        <caption className={showCaption ? "px-3 py-2 text-left font-semibold" : "sr-only"}>{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            {columns.map((column) => {
              const label = typeof column === "string" ? column : column.label;
              return (
                <th key={label} scope="col" className={`px-3 py-2 ${typeof column === "string" ? "" : "text-right"}`}>
                  {label}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </ScrollRegion>
  );
}
