import type { Metadata } from "next";
import { headers } from "next/headers";
import { listPublicApiPeriods } from "@/lib/data/public-api-periods";
import { getLocale } from "@/lib/i18n/get-locale";
import { openDataMessagesFor } from "@/lib/i18n/open-data-messages";
import { apiMessagesFor } from "@/lib/i18n/api-messages";
import { PUBLIC_CACHE_CONTROL, etagOf } from "@/app/api/v1/_lib/public-api-http";
import {
  EXAMPLE_COMPARED,
  EXAMPLE_GROUP,
  EXAMPLE_PERIOD,
  EXAMPLE_UNIT,
  exampleComparison,
  exampleComparisonCsv,
  examplePeriods,
  exampleRankings,
  exampleRankingsCsv,
  exampleSipas,
  exampleSipasCsv,
  exampleUnit,
  exampleUnitHistory,
  exampleUnitHistoryCsv,
  readableJson,
} from "./open-data-examples";
import type { OpenDataMessages } from "@/lib/i18n/open-data-messages";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = openDataMessagesFor(await getLocale());
  return { title: t.metaTitle, description: t.metaDescription };
}

// Examples show this site's own address so that they can be pasted into a terminal as they are.
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

function siteOrigin(requestHeaders: Headers): string {
  const host = requestHeaders.get("x-forwarded-host")?.split(",")[0]?.trim() ?? requestHeaders.get("host") ?? "";
  const protocol = requestHeaders.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return HOST.test(host) ? `${protocol}://${host}` : "http://localhost:3000";
}

