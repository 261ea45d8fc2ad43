"use client";

import dynamic from "next/dynamic";
import { RenderWhenVisible } from "./render-when-visible";
import type { UnitHistoryChartProps } from "./unit-history-chart";

const CHART_HEIGHT = 200;

// recharts is fetched in its own chunk, after the page is usable and only when the chart is near.
const UnitHistoryChart = dynamic(() => import("./unit-history-chart").then((module) => module.UnitHistoryChart), { ssr: false });

/** The history charts, loaded on demand; the space they take is kept from the start. */
export function LazyUnitHistoryChart(props: Omit<UnitHistoryChartProps, "chartHeight">) {
  // Two charts with their titles, plus the legend and the note when they are shown.
  const height = 2 * (CHART_HEIGHT + 20) + 16 + (props.series.length > 1 ? 44 : 0) + (props.breakPeriods.length > 0 ? 40 : 0);
  return (
    <RenderWhenVisible height={height}>
      <UnitHistoryChart {...props} chartHeight={CHART_HEIGHT} />
    </RenderWhenVisible>
  );
}
