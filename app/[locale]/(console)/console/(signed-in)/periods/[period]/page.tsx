import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "@/lib/i18n/get-locale";
import { periodConsoleMessagesFor } from "@/lib/i18n/period-console-messages";
import { workspaceMessagesFor } from "@/lib/i18n/workspace-messages";
import { formatDateTime } from "@/lib/i18n/format-date-time";
import { formatDate } from "@/lib/i18n/format-date";
import { formatDecimal } from "@/lib/i18n/format-decimal";
import { requireSessionUser } from "@/lib/auth/session";
import { findConsolePeriod } from "@/lib/data/console-periods";
import { loadAppraisalQueue } from "@/lib/data/appraisal-queue";
import { previewPublication } from "@/lib/services/preview-publication";
import { PERIOD_TRANSITIONS, REOPEN_PERIOD_STATES } from "@/lib/review/assessment-workflow";
import { ActionButton } from "@/components/console/action-button";
import { FieldsActionForm } from "@/components/console/fields-action-form";
import { ConsoleTable } from "@/components/console/console-table";
import { loadPeriodSetup } from "@/lib/services/load-period-setup";
import { toVietnamDateTimeLocal } from "@/lib/i18n/datetime-local-value";
import { PeriodUnitsForm } from "@/components/console/period-units-form";
import { BandCoverageTable, PeriodBandsForm } from "@/components/console/period-bands-form";
import { PeriodTieBreakersForm, SelfPointsPublication, TieRuleList } from "@/components/console/period-tie-breakers-form";
import { TIE_BREAKERS } from "@/lib/domain/results-package";
import { setPeriodBandsAction, updateTieBreakersAction } from "./actions";
import { ErratumForm } from "@/components/console/erratum-form";
import { loadErratumOptions } from "@/lib/data/erratum-options";
import { publishErratumAction } from "./actions";
import { publishPeriodAction, reopenAssessmentAction, setPeriodUnitsAction, transitionPeriodAction, updatePeriodSettingsAction } from "./actions";
import { decodeRouteSegment } from "@/lib/domain/route-segment";
import { ConsoleRecordHeader } from "@/components/console-record-header";

type Props = { params: Promise<{ period: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeRouteSegment((await params).period), robots: { index: false } };
}

