import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale } from "@/lib/i18n/get-locale";
import type { Locale } from "@/lib/i18n/locale";
import { setupConsoleMessagesFor, type SetupConsoleMessages } from "@/lib/i18n/setup-console-messages";
import { methodologyMessagesFor, type MethodologyMessages } from "@/lib/i18n/methodology-messages";
import { sipasLeafMessagesFor } from "@/lib/i18n/sipas-leaf-messages";
import { workspaceMessagesFor } from "@/lib/i18n/workspace-messages";
import { formatStatedDecimal } from "@/lib/i18n/format-stated-decimal";
import { requireSessionUser } from "@/lib/auth/session";
import { CriteriaSetEditError } from "@/lib/domain/setup-error";
import type { EditorNode } from "@/lib/domain/criteria-set-editor-view";
import { loadCriteriaSetEditor, type CriteriaSetEditorView } from "@/lib/services/load-criteria-set-editor";
import { FieldsActionForm } from "@/components/console/fields-action-form";
import { CriteriaNodeForm } from "@/components/console/criteria-node-form";
import { CriteriaNodeButtons } from "@/components/console/criteria-node-buttons";
import { CriteriaMappingForm } from "@/components/console/criteria-mapping-form";
import { ScoringRuleText } from "@/components/scoring-rule-text";
import { ConsoleTable } from "@/components/console/console-table";
import { MAX_CRITERIA_LEVELS } from "@/lib/domain/criteria-set-problems";
import { createCriteriaSetVersionAction } from "../actions";
import { addCriterionAction, deleteCriterionAction, moveCriterionAction, saveFieldMappingAction, updateCriterionAction } from "./actions";
import { decodeRouteSegment } from "@/lib/domain/route-segment";
import { ConsoleRecordHeader } from "@/components/console-record-header";

type Props = { params: Promise<{ code: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: decodeRouteSegment((await params).code), robots: { index: false } };
}

/** A node in the table's order, with what its buttons need: its place among its siblings and its subtree's size. */
type Row = { node: EditorNode; first: boolean; last: boolean; below: number };

function countBelow(node: EditorNode): number {
  return node.children.reduce((sum, child) => sum + 1 + countBelow(child), 0);
}

function flatten(nodes: readonly EditorNode[], rows: Row[] = []): Row[] {
  nodes.forEach((node, index) => {
    rows.push({ node, first: index === 0, last: index === nodes.length - 1, below: countBelow(node) });
    flatten(node.children, rows);
  });
  return rows;
}

async function loadOrNotFound(user: Parameters<typeof loadCriteriaSetEditor>[0], code: string): Promise<CriteriaSetEditorView> {
  try {
    return await loadCriteriaSetEditor(user, code);
  } catch (error) {
    if (error instanceof CriteriaSetEditError && error.code === "not_found") notFound();
    throw error;
  }
}

const summaryClass =
  "cursor-pointer text-brand-800 underline underline-offset-2 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700";

/**
 * Home affairs' criteria set editor: the tree with each node's max against its children's sum,
 * method and rule; the set's problems first; editing while no published period used the set, and
 * otherwise the reason and a new version; the fields' counterparts in the previous version.
 */
