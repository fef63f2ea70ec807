// In the browser: one estimate from JS split into its parts, per call (medians of 11 batches of
// the bench's 200 scenario changes): `new Chart(s)` (scenario in + estimate), `chart.timeline()`
// (the timeline serialised to a JS object), `api.estimate(s)` (both), `chart.summary()`.
// Run after ./x bench:  node bench/estimate-split.mjs
import { resolve } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "../tests/e2e/harness.mjs";
const SITE = resolve(import.meta.dirname, "../bench-results/site");
const server = await serve(SITE, () => ({}));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage();
await page.goto(server.url + "/bench/widget.html");
await page.waitForFunction(() => window.__first, null, { timeout: 20000 });
const out = await page.evaluate(async () => {
  const api = await customElements.get("relief-timeline").api();
  const scenarios = (await (await fetch("data/scenarios.json")).json()).slice(20);
  const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
  const time = (f) => {
    const runs = [];
    for (let r = 0; r < 11; r++) {
      const t0 = performance.now();
      scenarios.forEach(f);
      runs.push(((performance.now() - t0) / scenarios.length) * 1000);
    }
    return median(runs);
  };
  const charts = scenarios.map((s) => new api.Chart(s));
  const words = new api.Words();
  const res = {
    "new Chart(s), then free": time((s) => new api.Chart(s).free()),
    "chart.timeline()": time((s, i) => charts[i].timeline()),
    "api.estimate(s)": time((s) => api.estimate(s)),
    "chart.summary(words)": time((s, i) => charts[i].summary(words)),
  };
  charts.forEach((c) => c.free());
  return res;
});
for (const [k, v] of Object.entries(out)) console.log(`${v.toFixed(1).padStart(7)} µs  ${k}`);
await browser.close(); server.close();