/** Text where `backticks` mark code. */
function Rich({ text }: { text: string }) {
  return (
    <>
      {text.split("`").map((part, position) =>
        position % 2 === 1 ? (
          <code key={position} className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em] text-slate-900">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}

/** A labelled, keyboard-scrollable code block: the caption names it for screen readers too. */
function CodeBlock({ id, label, code }: { id: string; label: string; code: string }) {
  return (
    <figure className="space-y-1">
      <figcaption id={id} className="text-sm font-medium text-slate-700">
        {label}
      </figcaption>
      <pre
        tabIndex={0}
        aria-labelledby={id}
        className="overflow-x-auto rounded-md bg-slate-900 p-3 text-sm leading-relaxed text-slate-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
      >
        <code>{code}</code>
      </pre>
    </figure>
  );
}

function Endpoint({ path }: { path: string }) {
  return (
    <p className="font-mono text-sm text-slate-900">
      <span className="mr-2 rounded bg-green-100 px-1.5 py-0.5 font-semibold text-green-900">GET</span>
      {path}
    </p>
  );
}

function DefinitionTable({ caption, keyColumn, rows, t }: { caption: string; keyColumn: string; rows: [string, string][]; t: { meaningColumn: string } }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full border-collapse text-sm">
        <caption className="px-3 py-2 text-left font-medium text-slate-800">{caption}</caption>
        <thead className="bg-slate-100 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2">{keyColumn}</th>
            <th scope="col" className="px-3 py-2">{t.meaningColumn}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, meaning]) => (
            <tr key={key} className="border-t border-slate-200 align-top">
              <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-mono font-normal text-slate-900">{key}</th>
              <td className="px-3 py-2 text-slate-700"><Rich text={meaning} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/**
 * A table of a public page (SIPAS, a unit's history, a comparison): its JSON, CSV and XLSX
 * addresses, parameters, fields, the files' columns, and examples made by the API's own writers.
 */
function TableSection(props: {
  id: string;
  heading: string;
  paths: string[];
  description: string;
  parameters: [string, string][];
  fields: [string, string][];
  columns: string;
  requests: string[];
  json: unknown;
  csv: string;
  t: OpenDataMessages;
}) {
  const { id, t } = props;
  return (
    <section id={id} aria-labelledby={`${id}-heading`} className={sectionClass}>
      <h2 id={`${id}-heading`} className={headingClass}>{props.heading}</h2>
      <div className="space-y-1">
        {props.paths.map((path) => (
          <Endpoint key={path} path={path} />
        ))}
      </div>
      <p className="text-slate-700"><Rich text={props.description} /></p>
      <DefinitionTable caption={t.parametersCaption} keyColumn={t.parameterColumn} rows={props.parameters} t={t} />
      <DefinitionTable caption={t.unitFieldsCaption} keyColumn={t.fieldColumn} rows={props.fields} t={t} />
      <h3 className="font-semibold text-slate-900">{t.filesColumns}</h3>
      <ul className={listClass}>
        <li><Rich text={t.tableFilesPoint} /></li>
        <li><Rich text={props.columns} /></li>
      </ul>
      <CodeBlock id={`${id}-request`} label={t.requestExample} code={props.requests.join("\n")} />
      <CodeBlock id={`${id}-response`} label={t.responseExample} code={readableJson(props.json)} />
      <CodeBlock id={`${id}-csv`} label={t.csvExample} code={props.csv} />
    </section>
  );
}

const sectionClass = "scroll-mt-4 space-y-3";
const headingClass = "text-xl font-semibold text-slate-900";
const listClass = "list-disc space-y-1 pl-5 text-slate-700";
const linkClass = "text-brand-800 underline underline-offset-2 hover:no-underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700";

export default async function OpenDataPage() {
  const locale = await getLocale();
  const t = openDataMessagesFor(locale);
  const api = `${siteOrigin(await headers())}/api/v1`;
  const periods = await listPublicApiPeriods();

  const rankingsUrl = `${api}/periods/${EXAMPLE_PERIOD}/rankings?group=${EXAMPLE_GROUP}`;
  const exampleEtag = etagOf("example", EXAMPLE_PERIOD, EXAMPLE_GROUP);
  const groupRequired = { error: { code: "group_required", message: apiMessagesFor(locale).groupRequired("son-la-2022", ["so", "huyen"]) } };

  const sections = [
    ["overview", t.overviewHeading],
    ["try", t.tryHeading],
    ["periods", t.periodsHeading],
    ["rankings", t.rankingsHeading],
    ["csv", t.csvHeading],
    ["xlsx", t.xlsxHeading],
    ["unit", t.unitHeading],
    ["sipas", t.sipasHeading],
    ["history", t.historyHeading],
    ["compare", t.compareHeading],
    ["numbers", t.numbersHeading],
    ["errors", t.errorsHeading],
    ["caching", t.cachingHeading],
    ["language", t.languageHeading],
    ["package", t.packageHeading],
  ] as const;

  return (
    <div className="max-w-4xl space-y-10">
      <header className="space-y-3">
        <h1 className="text-2xl font-bold text-slate-900 sm:text-3xl">{t.title}</h1>
        <p className="text-slate-700">{t.intro}</p>
        <nav aria-labelledby="contents-heading" className="rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="contents-heading" className="text-base font-semibold text-slate-900">{t.contents}</h2>
          <ol className="mt-2 grid gap-1 text-sm sm:grid-cols-2">
            {sections.map(([id, heading]) => (
              <li key={id}>
                <a href={`#${id}`} className={linkClass}>{heading}</a>
              </li>
            ))}
          </ol>
        </nav>
      </header>

      <section id="overview" aria-labelledby="overview-heading" className={sectionClass}>
        <h2 id="overview-heading" className={headingClass}>{t.overviewHeading}</h2>
        <p className="text-slate-700"><Rich text={t.baseUrl(api)} /></p>
        <ul className={listClass}>
          {t.overviewPoints.map((point) => (
            <li key={point}><Rich text={point} /></li>
          ))}
        </ul>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full border-collapse text-sm">
            <caption className="px-3 py-2 text-left font-medium text-slate-800">{t.endpointsCaption}</caption>
            <thead className="bg-slate-100 text-left text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">{t.endpointColumn}</th>
                <th scope="col" className="px-3 py-2">{t.returnsColumn}</th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ["#periods", "GET /api/v1/periods", t.endpointSummaries.periods],
                  ["#rankings", "GET /api/v1/periods/{period}/rankings?group={group}", t.endpointSummaries.rankings],
                  ["#csv", "GET /api/v1/periods/{period}/rankings.csv?group={group}", t.endpointSummaries.rankingsCsv],
                  ["#xlsx", "GET /api/v1/periods/{period}/rankings.xlsx?group={group}", t.endpointSummaries.rankingsXlsx],
                  ["#unit", "GET /api/v1/units/{unit}", t.endpointSummaries.unit],
                  ["#sipas", "GET /api/v1/periods/{period}/sipas[.csv|.xlsx]?group={group}", t.endpointSummaries.sipas],
                  ["#history", "GET /api/v1/units/{unit}/history[.csv|.xlsx]", t.endpointSummaries.unitHistory],
                  ["#compare", "GET /api/v1/periods/{period}/compare[.csv|.xlsx]?units={a},{b}", t.endpointSummaries.compare],
                ] as const
              ).map(([anchor, request, summary]) => (
                <tr key={anchor} className="border-t border-slate-200 align-top">
                  <th scope="row" className="px-3 py-2 text-left font-mono font-normal">
                    <a href={anchor} className={linkClass}>{request}</a>
                  </th>
                  <td className="px-3 py-2 text-slate-700">{summary}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p className="text-sm text-slate-600">{t.examplesAreIllustrative}</p>
      </section>

      <section id="try" aria-labelledby="try-heading" className={sectionClass}>
        <h2 id="try-heading" className={headingClass}>{t.tryHeading}</h2>
        <p>
          {/* eslint-disable-next-line @next/next/no-html-link-for-pages -- an API address, not a page: the browser must fetch it, not the client router */}
          <a href="/api/v1/periods" className={linkClass}>{t.tryAllPeriods}</a>
        </p>
        {periods.length === 0 ? (
          <p className="text-slate-700">{t.tryNone}</p>
        ) : (
          <>
            <p className="text-slate-700">{t.tryIntro}</p>
            <ul className="space-y-3">
              {periods.map((period) => (
                <li key={period.code} className="rounded-lg border border-slate-200 bg-white p-3">
                  <h3 className="font-medium text-slate-900">
                    {period.name} <span className="font-mono text-sm font-normal text-slate-600">({period.code})</span>
                  </h3>
                  <ul className="mt-1 space-y-1 text-sm">
                    {period.groups.map((group) => {
                      const base = `/api/v1/periods/${encodeURIComponent(period.code)}`;
                      const query = `?group=${encodeURIComponent(group.code)}`;
                      return (
                        <li key={group.code} className="text-slate-700">
                          {group.name}:{" "}
                          <a href={`${base}/rankings${query}`} aria-label={t.tryRankingsLabel(group.name, period.name, "JSON")} className={linkClass}>
                            JSON
                          </a>{" "}
                          ·{" "}
                          <a href={`${base}/rankings.csv${query}`} aria-label={t.tryRankingsLabel(group.name, period.name, "CSV")} className={linkClass}>
                            CSV
                          </a>{" "}
                          ·{" "}
                          <a href={`${base}/rankings.xlsx${query}`} aria-label={t.tryRankingsLabel(group.name, period.name, "XLSX")} className={linkClass}>
                            XLSX
                          </a>
                        </li>
                      );
                    })}
                  </ul>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      <section id="periods" aria-labelledby="periods-heading" className={sectionClass}>
        <h2 id="periods-heading" className={headingClass}>{t.periodsHeading}</h2>
        <Endpoint path="/api/v1/periods" />
        <p className="text-slate-700"><Rich text={t.periodsDescription} /></p>
        <CodeBlock id="periods-request" label={t.requestExample} code={`curl -s "${api}/periods"`} />
        <CodeBlock id="periods-response" label={t.responseExample} code={readableJson(examplePeriods)} />
      </section>

      <section id="rankings" aria-labelledby="rankings-heading" className={sectionClass}>
        <h2 id="rankings-heading" className={headingClass}>{t.rankingsHeading}</h2>
        <Endpoint path="/api/v1/periods/{period}/rankings?group={group}" />
        <p className="text-slate-700"><Rich text={t.rankingsDescription} /></p>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full border-collapse text-sm">
            <caption className="px-3 py-2 text-left font-medium text-slate-800">{t.parametersCaption}</caption>
            <thead className="bg-slate-100 text-left text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">{t.parameterColumn}</th>
                <th scope="col" className="px-3 py-2">{t.placeColumn}</th>
                <th scope="col" className="px-3 py-2">{t.requiredColumn}</th>
                <th scope="col" className="px-3 py-2">{t.meaningColumn}</th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ["period", t.inPath, t.yes, t.periodParameter],
                  ["group", t.inQuery, t.whenSeveralGroups, t.groupParameter],
                  ["lang", t.inQuery, t.no, t.langParameter],
                ] as const
              ).map(([name, place, required, meaning]) => (
                <tr key={name} className="border-t border-slate-200 align-top">
                  <th scope="row" className="px-3 py-2 text-left font-mono font-normal text-slate-900">{name}</th>
                  <td className="px-3 py-2 text-slate-700">{place}</td>
                  <td className="px-3 py-2 text-slate-700">{required}</td>
                  <td className="px-3 py-2 text-slate-700"><Rich text={meaning} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <DefinitionTable caption={t.fieldsCaption} keyColumn={t.fieldColumn} rows={t.rankingFields} t={t} />
        <CodeBlock id="rankings-request" label={t.requestExample} code={`curl -s "${rankingsUrl}"`} />
        <CodeBlock id="rankings-response" label={t.responseExample} code={readableJson(exampleRankings)} />
      </section>

      <section id="csv" aria-labelledby="csv-heading" className={sectionClass}>
        <h2 id="csv-heading" className={headingClass}>{t.csvHeading}</h2>
        <Endpoint path="/api/v1/periods/{period}/rankings.csv?group={group}" />
        <ul className={listClass}>
          {t.csvPoints.map((point) => (
            <li key={point}><Rich text={point} /></li>
          ))}
        </ul>
        <CodeBlock
          id="csv-request"
          label={t.requestExample}
          code={`curl -sOJ "${api}/periods/${EXAMPLE_PERIOD}/rankings.csv?group=${EXAMPLE_GROUP}"`}
        />
        <CodeBlock id="csv-response" label={t.csvExample} code={exampleRankingsCsv} />
      </section>

      <section id="xlsx" aria-labelledby="xlsx-heading" className={sectionClass}>
        <h2 id="xlsx-heading" className={headingClass}>{t.xlsxHeading}</h2>
        <Endpoint path="/api/v1/periods/{period}/rankings.xlsx?group={group}" />
        <ul className={listClass}>
          {t.xlsxPoints.map((point) => (
            <li key={point}><Rich text={point} /></li>
          ))}
        </ul>
        <CodeBlock
          id="xlsx-request"
          label={t.requestExample}
          code={`curl -sOJ "${api}/periods/${EXAMPLE_PERIOD}/rankings.xlsx?group=${EXAMPLE_GROUP}"`}
        />
      </section>

      <section id="unit" aria-labelledby="unit-heading" className={sectionClass}>
        <h2 id="unit-heading" className={headingClass}>{t.unitHeading}</h2>
        <Endpoint path="/api/v1/units/{unit}" />
        <p className="text-slate-700"><Rich text={t.unitDescription} /></p>
        <DefinitionTable caption={t.parametersCaption} keyColumn={t.parameterColumn} rows={[["unit", t.unitParameter], ["lang", t.langParameter]]} t={t} />
        <DefinitionTable caption={t.unitFieldsCaption} keyColumn={t.fieldColumn} rows={t.unitFields} t={t} />
        <CodeBlock id="unit-request" label={t.requestExample} code={`curl -s "${api}/units/${EXAMPLE_UNIT}"`} />
        <CodeBlock id="unit-response" label={t.responseExample} code={readableJson(exampleUnit)} />
      </section>

      <TableSection
        id="sipas"
        heading={t.sipasHeading}
        paths={["sipas", "sipas.csv", "sipas.xlsx"].map((name) => `/api/v1/periods/{period}/${name}?group={group}`)}
        description={t.sipasDescription}
        parameters={[["period", t.periodParameter], ["group", t.groupParameter], ["lang", t.langParameter]]}
        fields={t.sipasFields}
        columns={t.sipasColumns}
        requests={[
          `curl -s "${api}/periods/${EXAMPLE_PERIOD}/sipas?group=${EXAMPLE_GROUP}"`,
          `curl -sOJ "${api}/periods/${EXAMPLE_PERIOD}/sipas.csv?group=${EXAMPLE_GROUP}"`,
        ]}
        json={exampleSipas}
        csv={exampleSipasCsv}
        t={t}
      />

      <TableSection
        id="history"
        heading={t.historyHeading}
        paths={["history", "history.csv", "history.xlsx"].map((name) => `/api/v1/units/{unit}/${name}`)}
        description={t.historyDescription}
        parameters={[["unit", t.unitParameter], ["lang", t.langParameter]]}
        fields={t.historyFields}
        columns={t.historyColumns}
        requests={[`curl -s "${api}/units/${EXAMPLE_UNIT}/history"`, `curl -sOJ "${api}/units/${EXAMPLE_UNIT}/history.xlsx"`]}
        json={exampleUnitHistory}
        csv={exampleUnitHistoryCsv}
        t={t}
      />

      <TableSection
        id="compare"
        heading={t.compareHeading}
        paths={["compare", "compare.csv", "compare.xlsx"].map((name) => `/api/v1/periods/{period}/${name}?units={a},{b}`)}
        description={t.compareDescription}
        parameters={[["period", t.periodParameter], ["units", t.unitsParameter], ["lang", t.langParameter]]}
        fields={t.compareFields}
        columns={t.compareColumns}
        requests={[
          `curl -s "${api}/periods/${EXAMPLE_PERIOD}/compare?units=${EXAMPLE_COMPARED.join(",")}"`,
          `curl -sOJ "${api}/periods/${EXAMPLE_PERIOD}/compare.csv?units=${EXAMPLE_COMPARED.join(",")}"`,
        ]}
        json={exampleComparison}
        csv={exampleComparisonCsv}
        t={t}
      />

      <section id="numbers" aria-labelledby="numbers-heading" className={sectionClass}>
        <h2 id="numbers-heading" className={headingClass}>{t.numbersHeading}</h2>
        <ul className={listClass}>
          {t.numbersPoints.map((point) => (
            <li key={point}><Rich text={point} /></li>
          ))}
        </ul>
      </section>

      <section id="errors" aria-labelledby="errors-heading" className={sectionClass}>
        <h2 id="errors-heading" className={headingClass}>{t.errorsHeading}</h2>
        <p className="text-slate-700"><Rich text={t.errorsIntro} /></p>
        <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="w-full border-collapse text-sm">
            <caption className="px-3 py-2 text-left font-medium text-slate-800">{t.errorsCaption}</caption>
            <thead className="bg-slate-100 text-left text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">{t.statusColumn}</th>
                <th scope="col" className="px-3 py-2">{t.codeColumn}</th>
                <th scope="col" className="px-3 py-2">{t.whenColumn}</th>
              </tr>
            </thead>
            <tbody>
              {t.errorRows.map(([status, code, when]) => (
                <tr key={code} className="border-t border-slate-200 align-top">
                  <td className="px-3 py-2 tabular-nums text-slate-900">{status}</td>
                  <th scope="row" className="px-3 py-2 text-left font-mono font-normal text-slate-900">{code}</th>
                  <td className="px-3 py-2 text-slate-700"><Rich text={when} /></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <CodeBlock id="error-request" label={t.requestExample} code={`curl -s "${api}/periods/son-la-2022/rankings"`} />
        <CodeBlock id="error-response" label={t.errorExample} code={readableJson(groupRequired)} />
      </section>

      <section id="caching" aria-labelledby="caching-heading" className={sectionClass}>
        <h2 id="caching-heading" className={headingClass}>{t.cachingHeading}</h2>
        <ul className={listClass}>
          {t.cachingPoints(PUBLIC_CACHE_CONTROL).map((point) => (
            <li key={point}><Rich text={point} /></li>
          ))}
        </ul>
        <CodeBlock id="conditional-request" label={t.conditionalExample} code={`curl -si "${rankingsUrl}" \\\n  -H 'If-None-Match: ${exampleEtag}'`} />
        <CodeBlock
          id="conditional-response"
          label={t.responseExample}
          code={`HTTP/1.1 304 Not Modified\naccess-control-allow-origin: *\ncache-control: ${PUBLIC_CACHE_CONTROL}\netag: ${exampleEtag}`}
        />
        <CodeBlock
          id="fetch-example"
          label={t.fetchExample}
          code={[
            `const response = await fetch("${rankingsUrl}");`,
            "const body = await response.json();",
            "if (!response.ok) throw new Error(body.error.message);",
            "for (const row of body.rows) console.log(row.rank, row.unit.name, row.index);",
          ].join("\n")}
        />
      </section>

      <section id="language" aria-labelledby="language-heading" className={sectionClass}>
        <h2 id="language-heading" className={headingClass}>{t.languageHeading}</h2>
        <p className="text-slate-700"><Rich text={t.languageText} /></p>
        <CodeBlock id="language-request" label={t.requestExample} code={`curl -s -H "Accept-Language: en" "${api}/periods/son-la-2022/rankings"`} />
      </section>

      <section id="package" aria-labelledby="package-heading" className={sectionClass}>
        <h2 id="package-heading" className={headingClass}>{t.packageHeading}</h2>
        <p className="text-slate-700"><Rich text={t.packageText} /></p>
        <ul className={listClass}>
          <li><a href="/open-data/results-package/README.md" className={linkClass}>{t.packageLinks.readme}</a></li>
          <li><a href="/open-data/results-package/template.xlsx" className={linkClass}>{t.packageLinks.template}</a></li>
          <li><a href="/open-data/results-package/sample.xlsx" className={linkClass}>{t.packageLinks.sample}</a></li>
        </ul>
        <p className="text-slate-700"><Rich text={t.cliText} /></p>
        <CodeBlock
          id="cli-example"
          label={t.cliExample}
          code={[
            `npm run --silent cli -- rankings ${EXAMPLE_PERIOD} --group ${EXAMPLE_GROUP} > ${EXAMPLE_PERIOD}-${EXAMPLE_GROUP}.json`,
            `npm run --silent cli -- export ${EXAMPLE_PERIOD} --format json > ${EXAMPLE_PERIOD}.json`,
            `npm run --silent cli -- export ${EXAMPLE_PERIOD} --format xlsx > ${EXAMPLE_PERIOD}.xlsx`,
          ].join("\n")}
        />
      </section>
    </div>
  );
}
