"use client";

import dynamic from "next/dynamic";
import { RenderWhenVisible } from "./render-when-visible";
import type { CompareFieldsChartProps } from "./compare-fields-chart";

// recharts is fetched in its own chunk, after the page is usable and only when the chart is near.
const CompareFieldsChart = dynamic(() => import("./compare-fields-chart").then((module) => module.CompareFieldsChart), { ssr: false });

/** The compare chart, loaded on demand; the space it takes is kept from the start. */
export function LazyCompareFieldsChart(props: Omit<CompareFieldsChartProps, "rowHeight">) {
  // Each unit's bar about 12 px and a gap between the fields' groups.
  const rowHeight = props.units.length * 12 + 20;
  return (
    <RenderWhenVisible height={props.fields.length * rowHeight + 40}>
      <CompareFieldsChart {...props} rowHeight={rowHeight} />
    </RenderWhenVisible>
  );
}
