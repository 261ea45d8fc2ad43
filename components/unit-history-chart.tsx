"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { seriesColour } from "./chart-colours";

/** One line: the unit itself, or a predecessor or successor unit (drawn dashed). */
export type HistoryChartSeries = { key: string; label: string; lineage: boolean };

/** A value as plotted (a number, for geometry only) and as written (formatted on the server). */
export type HistoryChartValue = { index: number; indexShown: string; rank: number; rankShown: string };

export type HistoryChartPoint = {
  periodCode: string;
  /** The x-axis label, e.g. "2024". */
  label: string;
  /** The period's full name, for the tooltip. */
  name: string;
  values: Record<string, HistoryChartValue>;
};

export type HistoryChartLabels = {
  indexTitle: string;
  rankTitle: string;
  /** The charts' accessible names. */
  indexChartName: string;
  rankChartName: string;
  breakMark: string;
  breakLegend: string;
  index: string;
  rank: string;
};

export type UnitHistoryChartProps = {
  series: HistoryChartSeries[];
  points: HistoryChartPoint[];
  /** Periods that cannot be compared directly with the one before them. */
  breakPeriods: string[];
  maxRank: number;
  labels: HistoryChartLabels;
  /** Height of each of the two charts in pixels. */
  chartHeight: number;
};

type Row = Record<string, string | number | undefined>;

/**
 * Index and rank of a unit over the periods, as two small line charts one above the other (two
 * y-axes in one chart do not fit a phone). The figures also stand in a table on the page; the
 * charts can be stepped through with the arrow keys (recharts' accessibility layer).
 */
export function UnitHistoryChart({ series, points, breakPeriods, maxRank, labels, chartHeight }: UnitHistoryChartProps) {
  const rows: Row[] = points.map((point) => {
    const row: Row = { periodCode: point.periodCode, label: point.label, name: point.name };
    for (const line of series) {
      const value = point.values[line.key];
      if (!value) continue;
      row[`index:${line.key}`] = value.index;
      row[`indexShown:${line.key}`] = value.indexShown;
      row[`rank:${line.key}`] = value.rank;
      row[`rankShown:${line.key}`] = value.rankShown;
    }
    return row;
  });
  const labelOf = new Map(points.map((point) => [point.periodCode, point.label]));
  const tickLabel = (code: string) => labelOf.get(code) ?? code;

  const chart = (metric: "index" | "rank") => (
    <ResponsiveContainer width="100%" height={chartHeight}>
      <LineChart
        data={rows}
        margin={{ top: 16, right: 16, bottom: 4, left: 0 }}
        title={metric === "index" ? labels.indexChartName : labels.rankChartName}
      >
        <CartesianGrid stroke="#cbd5e1" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="periodCode" tickFormatter={tickLabel} tick={{ fill: "#334155", fontSize: 12 }} stroke="#64748b" padding={{ left: 16, right: 16 }} />
        {metric === "index" ? (
          <YAxis
            width={40}
            allowDecimals={false}
            domain={[(low: number) => Math.max(0, Math.floor(low - 5)), (high: number) => Math.min(100, Math.ceil(high + 2))]}
            tick={{ fill: "#334155", fontSize: 12 }}
            stroke="#64748b"
          />
        ) : (
          <YAxis width={40} reversed allowDecimals={false} domain={[1, Math.max(1, maxRank)]} tick={{ fill: "#334155", fontSize: 12 }} stroke="#64748b" />
        )}
        {breakPeriods.map((code) => (
          <ReferenceLine
            key={code}
            x={code}
            stroke="#475569"
            strokeDasharray="4 3"
            label={{ value: labels.breakMark, position: "insideTopLeft", fill: "#0f172a", fontSize: 14 }}
          />
        ))}
        <Tooltip
          content={({ active, label }) => {
            if (!active || label === undefined) return null;
            const row = rows.find((candidate) => candidate.periodCode === label);
            if (!row) return null;
            return (
              <div className="max-w-64 rounded border border-slate-300 bg-white px-3 py-2 text-xs text-slate-900 shadow">
                <p className="font-semibold">{row.name}</p>
                <ul className="mt-1 space-y-0.5">
                  {series
                    .filter((line) => row[`${metric}Shown:${line.key}`] !== undefined)
                    .map((line) => (
                      <li key={line.key}>
                        {line.label}: {metric === "index" ? labels.index : labels.rank} {row[`${metric}Shown:${line.key}`]}
                      </li>
                    ))}
                </ul>
              </div>
            );
          }}
        />
        {series.map((line, position) => (
          <Line
            key={line.key}
            type="linear"
            dataKey={`${metric}:${line.key}`}
            name={line.label}
            stroke={seriesColour(position)}
            strokeWidth={line.lineage ? 2 : 3}
            strokeDasharray={line.lineage ? "6 4" : undefined}
            dot={{ r: 4, fill: seriesColour(position) }}
            activeDot={{ r: 6 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );

  return (
    <div className="space-y-4">
      {series.length > 1 ? (
        <ul className="flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-800">
          {series.map((line, position) => (
            <li key={line.key} className="flex items-center gap-2">
              <svg width="28" height="10" aria-hidden="true" focusable="false">
                <line
                  x1="0"
                  y1="5"
                  x2="28"
                  y2="5"
                  stroke={seriesColour(position)}
                  strokeWidth="3"
                  strokeDasharray={line.lineage ? "6 4" : undefined}
                />
              </svg>
              {line.label}
            </li>
          ))}
        </ul>
      ) : null}
      <div>
        <p className="text-sm font-medium text-slate-800">{labels.indexTitle}</p>
        {chart("index")}
      </div>
      <div>
        <p className="text-sm font-medium text-slate-800">{labels.rankTitle}</p>
        {chart("rank")}
      </div>
      {breakPeriods.length > 0 ? <p className="text-sm text-slate-700">{labels.breakLegend}</p> : null}
    </div>
  );
}
