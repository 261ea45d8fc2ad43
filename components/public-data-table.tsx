import type { ReactNode } from "react";
import { ScrollRegion } from "./scroll-region";

/** A column heading; figures are right-aligned under a right-aligned heading. */
export type PublicDataTableColumn = { key: string; label: ReactNode; align?: "end"; className?: string };

/**
 * The frame every table of the public pages shares: a caption for screen readers (also the name of
 * the scrolling region), sticky-free column headings on a grey band, sideways scrolling on a phone.
 * The caller gives the body sections (`<tbody>`, and `<tfoot>` where there is a sum row).
 */
export function PublicDataTable({ caption, columns, children }: { caption: string; columns: PublicDataTableColumn[]; children: ReactNode }) {
  return (
    <ScrollRegion label={caption}>
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-100 text-left">
          <tr>
            {columns.map((column) => (
              <th key={column.key} scope="col" className={`${column.className ?? "px-3 py-2"} font-semibold ${column.align === "end" ? "text-right" : ""}`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        {children}
      </table>
    </ScrollRegion>
  );
}
