import { parseDecimalInput } from "@/lib/results-package/decimal-input";
import { WorkflowError } from "@/lib/domain/workflow-error";

/**
 * Points typed for one leaf ("12,5" or "12.5"), checked against the leaf's max: never negative,
 * at most 4 decimals, never above the max. Returns the exact decimal as a plain string.
 */
export function leafPoints(text: string, leaf: { code: string; maxPoints: string }): string {
  const value = parseDecimalInput(text);
  if (!value.ok) throw new WorkflowError(value.code, `Tiêu chí ${leaf.code}: ${value.vi}`, `Criterion ${leaf.code}: ${value.en}`);
  if (value.value.greaterThan(leaf.maxPoints)) {
    throw new WorkflowError(
      "above_max",
      `Tiêu chí ${leaf.code}: điểm ${value.value.toFixed()} vượt quá điểm tối đa ${leaf.maxPoints}.`,
      `Criterion ${leaf.code}: ${value.value.toFixed()} points exceed the maximum ${leaf.maxPoints}.`,
    );
  }
  return value.value.toFixed();
}
