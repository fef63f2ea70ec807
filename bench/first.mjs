// First complete chart of the widget page (bench (a)) for one or more one-file bundles, and of the
// floor page (c), in interleaved cold loads, for before/after comparisons on a noisy machine:
// medians of the first chart after the scripts are loaded (as ./x bench reports it) and from
// navigation start, and of the main thread's CPU time from the first script to the chart (from a
// trace: thread time, much less disturbed by other processes than the wall clock). Run after
// ./x bench (which stages bench-results/site):
//   node bench/first.mjs [--loads N] [BUNDLE.js ...]      (default: dist/relief-timeline.js)
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { basename, resolve } from "node:path";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { serve } from "../tests/e2e/harness.mjs";
import { CATEGORIES, markFirstChart, scriptToChart } from "./trace.mjs";

const ROOT = resolve(import.meta.dirname, "..");
const SITE = resolve(ROOT, "bench-results/site");
const { values, positionals } = parseArgs({ options: { loads: { type: "string", default: "15" } }, allowPositionals: true });
const bundles = positionals.length ? positionals : [resolve(ROOT, "dist/relief-timeline.js")];
// Each bundle gets its own copy of widget.html, pointing at it.
const widget = readFileSync(resolve(SITE, "bench/widget.html"), "utf8");
const pages = bundles.map((file, i) => {
  copyFileSync(file, resolve(SITE, `dist/variant-${i}.js`));
  writeFileSync(resolve(SITE, `bench/variant-${i}.html`), widget.replace("../dist/relief-timeline.js", `../dist/variant-${i}.js`));
  return { name: `${i}: ${basename(file)}`, path: `/bench/variant-${i}.html`, loads: [] };
});
pages.push({ name: "floor", path: "/bench/floor.html", loads: [] });

const server = await serve(SITE, () => ({ "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp", "Cache-Control": "no-store" }));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"] });
// Polls with bare CDP evaluations, which add no script to the page (Playwright's waitForFunction
// injects its own).
const READ = `window.__first && (() => {
  const s = performance.getEntriesByType("resource").filter((e) => e.initiatorType === "script");
  const nav = performance.getEntriesByType("navigation")[0];
  return JSON.stringify({ first: window.__first, loaded: Math.max(nav.responseEnd, ...s.map((e) => e.responseEnd)) });
})()`;
for (let round = 0; round < Number(values.loads); round++) {
  for (const p of pages) {
    const context = await browser.newContext({ viewport: { width: 900, height: 700 }, deviceScaleFactor: 2 });
    const page = await context.newPage();
    await page.addInitScript(markFirstChart);
    const cdp = await context.newCDPSession(page);
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(server.url + p.path, { waitUntil: "commit" });
    let r;
    for (let i = 0; i < 400 && !r; i++) {
      await new Promise((ok) => setTimeout(ok, 50));
      const { result } = await cdp.send("Runtime.evaluate", { expression: READ });
      if (typeof result.value === "string") r = JSON.parse(result.value);
    }
    if (!r) throw new Error(`${p.name}: no chart`);
    const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
    const { wall, cpu } = scriptToChart(traceEvents);
    p.loads.push({ after: r.first - r.loaded, nav: r.first, cpu, started: wall });
    await context.close();
  }
}
await browser.close();
server.close();
const median = (xs) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};
const ms = (x) => (Number.isFinite(x) ? x.toFixed(1).padStart(6) + " ms" : "     – ms");
console.log(`median of ${values.loads} cold loads: first chart after the scripts are loaded (min..max) | from navigation start | from the first script's start | main-thread CPU from the first script to the chart`);
for (const p of pages) {
  const after = p.loads.map((l) => l.after);
  console.log(`${ms(median(after))} (${Math.min(...after).toFixed(0)}..${Math.max(...after).toFixed(0)}) | ${ms(median(p.loads.map((l) => l.nav)))} | ${ms(median(p.loads.map((l) => l.started)))} | ${ms(median(p.loads.map((l) => l.cpu)))}  ${p.name}`);
}
