import type { AwardSummary, ScoringRuleSummary } from "@/lib/domain/scoring-rule-summary";
import { formatStatedDecimal } from "@/lib/i18n/format-stated-decimal";
import type { Locale } from "@/lib/i18n/locale";
import type { MethodologyMessages } from "@/lib/i18n/methodology-messages";

/** A criterion's scoring rule in words: a two-column table for rules with rows, a sentence for the others. */
export function ScoringRuleText({ rule, code, locale, t }: { rule: ScoringRuleSummary; code: string; locale: Locale; t: MethodologyMessages }) {
  const n = (value: string) => formatStatedDecimal(value, locale);
  const award = (value: AwardSummary) => awardText(value, locale, t);

  switch (rule.type) {
    case "threshold":
      return (
        <RuleTable
          intro={t.ruleThreshold}
          caption={t.ruleCaption(code)}
          keyColumn={t.valueColumn}
          t={t}
          rows={[
            ...rule.rows.map((row) => [
              t.bounds(
                row.from ? { value: n(row.from.value), inclusive: row.from.inclusive } : null,
                row.to ? { value: n(row.to.value), inclusive: row.to.inclusive } : null,
              ),
              award(row.award),
            ]),
            [t.otherValues, award(rule.otherwise)],
          ]}
          note={
            rule.inputMin !== null || rule.inputMax !== null
              ? t.inputRange(rule.inputMin === null ? null : n(rule.inputMin), rule.inputMax === null ? null : n(rule.inputMax))
              : null
          }
        />
      );
    case "yes_no":
      return (
        <RuleTable
          intro={t.ruleYesNo}
          caption={t.ruleCaption(code)}
          keyColumn={t.answerColumn}
          t={t}
          rows={[
            [t.yes, award(rule.yes)],
            [t.no, award(rule.no)],
          ]}
        />
      );
    case "count_thresholds":
      return (
        <RuleTable
          intro={t.ruleCountThresholds}
          caption={t.ruleCaption(code)}
          keyColumn={t.countColumn}
          t={t}
          rows={[
            ...rule.rows.map((row) => [t.atLeast(n(String(row.atLeast))), award(row.award)]),
            ...(rule.below ? [[t.below(n(String(rule.below.count))), award(rule.below.award)]] : []),
          ]}
        />
      );
    case "count_per_item":
      return <p className="text-sm text-slate-800">{t.ruleCountPerItem(n(rule.pointsPerItem), n(rule.cap))}</p>;
    case "decimal":
      return <p className="text-sm text-slate-800">{t.ruleDecimal(n(rule.max), rule.maxDecimalPlaces)}</p>;
    case "proportional":
      return <p className="text-sm text-slate-800">{t.ruleProportional(n(rule.max), rule.decimalPlaces)}</p>;
    case "invalid":
      return <p className="text-sm italic text-slate-700">{t.ruleInvalid}</p>;
  }
}

function awardText(award: AwardSummary, locale: Locale, t: MethodologyMessages): string {
  const points = formatStatedDecimal(award.points, locale);
  if (award.share === "100") return t.awardFull(points);
  if (award.share !== null && award.points !== "0") return t.awardShare(formatStatedDecimal(award.share, locale), points);
  return t.awardPoints(points);
}

function RuleTable({
  intro,
  caption,
  keyColumn,
  rows,
  note = null,
  t,
}: {
  intro: string;
  caption: string;
  keyColumn: string;
  rows: string[][];
  note?: string | null;
  t: MethodologyMessages;
}) {
  return (
    <div className="space-y-1 text-sm text-slate-800">
      <p>{intro}</p>
      <table className="w-full max-w-md border-collapse">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-left">
            <th scope="col" className="py-1 pr-3 font-semibold">
              {keyColumn}
            </th>
            <th scope="col" className="py-1 font-semibold">
              {t.pointsColumn}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([key, value], position) => (
            <tr key={position} className="border-b border-slate-200 align-top">
              <th scope="row" className="py-1 pr-3 text-left font-normal">
                {key}
              </th>
              <td className="py-1">{value}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {note ? <p className="text-slate-700">{note}</p> : null}
    </div>
  );
}
