import Link from "next/link";

type Props = {
  /** The breadcrumb's accessible name ("Đường dẫn"). */
  label: string;
  homeLabel: string;
  periodCode: string;
  periodName: string;
  /** Period names are always Vietnamese: "vi" on an English page, so screen readers say them right. */
  nameLang?: string;
};

/** Home › the period: where a page about one published period sits. */
export function PeriodBreadcrumb({ label, homeLabel, periodCode, periodName, nameLang }: Props) {
  return (
    <nav aria-label={label} className="text-sm">
      <ol className="flex flex-wrap gap-x-2 text-slate-700">
        <li>
          <Link href="/" className="inline-block py-1 text-brand-800 underline underline-offset-2">
            {homeLabel}
          </Link>
        </li>
        <li aria-hidden="true" className="py-1">
          ›
        </li>
        <li>
          <Link href={`/${encodeURIComponent(periodCode)}`} lang={nameLang} className="inline-block py-1 text-brand-800 underline underline-offset-2">
            {periodName}
          </Link>
        </li>
      </ol>
    </nav>
  );
}
