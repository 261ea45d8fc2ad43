import type { CriterionBreakdownRow } from "@/lib/scoring/unit-criterion-breakdown";
import type { Locale } from "@/lib/i18n/locale";
import { formatDecimal } from "@/lib/i18n/format-decimal";
import { formatStatedDecimal } from "@/lib/i18n/format-stated-decimal";
import type { UnitPageMessages } from "@/lib/i18n/unit-page-messages";
import { PublicDataTable } from "./public-data-table";

const INDENT = ["", "pl-3", "pl-7", "pl-11", "pl-14"];

/**
 * Every criterion of a unit's result, one disclosure per field: a set has about 90 sub-criteria,
 * which would bury the rest of the page on a phone. Native <details> opens with the keyboard and
 * without any script.
 */
export function UnitCriteriaBreakdown({
  rows,
  showSelfPoints,
  locale,
  t,
}: {
  rows: CriterionBreakdownRow[];
  showSelfPoints: boolean;
  locale: Locale;
  t: UnitPageMessages;
}) {
  const fields = rows.filter((row) => row.depth === 1);
  const points = (row: CriterionBreakdownRow) => (row.notApplicable ? t.notApplicable : formatDecimal(row.points, locale, 2));
  const self = (row: CriterionBreakdownRow) =>
    row.self === null ? (row.isLeaf ? t.none : "") : row.self.notApplicable ? t.notApplicable : formatDecimal(row.self.points!, locale, 2);

  return (
    <div className="space-y-2">
      {fields.map((field) => {
        const caption = t.criteriaCaption(`${field.code}. ${field.name}`);
        const below = rows.filter((row) => row.fieldCode === field.code && row.depth > 1);
        return (
          <details key={field.code} className="group rounded-lg border border-slate-300 bg-white">
            <summary className="flex cursor-pointer list-none items-baseline justify-between gap-3 px-3 py-3 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 [&::-webkit-details-marker]:hidden">
              <span className="min-w-0">
                {/* flex drops the native marker; this one turns like it when the field opens. */}
                <span aria-hidden="true" className="mr-2 inline-block text-brand-800 transition-transform group-open:rotate-90">
                  ▸
                </span>
                <span className="font-semibold">{field.code}.</span> {field.name}
              </span>
              <span className="shrink-0 text-sm font-medium tabular-nums">
                {field.notApplicable ? t.notApplicable : `${formatDecimal(field.points, locale, 2)} / ${formatStatedDecimal(field.applicableMax, locale)}`}
              </span>
            </summary>
            <div className="border-t border-slate-200 p-2">
              <PublicDataTable
                caption={caption}
                columns={[
                  { key: "criterion", label: t.criterion },
                  { key: "pointsAchieved", label: t.pointsAchieved, align: "end" },
                  { key: "maxPoints", label: t.maxPoints, align: "end" },
                  ...(showSelfPoints ? [{ key: "selfPointsColumn", label: t.selfPointsColumn, align: "end" as const }] : []),
                ]}
              >
                <tbody>
                  {below.map((row) => (
                    <tr key={row.code} className={`border-t border-slate-200 align-top ${row.isLeaf ? "" : "bg-slate-50 font-medium"}`}>
                      <th scope="row" className={`py-2 pr-3 text-left font-[inherit] ${INDENT[row.depth - 1] ?? "pl-14"}`}>
                        <span className="font-semibold">{row.code}</span> {row.name}
                        {row.method === "survey" && row.isLeaf ? (
                          <span className="ml-1 text-xs text-slate-700">({t.surveyMethod})</span>
                        ) : null}
                      </th>
                      <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{points(row)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{formatStatedDecimal(row.maxPoints, locale)}</td>
                      {showSelfPoints ? <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{self(row)}</td> : null}
                    </tr>
                  ))}
                </tbody>
              </PublicDataTable>
            </div>
          </details>
        );
      })}
    </div>
  );
}
