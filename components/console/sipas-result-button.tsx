"use client";

import type { Locale } from "@/lib/i18n/locale";
import type { ActionResult } from "@/lib/domain/action-result";
import type { SipasResultsOutcome } from "@/lib/domain/sipas-result-input";
import { sipasResultsMessagesFor } from "@/lib/i18n/sipas-results-messages";
import { ActionButton } from "@/components/console/action-button";

/**
 * A step of the council's SIPAS review (recompute, approve one, approve all): an ActionButton
 * whose success message says what happened — how many units changed, which approvals were
 * dropped, which survey leaves took points from the approved figures.
 */
export function SipasResultButton({
  locale,
  label,
  accessibleLabel,
  confirm,
  run,
  tone = "primary",
  disabled = false,
}: {
  locale: Locale;
  label: string;
  accessibleLabel?: string;
  confirm?: string;
  run: () => Promise<ActionResult<SipasResultsOutcome>>;
  tone?: "primary" | "secondary";
  disabled?: boolean;
}) {
  const t = sipasResultsMessagesFor(locale);
  return (
    <ActionButton<SipasResultsOutcome>
      locale={locale}
      label={label}
      accessibleLabel={accessibleLabel}
      confirm={confirm}
      run={run}
      tone={tone}
      size="small"
      disabled={disabled}
      done={(outcome) => (outcome.kind === "recomputed" ? t.recomputed(outcome) : t.approved(outcome.units))}
    />
  );
}
