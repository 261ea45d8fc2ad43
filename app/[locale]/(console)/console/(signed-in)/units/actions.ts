"use server";

import { revalidatePath } from "next/cache";
import { getSessionUser } from "@/lib/auth/session";
import { NOT_SIGNED_IN } from "@/lib/auth/not-signed-in";
import { actionFailure, actionOk, type ActionResult } from "@/lib/domain/action-result";
import { calendarDay } from "@/lib/domain/publish-period-input";
import type { UnitKindName } from "@/lib/domain/unit-setup-input";
import { setupConsoleMessagesFor } from "@/lib/i18n/setup-console-messages";
import { createUnit } from "@/lib/services/create-unit";
import { updateUnit } from "@/lib/services/update-unit";
import { createGroup } from "@/lib/services/create-group";
import { updateGroup } from "@/lib/services/update-group";
import { mergeUnits, type UnitLineageResult } from "@/lib/services/merge-units";
import { splitUnit } from "@/lib/services/split-unit";

/** An order typed in a form: empty means "not given" (a new group goes last). */
function orderOf(text: string | undefined): number | undefined {
  return text?.trim() ? Number(text.trim()) : undefined;
}

export async function createUnitAction(values: Record<string, string>): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    await createUnit(user, {
      code: values.code ?? "",
      name: values.name ?? "",
      nameEn: values.nameEn,
      kind: (values.kind || "other") as UnitKindName,
      parentUnitCode: values.parentUnitCode || null,
    });
    revalidatePath("/[locale]/console", "layout");
    return actionOk(undefined);
  } catch (error) {
    return actionFailure(error);
  }
}

/** Bound to the unit as the page read it, so a colleague's change in between is refused as stale. */
export async function updateUnitAction(target: { code: string; expectedUpdatedAt: string }, values: Record<string, string>): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    await updateUnit(user, {
      code: target.code,
      // Offered only while the code is not on published results.
      newCode: values.newCode === undefined ? undefined : values.newCode,
      name: values.name ?? "",
      nameEn: values.nameEn,
      kind: values.kind as UnitKindName,
      // A form without the field keeps the parent; the empty choice removes it.
      parentUnitCode: values.parentUnitCode === undefined ? undefined : values.parentUnitCode || null,
      expectedUpdatedAt: target.expectedUpdatedAt,
    });
    revalidatePath("/[locale]/console", "layout");
    return actionOk(undefined);
  } catch (error) {
    return actionFailure(error);
  }
}

export async function createGroupAction(values: Record<string, string>): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    await createGroup(user, { code: values.code ?? "", name: values.name ?? "", nameEn: values.nameEn, order: orderOf(values.order) });
    revalidatePath("/[locale]/console", "layout");
    return actionOk(undefined);
  } catch (error) {
    return actionFailure(error);
  }
}

export async function updateGroupAction(code: string, values: Record<string, string>): Promise<ActionResult> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  try {
    await updateGroup(user, { code, name: values.name ?? "", nameEn: values.nameEn, order: orderOf(values.order) });
    revalidatePath("/[locale]/console", "layout");
    return actionOk(undefined);
  } catch (error) {
    return actionFailure(error);
  }
}

/** A successor as the lineage forms send it: a unit that exists, or a new one. */
export type SuccessorChoice =
  | { existingCode: string }
  | { code: string; name: string; kind: UnitKindName; parentUnitCode: string | null };

/** The day typed as dd/mm/yyyy or yyyy-mm-dd, as the YYYY-MM-DD the services take. */
function effectiveDay(text: string): { ok: true; day: string } | { ok: false; result: ActionResult<never> } {
  const parsed = calendarDay.safeParse(text);
  if (parsed.success) return { ok: true, day: parsed.data.toISOString().slice(0, 10) };
  const vi = setupConsoleMessagesFor("vi").invalidDate;
  const en = setupConsoleMessagesFor("en").invalidDate;
  return { ok: false, result: { ok: false, code: "invalid", vi, en, problems: [{ key: "effectiveOn", code: "invalid", vi, en }] } };
}

export async function mergeUnitsAction(input: {
  predecessorCodes: string[];
  successor: SuccessorChoice;
  effectiveOn: string;
  note: string;
}): Promise<ActionResult<UnitLineageResult>> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  const day = effectiveDay(input.effectiveOn);
  if (!day.ok) return day.result;
  try {
    const result = await mergeUnits(user, { predecessorCodes: input.predecessorCodes, successor: input.successor, effectiveOn: day.day, note: input.note });
    // Public unit pages show lineage from the units themselves, not from a snapshot.
    revalidatePath("/[locale]", "layout");
    return actionOk(result);
  } catch (error) {
    return actionFailure(error);
  }
}

export async function splitUnitAction(input: {
  predecessorCode: string;
  successors: SuccessorChoice[];
  effectiveOn: string;
  note: string;
}): Promise<ActionResult<UnitLineageResult>> {
  const user = await getSessionUser();
  if (!user) return NOT_SIGNED_IN;
  const day = effectiveDay(input.effectiveOn);
  if (!day.ok) return day.result;
  try {
    const result = await splitUnit(user, { predecessorCode: input.predecessorCode, successors: input.successors, effectiveOn: day.day, note: input.note });
    // Public unit pages show lineage from the units themselves, not from a snapshot.
    revalidatePath("/[locale]", "layout");
    return actionOk(result);
  } catch (error) {
    return actionFailure(error);
  }
}
