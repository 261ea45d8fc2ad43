"use server";

import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { NOT_SIGNED_IN } from "@/lib/auth/not-signed-in";
import { actionFailure, actionOk, type ActionResult } from "@/lib/domain/action-result";
import { setupConsoleMessagesFor } from "@/lib/i18n/setup-console-messages";
import { sipasLeafMessagesFor } from "@/lib/i18n/sipas-leaf-messages";
import { addCriterion } from "@/lib/services/add-criterion";
import { updateCriterion } from "@/lib/services/update-criterion";
import { moveCriterion } from "@/lib/services/move-criterion";
import { deleteCriterion } from "@/lib/services/delete-criterion";
import { mapCriteria } from "@/lib/services/map-criteria";
import { loadCriteriaSetEditor } from "@/lib/services/load-criteria-set-editor";

/** The editor's node form, every field as typed. */
export type CriterionFormValues = {
  code: string;
  name: string;
  nameEn: string;
  description: string;
  maxPoints: string;
  method: string;
  scoringRule: string;
  /** "none", "index" or "element"; empty when the form did not offer the field (a parent node). */
  sipasSource?: string;
  sipasElement?: string;
};

/** What an edit answers: how many problems the set has after it (an edit may leave some). */
export type CriterionEditData = { problems: number };

type RuleText = { ok: true; rule: unknown } | { ok: false; result: ActionResult<never> };

/**
 * The rule's JSON as written: empty means no rule. Only the syntax is checked here; the service
 * checks the rule itself (its schema, and that it gives no more than the max).
 */
function ruleFromText(text: string): RuleText {
  if (!text.trim()) return { ok: true, rule: null };
  try {
    return { ok: true, rule: JSON.parse(text) as unknown };
  } catch {
    const vi = setupConsoleMessagesFor("vi").invalidRuleJson;
    const en = setupConsoleMessagesFor("en").invalidRuleJson;
    return { ok: false, result: { ok: false, code: "invalid", vi, en, problems: [{ key: "scoringRule", code: "invalid", vi, en }] } };
  }
}

type SipasText = { ok: true; sipasInput: string | null | undefined } | { ok: false; result: ActionResult<never> };

/**
 * The leaf's SIPAS source as the service stores it: null for none, "index", or the element code
 * (its format is checked by the service's schema). Undefined keeps the stored one.
 */
function sipasFromForm(values: CriterionFormValues): SipasText {
  if (values.sipasSource === "index") return { ok: true, sipasInput: "index" };
  if (values.sipasSource === "none") return { ok: true, sipasInput: null };
  if (values.sipasSource !== "element") return { ok: true, sipasInput: undefined };
  if (values.sipasElement?.trim()) return { ok: true, sipasInput: values.sipasElement };
  const vi = sipasLeafMessagesFor("vi").sipasElementRequired;
  const en = sipasLeafMessagesFor("en").sipasElementRequired;
  return { ok: false, result: { ok: false, code: "invalid", vi, en, problems: [{ key: "sipasInput", code: "invalid", vi, en }] } };
}

export async function addCriterionAction(target: { setCode: string; parentCode: string | null }, values: CriterionFormValues): Promise<ActionResult<CriterionEditData>> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  const rule = ruleFromText(values.scoringRule);
  if (!rule.ok) return rule.result;
  const sipas = sipasFromForm(values);
  if (!sipas.ok) return sipas.result;
  try {
    const result = await addCriterion(user, {
      setCode: target.setCode,
      parentCode: target.parentCode,
      code: values.code,
      name: values.name,
      nameEn: values.nameEn,
      description: values.description,
      maxPoints: values.maxPoints,
      method: values.method as "appraisal" | "survey",
      scoringRule: rule.rule ?? undefined,
      sipasInput: sipas.sipasInput ?? null,
    });
    revalidatePath("/[locale]/console", "layout");
    return actionOk({ problems: result.problems.length });
  } catch (error) {
    return actionFailure(error);
  }
}

export async function updateCriterionAction(target: { setCode: string; code: string }, values: CriterionFormValues): Promise<ActionResult<CriterionEditData>> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  const rule = ruleFromText(values.scoringRule);
  if (!rule.ok) return rule.result;
  const sipas = sipasFromForm(values);
  if (!sipas.ok) return sipas.result;
  try {
    const result = await updateCriterion(user, {
      setCode: target.setCode,
      code: target.code,
      newCode: values.code,
      name: values.name,
      nameEn: values.nameEn,
      description: values.description,
      maxPoints: values.maxPoints,
      method: values.method as "appraisal" | "survey",
      // An emptied rule field removes the rule.
      scoringRule: rule.rule,
      sipasInput: sipas.sipasInput,
    });
    revalidatePath("/[locale]/console", "layout");
    return actionOk({ problems: result.problems.length });
  } catch (error) {
    return actionFailure(error);
  }
}

export async function moveCriterionAction(target: { setCode: string; code: string; direction: "up" | "down" }): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    await moveCriterion(user, target);
    revalidatePath("/[locale]/console", "layout");
    return actionOk(undefined);
  } catch (error) {
    return actionFailure(error);
  }
}

export async function deleteCriterionAction(target: { setCode: string; code: string }): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    await deleteCriterion(user, target);
    revalidatePath("/[locale]/console", "layout");
    return actionOk(undefined);
  } catch (error) {
    return actionFailure(error);
  }
}

/** One field's chosen counterpart in the previous version; "" for none. */
export type FieldMappingChange = { field: string; previous: string };

/**
 * Saves the rows the editor changed: each field's mappings to the previous version become the
 * chosen one. The current mappings are read again here, so a row changed meanwhile by someone
 * else is replaced rather than left doubled.
 */
export async function saveFieldMappingAction(setCode: string, changes: FieldMappingChange[]): Promise<ActionResult<{ added: number; removed: number }>> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    const view = await loadCriteriaSetEditor(user, setCode);
    if (!view.previousVersion) return actionOk({ added: 0, removed: 0 });
    const current = new Map(view.tree.fields.map((field) => [field.code, field.mappedTo.map((node) => node.code)]));
    const pairs: { from: string; to: string; remove: boolean }[] = [];
    for (const change of changes) {
      const mapped = current.get(change.field) ?? [];
      for (const code of mapped) if (code !== change.previous) pairs.push({ from: change.field, to: code, remove: true });
      if (change.previous && !mapped.includes(change.previous)) pairs.push({ from: change.field, to: change.previous, remove: false });
    }
    if (pairs.length === 0) return actionOk({ added: 0, removed: 0 });
    const result = await mapCriteria(user, { fromSetCode: view.set.code, toSetCode: view.previousVersion.code, pairs });
    revalidatePath("/[locale]/console", "layout");
    return actionOk({ added: result.added.length, removed: result.removed.length });
  } catch (error) {
    return actionFailure(error);
  }
}
