import type { AssessmentWorkspace, WorkspaceNode } from "@/lib/data/assessment-workspace";
import type { TreeNodeView } from "@/components/console/workspace-types";

/**
 * The workspace as the screens' components take it: plain values, dates as ISO strings. For the
 * unit's own officer, the council's work in progress (appraised points, adjustments, its notes)
 * stays out of the page until the unit is approved; what the council returned for explanation,
 * and the unit's answers, are always there.
 */
export function toTreeView(workspace: AssessmentWorkspace, audience: "unit" | "reviewer"): TreeNodeView[] {
  const councilAtWork = audience === "unit" && workspace.assessment.status !== "approved" && workspace.period.status !== "published";
  const convert = (node: WorkspaceNode): TreeNodeView => ({
    code: node.code,
    name: node.name,
    maxPoints: node.maxPoints,
    depth: node.depth,
    children: node.children.map(convert),
    leaf: node.item
      ? {
          code: node.code,
          name: node.name,
          maxPoints: node.maxPoints,
          method: node.method,
          selfPoints: node.item.self.points,
          selfNotApplicable: node.item.self.notApplicable,
          selfNotApplicableReason: node.item.self.notApplicableReason,
          selfNote: node.item.self.note,
          appraisedPoints: councilAtWork ? null : node.item.appraisal.points,
          notApplicable: councilAtWork ? false : node.item.appraisal.notApplicable,
          appraisalReason: councilAtWork ? null : (node.item.appraisal.reason ?? node.item.appraisal.notApplicableReason),
          reviewState: councilAtWork && (node.item.reviewState === "accepted" || node.item.reviewState === "adjusted") ? "pending" : node.item.reviewState,
          version: node.item.version,
          updatedByName: node.item.updatedBy,
          updatedAt: node.item.updatedAt?.toISOString() ?? null,
          comments: node.item.comments
            .filter((comment) => !councilAtWork || comment.kind === "return" || comment.kind === "explanation")
            .map((comment) => ({ kind: comment.kind, body: comment.body, authorName: comment.author, createdAt: comment.createdAt.toISOString() })),
          evidence: node.item.evidence.map((file) => ({
            id: file.id,
            name: file.originalName,
            mimeType: file.mimeType,
            sizeBytes: file.sizeBytes,
            uploadedAt: file.uploadedAt.toISOString(),
          })),
          decisions: node.item.decisions,
          canExplain: node.item.canExplain,
          sipasInput: node.item.sipasInput,
        }
      : null,
  });
  return workspace.tree.map(convert);
}
