import { SIPAS_ONLY_ON_SURVEY, updateCriterionInput, type UpdateCriterionInput } from "@/lib/domain/criteria-set-input";
import { CriteriaSetEditError, invalidInput } from "@/lib/domain/setup-error";
import {
  assertCriteriaSetEditable,
  criteriaSetNotFound,
  criterionNotFound,
  ruleAboveMax,
  type CriteriaSetEditResult,
} from "@/lib/domain/criteria-set-edit-rules";
import { criteriaSetProblems } from "@/lib/domain/criteria-set-problems";
import { toExact } from "@/lib/scoring/exact-decimal";
import { highestScore, loadCriteria, lockCriteriaSetForEdit, toCheckRows, updateCriterion as writeCriterion } from "@/lib/data/criteria-sets";
import { writeAuditLog, type AuditEntry } from "@/lib/data/audit-log";
import { inTransaction } from "@/lib/data/transaction";
import { auditActorId, type Actor } from "@/lib/auth/actor";
import { assertCan } from "@/lib/review/permissions";

/** A value written into an audit row as JSON. */
type AuditJson = NonNullable<AuditEntry["after"]>;

type Editable = "code" | "name" | "nameEn" | "description" | "maxPoints" | "method" | "scoringRule" | "sipasInput";

/**
 * Changes a node's code, names, description, max points, method, scoring rule or SIPAS source
 * (only a survey leaf takes its points from SIPAS, so a tied leaf cannot become appraised). A max below
 * points a unit already claimed or was given on it is refused (those points would exceed it).
 */
export async function updateCriterion(actor: Actor, input: UpdateCriterionInput): Promise<CriteriaSetEditResult> {
  assertCan(actor, "criteria_set.edit");
  const parsed = updateCriterionInput.safeParse(input);
  if (!parsed.success) throw invalidInput(CriteriaSetEditError, parsed.error);
  const command = parsed.data;

  return inTransaction(async (tx) => {
    const set = await lockCriteriaSetForEdit(tx, command.setCode);
    if (!set) throw criteriaSetNotFound(command.setCode);
    assertCriteriaSetEditable(set);
    const criteria = await loadCriteria(tx, set.id);
    const node = criteria.find((criterion) => criterion.code === command.code);
    if (!node) throw criterionNotFound(set.code, command.code);

    const wanted: Partial<Record<Editable, unknown>> = {
      code: command.newCode,
      name: command.name,
      nameEn: command.nameEn,
      description: command.description,
      maxPoints: command.maxPoints,
      method: command.method,
      scoringRule: command.scoringRule,
      sipasInput: command.sipasInput,
    };
    const current: Record<Editable, unknown> = {
      code: node.code,
      name: node.name,
      nameEn: node.nameEn,
      description: node.description,
      maxPoints: node.maxPoints,
      method: node.method,
      scoringRule: node.scoringRule,
      sipasInput: node.sipasInput,
    };
    const changed = (Object.keys(wanted) as Editable[]).filter(
      (key) => wanted[key] !== undefined && !sameValue(key, wanted[key], current[key]),
    );
    if (changed.length === 0) {
      return { setCode: set.code, code: node.code, problems: criteriaSetProblems(toCheckRows(criteria)) };
    }

    if (command.newCode !== undefined && changed.includes("code") && criteria.some((criterion) => criterion.code === command.newCode)) {
      throw new CriteriaSetEditError(
        "exists",
        `Bộ chỉ số đã có tiêu chí mã "${command.newCode}".`,
        `The set already has a criterion "${command.newCode}".`,
        [{ path: "newCode", vi: "Mã tiêu chí đã được dùng", en: "This criterion code is taken" }],
      );
    }
    const sipasInput = command.sipasInput === undefined ? node.sipasInput : command.sipasInput;
    if (sipasInput !== null && (command.method ?? node.method) !== "survey" && (changed.includes("sipasInput") || changed.includes("method"))) {
      const [vi, en] = SIPAS_ONLY_ON_SURVEY.split(" / ") as [string, string];
      throw new CriteriaSetEditError("invalid", `Tiêu chí ${node.code}: ${vi}.`, `Criterion ${node.code}: ${en}.`, [
        { path: changed.includes("sipasInput") ? "sipasInput" : "method", vi, en },
      ]);
    }
    const maxPoints = command.maxPoints ?? node.maxPoints;
    if (changed.includes("maxPoints")) {
      const highest = await highestScore(tx, node.id);
      if (highest !== null && toExact(highest).greaterThan(maxPoints)) {
        throw new CriteriaSetEditError(
          "scores_above_max",
          `Đã có đơn vị được ${toExact(highest).toFixed()} điểm ở tiêu chí ${node.code}: điểm tối đa không thể thấp hơn mức đó.`,
          `A unit already has ${toExact(highest).toFixed()} points on criterion ${node.code}: the max cannot go below that.`,
          [{ path: "maxPoints", vi: `Không thấp hơn ${toExact(highest).toFixed()}`, en: `Not below ${toExact(highest).toFixed()}` }],
        );
      }
    }
    const rule = command.scoringRule === undefined ? node.scoringRule : command.scoringRule;
    if (changed.includes("scoringRule") || changed.includes("maxPoints")) {
      const badRule = ruleAboveMax(rule, maxPoints, node.code);
      if (badRule && changed.includes("scoringRule")) throw badRule;
      // A lower max that a kept rule now exceeds is reported among the set's problems instead.
    }

    await writeCriterion(tx, node.id, {
      code: changed.includes("code") ? command.newCode : undefined,
      name: changed.includes("name") ? command.name : undefined,
      nameEn: changed.includes("nameEn") ? command.nameEn : undefined,
      description: changed.includes("description") ? command.description : undefined,
      maxPoints: changed.includes("maxPoints") ? command.maxPoints : undefined,
      method: changed.includes("method") ? command.method : undefined,
      scoringRule: changed.includes("scoringRule") ? (command.scoringRule ?? null) : undefined,
      sipasInput: changed.includes("sipasInput") ? (command.sipasInput ?? null) : undefined,
    });
    const pick = (values: Partial<Record<Editable, unknown>>) =>
      Object.fromEntries(changed.map((key) => [key, (values[key] ?? null) as AuditJson | null]));
    await writeAuditLog(tx, {
      actorId: auditActorId(actor),
      action: "criterion.update",
      entityType: "Criterion",
      entityId: node.id,
      before: { set: set.code, code: node.code, ...pick(current) },
      after: { set: set.code, code: command.newCode ?? node.code, ...pick(wanted) },
    });
    const after = command.newCode ?? node.code;
    return { setCode: set.code, code: after, problems: criteriaSetProblems(toCheckRows(await loadCriteria(tx, set.id))) };
  });
}

function sameValue(key: Editable, wanted: unknown, current: unknown): boolean {
  if (key === "maxPoints") return toExact(wanted as string).equals(current as string);
  if (key === "scoringRule") return JSON.stringify(wanted ?? null) === JSON.stringify(current ?? null);
  return (wanted ?? null) === (current ?? null);
}
