import type { UserActor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";
import {
  APPRAISAL_OPEN_PERIOD_STATES,
  assessmentStatusAfterDecision,
  itemTransition,
  type AssessmentStatus,
  type ReviewState,
} from "@/lib/review/assessment-workflow";
import { appraiseItemInput, type AppraiseItemInput } from "@/lib/domain/appraisal-input";
import { leafPoints } from "@/lib/domain/leaf-points";
import {
  assessmentNotFound,
  assessmentStatusLabel,
  invalidInput,
  periodPublished,
  periodStatusLabel,
  requiredText,
  staleItem,
  WorkflowError,
} from "@/lib/domain/workflow-error";
import { addReviewComment, findLeaf, findScore, isAnswered, lockAssessment, updateAssessment, writeScore, type ScoreWrite } from "@/lib/data/appraisal";
import { writeAuditLog } from "@/lib/data/audit-log";
import { leafSipasInput } from "@/lib/data/sipas-survey-leaves";
import { inTransaction } from "@/lib/data/transaction";

export type AppraiseItemResult = {
  reviewState: ReviewState;
  itemVersion: number;
  appraisedPoints: string | null;
  notApplicable: boolean;
  assessmentStatus: AssessmentStatus;
  assessmentVersion: number;
};

/**
 * The council decides one leaf of a submitted unit:
 * - accept: the appraised value is the claim (points, or not applicable as claimed);
 * - adjust: new points or not applicable, with the reason for the difference;
 * - return: a comment the officer must answer; the unit is returned until it resubmits.
 * Survey leaves have no claim: the council enters their survey points with "adjust", and needs
 * no reason since there is no claim to differ from.
 * The council may decide while the period is in self-assessment or appraisal and the unit is
 * submitted, in appraisal or returned; on a returned unit it may still decide every item except
 * those awaiting the officer's explanation.
 */
export async function appraiseItem(actor: UserActor, input: AppraiseItemInput): Promise<AppraiseItemResult> {
  const parsed = appraiseItemInput.safeParse(input);
  if (!parsed.success) throw invalidInput(parsed.error);
  const command = parsed.data;
  assertCan(actor, "appraisal.review");

  return inTransaction(async (tx) => {
    const assessment = await lockAssessment(tx, { ...command, unitId: null });
    if (!assessment) throw assessmentNotFound();
    const { period } = assessment;
    if (period.status === "published") throw periodPublished();
    if (!APPRAISAL_OPEN_PERIOD_STATES.includes(period.status)) {
      const label = periodStatusLabel(period.status);
      throw new WorkflowError("wrong_state", `Không thể thẩm định: kỳ đánh giá ${label.vi}.`, `Cannot appraise: the period is ${label.en}.`);
    }
    const nextStatus = assessmentStatusAfterDecision(assessment.status, command.decision);
    if (!nextStatus) {
      const label = assessmentStatusLabel(assessment.status);
      throw new WorkflowError("wrong_state", `Không thể thẩm định: bản đánh giá ${label.vi}.`, `Cannot appraise: the assessment is ${label.en}.`);
    }
    const leaf = await findLeaf(tx, period.criteriaSetId, command.criterionCode);
    if (!leaf) {
      throw new WorkflowError("unknown_criterion", `Không có tiêu chí thành phần "${command.criterionCode}".`, `No leaf criterion "${command.criterionCode}".`);
    }
    // A leaf tied to SIPAS is written only by the SIPAS approval (apply-sipas-to-survey-leaves):
    // a hand-typed value would be overwritten, or disagree with the published SIPAS figures.
    if (leaf.method === "survey" && (await leafSipasInput(tx, leaf.id)) !== null) {
      throw new WorkflowError(
        "survey_scored",
        `Điểm tiêu chí này lấy từ SIPAS đã phê duyệt (tiêu chí ${leaf.code}): không nhập tay được.`,
        `The points of this criterion come from the approved SIPAS figures (criterion ${leaf.code}): they cannot be entered by hand.`,
      );
    }
    const score = await findScore(tx, assessment.id, leaf.id);
    const state = score?.reviewState ?? "pending";
    const nextState = itemTransition(state, command.decision);
    if (!nextState) {
      throw new WorkflowError(
        "wrong_state",
        `Tiêu chí ${leaf.code} đang chờ đơn vị giải trình.`,
        `Criterion ${leaf.code} is awaiting the unit's explanation.`,
      );
    }
    if ((score?.version ?? null) !== command.expectedVersion) throw staleItem(leaf.code, score?.updatedByName ?? null, score?.updatedAt ?? null);

    const comments: { kind: "note" | "adjustment" | "return"; body: string }[] = [];
    let data: ScoreWrite;
    if (command.decision === "accept") {
      if (leaf.method === "survey") {
        throw new WorkflowError(
          "survey_scored",
          `Tiêu chí ${leaf.code} chấm bằng điều tra xã hội học: hãy nhập điểm điều tra (điều chỉnh).`,
          `Criterion ${leaf.code} is scored by survey: enter the survey points (adjust).`,
        );
      }
      if (!score || !isAnswered(score)) {
        throw new WorkflowError(
          "not_answered",
          `Tiêu chí ${leaf.code}: đơn vị chưa tự chấm nên không thể chấp nhận; hãy điều chỉnh hoặc yêu cầu giải trình.`,
          `Criterion ${leaf.code}: the unit gave no claim to accept; adjust it or return it.`,
        );
      }
      data = {
        appraisedPoints: score.selfNotApplicable ? null : score.selfPoints,
        notApplicable: score.selfNotApplicable,
        notApplicableReason: score.selfNotApplicable ? score.selfNotApplicableReason : null,
        appraisalReason: null,
        reviewState: nextState,
      };
    } else if (command.decision === "adjust") {
      const reason = command.reason || null;
      if (!reason && leaf.method === "appraisal") throw requiredText("reason_required", leaf.code);
      let points: string | null = null;
      if (!command.notApplicable) {
        if (command.points == null || command.points === "") {
          throw new WorkflowError("invalid", `Tiêu chí ${leaf.code}: cần nhập điểm thẩm định.`, `Criterion ${leaf.code}: enter the appraised points.`);
        }
        points = leafPoints(command.points, leaf);
      }
      data = {
        appraisedPoints: points,
        notApplicable: command.notApplicable,
        notApplicableReason: command.notApplicable ? reason : null,
        appraisalReason: reason,
        reviewState: nextState,
      };
      if (reason) comments.push({ kind: "adjustment", body: reason });
    } else {
      if (leaf.method === "survey") {
        throw new WorkflowError(
          "survey_scored",
          `Tiêu chí ${leaf.code} chấm bằng điều tra xã hội học: đơn vị không có gì để giải trình.`,
          `Criterion ${leaf.code} is scored by survey: the unit has nothing to explain.`,
        );
      }
      if (!command.comment) throw requiredText("comment_required", leaf.code);
      data = { reviewState: nextState };
      comments.push({ kind: "return", body: command.comment });
    }
    if (command.comment && command.decision !== "return") comments.push({ kind: "note", body: command.comment });

    const written = await writeScore(tx, { assessmentId: assessment.id, criterionId: leaf.id, existing: score, data, actorId: actor.userId });
    if (!written) throw staleItem(leaf.code, null, null);
    for (const comment of comments) await addReviewComment(tx, { criterionScoreId: written.id, authorId: actor.userId, ...comment });
    const assessmentVersion = await updateAssessment(tx, {
      id: assessment.id,
      version: assessment.version,
      data: nextStatus !== assessment.status ? { status: nextStatus } : {},
    });
    const appraisedPoints = data.appraisedPoints !== undefined ? data.appraisedPoints : (score?.appraisedPoints ?? null);
    const notApplicable = data.notApplicable ?? score?.notApplicable ?? false;
    await writeAuditLog(tx, {
      actorId: actor.userId,
      action: `appraisal.${command.decision}`,
      entityType: "CriterionScore",
      entityId: written.id,
      periodId: period.id,
      unitId: assessment.unit.id,
      before: {
        criterion: leaf.code,
        reviewState: state,
        appraisedPoints: score?.appraisedPoints ?? null,
        notApplicable: score?.notApplicable ?? false,
        assessmentStatus: assessment.status,
      },
      after: {
        criterion: leaf.code,
        reviewState: nextState,
        appraisedPoints,
        notApplicable,
        reason: data.appraisalReason ?? null,
        comment: command.comment || null,
        assessmentStatus: nextStatus,
      },
    });
    return { reviewState: nextState, itemVersion: written.version, appraisedPoints, notApplicable, assessmentStatus: nextStatus, assessmentVersion };
  });
}
