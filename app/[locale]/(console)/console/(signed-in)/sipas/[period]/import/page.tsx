import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "@/lib/i18n/get-locale";
import { sipasImportMessagesFor } from "@/lib/i18n/sipas-import-messages";
import { requireSessionUser } from "@/lib/auth/session";
import { can } from "@/lib/review/permissions";
import { loadSipasSurvey } from "@/lib/data/sipas-questionnaire";
import { countSipasResponsesBySource } from "@/lib/data/insert-sipas-responses";
import { findConsolePeriod } from "@/lib/data/console-periods";
import { SIPAS_SHEET_COLUMNS, sipasDateRange } from "@/lib/sipas/sipas-response-sheet";
import { vietnamDay } from "@/lib/domain/vietnam-day";
import { ConsoleTable } from "@/components/console/console-table";
import { SipasImportForm } from "@/components/console/sipas-import-form";
import { decodeRouteSegment } from "@/lib/domain/route-segment";

type Props = { params: Promise<{ period: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = sipasImportMessagesFor(await getLocale());
  return { title: t.title(decodeRouteSegment((await params).period)), robots: { index: false } };
}

function dayText(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}

/** Home affairs imports the forms collected on paper or by a survey contractor for one period. */
export default async function SipasImportPage({ params }: Props) {
  const code = decodeRouteSegment((await params).period);
  const user = await requireSessionUser(`/console/sipas/${encodeURIComponent(code)}/import`);
  if (!can(user, "sipas.edit")) notFound();
  const period = await findConsolePeriod(user, code);
  if (!period) notFound();
  const locale = await getLocale();
  const t = sipasImportMessagesFor(locale);
  const survey = await loadSipasSurvey(period.code);
  const counts = survey ? await countSipasResponsesBySource(survey.id) : [];
  const today = vietnamDay(new Date());
  const range = sipasDateRange(period.year, today);
  const blocked = !survey ? t.noSurvey : period.status === "published" ? t.published : survey.status === "draft" ? t.draftSurvey : null;
  const templateHref = (format: "xlsx" | "csv") => `/api/console/sipas/${encodeURIComponent(period.code)}/responses?format=${format}`;
  const fixedRow = (column: string, meaning: string, required: boolean) => (
    <tr key={column} className="border-b border-slate-200 align-top">
      <th scope="row" className="px-3 py-2 text-left font-mono font-semibold">
        {column}
      </th>
      <td className="px-3 py-2">{meaning}</td>
      <td className="px-3 py-2">{required ? t.yes : t.no}</td>
    </tr>
  );

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-sm text-slate-700">
          <Link href={`/console/sipas/${encodeURIComponent(period.code)}`} className="underline">
            {t.back}
          </Link>
        </p>
        <h1 className="text-2xl font-bold">{t.title(period.name)}</h1>
        <p className="max-w-3xl text-sm">{t.intro}</p>
      </header>

      {blocked && (
        <p role="status" className="max-w-2xl rounded border border-amber-400 bg-amber-50 p-3 text-sm">
          {blocked}
        </p>
      )}

      {survey && (
        <>
          {counts.length > 0 && (
            <section aria-labelledby="counts-title" className="space-y-2">
              <h2 id="counts-title" className="text-xl font-semibold">
                {t.countsTitle}
              </h2>
              <ul className="text-sm" data-testid="sipas-import-counts">
                {counts.map((count) => (
                  <li key={count.source}>
                    {t.countSource[count.source]}: <span className="font-semibold">{count.count.toLocaleString(locale === "vi" ? "vi-VN" : "en-GB")}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <section aria-labelledby="columns-title" className="space-y-3">
            <h2 id="columns-title" className="text-xl font-semibold">
              {t.columnsTitle}
            </h2>
            <p className="max-w-3xl text-sm">{t.fileRules}</p>
            <ConsoleTable caption={t.columnsTitle} columns={[t.column, t.meaning, t.requiredLabel]} minWidth="min-w-[36rem]">
              {fixedRow(SIPAS_SHEET_COLUMNS.unit, t.columnUnit, true)}
              {fixedRow(SIPAS_SHEET_COLUMNS.formNumber, t.columnFormNumber, true)}
              {fixedRow(SIPAS_SHEET_COLUMNS.date, t.columnDate(dayText(range.from), dayText(range.to)), true)}
              {fixedRow(SIPAS_SHEET_COLUMNS.dossier, t.columnDossier, false)}
              {survey.questionnaire.elements.flatMap((element) =>
                element.questions.map((question) =>
                  fixedRow(question.code, `${locale === "en" && element.nameEn ? element.nameEn : element.name} — ${t.columnQuestion(locale === "en" && question.textEn ? question.textEn : question.text, question.required)}`, question.required),
                ),
              )}
              {fixedRow(SIPAS_SHEET_COLUMNS.comment, t.columnComment, false)}
            </ConsoleTable>
            <div className="space-y-1 text-sm">
              <h3 className="font-semibold">{t.scaleTitle}</h3>
              <p>{t.scale(survey.questionnaire.scale.min, survey.questionnaire.scale.max, survey.questionnaire.scale.satisfiedFrom)}</p>
              <ol className="list-none space-y-0.5">
                {survey.questionnaire.scale.labels.map((label, index) => (
                  <li key={index}>
                    <span className="font-mono font-semibold">{survey.questionnaire.scale.min + index}</span> — {label}
                  </li>
                ))}
              </ol>
            </div>
          </section>

          <section aria-labelledby="template-title" className="space-y-2">
            <h2 id="template-title" className="text-xl font-semibold">
              {t.templateTitle}
            </h2>
            <p className="flex flex-wrap gap-3 text-sm">
              <a href={templateHref("xlsx")} className="inline-block rounded border border-slate-400 bg-white px-3 py-2 font-medium hover:bg-slate-100">
                {t.templateXlsx}
              </a>
              <a href={templateHref("csv")} className="inline-block rounded border border-slate-400 bg-white px-3 py-2 font-medium hover:bg-slate-100">
                {t.templateCsv}
              </a>
            </p>
          </section>

          {!blocked && (
            <section aria-labelledby="upload-title" className="space-y-3">
              <h2 id="upload-title" className="text-xl font-semibold">
                {t.uploadTitle}
              </h2>
              <SipasImportForm locale={locale} periodCode={period.code} />
            </section>
          )}
        </>
      )}
    </div>
  );
}
