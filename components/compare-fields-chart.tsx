"use client";

import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { seriesColour } from "./chart-colours";

export type CompareChartUnit = { key: string; label: string };

/** A field's share of its applicable maximum per unit: a number for geometry, the text as written. */
export type CompareChartField = {
  code: string;
  name: string;
  values: Record<string, { share: number | null; shown: string }>;
};

export type CompareFieldsChartProps = {
  units: CompareChartUnit[];
  fields: CompareChartField[];
  labels: { chartName: string };
  /** Height of one field's group of bars in pixels. */
  rowHeight: number;
};

type Row = Record<string, string | number | null>;

/**
 * Fields down the side and one horizontal bar per unit, so that up to 4 units × 8 fields still fit
 * a phone's width. Bars show the share of the field's applicable maximum, the only measure that
 * compares fields worth 3 and 31,5 points, or a unit with criteria not assessed.
 */
export function CompareFieldsChart({ units, fields, labels, rowHeight }: CompareFieldsChartProps) {
  const rows: Row[] = fields.map((field) => {
    const row: Row = { code: field.code, name: field.name };
    for (const unit of units) {
      const value = field.values[unit.key];
      row[`share:${unit.key}`] = value?.share ?? null;
      row[`shown:${unit.key}`] = value?.shown ?? null;
    }
    return row;
  });

  return (
    <ResponsiveContainer width="100%" height={fields.length * rowHeight + 40}>
      <BarChart data={rows} layout="vertical" margin={{ top: 4, right: 16, bottom: 4, left: 0 }} barGap={1} title={labels.chartName}>
        <CartesianGrid stroke="#cbd5e1" strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} tick={{ fill: "#334155", fontSize: 12 }} stroke="#64748b" unit="%" />
        <YAxis type="category" dataKey="code" width={36} tick={{ fill: "#334155", fontSize: 12 }} stroke="#64748b" />
        <Tooltip
          cursor={{ fill: "#f1f5f9" }}
          content={({ active, label }) => {
            if (!active || label === undefined) return null;
            const row = rows.find((candidate) => candidate.code === label);
            if (!row) return null;
            return (
              <div className="max-w-72 rounded border border-slate-300 bg-white px-3 py-2 text-xs text-slate-900 shadow">
                <p className="font-semibold">
                  {row.code}. {row.name}
                </p>
                <ul className="mt-1 space-y-0.5">
                  {units.map((unit) => (
                    <li key={unit.key}>
                      {unit.label}: {row[`shown:${unit.key}`]}
                    </li>
                  ))}
                </ul>
              </div>
            );
          }}
        />
        {units.map((unit, position) => (
          <Bar key={unit.key} dataKey={`share:${unit.key}`} name={unit.label} fill={seriesColour(position)} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}
