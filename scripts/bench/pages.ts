/**
 * Public page figures for `npm run bench`: throughput and p95 latency of a league table page
 * against a static file of the same server (autocannon), first-load JavaScript as a phone's
 * browser downloads it, and Lighthouse mobile scores — all with Debian's Chromium.
 */
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import { chromium } from "@playwright/test";
import lighthouse from "lighthouse";
import * as chromeLauncher from "chrome-launcher";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export type Throughput = { requestsPerSecond: number; p95Ms: number; non2xx: number; errors: number };

/** 50 connections for 10 s (the setting); p95 from every response's own time. */
export async function measureThroughput(url: string, options: { connections?: number; durationS?: number } = {}): Promise<Throughput> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon({ url, connections: options.connections ?? 50, duration: options.durationS ?? 10 }, (error, done) =>
      error ? reject(error) : resolve(done),
    );
    instance.on("response", (_client, _status, _bytes, responseTime) => {
      times.push(responseTime);
    });
  });
  times.sort((a, b) => a - b);
  return {
    requestsPerSecond: result.requests.total / (result.duration || 1),
    p95Ms: times.length ? times[Math.min(times.length - 1, Math.ceil(times.length * 0.95) - 1)]! : Number.NaN,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Gzipped bytes of every script a fresh browser loads for the page (what "first-load JS" means). */
export async function firstLoadJavaScript(url: string): Promise<{ gzipBytes: number; files: number }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage();
    const scripts: Promise<number>[] = [];
    page.on("response", (response) => {
      if (response.request().resourceType() !== "script") return;
      scripts.push(response.body().then((body) => gzipSync(body, { level: 9 }).length, () => 0));
    });
    await page.goto(url, { waitUntil: "networkidle" });
    const sizes = await Promise.all(scripts);
    return { gzipBytes: sizes.reduce((sum, size) => sum + size, 0), files: sizes.length };
  } finally {
    await browser.close();
  }
}

/**
 * Lighthouse's default (mobile, simulated slow 4G) performance and accessibility scores, 0–100: the
 * median of three runs, as Lighthouse's own guidance asks, since one run varies by a few points.
 */
export async function lighthouseScores(url: string, runs = 3): Promise<{ performance: number; accessibility: number }> {
  const results: { performance: number; accessibility: number }[] = [];
  for (let run = 0; run < runs; run++) results.push(await lighthouseRun(url));
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { performance: median(results.map((r) => r.performance)), accessibility: median(results.map((r) => r.accessibility)) };
}

async function lighthouseRun(url: string): Promise<{ performance: number; accessibility: number }> {
  const chrome = await chromeLauncher.launch({
    chromePath: CHROMIUM_PATH,
    chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
  });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"] });
    const categories = result?.lhr.categories;
    if (!categories) throw new Error(`Lighthouse returned no result for ${url}`);
    const runtimeError = result.lhr.runtimeError;
    if (runtimeError) throw new Error(`Lighthouse could not audit ${url}: ${runtimeError.message}`);
    return {
      performance: Math.round((categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((categories.accessibility?.score ?? 0) * 100),
    };
  } finally {
    chrome.kill();
  }
}
