"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";

/**
 * Renders `children` once the slot comes near the viewport. A chart's library is then fetched only
 * by readers who scroll to it, instead of competing with the page's own scripts on a phone; the
 * slot keeps the chart's height meanwhile, so nothing below it jumps when it appears.
 */
export function RenderWhenVisible({ height, children }: { height: number; children: ReactNode }) {
  const slot = useRef<HTMLDivElement>(null);
  const [visible, setVisible] = useState(false);

  useEffect(() => {
    const element = slot.current;
    if (!element || visible) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setVisible(true);
          observer.disconnect();
        }
      },
      { rootMargin: "300px 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [visible]);

  return (
    <div ref={slot} style={{ minHeight: height }}>
      {visible ? children : null}
    </div>
  );
}
