/** The words of the downloads; every page's messages carry them in both languages. */
export type TableDownloadLabels = { downloadData: string; downloadCsv: string; downloadXlsx: string; downloadJson: string };

/**
 * One table's downloads. Every public API table answers JSON at `path` and the same table at
 * `path.csv` and `path.xlsx`, with the same query.
 */
export type TableDownload = {
  key: string;
  /** The JSON's address, e.g. `/api/v1/periods/son-la-2024/rankings`. */
  path: string;
  /** Without the "?": `group=so`. */
  query?: string;
  /** Written before the links when several tables share the list (a period's groups). */
  label?: string;
  /** Which table, for screen readers, where the same link text would otherwise repeat or be vague. */
  tableName?: string;
};

type Props = {
  downloads: readonly TableDownload[];
  t: TableDownloadLabels;
  /** Under the page's h1 or in a section of its own (h2), or inside a section (h3). */
  headingLevel: 2 | 3;
};

const linkClass = "inline-block py-1 font-medium text-brand-800 underline underline-offset-2";

/**
 * "Download the data: CSV · XLSX · JSON" next to a public table. Plain links to the API, which
 * answers the files as attachments: nothing runs in the browser.
 */
export function TableDownloads({ downloads, t, headingLevel }: Props) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <div className="text-sm">
      <Heading className="font-semibold text-slate-800">{t.downloadData}</Heading>
      <ul className="mt-1 space-y-1">
        {downloads.map((download) => {
          const query = download.query ? `?${download.query}` : "";
          const links = [
            { href: `${download.path}.csv${query}`, text: t.downloadCsv },
            { href: `${download.path}.xlsx${query}`, text: t.downloadXlsx },
            { href: `${download.path}${query}`, text: t.downloadJson },
          ];
          return (
            <li key={download.key} className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
              {download.label ? <span className="text-slate-700">{download.label}:</span> : null}
              {links.map((link) => (
                <a key={link.href} href={link.href} className={linkClass}>
                  {link.text}
                  {download.tableName ? <span className="sr-only"> — {download.tableName}</span> : null}
                </a>
              ))}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
