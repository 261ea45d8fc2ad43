"use server";

import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { NOT_SIGNED_IN } from "@/lib/auth/not-signed-in";
import { actionFailure, actionOk, type ActionResult } from "@/lib/domain/action-result";
import { fromVietnamDateTimeLocal } from "@/lib/i18n/datetime-local-value";
import { updateSipasSurvey } from "@/lib/services/update-sipas-survey";
import { editSipasElement } from "@/lib/services/edit-sipas-element";
import { editSipasQuestion } from "@/lib/services/edit-sipas-question";
import { transitionSipasSurvey } from "@/lib/services/transition-sipas-survey";
import type { SipasSurveyStatusName } from "@/lib/domain/sipas-survey-input";

/**
 * The questionnaire page's actions (home affairs only: each service checks `sipas.edit`). Form
 * values arrive as text; the services' zod schemas read them (decimal comma, whole numbers).
 */

async function run(work: (user: NonNullable<Awaited<ReturnType<typeof getSessionUser>>>) => Promise<unknown>): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    await work(user);
    // The survey form reads the questionnaire too, but it is rendered for every visit (never cached).
    revalidatePath("/[locale]/console", "layout");
    return actionOk(undefined);
  } catch (error) {
    return actionFailure(error);
  }
}

const text = (values: Record<string, string> | undefined, name: string): string => String(values?.[name] ?? "");

export async function updateSipasSurveyAction(periodCode: string, values: Record<string, string>): Promise<ActionResult> {
  return run((user) =>
    updateSipasSurvey(user, {
      periodCode,
      name: text(values, "name"),
      scaleMin: text(values, "scaleMin"),
      scaleMax: text(values, "scaleMax"),
      // One label per line; blank lines (a trailing newline) are not labels.
      scaleLabels: text(values, "scaleLabels")
        .split(/\r?\n/)
        .map((label) => label.trim())
        .filter(Boolean),
      satisfiedFrom: text(values, "satisfiedFrom"),
      indexMethod: text(values, "indexMethod") as "share_satisfied",
      smallSampleThreshold: text(values, "smallSampleThreshold"),
      opensAt: fromVietnamDateTimeLocal(text(values, "opensAt")),
      closesAt: fromVietnamDateTimeLocal(text(values, "closesAt")),
    }),
  );
}

export async function transitionSipasSurveyAction(input: { periodCode: string; to: SipasSurveyStatusName; expectedStatus: SipasSurveyStatusName }): Promise<ActionResult> {
  return run((user) => transitionSipasSurvey(user, { periodCode: input?.periodCode, to: input?.to, expectedStatus: input?.expectedStatus }));
}

export async function addSipasElementAction(periodCode: string, values: Record<string, string>): Promise<ActionResult> {
  return run((user) =>
    editSipasElement(user, { op: "add", periodCode, code: text(values, "code"), name: text(values, "name"), nameEn: text(values, "nameEn"), weight: text(values, "weight") }),
  );
}

export async function updateSipasElementAction(target: { periodCode: string; elementCode: string }, values: Record<string, string>): Promise<ActionResult> {
  return run((user) =>
    editSipasElement(user, {
      op: "update",
      periodCode: target?.periodCode,
      elementCode: target?.elementCode,
      code: text(values, "code"),
      name: text(values, "name"),
      nameEn: text(values, "nameEn"),
      weight: text(values, "weight"),
    }),
  );
}

export async function deleteSipasElementAction(target: { periodCode: string; elementCode: string }): Promise<ActionResult> {
  return run((user) => editSipasElement(user, { op: "delete", periodCode: target?.periodCode, elementCode: target?.elementCode }));
}

export async function moveSipasElementAction(target: { periodCode: string; elementCode: string; direction: "up" | "down" }): Promise<ActionResult> {
  return run((user) => editSipasElement(user, { op: "move", periodCode: target?.periodCode, elementCode: target?.elementCode, direction: target?.direction }));
}

export async function addSipasQuestionAction(target: { periodCode: string; elementCode: string }, values: Record<string, string>): Promise<ActionResult> {
  return run((user) =>
    editSipasQuestion(user, {
      op: "add",
      periodCode: target?.periodCode,
      elementCode: target?.elementCode,
      code: text(values, "code"),
      text: text(values, "text"),
      textEn: text(values, "textEn"),
      required: text(values, "required") !== "no",
    }),
  );
}

export async function updateSipasQuestionAction(target: { periodCode: string; questionCode: string }, values: Record<string, string>): Promise<ActionResult> {
  return run((user) =>
    editSipasQuestion(user, {
      op: "update",
      periodCode: target?.periodCode,
      questionCode: target?.questionCode,
      code: text(values, "code"),
      text: text(values, "text"),
      textEn: text(values, "textEn"),
      required: text(values, "required") !== "no",
    }),
  );
}

export async function deleteSipasQuestionAction(target: { periodCode: string; questionCode: string }): Promise<ActionResult> {
  return run((user) => editSipasQuestion(user, { op: "delete", periodCode: target?.periodCode, questionCode: target?.questionCode }));
}

export async function moveSipasQuestionAction(target: { periodCode: string; questionCode: string; direction: "up" | "down" }): Promise<ActionResult> {
  return run((user) => editSipasQuestion(user, { op: "move", periodCode: target?.periodCode, questionCode: target?.questionCode, direction: target?.direction }));
}
