import type { Locale } from "@/lib/i18n/locale";
import { formatDecimal } from "@/lib/i18n/format-decimal";
import type { LeafView, TreeNodeView } from "@/components/console/workspace-types";

/** Counts a node's leaves the way the progress bar does: answered and decided. */
function leafCounts(node: TreeNodeView): { total: number; answered: number; returned: number } {
  if (node.leaf) {
    const leaf = node.leaf;
    // Survey leaves are not the unit's to answer: the counts are what the unit has left to do.
    const own = leaf.method === "appraisal";
    const answered = own && (leaf.selfNotApplicable || leaf.selfPoints !== null);
    return { total: own ? 1 : 0, answered: answered ? 1 : 0, returned: leaf.reviewState === "returned" || leaf.reviewState === "explained" ? 1 : 0 };
  }
  return node.children.map(leafCounts).reduce((sum, counts) => ({ total: sum.total + counts.total, answered: sum.answered + counts.answered, returned: sum.returned + counts.returned }), {
    total: 0,
    answered: 0,
    returned: 0,
  });
}

/**
 * The criteria tree as the console shows it: each field a collapsible section (open when it holds
 * something to act on), criteria as headings, and each leaf drawn by the role's own editor.
 */
export function AssessmentTree({
  locale,
  tree,
  renderLeaf,
  openAll = false,
}: {
  locale: Locale;
  tree: TreeNodeView[];
  renderLeaf: (leaf: LeafView) => React.ReactNode;
  openAll?: boolean;
}) {
  return (
    <div className="space-y-4">
      {tree.map((field) => {
        const counts = leafCounts(field);
        return (
          <details key={field.code} open={openAll || counts.returned > 0 || counts.answered < counts.total} className="group rounded-lg border border-slate-300 bg-slate-50">
            <summary className="flex cursor-pointer list-none items-baseline gap-2 px-4 py-3 font-semibold marker:hidden [&::-webkit-details-marker]:hidden">
              <span aria-hidden="true" className="inline-block text-slate-600 transition-transform group-open:rotate-90">
                ▸
              </span>
              <span>
                <span className="text-slate-700">{field.code}</span> {field.name}{" "}
              <span className="text-sm font-normal text-slate-700">
                  · {formatDecimal(field.maxPoints, locale, 2)} · {counts.answered}/{counts.total}
                </span>
              </span>
            </summary>
            <div className="space-y-4 px-3 pb-4">
              {field.children.map((child) => (child.leaf ? <div key={child.code}>{renderLeaf(child.leaf)}</div> : <CriterionSection key={child.code} node={child} renderLeaf={renderLeaf} />))}
            </div>
          </details>
        );
      })}
    </div>
  );
}

function CriterionSection({ node, renderLeaf }: { node: TreeNodeView; renderLeaf: (leaf: LeafView) => React.ReactNode }) {
  return (
    <section aria-labelledby={`criterion-${node.code}`} className="space-y-3">
      <h3 id={`criterion-${node.code}`} className="pt-2 font-semibold">
        <span className="font-mono text-slate-700">{node.code}</span> {node.name}
      </h3>
      {node.children.map((child) => (child.leaf ? <div key={child.code}>{renderLeaf(child.leaf)}</div> : <CriterionSection key={child.code} node={child} renderLeaf={renderLeaf} />))}
    </section>
  );
}
