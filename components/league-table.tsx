import type { LeagueTable as LeagueTableData } from "@/lib/domain/league-table";
import type { Locale } from "@/lib/i18n/locale";
import type { Messages } from "@/lib/i18n/messages";
import { formatDecimal } from "@/lib/i18n/format-decimal";
import { BandBadge } from "./band-badge";
import { RankChange, rankChangeText } from "./rank-change";

export function LeagueTable({
  table,
  caption,
  locale,
  t,
}: {
  table: LeagueTableData;
  caption: string;
  locale: Locale;
  t: Messages;
}) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full min-w-[36rem] border-collapse text-sm">
        <caption className="px-4 py-3 text-left font-medium text-slate-800">{caption}</caption>
        <thead className="bg-slate-100 text-left text-slate-700">
          <tr>
            <th scope="col" className="px-3 py-2 text-right">{t.rank}</th>
            <th scope="col" className="px-3 py-2 text-right">{t.rankChange}</th>
            <th scope="col" className="px-3 py-2">{t.unit}</th>
            <th scope="col" className="px-3 py-2 text-right">{t.total}</th>
            <th scope="col" className="px-3 py-2 text-right">{t.index}</th>
            <th scope="col" className="px-3 py-2">{t.band}</th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row) => (
            <tr key={row.unitCode} className="border-t border-slate-200">
              <td className="px-3 py-2 text-right font-semibold tabular-nums">{row.rank}</td>
              <td className="px-3 py-2 text-right tabular-nums">
                <RankChange change={row.rankChange} text={rankChangeText(row.rankChange, t)} />
              </td>
              <th scope="row" className="px-3 py-2 text-left font-normal">{row.unitName}</th>
              <td className="px-3 py-2 text-right tabular-nums">{formatDecimal(row.total, locale, 2)}</td>
              <td className="px-3 py-2 text-right font-medium tabular-nums">{formatDecimal(row.indexDisplay, locale, 2)}</td>
              <td className="px-3 py-2">
                <BandBadge label={row.band} level={row.bandLevel} count={table.bandCount} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
