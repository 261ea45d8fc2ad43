"use client";

import { useState, useTransition } from "react";
import { useRouter } from "next/navigation";
import type { Locale } from "@/lib/i18n/locale";
import type { ActionProblem, ActionResult } from "@/lib/domain/action-result";
import { periodConsoleMessagesFor } from "@/lib/i18n/period-console-messages";
import { formatStatedDecimal } from "@/lib/i18n/format-stated-decimal";

type Line = { id: number; unitCode: string; criterionCode: string; points: string; notApplicable: boolean; reason: string };

export type ErratumSubmission = { reason: string; corrections: Omit<Line, "id">[] };

const CONTROL = "mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2 focus-visible:outline-2 focus-visible:outline-brand-700";

/**
 * Home affairs corrects a published period: the erratum's public reason, then one line per leaf
 * of a unit with its new points (or not applicable) and why. Each refusal is shown next to its
 * line; what was typed stays until the erratum is published.
 */
export function ErratumForm({
  locale,
  units,
  leaves,
  current,
  nextVersion,
  publish,
}: {
  locale: Locale;
  units: { code: string; name: string }[];
  leaves: { code: string; name: string; maxPoints: string }[];
  /** Points in force by unit and leaf code; null = not applicable. */
  current: Record<string, Record<string, string | null>>;
  nextVersion: number;
  publish: (input: ErratumSubmission) => Promise<ActionResult<{ version: number }>>;
}) {
  const t = periodConsoleMessagesFor(locale);
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [nextId, setNextId] = useState(2);
  const blank = (id: number): Line => ({ id, unitCode: units.length === 1 ? units[0]!.code : "", criterionCode: "", points: "", notApplicable: false, reason: "" });
  const [lines, setLines] = useState<Line[]>(() => [blank(1)]);
  const [reason, setReason] = useState("");
  const [result, setResult] = useState<ActionResult<{ version: number }> | null>(null);
  const maxOf = new Map(leaves.map((leaf) => [leaf.code, leaf.maxPoints]));

  const problems: ActionProblem[] = result && !result.ok ? (result.problems ?? []) : [];
  const problemsAt = (key: string) => problems.filter((problem) => problem.key === key);
  const elsewhere = problems.filter((problem) => problem.key === null || !(problem.key === "reason" || /^corrections\.\d+$/.test(problem.key)));

  function change(id: number, patch: Partial<Line>) {
    setLines((all) => all.map((line) => (line.id === id ? { ...line, ...patch } : line)));
  }

  function add() {
    setLines((all) => [...all, blank(nextId)]);
    setNextId((id) => id + 1);
    // Refusals are keyed by line position: once lines move, they would sit next to the wrong one.
    setResult(null);
  }

  function remove(id: number) {
    setLines((all) => all.filter((line) => line.id !== id));
    setResult(null);
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!window.confirm(t.erratumConfirm(lines.length, nextVersion))) return;
    const submission: ErratumSubmission = { reason, corrections: lines.map((line) => ({
        unitCode: line.unitCode,
        criterionCode: line.criterionCode,
        points: line.points,
        notApplicable: line.notApplicable,
        reason: line.reason,
      })),
    };
    startTransition(async () => {
      const answer = await publish(submission).catch((): ActionResult<never> => ({ ok: false, code: "unexpected", vi: t.erratumSendFailed, en: t.erratumSendFailed }));
      setResult(answer);
      if (answer.ok) {
        setLines([blank(nextId)]);
        setNextId((id) => id + 1);
        setReason("");
        router.refresh();
      }
    });
  }

  const reasonProblems = problemsAt("reason");
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <div className="max-w-2xl">
        <label htmlFor="erratum-reason" className="block text-sm font-medium">
          {t.erratumOverallReason}
        </label>
        <textarea
          id="erratum-reason"
          rows={2}
          required
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          aria-invalid={reasonProblems.length > 0 || undefined}
          aria-describedby={`erratum-reason-hint${reasonProblems.length ? " erratum-reason-error" : ""}`}
          className={CONTROL}
        />
        <p id="erratum-reason-hint" className="mt-1 text-xs text-slate-600">
          {t.erratumOverallReasonHint}
        </p>
        {reasonProblems.length > 0 && (
          <p id="erratum-reason-error" className="mt-1 text-sm font-medium text-red-800">
            {reasonProblems.map((problem) => problem[locale]).join(" ")}
          </p>
        )}
      </div>

      <ol className="space-y-3">
        {lines.map((line, position) => {
          const prefix = `erratum-${line.id}`;
          const lineProblems = problemsAt(`corrections.${position}`);
          const errorId = `${prefix}-error`;
          const describedBy = (own: string) => [own, lineProblems.length ? errorId : null].filter(Boolean).join(" ") || undefined;
          const max = maxOf.get(line.criterionCode);
          const unitValues = current[line.unitCode];
          const inForce = unitValues && line.criterionCode in unitValues ? unitValues[line.criterionCode] : undefined;
          return (
            <li key={line.id}>
              <fieldset
                className={`rounded-lg border bg-white p-4 ${lineProblems.length ? "border-red-600" : "border-slate-300"}`}
                aria-describedby={lineProblems.length ? errorId : undefined}
              >
                <legend className="px-1 font-semibold">{t.erratumRow(position + 1)}</legend>
                <div className="grid gap-3 md:grid-cols-2">
                  <div>
                    <label htmlFor={`${prefix}-unit`} className="block text-sm font-medium">
                      {t.erratumUnit}
                    </label>
                    <select id={`${prefix}-unit`} required value={line.unitCode} onChange={(event) => change(line.id, { unitCode: event.target.value })} className={CONTROL}>
                      <option value="">{t.erratumChoose}</option>
                      {units.map((unit) => (
                        <option key={unit.code} value={unit.code}>
                          {unit.name}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div>
                    <label htmlFor={`${prefix}-criterion`} className="block text-sm font-medium">
                      {t.erratumCriterion}
                    </label>
                    <select
                      id={`${prefix}-criterion`}
                      required
                      value={line.criterionCode}
                      onChange={(event) => change(line.id, { criterionCode: event.target.value })}
                      aria-describedby={line.criterionCode && line.unitCode ? `${prefix}-current` : undefined}
                      className={CONTROL}
                    >
                      <option value="">{t.erratumChoose}</option>
                      {leaves.map((leaf) => (
                        <option key={leaf.code} value={leaf.code}>
                          {t.erratumLeafOption(leaf.code, leaf.name, formatStatedDecimal(leaf.maxPoints, locale))}
                        </option>
                      ))}
                    </select>
                    {line.criterionCode && line.unitCode && max !== undefined && (
                      <p id={`${prefix}-current`} className="mt-1 text-sm text-slate-700" data-testid="erratum-current">
                        {inForce === null
                          ? t.erratumCurrentNotApplicable
                          : t.erratumCurrent(inForce === undefined ? t.none : formatStatedDecimal(inForce, locale), formatStatedDecimal(max, locale))}
                      </p>
                    )}
                  </div>
                  <div>
                    <label htmlFor={`${prefix}-points`} className="block text-sm font-medium">
                      {t.erratumNewPoints}
                    </label>
                    <input
                      id={`${prefix}-points`}
                      inputMode="decimal"
                      autoComplete="off"
                      value={line.notApplicable ? "" : line.points}
                      disabled={line.notApplicable}
                      onChange={(event) => change(line.id, { points: event.target.value })}
                      aria-describedby={describedBy(`${prefix}-points-hint`)}
                      aria-invalid={lineProblems.length > 0 || undefined}
                      className={`${CONTROL} disabled:bg-slate-100`}
                    />
                    <p id={`${prefix}-points-hint`} className="mt-1 text-xs text-slate-600">
                      {t.erratumPointsHint}
                    </p>
                    <label className="mt-2 flex items-center gap-2 text-sm">
                      <input type="checkbox" checked={line.notApplicable} onChange={(event) => change(line.id, { notApplicable: event.target.checked })} />
                      {t.erratumNotApplicable}
                    </label>
                  </div>
                  <div>
                    <label htmlFor={`${prefix}-reason`} className="block text-sm font-medium">
                      {t.erratumRowReason}
                    </label>
                    <textarea
                      id={`${prefix}-reason`}
                      rows={2}
                      required
                      value={line.reason}
                      onChange={(event) => change(line.id, { reason: event.target.value })}
                      aria-describedby={describedBy("")}
                      aria-invalid={lineProblems.length > 0 || undefined}
                      className={CONTROL}
                    />
                  </div>
                </div>
                {lineProblems.length > 0 && (
                  <p id={errorId} className="mt-2 text-sm font-medium text-red-800" data-testid="erratum-line-error">
                    {lineProblems.map((problem) => problem[locale]).join(" ")}
                  </p>
                )}
                {lines.length > 1 && (
                  <button type="button" onClick={() => remove(line.id)} className="mt-3 text-sm text-red-800 underline">
                    {t.erratumRemoveRow(position + 1)}
                  </button>
                )}
              </fieldset>
            </li>
          );
        })}
      </ol>

      <div className="flex flex-wrap gap-3">
        <button
          type="button"
          onClick={add}
          className="rounded border border-slate-400 bg-white px-4 py-2 text-sm font-semibold text-slate-900 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
        >
          {t.erratumAddRow}
        </button>
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-brand-700 px-4 py-2 text-sm font-semibold text-white hover:bg-brand-800 disabled:opacity-60 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700"
        >
          {t.erratumSubmit}
        </button>
      </div>

      {result && !result.ok && (
        <div role="alert" className="max-w-2xl rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p>{result[locale]}</p>
          {elsewhere.length > 0 && (
            <ul className="mt-1 list-disc pl-5">
              {elsewhere.map((problem, index) => (
                <li key={index}>{problem[locale]}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {result?.ok && (
        <p role="status" className="text-sm font-medium text-green-800">
          {t.erratumPublished(result.data.version)}
        </p>
      )}
    </form>
  );
}
