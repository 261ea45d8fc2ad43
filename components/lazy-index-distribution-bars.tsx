"use client";

import dynamic from "next/dynamic";
import { RenderWhenVisible } from "./render-when-visible";
import type { IndexDistributionBarsProps } from "./index-distribution-bars";

const CHART_HEIGHT = 220;

// recharts is fetched in its own chunk, after the league table is usable and only when the chart is near.
const IndexDistributionBars = dynamic(() => import("./index-distribution-bars").then((module) => module.IndexDistributionBars), {
  ssr: false,
});

/** The distribution chart, loaded on demand; the space it takes is kept from the start. */
export function LazyIndexDistributionBars(props: Omit<IndexDistributionBarsProps, "height">) {
  return (
    <RenderWhenVisible height={CHART_HEIGHT}>
      <IndexDistributionBars {...props} height={CHART_HEIGHT} />
    </RenderWhenVisible>
  );
}
