import type { Metadata } from "next";
import Decimal from "decimal.js";
import { notFound } from "next/navigation";
import { getLocale } from "@/lib/i18n/get-locale";
import { workspaceMessagesFor } from "@/lib/i18n/workspace-messages";
import { requireSessionUser } from "@/lib/auth/session";
import { loadAssessmentWorkspace } from "@/lib/data/assessment-workspace";
import { AssessmentTree } from "@/components/console/assessment-tree";
import { OfficerLeafEditor } from "@/components/console/officer-leaf-editor";
import { WorkspaceHeader } from "@/components/console/workspace-header";
import { ActionButton } from "@/components/console/action-button";
import { SelfAssessmentSpreadsheet } from "@/components/console/self-assessment-spreadsheet";
import { toTreeView } from "../../../_lib/to-tree-view";
import { explainItemAction, saveSelfScoreAction, submitSelfAssessmentAction } from "./actions";
import { decodeRouteSegment } from "@/lib/domain/route-segment";

type Props = { params: Promise<{ period: string; unit: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = workspaceMessagesFor(await getLocale());
  return { title: t.selfAssessmentTitle(decodeRouteSegment((await params).unit)), robots: { index: false } };
}

/** The officer's screen: their unit's criteria tree to score, with evidence, then submit. */
export default async function SelfAssessmentPage({ params }: Props) {
  const { period, unit } = await params;
  const user = await requireSessionUser(`/console/assessments/${period}/${unit}`);
  const locale = await getLocale();
  const t = workspaceMessagesFor(locale);
  const workspace = await loadAssessmentWorkspace(user, { periodCode: decodeRouteSegment(period), unitCode: decodeRouteSegment(unit) });
  if (!workspace) notFound();
  const target = { periodCode: workspace.period.code, unitCode: workspace.unit.code };
  const { allowed, progress, assessment } = workspace;
  const editable = allowed.saveSelfScores;
  const published = workspace.period.status === "published";
  return (
    <div className="space-y-6">
      <WorkspaceHeader
        locale={locale}
        view={{
          title: t.selfAssessmentTitle(workspace.unit.name),
          periodName: workspace.period.name,
          groupName: workspace.unit.groupName,
          periodStatus: workspace.period.status,
          assessmentStatus: assessment.status,
          deadline: workspace.period.selfAssessmentDeadline?.toISOString() ?? null,
          appraisalDeadline: null,
          reopenReason: assessment.reopenReason,
          answered: progress.answeredLeaves,
          unitLeaves: progress.unitLeaves,
          claimed: progress.claimedPoints,
          claimableMax: progress.claimableMax,
          appraised: assessment.status === "approved" || published ? progress.appraisedPoints : null,
          totalMax: workspace.tree.reduce((sum, field) => sum.plus(field.maxPoints), new Decimal(0)).toFixed(),
          returnedLeaves: progress.returnedLeaves,
        }}
      />
      {!editable && !allowed.explain && (
        <p role="status" className="rounded border border-slate-300 bg-white p-3 text-sm">
          {published ? t.publishedReadOnly : t.readOnly}
        </p>
      )}
      <div className="flex flex-wrap items-start gap-4">
        {allowed.submit && (
          <ActionButton
            locale={locale}
            label={assessment.status === "returned" ? t.resubmit : t.submit}
            confirm={t.submitConfirm}
            done={t.submitted}
            run={submitSelfAssessmentAction.bind(null, { ...target, expectedVersion: assessment.version })}
          />
        )}
        <SelfAssessmentSpreadsheet locale={locale} periodCode={target.periodCode} unitCode={target.unitCode} uploadable={editable} />
      </div>
      <AssessmentTree
        locale={locale}
        tree={toTreeView(workspace, "unit")}
        renderLeaf={(leaf) => (
          <OfficerLeafEditor
            key={`${leaf.code}-${leaf.version ?? "new"}`}
            locale={locale}
            leaf={leaf}
            editable={editable}
            // A returned leaf being explained takes new evidence (the service checks the same), but
            // keeps the files the council judged.
            evidenceEditable={editable || leaf.canExplain}
            evidenceRemovable={editable}
            evidenceUpload={target}
            actions={{ save: saveSelfScoreAction.bind(null, target), explain: explainItemAction.bind(null, target) }}
          />
        )}
      />
    </div>
  );
}
