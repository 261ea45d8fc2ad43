"use server";

import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { NOT_SIGNED_IN } from "@/lib/auth/not-signed-in";
import { actionFailure, actionOk, type ActionResult } from "@/lib/domain/action-result";
import { saveSelfScores } from "@/lib/services/save-self-scores";
import { explainItem } from "@/lib/services/explain-item";
import { submitSelfAssessment } from "@/lib/services/submit-self-assessment";
import type { SelfScoreDraft } from "@/components/console/officer-leaf-editor";

// Every action: the session read once, the service parses its input with its zod schema, checks
// the role and keeps the officer's unit in its where clause; nothing here trusts the client.

export async function saveSelfScoreAction(
  target: { periodCode: string; unitCode: string },
  input: { criterionCode: string; draft: SelfScoreDraft; expectedVersion: number | null },
): Promise<ActionResult<{ version: number; savedAt: string }>> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    const saved = await saveSelfScores(user, {
      periodCode: target.periodCode,
      unitCode: target.unitCode,
      items: [
        {
          criterionCode: input.criterionCode,
          points: input.draft.notApplicable ? null : input.draft.points,
          notApplicable: input.draft.notApplicable,
          notApplicableReason: input.draft.notApplicable ? input.draft.notApplicableReason : null,
          note: input.draft.note,
          expectedVersion: input.expectedVersion,
        },
      ],
    });
    // One item saved: its new version is the only one in the answer.
    const [version] = Object.values(saved.versions);
    return actionOk({ version: version!, savedAt: new Date().toISOString() });
  } catch (error) {
    return actionFailure(error);
  }
}

export async function explainItemAction(
  target: { periodCode: string; unitCode: string },
  input: { criterionCode: string; explanation: string; points: string | null; expectedVersion: number | null },
): Promise<ActionResult<{ version: number; savedAt: string }>> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    const result = await explainItem(user, {
      periodCode: target.periodCode,
      unitCode: target.unitCode,
      criterionCode: input.criterionCode,
      explanation: input.explanation,
      points: input.points?.trim() ? input.points : null,
      expectedVersion: input.expectedVersion ?? -1,
    });
    revalidatePath("/[locale]/console", "layout");
    return actionOk({ version: result.itemVersion, savedAt: new Date().toISOString() });
  } catch (error) {
    return actionFailure(error);
  }
}

export async function submitSelfAssessmentAction(target: { periodCode: string; unitCode: string; expectedVersion: number }): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    await submitSelfAssessment(user, target);
    revalidatePath("/[locale]/console", "layout");
    return actionOk(undefined);
  } catch (error) {
    return actionFailure(error);
  }
}
