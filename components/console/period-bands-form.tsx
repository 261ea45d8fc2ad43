"use client";

import { useEffect, useRef, useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n/locale";
import type { ActionResult } from "@/lib/domain/action-result";
import { periodConsoleMessagesFor } from "@/lib/i18n/period-console-messages";
import { methodologyMessagesFor } from "@/lib/i18n/methodology-messages";
import { formatStatedDecimal } from "@/lib/i18n/format-stated-decimal";
import { UserActionAlert, UNSENT_REQUEST } from "@/components/console/user-action-alert";

/** A band as the period stores it (minIndex a plain decimal string such as "87.5"). */
export type BandValues = { label: string; labelEn: string | null; minIndex: string; color: string | null; headAssessment: string | null };

/** What the service computes from the saved bands: each band's index range, and what falls under none. */
export type BandCoverageView = {
  bands: { label: string; labelEn: string | null; minIndex: string; below: string | null; headAssessment: string | null }[];
  notice: { vi: string; en: string } | null;
};

type Notice = BandCoverageView["notice"];
type SaveBands = (bands: BandValues[]) => Promise<ActionResult<{ notice: Notice; bandRows: BandValues[] }>>;

const FIELDS = ["label", "labelEn", "minIndex", "color", "headAssessment"] as const;
type Field = (typeof FIELDS)[number];
type Draft = { key: number } & Record<Field, string>;

const inputClass =
  "mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2 focus-visible:outline-2 focus-visible:outline-brand-700 aria-[invalid=true]:border-red-700";
const buttonBase =
  "rounded border bg-white px-3 py-1.5 text-sm font-semibold disabled:opacity-50 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700";
const smallButton = `${buttonBase} border-slate-400 text-slate-900 hover:bg-slate-100`;
const removeButton = `${buttonBase} border-red-700 text-red-800 hover:bg-red-50`;

function toDraft(band: BandValues, locale: Locale, key: number): Draft {
  return {
    key,
    label: band.label,
    labelEn: band.labelEn ?? "",
    // Typed back as the visitor writes decimals: "87,5" in Vietnamese.
    minIndex: locale === "vi" ? band.minIndex.replace(".", ",") : band.minIndex,
    color: band.color ?? "",
    headAssessment: band.headAssessment ?? "",
  };
}

function blank(key: number): Draft {
  return { key, label: "", labelEn: "", minIndex: "", color: "", headAssessment: "" };
}

/**
 * The saved bands as ranges, highest first, and the service's notice when some indices fall under
 * no band: the same words as the public methodology page.
 */
export function BandCoverageTable({ locale, coverage }: { locale: Locale; coverage: BandCoverageView }) {
  const t = periodConsoleMessagesFor(locale);
  const m = methodologyMessagesFor(locale);
  const n = (value: string) => formatStatedDecimal(value, locale);
  const withHead = coverage.bands.some((band) => band.headAssessment);
  return (
    <div className="space-y-2">
      {coverage.bands.length > 0 && (
        <div className="overflow-x-auto">
          <table className="w-full max-w-2xl border-collapse text-sm">
            <caption className="pb-1 text-left font-medium text-slate-800">{t.coverageCaption}</caption>
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="px-3 py-2 font-semibold">
                  {m.bandColumn}
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  {m.rangeColumn}
                </th>
                {withHead && (
                  <th scope="col" className="px-3 py-2 font-semibold">
                    {m.headColumn}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {coverage.bands.map((band) => (
                <tr key={band.label} className="border-b border-slate-200 align-top">
                  <th scope="row" className="px-3 py-2 text-left font-medium">
                    {band.label}
                    {band.labelEn ? <span className="font-normal text-slate-700"> ({band.labelEn})</span> : null}
                  </th>
                  <td className="px-3 py-2 tabular-nums">
                    {band.below !== null && band.below === band.minIndex ? m.emptyBandRange : m.bandRange(n(band.minIndex), band.below === null ? null : n(band.below))}
                  </td>
                  {withHead && <td className="px-3 py-2">{band.headAssessment ?? ""}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {coverage.notice && <p className="rounded border border-amber-400 bg-amber-50 p-3 text-sm">{coverage.notice[locale]}</p>}
    </div>
  );
}

/**
 * A period's classification bands as one list: label, English label, minimum index (decimal
 * comma accepted), colour and what the band means for the unit head; lines added, removed and
 * moved, then saved together. A refusal puts each problem next to its field and keeps what was
 * typed; the saved ranges and the notice for units under every band are shown below.
 */
export function PeriodBandsForm({
  locale,
  bands,
  coverage,
  save,
}: {
  locale: Locale;
  bands: BandValues[];
  coverage: BandCoverageView;
  save: SaveBands;
}) {
  const t = periodConsoleMessagesFor(locale);
  const m = methodologyMessagesFor(locale);
  const router = useRouter();
  const [rows, setRows] = useState<Draft[]>(() => bands.map((band, position) => toDraft(band, locale, position + 1)));
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<{ notice: Notice; bandRows: BandValues[] }> | null>(null);
  /** Problems of the last refusal by row key and field; the rows they were about may have moved since. */
  const [fieldProblems, setFieldProblems] = useState<Map<string, string[]>>(new Map());
  /** A moved line's button or a new line's first field, focused once the list is drawn again. */
  const focusTarget = useRef<string | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const lastKey = useRef(bands.length);

  useEffect(() => {
    if (!focusTarget.current) return;
    document.getElementById(focusTarget.current)?.focus();
    focusTarget.current = null;
  });

  const id = (key: number, part: string) => `bands-${key}-${part}`;

  function change(key: number, field: Field, value: string) {
    setRows((current) => current.map((row) => (row.key === key ? { ...row, [field]: value } : row)));
  }

  function move(position: number, by: -1 | 1) {
    const next = [...rows];
    const [row] = next.splice(position, 1);
    next.splice(position + by, 0, row!);
    setRows(next);
    // The button stays under the pointer's intent: focus it again, or its pair at either end.
    const target = position + by;
    const edge = by === -1 ? target === 0 : target === next.length - 1;
    focusTarget.current = id(row!.key, edge ? (by === -1 ? "down" : "up") : by === -1 ? "up" : "down");
  }

  function remove(key: number) {
    setRows((current) => current.filter((row) => row.key !== key));
    addButton.current?.focus();
  }

  function add() {
    lastKey.current += 1;
    const row = blank(lastKey.current);
    setRows((current) => [...current, row]);
    focusTarget.current = id(row.key, "label");
  }

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const sent = rows;
    const payload: BandValues[] = sent.map((row) => ({
      label: row.label,
      labelEn: row.labelEn.trim() || null,
      minIndex: row.minIndex,
      color: row.color.trim() || null,
      headAssessment: row.headAssessment.trim() || null,
    }));
    startTransition(async () => {
      const answer = await save(payload).catch(() => UNSENT_REQUEST);
      setResult(answer);
      const problems = new Map<string, string[]>();
      if (!answer.ok) {
        for (const problem of answer.problems ?? []) {
          // "bands.2.minIndex": the third line as it was sent.
          const [list, position, field] = (problem.key ?? "").split(".");
          const row = list === "bands" ? sent[Number(position)] : undefined;
          if (row && (FIELDS as readonly string[]).includes(field ?? "")) {
            const at = `${row.key}.${field}`;
            problems.set(at, [...(problems.get(at) ?? []), problem[locale]]);
          }
        }
      } else {
        const first = lastKey.current;
        lastKey.current += answer.data.bandRows.length;
        setRows(answer.data.bandRows.map((band, position) => toDraft(band, locale, first + position + 1)));
        router.refresh();
      }
      setFieldProblems(problems);
    });
  }

  const problemsOf = (row: Draft, field: Field) => fieldProblems.get(`${row.key}.${field}`);
  // Problems that belong to no field of a line still on the form (the list as a whole, a removed line).
  const allPlaced =
    result !== null &&
    !result.ok &&
    (result.problems?.length ?? 0) > 0 &&
    (result.problems ?? []).length === [...fieldProblems.values()].reduce((total, list) => total + list.length, 0) &&
    [...fieldProblems.keys()].every((at) => rows.some((row) => at.startsWith(`${row.key}.`)));

  const input = (row: Draft, field: Field, label: string, options: { required?: boolean; hint?: string; decimal?: boolean; wide?: boolean } = {}) => {
    const problems = problemsOf(row, field);
    const describedBy = [options.hint ? id(row.key, `${field}-hint`) : null, problems ? id(row.key, `${field}-error`) : null].filter(Boolean).join(" ") || undefined;
    const common = {
      id: id(row.key, field),
      value: row[field],
      required: options.required,
      "aria-invalid": problems ? true : undefined,
      "aria-describedby": describedBy,
      className: inputClass,
    };
    return (
      <div className={options.wide ? "sm:col-span-2 lg:col-span-4" : undefined}>
        <label htmlFor={id(row.key, field)} className="block text-sm font-medium">
          {label}
        </label>
        <input {...common} autoComplete="off" inputMode={options.decimal ? "decimal" : undefined} onChange={(event) => change(row.key, field, event.target.value)} />
        {options.hint && (
          <p id={id(row.key, `${field}-hint`)} className="mt-1 text-xs text-slate-700">
            {options.hint}
          </p>
        )}
        {problems && (
          <p id={id(row.key, `${field}-error`)} className="mt-1 text-sm font-medium text-red-800">
            {problems.join(" ")}
          </p>
        )}
      </div>
    );
  };

  return (
    <div className="space-y-4">
      <p className="max-w-3xl text-sm text-slate-700">{t.bandsIntro}</p>
      <form onSubmit={submit} className="space-y-3">
        <ol className="space-y-3">
          {rows.map((row, position) => (
            <li key={row.key}>
              <fieldset className="rounded border border-slate-300 p-3">
                <legend className="px-1 font-semibold">{t.bandRow(position + 1)}</legend>
                <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
                  {input(row, "label", t.bandLabel, { required: true })}
                  {input(row, "minIndex", t.bandMinIndex, { required: true, hint: t.bandMinIndexHint, decimal: true })}
                  {input(row, "labelEn", t.optional(t.bandLabelEn))}
                  {input(row, "color", t.optional(t.bandColor), { hint: t.bandColorHint })}
                  {input(row, "headAssessment", t.optional(m.headColumn), { wide: true })}
                </div>
                <div className="mt-3 flex flex-wrap gap-2">
                  <button type="button" id={id(row.key, "up")} className={smallButton} disabled={pending || position === 0} onClick={() => move(position, -1)}>
                    <span aria-hidden="true">↑ </span>
                    {t.moveUp}
                    <span className="sr-only"> — {t.bandRow(position + 1)}</span>
                  </button>
                  <button
                    type="button"
                    id={id(row.key, "down")}
                    className={smallButton}
                    disabled={pending || position === rows.length - 1}
                    onClick={() => move(position, 1)}
                  >
                    <span aria-hidden="true">↓ </span>
                    {t.moveDown}
                    <span className="sr-only"> — {t.bandRow(position + 1)}</span>
                  </button>
                  <button
                    type="button"
                    className={removeButton}
                    disabled={pending}
                    onClick={() => remove(row.key)}
                  >
                    {t.removeBand}
                    <span className="sr-only"> — {t.bandRow(position + 1)}</span>
                  </button>
                </div>
              </fieldset>
            </li>
          ))}
        </ol>
        <div className="flex flex-wrap gap-3">
          <button type="button" ref={addButton} className={smallButton} disabled={pending} onClick={add}>
            <span aria-hidden="true">+ </span>
            {t.addBand}
          </button>
          <button
            type="submit"
            disabled={pending}
            className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
          >
            {t.saveBands}
          </button>
        </div>
        {allPlaced ? (
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            {t.bandsInvalid}
          </p>
        ) : (
          <UserActionAlert locale={locale} result={result} />
        )}
        {result?.ok && (
          <p role="status" className="text-sm font-medium text-green-800">
            {t.bandsSaved}
          </p>
        )}
      </form>
      <BandCoverageTable locale={locale} coverage={coverage} />
    </div>
  );
}
