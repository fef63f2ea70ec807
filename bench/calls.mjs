// Tallies the 2D-canvas calls and property sets of one widget draw (bench scenario, 760x426 @2x).
// Run after ./x bench:  node bench/calls.mjs
import { resolve } from "node:path";
import { readFileSync } from "node:fs";
import { chromium } from "playwright-core";
import { serve } from "../tests/e2e/harness.mjs";
const SITE = resolve(import.meta.dirname, "../bench-results/site");
const labels = JSON.parse(readFileSync(resolve(import.meta.dirname, "../js/i18n/en.json"), "utf8")).chart;
const server = await serve(SITE, () => ({}));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true, args: ["--no-sandbox", "--disable-gpu"] });
const page = await browser.newPage({ viewport: { width: 900, height: 700 }, deviceScaleFactor: 2 });
await page.goto(server.url + "/bench/widget.html");
await page.waitForFunction(() => window.__first, null, { timeout: 20000 });
const tally = await page.evaluate(async (labels) => {
  const api = await customElements.get("relief-timeline").api();
  const canvas = document.querySelector("relief-timeline").shadowRoot.querySelector("canvas");
  const counts = {};
  const P = CanvasRenderingContext2D.prototype;
  for (const k of Object.getOwnPropertyNames(P)) {
    const d = Object.getOwnPropertyDescriptor(P, k);
    if (typeof d.value === "function") {
      const f = d.value;
      P[k] = function (...a) { counts[k] = (counts[k] || 0) + 1; return f.apply(this, a); };
    } else if (d.set) {
      const set = d.set;
      Object.defineProperty(P, k, { ...d, set(v) { counts["set " + k] = (counts["set " + k] || 0) + 1; set.call(this, v); } });
    }
  }
  const scenario = { route: "ivInfusion", doseMgPerKg: 1.4, sessionHours: 4, sessions: 5, sessionIntervalDays: 1, condition: "crps", boosters: 3, boosterEveryDays: 42 };
  const chart = new api.Chart(scenario);
  chart.draw(canvas, 760, 426, 2, "light", new api.Words(labels));
  chart.free();
  return counts;
}, labels);
console.log(Object.entries(tally).sort((a, b) => b[1] - a[1]).map(([k, v]) => `${String(v).padStart(5)}  ${k}`).join("\n"));
console.log(`total ${Object.values(tally).reduce((a, b) => a + b, 0)}`);
await browser.close(); server.close();
