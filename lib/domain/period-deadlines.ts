import type { InputIssue } from "@/lib/domain/setup-input";

export type PeriodDeadlines = {
  selfAssessmentOpensAt: Date | null;
  selfAssessmentDeadline: Date | null;
  appraisalDeadline: Date | null;
};

const LABELS = {
  selfAssessmentOpensAt: { vi: "ngày mở tự đánh giá", en: "self-assessment opening" },
  selfAssessmentDeadline: { vi: "hạn tự đánh giá", en: "self-assessment deadline" },
  appraisalDeadline: { vi: "hạn thẩm định", en: "appraisal deadline" },
} as const;

const ORDER = ["selfAssessmentOpensAt", "selfAssessmentDeadline", "appraisalDeadline"] as const;

/**
 * The year runs opening → self-assessment deadline → appraisal deadline; each date that is set
 * must come strictly after every earlier one that is set. Reported on the later date's field.
 */
export function deadlineProblems(deadlines: PeriodDeadlines): InputIssue[] {
  const problems: InputIssue[] = [];
  ORDER.forEach((later, position) => {
    const laterValue = deadlines[later];
    if (!laterValue) return;
    const earlier = ORDER.slice(0, position).find((key) => {
      const value = deadlines[key];
      return value !== null && value.getTime() >= laterValue.getTime();
    });
    if (earlier) {
      problems.push({
        path: later,
        vi: `${capitalize(LABELS[later].vi)} phải sau ${LABELS[earlier].vi}.`,
        en: `The ${LABELS[later].en} must come after the ${LABELS[earlier].en}.`,
      });
    }
  });
  return problems;
}

/**
 * The same moment `years` later, as a cloned period's deadlines: same day and time of day;
 * 29 February becomes 28 February in a year without it.
 */
export function shiftYears(moment: Date, years: number): Date {
  const shifted = new Date(moment.getTime());
  shifted.setUTCFullYear(moment.getUTCFullYear() + years);
  if (shifted.getUTCMonth() !== moment.getUTCMonth()) shifted.setUTCDate(0);
  return shifted;
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase("vi") + text.slice(1);
}
