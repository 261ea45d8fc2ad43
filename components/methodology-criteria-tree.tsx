import { scoringMethodOf, type MethodologyNode } from "@/lib/domain/methodology-tree";
import { formatStatedDecimal } from "@/lib/i18n/format-stated-decimal";
import type { Locale } from "@/lib/i18n/locale";
import type { MethodologyMessages } from "@/lib/i18n/methodology-messages";
import { ScoringRuleText } from "@/components/scoring-rule-text";

type TreeProps = { locale: Locale; t: MethodologyMessages };

/**
 * The criteria tree as nested lists: one disclosure per field, so that a phone shows the eight or
 * so fields on one screen and a reader opens the one they care about; criteria and sub-criteria
 * inside are plain nested lists, which screen readers announce with their level.
 */
export function MethodologyCriteriaTree({ fields, locale, t }: TreeProps & { fields: MethodologyNode[] }) {
  return (
    <ol aria-label={t.treeLabel} className="space-y-2">
      {fields.map((field) => (
        <li key={field.code}>
          <details className="rounded-lg border border-slate-300 bg-white">
            <summary className="cursor-pointer rounded-lg px-3 py-3 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-700">
              <span className="font-semibold text-slate-900">
                <Label node={field} locale={locale} />
              </span>
              <span className="mt-1 block pl-4 text-sm text-slate-700">
                {t.maxPoints(formatStatedDecimal(field.maxPoints, locale))} · {methodText(field, locale, t)}
              </span>
            </summary>
            <div className="space-y-3 border-t border-slate-200 px-3 pb-3 pt-2">
              <NodeDetails node={field} locale={locale} t={t} />
              {field.children.length > 0 ? <CriteriaList nodes={field.children} locale={locale} t={t} /> : null}
            </div>
          </details>
        </li>
      ))}
    </ol>
  );
}

function CriteriaList({ nodes, locale, t }: TreeProps & { nodes: MethodologyNode[] }) {
  return (
    <ol className="space-y-3">
      {nodes.map((node) => (
        <li key={node.code} className="space-y-2">
          <p className={`text-slate-900 ${node.children.length > 0 ? "font-medium" : ""}`}>
            <Label node={node} locale={locale} />
          </p>
          <p className="-mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 text-sm text-slate-700">
            <span className="tabular-nums">{t.maxPoints(formatStatedDecimal(node.maxPoints, locale))}</span>
            <MethodTag node={node} locale={locale} t={t} />
          </p>
          <NodeDetails node={node} locale={locale} t={t} />
          {node.children.length > 0 ? (
            <div className="border-l-2 border-slate-300 pl-3">
              <CriteriaList nodes={node.children} locale={locale} t={t} />
            </div>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function NodeDetails({ node, locale, t }: TreeProps & { node: MethodologyNode }) {
  if (!node.description && !node.scoringRule && !node.sipasInput) return null;
  return (
    <>
      {node.description ? <p className="text-sm text-slate-700">{node.description}</p> : null}
      {node.sipasInput ? <p className="text-sm text-slate-800">{t.fromSipas(node.sipasInput)}</p> : null}
      {node.scoringRule ? <ScoringRuleText rule={node.scoringRule} code={node.code} locale={locale} t={t} /> : null}
    </>
  );
}

/** The method in words, tinted; the tint only repeats the text. */
function MethodTag({ node, locale, t }: TreeProps & { node: MethodologyNode }) {
  const method = scoringMethodOf(node);
  const tone = method === "survey" ? "bg-sky-50 text-sky-900 ring-sky-700/40" : method === "appraisal" ? "bg-slate-100 text-slate-800 ring-slate-500/40" : "bg-violet-50 text-violet-900 ring-violet-700/40";
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tone}`}>{methodText(node, locale, t)}</span>;
}

function methodText(node: MethodologyNode, locale: Locale, t: MethodologyMessages): string {
  const method = scoringMethodOf(node);
  if (method === "mixed") return t.mixedMethod(formatStatedDecimal(node.appraisalMax, locale), formatStatedDecimal(node.surveyMax, locale));
  return t.method[method];
}

/** The English name where the set gives one; otherwise the Vietnamese name, marked as such for screen readers. */
function Label({ node, locale }: { node: MethodologyNode; locale: Locale }) {
  if (locale === "en" && node.nameEn) return <>{`${node.code}. ${node.nameEn}`}</>;
  return (
    <>
      {node.code}. <span lang={locale === "vi" ? undefined : "vi"}>{node.name}</span>
    </>
  );
}
