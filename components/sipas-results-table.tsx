import Link from "next/link";
import type { SipasSort } from "@/lib/domain/sipas-results";
import type { SipasMessages } from "@/lib/i18n/sipas-messages";

/** One unit's figures, already formatted for the page's locale. */
export type SipasTableRow = {
  unitCode: string;
  unitName: string;
  href: string;
  indexShown: string;
  responsesShown: string | null;
  smallSample: boolean;
  intervalShown: string | null;
  /** Aligned with the table's elements; null where the unit has no figure. */
  elementsShown: (string | null)[];
};

type Props = {
  rows: SipasTableRow[];
  elements: { code: string; name: string }[];
  showInterval: boolean;
  sort: SipasSort;
  caption: string;
  regionLabel: string;
  cardsLabel: string;
  t: SipasMessages;
};

/**
 * The SIPAS figures of one group: a table from 640 px up, one card per unit below, where nine
 * columns cannot fit. Both are rendered on the server in the order the reader chose; only one is
 * displayed (the other is display:none, so assistive technology meets it once).
 */
export function SipasResultsTable(props: Props) {
  return (
    <>
      <ResultsTable {...props} />
      <ResultsCards {...props} />
    </>
  );
}

function ResultsTable({ rows, elements, showInterval, sort, caption, regionLabel, t }: Props) {
  return (
    <div
      role="region"
      aria-label={regionLabel}
      tabIndex={0}
      className="hidden overflow-x-auto rounded-lg border border-slate-300 bg-white focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700 sm:block"
    >
      <table className="w-full border-collapse text-sm">
        <caption className="px-3 pt-3 text-left font-semibold text-slate-900">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left align-bottom">
            <th scope="col" aria-sort={sort === "name" ? "ascending" : undefined} className="min-w-48 px-3 py-2 font-semibold">
              {t.unit}
            </th>
            <th
              scope="col"
              aria-sort={sort === "index" ? "descending" : sort === "index-asc" ? "ascending" : undefined}
              className="px-3 py-2 text-right font-semibold"
            >
              {t.index}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-semibold">
              {t.responses}
            </th>
            {showInterval ? (
              <th scope="col" className="px-3 py-2 text-right font-semibold">
                {t.confidenceInterval}
              </th>
            ) : null}
            {elements.map((element) => (
              <th key={element.code} scope="col" className="min-w-28 px-3 py-2 text-right font-medium">
                {element.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.unitCode} className="border-b border-slate-200 align-baseline last:border-b-0">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                <Link href={row.href} className="text-brand-800 underline underline-offset-2">
                  {row.unitName}
                </Link>
                {row.smallSample ? <SmallSampleBadge t={t} /> : null}
              </th>
              <td className="px-3 py-2 text-right text-base font-semibold tabular-nums">{row.indexShown}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                <Figure value={row.responsesShown} t={t} />
              </td>
              {showInterval ? (
                <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                  <Figure value={row.intervalShown} t={t} />
                </td>
              ) : null}
              {row.elementsShown.map((value, position) => (
                <td key={elements[position]?.code ?? position} className="px-3 py-2 text-right tabular-nums">
                  <Figure value={value} t={t} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {elements.length > 0 ? <p className="px-3 pb-3 pt-2 text-xs text-slate-700">{t.elementsNote}</p> : null}
    </div>
  );
}

function ResultsCards({ rows, elements, showInterval, cardsLabel, t }: Props) {
  return (
    <ul aria-label={cardsLabel} className="space-y-3 sm:hidden">
      {rows.map((row) => (
        <li key={row.unitCode} className="rounded-lg border border-slate-300 bg-white p-3">
          <h3 className="font-semibold">
            <Link href={row.href} className="text-brand-800 underline underline-offset-2">
              {row.unitName}
            </Link>
          </h3>
          <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-2 text-sm">
            <div>
              <dt className="text-slate-700">{t.index}</dt>
              <dd className="text-xl font-bold tabular-nums">{row.indexShown}</dd>
            </div>
            <div>
              <dt className="text-slate-700">{t.responses}</dt>
              <dd className="text-base tabular-nums">
                <Figure value={row.responsesShown} t={t} />
              </dd>
            </div>
            {showInterval ? (
              <div className="col-span-2">
                <dt className="text-slate-700">{t.confidenceInterval}</dt>
                <dd className="tabular-nums">
                  <Figure value={row.intervalShown} t={t} />
                </dd>
              </div>
            ) : null}
          </dl>
          {row.smallSample ? <SmallSampleBadge t={t} /> : null}
          {elements.length > 0 ? (
            // Five elements per unit would make the list of cards several screens longer; the
            // overall index comes first and the elements open on demand.
            <details className="mt-2 text-sm">
              <summary className="cursor-pointer py-2 font-medium text-brand-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700">
                {t.elementsDisclosure}
                <span className="sr-only"> — {row.unitName}</span>
              </summary>
              <dl className="divide-y divide-slate-200 border-t border-slate-200">
                {elements.map((element, position) => (
                  <div key={element.code} className="flex items-baseline justify-between gap-3 py-1.5">
                    <dt className="text-slate-800">{element.name}</dt>
                    <dd className="whitespace-nowrap tabular-nums">
                      <Figure value={row.elementsShown[position] ?? null} t={t} />
                    </dd>
                  </div>
                ))}
              </dl>
            </details>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** A missing figure is a dash on screen and words for a screen reader. */
function Figure({ value, t }: { value: string | null; t: SipasMessages }) {
  if (value !== null) return <>{value}</>;
  return (
    <>
      <span aria-hidden="true">{t.noFigure}</span>
      <span className="sr-only">{t.noFigureSpoken}</span>
    </>
  );
}

function SmallSampleBadge({ t }: { t: SipasMessages }) {
  return (
    <span className="mt-1 block w-fit max-w-64 rounded bg-amber-50 px-2 py-0.5 text-left text-xs font-medium text-amber-900 ring-1 ring-inset ring-amber-700/50">
      <span aria-hidden="true">⚠ </span>
      {t.smallSample}
    </span>
  );
}