export default async function CriteriaSetEditorPage({ params }: Props) {
  const code = decodeRouteSegment((await params).code);
  const user = await requireSessionUser(`/console/criteria-sets/${encodeURIComponent(code)}`);
  if (user.role !== "admin") notFound();
  const locale = await getLocale();
  const t = setupConsoleMessagesFor(locale);
  const m = methodologyMessagesFor(locale);
  const status = workspaceMessagesFor(locale).periodStatus as Record<string, string>;
  const view = await loadOrNotFound(user, code);
  const previous = view.previousVersion ? await loadCriteriaSetEditor(user, view.previousVersion.code) : null;
  const editable = view.lock === null;
  const setCode = view.set.code;
  const rows = flatten(view.tree.fields);
  const points = (value: string) => formatStatedDecimal(value, locale);

  return (
    <div className="space-y-8">
      <ConsoleRecordHeader
        back={{ href: "/console/criteria-sets", label: t.backToSets }}
        title={view.set.name}
        facts={[
          { label: t.code, value: setCode, className: "font-mono" },
          { label: t.version, value: view.set.version },
          {
            label: t.state,
            value: editable ? t.editable : t.locked,
            className: editable ? "text-green-800" : "font-semibold text-amber-900",
            testId: "criteria-set-state",
          },
          view.previousVersion && {
            label: t.previousVersion,
            value: (
              <Link href={`/console/criteria-sets/${encodeURIComponent(view.previousVersion.code)}`} className="underline underline-offset-2">
                {view.previousVersion.name} ({t.versionNumber(view.previousVersion.version)})
              </Link>
            ),
          },
          view.nextVersions.length > 0 && {
            label: t.nextVersions,
            value: (
              <ul>
                {view.nextVersions.map((next) => (
                  <li key={next.code}>
                    <Link href={`/console/criteria-sets/${encodeURIComponent(next.code)}`} className="underline underline-offset-2">
                      {next.name} ({t.versionNumber(next.version)})
                    </Link>
                  </li>
                ))}
              </ul>
            ),
          },
          {
            label: t.periodsUsing,
            value:
              view.periods.length === 0
                ? t.noPeriods
                : view.periods.map((period) => `${period.name} (${status[period.status] ?? period.status})`).join("; "),
          },
          {
            label: t.totalMax,
            value: `${points(view.tree.totalMax)} (${t.appraisalMax} ${points(view.tree.appraisalMax)} · ${t.surveyMax} ${points(view.tree.surveyMax)})`,
            className: "tabular-nums",
          },
          { label: t.levelCounts, value: view.tree.countsByLevel.map((count, index) => t.levelCount(index + 1, count)).join(", ") },
        ]}
      />

      {view.lock && (
        <section aria-labelledby="lock-title" className="space-y-3 rounded-lg border border-amber-400 bg-amber-50 p-4">
          <h2 id="lock-title" className="text-lg font-semibold">
            {t.lockedTitle}
          </h2>
          <p data-testid="criteria-set-lock">{view.lock[locale]}</p>
          <details className="rounded border border-amber-300 bg-white p-3">
            <summary className={summaryClass}>{t.newVersion}</summary>
            <div className="mt-2 max-w-md space-y-2">
              <p className="text-sm text-slate-700">{t.newVersionIntro}</p>
              <FieldsActionForm
                locale={locale}
                idPrefix="new-version"
                submitLabel={t.newVersion}
                run={createCriteriaSetVersionAction.bind(null, setCode)}
                fields={[
                  { name: "newCode", label: t.newCode, required: true, hint: t.newCodeHint },
                  { name: "name", label: t.newName, required: true, defaultValue: t.defaultVersionName(view.set.name, view.set.version + 1) },
                ]}
              />
            </div>
          </details>
        </section>
      )}

      <section aria-labelledby="problems-title" data-testid="criteria-set-problems">
        {view.problems.length > 0 ? (
          <div className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
            <h2 id="problems-title" className="font-semibold">
              {t.problemsTitle}
            </h2>
            <ul className="mt-1 list-disc space-y-1 pl-5">
              {view.problems.map((problem, index) => (
                <li key={index}>
                  {problem.code ? (
                    <a href={`#node-${problem.code}`} className="underline">
                      {problem[locale]}
                    </a>
                  ) : (
                    problem[locale]
                  )}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <h2 id="problems-title" className="rounded border border-green-300 bg-green-50 p-3 text-sm font-normal text-green-900">
            {t.noProblems}
          </h2>
        )}
      </section>

      <section aria-labelledby="tree-title" className="space-y-3">
        <h2 id="tree-title" className="text-xl font-semibold">
          {t.treeTitle}
        </h2>
        <ConsoleTable
          caption={t.treeCaption}
          minWidth={editable ? "min-w-[68rem]" : "min-w-[52rem]"}
          columns={[t.code, t.name, { label: t.maxPoints, align: "right" }, { label: t.childrenSum, align: "right" }, t.method, t.rule, ...(editable ? [t.manage] : [])]}
        >
          {rows.map((row) => (
            <NodeRow key={row.node.code} row={row} setCode={setCode} editable={editable} locale={locale} t={t} m={m} />
          ))}
        </ConsoleTable>
        {editable && (
          <details className="rounded-lg border border-slate-200 bg-white p-4">
            <summary className={`${summaryClass} font-semibold`}>{t.addField}</summary>
            <div className="mt-3 max-w-2xl">
              <CriteriaNodeForm locale={locale} idPrefix="add-field" label={t.addField} mode="add" run={addCriterionAction.bind(null, { setCode, parentCode: null })} />
            </div>
          </details>
        )}
      </section>

      <section aria-labelledby="mapping-title" className="space-y-3">
        <h2 id="mapping-title" className="text-xl font-semibold">
          {t.mappingTitle}
        </h2>
        {view.previousVersion && previous ? (
          <>
            <p className="max-w-3xl text-sm text-slate-700">{t.mappingIntro(`${view.previousVersion.name} (${t.versionNumber(view.previousVersion.version)})`)}</p>
            <CriteriaMappingForm
              locale={locale}
              fields={view.tree.fields.map((field) => ({ code: field.code, name: field.name, mappedTo: field.mappedTo.map((node) => node.code) }))}
              previousFields={previous.tree.fields.map((field) => ({ code: field.code, name: field.name }))}
              run={saveFieldMappingAction.bind(null, setCode)}
            />
            <div data-testid="unmapped-previous-fields" className="text-sm">
              {view.unmappedPreviousFields.length > 0 ? (
                <>
                  <p className="font-semibold">{t.unmappedTitle}</p>
                  <ul className="list-disc pl-5">
                    {view.unmappedPreviousFields.map((field) => (
                      <li key={field.code}>
                        <span className="font-mono">{field.code}</span> {field.name}
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p className="text-slate-700">{t.allMapped}</p>
              )}
            </div>
          </>
        ) : (
          <p className="text-sm text-slate-700">{t.noPrevious}</p>
        )}
      </section>
    </div>
  );
}

function NodeRow({ row, setCode, editable, locale, t, m }: { row: Row; setCode: string; editable: boolean; locale: Locale; t: SetupConsoleMessages; m: MethodologyMessages }) {
  const { node } = row;
  const points = (value: string) => formatStatedDecimal(value, locale);
  const mismatch = node.problems.some((problem) => problem.kind === "max-mismatch");
  const indent = ["", "pl-6", "pl-10"][node.level - 1] ?? "pl-12";
  const leaf = node.children.length === 0;
  const target = { setCode, code: node.code };
  return (
    <tr id={`node-${node.code}`} className={`scroll-mt-4 border-b border-slate-200 align-top ${node.level === 1 ? "bg-slate-50" : ""} ${node.problems.length ? "bg-red-50" : ""}`}>
      <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-mono font-medium">
        {node.code}
      </th>
      <td className={`min-w-[16rem] px-3 py-2 ${indent}`}>
        <span className="block text-xs text-slate-700">{t.levelName[node.level - 1] ?? ""}</span>
        <span className={node.level === 1 ? "font-semibold" : ""}>{node.name}</span>
        {node.nameEn && (
          <span lang="en" className="block text-xs text-slate-700">
            {node.nameEn}
          </span>
        )}
        {node.mappedTo.length > 0 && <span className="block text-xs text-slate-700">{t.mappedTo(node.mappedTo.map((item) => item.code).join(", "))}</span>}
        {node.problems.length > 0 && (
          <ul className="mt-1 list-disc pl-5 text-xs text-red-900">
            {node.problems.map((problem, index) => (
              <li key={index}>{problem[locale]}</li>
            ))}
          </ul>
        )}
      </td>
      <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{points(node.maxPoints)}</td>
      <td className={`whitespace-nowrap px-3 py-2 text-right tabular-nums ${mismatch ? "font-semibold text-red-800" : ""}`} data-testid="children-sum">
        {node.childrenSum === null ? (
          <span aria-hidden="true">—</span>
        ) : (
          <>
            {mismatch && <span aria-hidden="true">≠ </span>}
            {points(node.childrenSum)}
            {mismatch && <span className="block text-xs font-normal">{t.sumDiffers}</span>}
          </>
        )}
      </td>
      <td className="px-3 py-2">
        {leaf
          ? t.methods[node.method]
          : [
              node.appraisalMax !== "0" ? `${t.methods.appraisal} ${points(node.appraisalMax)}` : null,
              node.surveyMax !== "0" ? `${t.methods.survey} ${points(node.surveyMax)}` : null,
            ]
              .filter(Boolean)
              .join(" · ")}
      </td>
      <td className="min-w-44 px-3 py-2">
        {node.sipasInput && <p className="mb-1 text-sm font-medium text-sky-900">{sipasLeafMessagesFor(locale).tiedTo(node.sipasInput)}</p>}
        {node.ruleSummary ? <ScoringRuleText rule={node.ruleSummary} code={node.code} locale={locale} t={m} /> : <span className="text-slate-700">{t.noRule}</span>}
      </td>
      {editable && (
        <td className="w-80 min-w-80 px-3 py-2">
          <details>
            <summary className={summaryClass}>
              {t.manage}
              <span className="sr-only"> — {t.manageNode(node.code)}</span>
            </summary>
            <div className="mt-3 space-y-4">
              {node.subtreeScoredRows > 0 && <p className="text-xs text-amber-900">{t.scoredRows(node.subtreeScoredRows)}</p>}
              <CriteriaNodeButtons
                locale={locale}
                code={node.code}
                first={row.first}
                last={row.last}
                below={row.below}
                moveUp={moveCriterionAction.bind(null, { ...target, direction: "up" })}
                moveDown={moveCriterionAction.bind(null, { ...target, direction: "down" })}
                remove={deleteCriterionAction.bind(null, target)}
              />
              <div className="border-t border-slate-200 pt-3">
                <CriteriaNodeForm
                  locale={locale}
                  idPrefix={`edit-${node.code}`}
                  label={t.editNode(node.code)}
                  mode="edit"
                  initial={{
                    code: node.code,
                    name: node.name,
                    nameEn: node.nameEn ?? "",
                    description: node.description ?? "",
                    maxPoints: points(node.maxPoints),
                    method: node.method,
                    scoringRule: node.scoringRule === null || node.scoringRule === undefined ? "" : JSON.stringify(node.scoringRule, null, 2),
                    sipasSource: node.storedSipasInput === null ? "none" : node.storedSipasInput === "index" ? "index" : "element",
                    sipasElement: node.storedSipasInput !== null && node.storedSipasInput !== "index" ? node.storedSipasInput : "",
                  }}
                  sipas={leaf}
                  run={updateCriterionAction.bind(null, target)}
                />
              </div>
              {node.level < MAX_CRITERIA_LEVELS && (
                <details className="border-t border-slate-200 pt-3">
                  <summary className={summaryClass}>{t.addChild(node.code)}</summary>
                  <div className="mt-3">
                    <CriteriaNodeForm
                      locale={locale}
                      idPrefix={`add-${node.code}`}
                      label={t.addChild(node.code)}
                      mode="add"
                      run={addCriterionAction.bind(null, { setCode, parentCode: node.code })}
                    />
                  </div>
                </details>
              )}
            </div>
          </details>
        </td>
      )}
    </tr>
  );
}
