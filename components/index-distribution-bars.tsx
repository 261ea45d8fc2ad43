"use client";

import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { seriesColour } from "./chart-colours";

/** One bin as drawn: its range written out on the server ("60 – dưới 65") and its count. */
export type DistributionBar = { label: string; rangeShown: string; count: number };

export type IndexDistributionBarsProps = {
  bars: DistributionBar[];
  labels: { chartName: string; unitCount: string; axis: string };
  height: number;
};

/**
 * Units per index range as upright bars with their counts on top. The counts are whole numbers, so
 * this is the one chart whose figures need no formatting; the bins' names come from the server in
 * the reader's language.
 */
export function IndexDistributionBars({ bars, labels, height }: IndexDistributionBarsProps) {
  return (
    <ResponsiveContainer width="100%" height={height}>
      <BarChart data={bars} margin={{ top: 20, right: 8, bottom: 16, left: 0 }} title={labels.chartName}>
        <CartesianGrid stroke="#cbd5e1" strokeDasharray="3 3" vertical={false} />
        <XAxis
          dataKey="label"
          tick={{ fill: "#334155", fontSize: 12 }}
          stroke="#64748b"
          label={{ value: labels.axis, position: "insideBottom", offset: -12, fill: "#334155", fontSize: 12 }}
        />
        <YAxis width={32} allowDecimals={false} tick={{ fill: "#334155", fontSize: 12 }} stroke="#64748b" />
        <Tooltip
          cursor={{ fill: "#f1f5f9" }}
          content={({ active, payload }) => {
            const bar = active ? (payload?.[0]?.payload as DistributionBar | undefined) : undefined;
            if (!bar) return null;
            return (
              <div className="rounded border border-slate-300 bg-white px-3 py-2 text-xs text-slate-900 shadow">
                <p className="font-semibold">{bar.rangeShown}</p>
                <p>
                  {labels.unitCount}: {bar.count}
                </p>
              </div>
            );
          }}
        />
        <Bar dataKey="count" name={labels.unitCount} fill={seriesColour(0)} maxBarSize={56} isAnimationActive={false}>
          <LabelList dataKey="count" position="top" fill="#0f172a" fontSize={12} fontWeight={600} />
        </Bar>
      </BarChart>
    </ResponsiveContainer>
  );
}
