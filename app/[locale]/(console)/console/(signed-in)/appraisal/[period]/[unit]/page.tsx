import type { Metadata } from "next";
import Decimal from "decimal.js";
import { notFound } from "next/navigation";
import { getLocale } from "@/lib/i18n/get-locale";
import { workspaceMessagesFor } from "@/lib/i18n/workspace-messages";
import { requireSessionUser } from "@/lib/auth/session";
import { loadAssessmentWorkspace } from "@/lib/data/assessment-workspace";
import { AssessmentTree } from "@/components/console/assessment-tree";
import { CouncilLeafReview } from "@/components/console/council-leaf-review";
import { WorkspaceHeader } from "@/components/console/workspace-header";
import { ActionButton } from "@/components/console/action-button";
import { toTreeView } from "../../../_lib/to-tree-view";
import { acceptRemainingItemsAction, appraiseItemAction, approveAssessmentAction } from "./actions";
import { decodeRouteSegment } from "@/lib/domain/route-segment";

type Props = { params: Promise<{ period: string; unit: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = workspaceMessagesFor(await getLocale());
  return { title: t.appraisalTitle(decodeRouteSegment((await params).unit)), robots: { index: false } };
}

/** The council's screen: one unit's claims with their evidence, decided leaf by leaf, then approved. */
export default async function AppraisalPage({ params }: Props) {
  const { period, unit } = await params;
  const user = await requireSessionUser(`/console/appraisal/${period}/${unit}`);
  const locale = await getLocale();
  const t = workspaceMessagesFor(locale);
  const workspace = user.role === "unit_officer" ? null : await loadAssessmentWorkspace(user, { periodCode: decodeRouteSegment(period), unitCode: decodeRouteSegment(unit) });
  if (!workspace) notFound();
  const target = { periodCode: workspace.period.code, unitCode: workspace.unit.code };
  const { allowed, progress, assessment } = workspace;
  return (
    <div className="space-y-6">
      <WorkspaceHeader
        locale={locale}
        view={{
          title: t.appraisalTitle(workspace.unit.name),
          periodName: workspace.period.name,
          groupName: workspace.unit.groupName,
          periodStatus: workspace.period.status,
          assessmentStatus: assessment.status,
          deadline: workspace.period.selfAssessmentDeadline?.toISOString() ?? null,
          appraisalDeadline: workspace.period.appraisalDeadline?.toISOString() ?? null,
          reopenReason: assessment.reopenReason,
          answered: progress.answeredLeaves,
          unitLeaves: progress.unitLeaves,
          claimed: progress.claimedPoints,
          claimableMax: progress.claimableMax,
          appraised: progress.appraisedPoints,
          totalMax: workspace.tree.reduce((sum, field) => sum.plus(field.maxPoints), new Decimal(0)).toFixed(),
          returnedLeaves: 0,
        }}
      />
      <p className="text-sm">{t.queueCounts(progress.totalLeaves - progress.decidedLeaves - progress.returnedLeaves - progress.explainedLeaves, progress.returnedLeaves, progress.explainedLeaves)}</p>
      {(allowed.appraise || allowed.approve) && (
        <div className="flex flex-wrap items-start gap-4">
          {allowed.appraise && (
            <ActionButton
              locale={locale}
              tone="secondary"
              label={t.acceptRemaining}
              run={acceptRemainingItemsAction.bind(null, { ...target, expectedAssessmentVersion: assessment.version })}
            />
          )}
          {allowed.approve && (
            <ActionButton locale={locale} label={t.approve} confirm={t.approveConfirm} done={t.approved} run={approveAssessmentAction.bind(null, { ...target, expectedVersion: assessment.version })} />
          )}
        </div>
      )}
      <AssessmentTree
        locale={locale}
        tree={toTreeView(workspace, "reviewer")}
        openAll
        renderLeaf={(leaf) => (
          <CouncilLeafReview key={`${leaf.code}-${leaf.version ?? "new"}-${leaf.reviewState}`} locale={locale} leaf={leaf} editable={allowed.appraise} appraise={appraiseItemAction.bind(null, target)} />
        )}
      />
    </div>
  );
}
