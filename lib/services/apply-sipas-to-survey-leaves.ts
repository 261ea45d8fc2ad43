import { auditActorId, isUserActor, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";
import { itemTransition } from "@/lib/review/assessment-workflow";
import { periodPublished, staleItem, WorkflowError } from "@/lib/domain/workflow-error";
import { formatStatedDecimal } from "@/lib/i18n/format-stated-decimal";
import { sipasLeafPoints } from "@/lib/scoring/sipas-leaf-points";
import { ScoringInputError, ScoringRuleError } from "@/lib/scoring/scoring-rule";
import { toExact } from "@/lib/scoring/exact-decimal";
import { addReviewComment, findScore, lockAssessment, updateAssessment, writeScore } from "@/lib/data/appraisal";
import { writeAuditLog } from "@/lib/data/audit-log";
import { findPeriodAndUnitCodes, listSipasTiedLeaves } from "@/lib/data/sipas-survey-leaves";
import { inTransaction } from "@/lib/data/transaction";

export type SipasFigures = { index: string; elements: { code: string; index: string }[] };

export type ApplySipasResult = { applied: { criterionCode: string; points: string }[]; missing: string[] };

/** What `sipasInput` names the overall index with (any other value is an element's code). */
export const SIPAS_OVERALL_INPUT = "index";

/**
 * Writes the points of a unit's SIPAS-tied survey leaves from its approved SIPAS figures, as the
 * council's "adjust" would (appraised points, the reason, an adjustment comment), so the unit's
 * totals, approval check and published score treat them like any survey points.
 * Called inside the transaction that approves the unit's SIPAS figures: inTransaction joins it,
 * so the figures and the points they give are written together or not at all.
 * Unlike a council decision it works whatever the unit's state before publication (not started,
 * approved...) and leaves that state alone: SIPAS is approved on its own calendar. It does raise
 * the assessment's version, so a council page that read the old points cannot approve over them.
 * An element the figures lack leaves its leaves untouched and is reported in `missing`; a unit
 * with no assessment in the period has no leaves to score, so nothing is written.
 */
export async function applySipasToSurveyLeaves(input: {
  periodId: string;
  unitId: string;
  figures: SipasFigures;
  actor: Actor;
}): Promise<ApplySipasResult> {
  // The command line and the demo seed act for the whole portal; a person must be the council.
  if (isUserActor(input.actor)) assertCan(input.actor, "sipas.approve");
  const actorId = auditActorId(input.actor);

  return inTransaction(async (tx) => {
    const codes = await findPeriodAndUnitCodes(tx, { periodId: input.periodId, unitId: input.unitId });
    if (!codes) return { applied: [], missing: [] };
    const assessment = await lockAssessment(tx, { ...codes, unitId: input.unitId });
    if (!assessment) return { applied: [], missing: [] };
    const { period } = assessment;
    if (period.status === "published") throw periodPublished();

    const leaves = (await listSipasTiedLeaves(tx, period.criteriaSetId)).filter((leaf) => leaf.method === "survey");
    const elementIndex = new Map(input.figures.elements.map((element) => [element.code, element.index]));
    const applied: ApplySipasResult["applied"] = [];
    const missing: string[] = [];
    const before: Record<string, string | boolean | null>[] = [];
    const after: Record<string, string>[] = [];
    let changed = false;

    for (const leaf of leaves) {
      const overall = leaf.sipasInput === SIPAS_OVERALL_INPUT;
      const figure = overall ? input.figures.index : elementIndex.get(leaf.sipasInput);
      if (figure === undefined) {
        if (!missing.includes(leaf.sipasInput)) missing.push(leaf.sipasInput);
        continue;
      }
      const points = scoreLeaf(leaf, figure);
      const reason = overall
        ? `Theo chỉ số SIPAS đã phê duyệt: ${percentText(figure)}`
        : `Theo chỉ số SIPAS đã phê duyệt, yếu tố ${leaf.sipasInput}: ${percentText(figure)}`;
      applied.push({ criterionCode: leaf.code, points });

      const score = await findScore(tx, assessment.id, leaf.id);
      const state = score?.reviewState ?? "pending";
      const unchanged =
        score !== null &&
        state === "adjusted" &&
        !score.notApplicable &&
        score.appraisalReason === reason &&
        score.appraisedPoints !== null &&
        toExact(score.appraisedPoints).equals(points);
      if (unchanged) continue;
      // A survey leaf is never returned to the unit, so every state it can be in allows "adjust".
      const nextState = itemTransition(state, "adjust");
      if (!nextState) {
        throw new WorkflowError(
          "wrong_state",
          `Tiêu chí ${leaf.code} đang chờ đơn vị giải trình nên chưa thể nhận điểm SIPAS.`,
          `Criterion ${leaf.code} is awaiting the unit's explanation, so it cannot take the SIPAS points yet.`,
        );
      }
      const written = await writeScore(tx, {
        assessmentId: assessment.id,
        criterionId: leaf.id,
        existing: score,
        data: { appraisedPoints: points, notApplicable: false, notApplicableReason: null, appraisalReason: reason, reviewState: nextState },
        actorId,
      });
      if (!written) throw staleItem(leaf.code, null, null);
      await addReviewComment(tx, { criterionScoreId: written.id, authorId: actorId, kind: "adjustment", body: reason });
      before.push({ criterion: leaf.code, reviewState: state, appraisedPoints: score?.appraisedPoints ?? null, notApplicable: score?.notApplicable ?? false });
      after.push({ criterion: leaf.code, sipasInput: leaf.sipasInput, figure, reviewState: nextState, appraisedPoints: points, reason });
      changed = true;
    }

    if (changed) {
      const assessmentVersion = await updateAssessment(tx, { id: assessment.id, version: assessment.version, data: {} });
      await writeAuditLog(tx, {
        actorId,
        action: "sipas.apply_to_leaves",
        entityType: "Assessment",
        entityId: assessment.id,
        periodId: period.id,
        unitId: assessment.unit.id,
        before: { leaves: before, assessmentVersion: assessment.version },
        after: {
          leaves: after,
          missing,
          assessmentVersion,
          ...(isUserActor(input.actor) ? {} : { command: input.actor.system }),
        },
      });
    }
    return { applied, missing };
  });
}

function scoreLeaf(leaf: { code: string; maxPoints: string; scoringRule: unknown }, figure: string): string {
  try {
    return sipasLeafPoints(leaf, figure);
  } catch (error) {
    if (error instanceof ScoringRuleError) {
      throw new WorkflowError(
        "invalid",
        `Tiêu chí ${leaf.code}: quy tắc chấm điểm không áp dụng được cho chỉ số SIPAS (cần quy tắc theo ngưỡng hoặc tỷ lệ thuận).`,
        `Criterion ${leaf.code}: its scoring rule cannot score a SIPAS index (a threshold or proportional rule is needed).`,
      );
    }
    if (error instanceof ScoringInputError) {
      throw new WorkflowError(
        "invalid",
        `Tiêu chí ${leaf.code}: chỉ số SIPAS "${figure}" không phải tỷ lệ phần trăm từ 0 đến 100.`,
        `Criterion ${leaf.code}: the SIPAS figure "${figure}" is not a percentage from 0 to 100.`,
      );
    }
    throw error;
  }
}

/** "91,23 %": the reason is stored once, in Vietnamese, like the council's own reasons. */
function percentText(figure: string): string {
  return `${formatStatedDecimal(figure, "vi")} %`;
}
