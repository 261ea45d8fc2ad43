import { z } from "zod";
import { bilingual, daySchema, existingCodeSchema, nameSchema, newCodeSchema, optionalTextSchema } from "@/lib/domain/setup-input";

/** Inputs of the units and groups pages (one schema per action). */

export const UNIT_KINDS = ["province", "ministry", "department", "district", "commune", "other"] as const;
export type UnitKindName = (typeof UNIT_KINDS)[number];

const kind = z.enum(UNIT_KINDS, {
  error: bilingual("Loại đơn vị không hợp lệ", "Unknown kind of unit"),
});

const order = z
  .number({ error: bilingual("Thứ tự là số nguyên", "The order is a whole number") })
  .int({ error: bilingual("Thứ tự là số nguyên", "The order is a whole number") })
  .min(0, { error: bilingual("Thứ tự không được âm", "The order must not be negative") })
  .max(10_000, { error: bilingual("Thứ tự tối đa 10000", "The order is at most 10000") });

const note = optionalTextSchema(2000);

export const newUnitInput = z.object({
  code: newCodeSchema,
  name: nameSchema(),
  nameEn: optionalTextSchema(300),
  kind: kind.default("other"),
  /** Administrative parent, e.g. the district of a commune. */
  parentUnitCode: existingCodeSchema.nullish(),
});

export const createUnitInput = newUnitInput;
export type CreateUnitInput = z.input<typeof createUnitInput>;

export const updateUnitInput = z.object({
  code: existingCodeSchema,
  /** Refused once the unit has a published result: its public address and past tables use the code. */
  newCode: newCodeSchema.optional(),
  name: nameSchema().optional(),
  nameEn: optionalTextSchema(300),
  kind: kind.optional(),
  /** null removes the parent; undefined keeps it. */
  parentUnitCode: existingCodeSchema.nullish(),
  /** The unit's updatedAt as the form read it. */
  expectedUpdatedAt: z.coerce.date({ error: bilingual("Thiếu thời điểm đọc biểu mẫu", "The form's read time is missing") }),
});
export type UpdateUnitInput = z.input<typeof updateUnitInput>;

export const createGroupInput = z.object({
  code: newCodeSchema,
  name: nameSchema(),
  nameEn: optionalTextSchema(300),
  order: order.optional(),
});
export type CreateGroupInput = z.input<typeof createGroupInput>;

/** A group's code is part of public addresses (/{period}/{group}) and never changes. */
export const updateGroupInput = z.object({
  code: existingCodeSchema,
  name: nameSchema().optional(),
  nameEn: optionalTextSchema(300),
  order: order.optional(),
});
export type UpdateGroupInput = z.input<typeof updateGroupInput>;

const existingSuccessor = z.object({ existingCode: existingCodeSchema });

/**
 * A successor of a merge or split: a unit that exists (it absorbs the others) or a new one. Told
 * apart by `existingCode`, so a bad new unit gets its own field messages, not "matches neither".
 */
export const successorInput = z.unknown().transform((value, ctx): z.output<typeof existingSuccessor> | z.output<typeof newUnitInput> => {
  const schema = typeof value === "object" && value !== null && "existingCode" in value ? existingSuccessor : newUnitInput;
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: issue.path });
    return z.NEVER;
  }
  return parsed.data;
}) as unknown as z.ZodType<
  z.output<typeof existingSuccessor> | z.output<typeof newUnitInput>,
  z.input<typeof existingSuccessor> | z.input<typeof newUnitInput>
>;
export type SuccessorInput = z.input<typeof successorInput>;

function distinct(codes: readonly string[]): boolean {
  return new Set(codes).size === codes.length;
}

export const mergeUnitsInput = z.object({
  predecessorCodes: z
    .array(existingCodeSchema)
    .min(1, { error: bilingual("Cần ít nhất một đơn vị được hợp nhất", "At least one unit to merge is required") })
    .refine(distinct, { error: bilingual("Một đơn vị được liệt kê hai lần", "A unit is listed twice") }),
  successor: successorInput,
  effectiveOn: daySchema,
  note,
});
export type MergeUnitsInput = z.input<typeof mergeUnitsInput>;

export const splitUnitInput = z.object({
  predecessorCode: existingCodeSchema,
  successors: z
    .array(successorInput)
    .min(2, { error: bilingual("Chia tách cần ít nhất hai đơn vị kế thừa", "A split needs at least two successors") })
    .refine((list) => distinct(list.map((entry) => ("existingCode" in entry ? entry.existingCode : entry.code))), {
      error: bilingual("Một đơn vị kế thừa được liệt kê hai lần", "A successor is listed twice"),
    }),
  effectiveOn: daySchema,
  note,
});
export type SplitUnitInput = z.input<typeof splitUnitInput>;

export const listUnitsQuery = z.object({
  /** Words of a name or code, with or without diacritics. */
  query: z.string().trim().max(200).optional(),
  includeDissolved: z.boolean().default(false),
});
export type ListUnitsQuery = z.input<typeof listUnitsQuery>;