/** Home affairs' page of one period: its state and the next step, every unit's progress, publication. */
export default async function ConsolePeriodPage({ params }: Props) {
  const code = decodeRouteSegment((await params).period);
  const user = await requireSessionUser(`/console/periods/${encodeURIComponent(code)}`);
  const period = await findConsolePeriod(user, code);
  if (!period) notFound();
  const locale = await getLocale();
  const t = periodConsoleMessagesFor(locale);
  const w = workspaceMessagesFor(locale);
  const [queue] = await loadAppraisalQueue(user, { periodCode: period.code });
  const moves = PERIOD_TRANSITIONS.filter((move) => move.from === period.status && move.via === "transition");
  const preview = period.status === "approved" ? await previewPublication(user, period.code) : null;
  const canReopen = REOPEN_PERIOD_STATES.includes(period.status);
  const setup = await loadPeriodSetup(user, period.code);
  const erratum = period.status === "published" ? await loadErratumOptions(user, period.code) : null;
  return (
    <div className="space-y-8">
      <ConsoleRecordHeader
        back={{ href: "/console/periods", label: t.periodsTitle }}
        title={period.name}
        facts={[
          { label: t.status, value: w.periodStatus[period.status], className: "font-semibold", testId: "period-status" },
          { label: t.criteriaSet, value: `${period.criteriaSet.name} (v${period.criteriaSet.version})` },
          period.previousPeriod && { label: t.previousPeriod, value: period.previousPeriod.name },
          period.selfAssessmentOpensAt && { label: t.opensAt, value: formatDateTime(period.selfAssessmentOpensAt, locale) },
          period.selfAssessmentDeadline && { label: t.selfDeadline, value: formatDateTime(period.selfAssessmentDeadline, locale) },
          period.appraisalDeadline && { label: t.appraisalDeadline, value: formatDateTime(period.appraisalDeadline, locale) },
          {
            label: t.bands,
            value: period.bands.map((band) => `${band.label} ≥ ${formatDecimal(band.minIndex.toString(), locale, 2)}`).join(" · ") || t.none,
          },
        ]}
      >
        <div className="flex flex-wrap gap-4 pt-2">
          {moves.map((move) => {
            const backwards = move.from === "approved" && move.to === "appraisal";
            const label = backwards ? t.moveBack : (t.moveTo[move.to] ?? move.to);
            return (
              <ActionButton
                key={move.to}
                locale={locale}
                tone={backwards ? "secondary" : "primary"}
                label={label}
                confirm={t.moveConfirm(w.periodStatus[move.to])}
                done={t.moved}
                run={transitionPeriodAction.bind(null, { periodCode: period.code, to: move.to, expectedStatus: period.status })}
              />
            );
          })}
        </div>
      </ConsoleRecordHeader>

      {(setup.editable.settings || setup.editable.units) && (
        <section aria-labelledby="setup-title" className="space-y-4">
          <h2 id="setup-title" className="text-xl font-semibold">
            {t.setupTitle}
          </h2>
          {setup.criteriaSet.problems.length > 0 && (
            <div role="status" className="rounded border border-amber-400 bg-amber-50 p-3 text-sm">
              <p className="font-semibold">{t.criteriaSetProblems}</p>
              <ul className="list-disc pl-5">
                {setup.criteriaSet.problems.slice(0, 10).map((problem, index) => (
                  <li key={index}>{problem[locale]}</li>
                ))}
              </ul>
            </div>
          )}
          {setup.editable.settings && (
            <details open={period.status === "draft"} className="rounded-lg border border-slate-200 bg-white p-4">
              <summary className="cursor-pointer font-semibold">{t.settingsTitle}</summary>
              <div className="mt-3 max-w-md">
                <FieldsActionForm
                  locale={locale}
                  idPrefix="settings"
                  submitLabel={t.saveSettings}
                  done={t.settingsSaved}
                  run={updatePeriodSettingsAction.bind(null, { periodCode: period.code, expectedUpdatedAt: setup.settings.updatedAt.toISOString() })}
                  fields={[
                    { name: "name", label: t.name, required: true, defaultValue: setup.settings.name },
                    { name: "selfAssessmentOpensAt", label: t.opensAt, type: "datetime-local", hint: t.timeHint, defaultValue: toVietnamDateTimeLocal(setup.settings.selfAssessmentOpensAt) },
                    { name: "selfAssessmentDeadline", label: t.selfDeadline, type: "datetime-local", hint: t.timeHint, defaultValue: toVietnamDateTimeLocal(setup.settings.selfAssessmentDeadline) },
                    { name: "appraisalDeadline", label: t.appraisalDeadline, type: "datetime-local", hint: t.timeHint, defaultValue: toVietnamDateTimeLocal(setup.settings.appraisalDeadline) },
                  ]}
                />
              </div>
            </details>
          )}
          {setup.editable.bands && (
            <details className="rounded-lg border border-slate-200 bg-white p-4">
              <summary className="cursor-pointer font-semibold">{t.bands}</summary>
              <div className="mt-3">
                <PeriodBandsForm
                  locale={locale}
                  bands={setup.bands.bandRows}
                  coverage={{ bands: setup.bands.bands, notice: setup.bands.notice }}
                  save={setPeriodBandsAction.bind(null, period.code)}
                />
              </div>
            </details>
          )}
          {setup.editable.settings && (
            <details className="rounded-lg border border-slate-200 bg-white p-4">
              <summary className="cursor-pointer font-semibold">{t.tieBreakersTitle}</summary>
              <div className="mt-3 max-w-3xl">
                <PeriodTieBreakersForm
                  locale={locale}
                  available={TIE_BREAKERS}
                  tieBreakers={setup.settings.tieBreakers}
                  publishSelfPoints={setup.settings.publishSelfPoints}
                  save={updateTieBreakersAction.bind(null, { periodCode: period.code, expectedUpdatedAt: setup.settings.updatedAt.toISOString() })}
                />
              </div>
            </details>
          )}
          {setup.editable.units && (
            <details open={period.status === "draft"} className="rounded-lg border border-slate-200 bg-white p-4">
              <summary className="cursor-pointer font-semibold">{t.unitsSetupTitle}</summary>
              <div className="mt-3">
                <PeriodUnitsForm locale={locale} groups={setup.groups} save={setPeriodUnitsAction.bind(null, period.code)} />
              </div>
            </details>
          )}
        </section>
      )}

      {!setup.editable.bands && (
        <section aria-labelledby="rules-title" className="space-y-3">
          <h2 id="rules-title" className="text-xl font-semibold">
            {t.rulesTitle}
          </h2>
          <p className="text-sm text-slate-700">{t.rulesReadOnly}</p>
          <h3 className="text-lg font-semibold">{t.bands}</h3>
          <BandCoverageTable locale={locale} coverage={{ bands: setup.bands.bands, notice: setup.bands.notice }} />
          <h3 className="text-lg font-semibold">{t.tieBreakersTitle}</h3>
          <TieRuleList locale={locale} tieBreakers={setup.settings.tieBreakers} />
          <SelfPointsPublication locale={locale} publishSelfPoints={setup.settings.publishSelfPoints} />
        </section>
      )}

      {queue && (
        <section aria-labelledby="units-title" className="space-y-2">
          <h2 id="units-title" className="text-xl font-semibold">
            {t.unitsTitle}
          </h2>
          <ConsoleTable caption={t.unitsTitle} minWidth="min-w-[44rem]" columns={[t.unit, w.queueGroup, t.status, w.queueSubmittedAt, ...(canReopen ? [t.reopen] : [])]}>
                {queue.units.map((unit) => (
                  <tr key={unit.unitCode} className="border-b border-slate-200 align-top">
                    <th scope="row" className="px-3 py-2 text-left font-medium">
                      {unit.unitName}
                    </th>
                    <td className="px-3 py-2">{unit.groupName}</td>
                    <td className="px-3 py-2">{w.assessmentStatus[unit.status]}</td>
                    <td className="px-3 py-2">{unit.submittedAt ? formatDateTime(unit.submittedAt, locale) : t.none}</td>
                    {canReopen && (
                      <td className="min-w-64 px-3 py-2">
                        <details>
                          <summary className="cursor-pointer text-brand-800 underline">{t.reopen}</summary>
                          <FieldsActionForm
                            locale={locale}
                            idPrefix={`reopen-${unit.unitCode}`}
                            fields={[{ name: "reason", label: t.reopenReason, required: true, multiline: true }]}
                            submitLabel={t.reopen}
                            done={t.reopened}
                            run={reopenAssessmentAction.bind(null, { periodCode: period.code, unitCode: unit.unitCode })}
                          />
                        </details>
                      </td>
                    )}
                  </tr>
                ))}
          </ConsoleTable>
        </section>
      )}

      {preview && (
        <section aria-labelledby="publish-title" className="space-y-4">
          <h2 id="publish-title" className="text-xl font-semibold">
            {t.publishTitle}
          </h2>
          {preview.unscoredUnits.length > 0 && (
            <p role="status" className="rounded border border-amber-400 bg-amber-50 p-3 text-sm">
              {t.previewUnscored(preview.unscoredUnits.join(", "))}
            </p>
          )}
          {preview.sipasBlock && (
            <p role="status" className="rounded border border-amber-400 bg-amber-50 p-3 text-sm">
              {t.previewSipasBlock(preview.sipasBlock[locale])}
            </p>
          )}
          <div className="max-w-md rounded-lg border border-slate-200 bg-white p-4">
            <FieldsActionForm
              locale={locale}
              idPrefix="publish"
              fields={[
                { name: "decisionNumber", label: t.decisionNumber, required: true, defaultValue: period.decisionNumber ?? "" },
                { name: "decisionDate", label: t.decisionDate, required: true, defaultValue: period.decisionDate ? formatDate(period.decisionDate, "vi") : "" },
              ]}
              submitLabel={t.publish}
              confirm={t.publishConfirm}
              done={t.published}
              run={publishPeriodAction.bind(null, period.code)}
            />
          </div>
          <h3 className="text-lg font-semibold">{t.previewTitle}</h3>
          {preview.groups.map((group) => (
            <ConsoleTable
              key={group.groupCode}
              caption={group.groupName}
              showCaption
              minWidth="min-w-[36rem]"
              columns={[t.rank, t.unit, { label: t.total, align: "right" }, { label: t.index, align: "right" }, t.band]}
            >
                  {group.rows.map((row) => (
                    <tr key={row.unitCode} className="border-b border-slate-200">
                      <td className="px-3 py-2">{row.rank}</td>
                      <th scope="row" className="px-3 py-2 text-left font-medium">
                        {row.unitName}
                      </th>
                      <td className="px-3 py-2 text-right tabular-nums">{formatDecimal(row.total, locale, 2)}</td>
                      <td className="px-3 py-2 text-right tabular-nums">{formatDecimal(row.index, locale, 2)}</td>
                      <td className="px-3 py-2">{row.band ?? t.none}</td>
                    </tr>
                  ))}
            </ConsoleTable>
          ))}
        </section>
      )}

      {period.publications.length > 0 && (
        <section aria-labelledby="history-title" className="space-y-2">
          <h2 id="history-title" className="text-xl font-semibold">
            {t.publishedHistory}
          </h2>
          <ul className="list-disc space-y-1 pl-6 text-sm">
            {period.publications.map((publication) => (
              <li key={publication.version}>
                {t.publishedVersion(publication.version, formatDateTime(publication.publishedAt, locale))}
                {publication.decisionNumber ? ` · ${publication.decisionNumber}` : ""}
                {publication.reason ? ` · ${t.erratumReason(publication.reason)}` : ""}
              </li>
            ))}
          </ul>
          <p>
            <Link href={`/${encodeURIComponent(period.code)}`} className="text-brand-800 underline">
              {t.viewPublic}
            </Link>
          </p>
        </section>
      )}

      {erratum && (
        <section aria-labelledby="erratum-title" className="space-y-3">
          <h2 id="erratum-title" className="text-xl font-semibold">
            {t.erratumTitle}
          </h2>
          <p className="max-w-3xl text-sm text-slate-700">{t.erratumIntro}</p>
          <ErratumForm
            locale={locale}
            units={erratum.units}
            leaves={erratum.leaves}
            current={erratum.current}
            nextVersion={(period.publications[0]?.version ?? 0) + 1}
            publish={publishErratumAction.bind(null, period.code)}
          />
        </section>
      )}
    </div>
  );
}
