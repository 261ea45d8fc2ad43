import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "@/lib/i18n/get-locale";
import { sipasConsoleMessagesFor } from "@/lib/i18n/sipas-console-messages";
import { formatDateTime } from "@/lib/i18n/format-date-time";
import { requireSessionUser } from "@/lib/auth/session";
import { can } from "@/lib/review/permissions";
import { listFlaggedSipasResponses } from "@/lib/data/sipas-flagged-responses";
import { ConsoleTable } from "@/components/console/console-table";
import { SipasFlaggedReview } from "@/components/console/sipas-flagged-review";
import { reviewFlaggedSipasResponsesAction } from "./actions";
import { decodeRouteSegment } from "@/lib/domain/route-segment";

type Props = { params: Promise<{ period: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = sipasConsoleMessagesFor(await getLocale());
  return { title: t.flaggedTitle, robots: { index: false } };
}

/** Flagged responses of one period's survey: home affairs accepts or rejects them; the council sees them. */
export default async function SipasFlaggedPage({ params }: Props) {
  const code = decodeRouteSegment((await params).period);
  const user = await requireSessionUser(`/console/sipas/${encodeURIComponent(code)}/flagged`);
  if (!can(user, "sipas.read")) notFound();
  const listed = await listFlaggedSipasResponses(user, code);
  if (!listed) notFound();
  const locale = await getLocale();
  const t = sipasConsoleMessagesFor(locale);
  const editor = can(user, "sipas.edit") && listed.period.status !== "published";
  const rows = listed.responses.map((response) => ({
    id: response.id,
    unitName: response.unit.name,
    submittedAtText: formatDateTime(response.submittedAt, locale),
    flagReason: response.flagReason,
    source: response.source,
    dossierCode: response.dossierCode,
    comment: response.comment,
    answers: response.answers,
  }));
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        <Link href={`/console/sipas/${encodeURIComponent(listed.period.code)}`} className="underline">
          {listed.survey.name}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">{t.flaggedTitle}</h1>
      <p className="max-w-3xl text-slate-700">{t.flaggedIntro}</p>
      {listed.total > rows.length && <p className="text-sm text-slate-700">{t.flaggedShown(rows.length, listed.total)}</p>}
      {editor ? (
        // Rendered even when nothing is left to review, so the outcome of the last decision stays on screen.
        <SipasFlaggedReview
          locale={locale}
          responses={rows}
          accept={reviewFlaggedSipasResponsesAction.bind(null, { periodCode: listed.period.code, decision: "accept" })}
          reject={reviewFlaggedSipasResponsesAction.bind(null, { periodCode: listed.period.code, decision: "reject" })}
        />
      ) : rows.length === 0 ? (
        <p role="status">{t.flaggedNone}</p>
      ) : (
        <ConsoleTable caption={t.flaggedTitle} minWidth="min-w-[48rem]" columns={[t.unit, t.submittedAt, t.reason, t.dossierCode, t.comment, t.answers]}>
          {rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-200 align-top">
              <th scope="row" className="px-3 py-2 text-left font-medium">
                {row.unitName}
              </th>
              <td className="px-3 py-2 whitespace-nowrap">{row.submittedAtText}</td>
              <td className="px-3 py-2">{row.flagReason ? (t.reasons[row.flagReason] ?? row.flagReason) : t.none}</td>
              <td className="px-3 py-2 break-all">{row.dossierCode ?? t.none}</td>
              <td className="max-w-xs px-3 py-2 whitespace-pre-wrap break-words">{row.comment ?? t.none}</td>
              <td className="px-3 py-2 font-mono text-xs">{row.answers.map((answer) => `${answer.code}=${answer.value}`).join(" ")}</td>
            </tr>
          ))}
        </ConsoleTable>
      )}
    </div>
  );
}
