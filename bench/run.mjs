// The widget against Chart.js 4 and a hand-written 2D-canvas floor, in one headless Chromium
// session: the same chart (same timeline, band, phase shading, labels) at the same size
// (760x426 CSS px, devicePixelRatio 2). `./x bench` builds the release bundle first; on its own:
//   ./x build && node bench/run.mjs
// Writes bench-results/latest.md and bench-results/latest.json (git-ignored) and prints the table.
//
// Pages: www/bench/{widget,chartjs,floor}.html, staged with their files under bench-results/site/
// and served from 127.0.0.1 (cross-origin isolated, for 5 µs performance.now()). The timelines for
// (b) and (c) are estimated ONCE here, by the widget's own wasm, and served to them as data files
// (data/first.js, data/changes.json): Chart.js and the floor never pay for the wasm. Data files are
// counted apart from the page's bytes for every page.
import { execFileSync } from "node:child_process";
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { serve } from "../tests/e2e/harness.mjs";
import { CATEGORIES, markFirstChart, scriptToChart } from "./trace.mjs";

const ROOT = resolve(import.meta.dirname, "..");
const OUT = resolve(ROOT, "bench-results");
const SITE = resolve(OUT, "site");
const LOADS = 9; // cold loads per page: first-chart time is their median
const CHANGES = 200; // scenario changes timed per page
const WARMUP = 20; // untimed changes first (JIT, caches)
const W = 760, H = 426, DPR = 2;
const REPEAT = 10; // estimates per benchEstimate call, for "one estimate in wasm"

const bundle = resolve(ROOT, "dist/relief-timeline.js");
// The same build with `benchEstimate` compiled in (./x bench builds it), for "one estimate in wasm".
const benchBundle = resolve(ROOT, "target/bench/dist/relief-timeline.js");
const chartUmd = resolve(ROOT, "node_modules/chart.js/dist/chart.umd.js");
if (!existsSync(bundle)) throw new Error("dist/relief-timeline.js is missing: run ./x build (or ./x bench)");
if (!existsSync(benchBundle)) throw new Error("target/bench/dist/relief-timeline.js is missing: run ./x bench");
if (!existsSync(chartUmd)) throw new Error("node_modules/chart.js is missing: run npm ci");

// --- Stage the site: www/bench pages + the one-file bundle + Chart.js + data.
rmSync(SITE, { recursive: true, force: true });
mkdirSync(resolve(SITE, "bench/data"), { recursive: true });
mkdirSync(resolve(SITE, "dist"), { recursive: true });
cpSync(resolve(ROOT, "www/bench"), resolve(SITE, "bench"), { recursive: true });
copyFileSync(bundle, resolve(SITE, "dist/relief-timeline.js"));
mkdirSync(resolve(SITE, "bench-build"), { recursive: true });
copyFileSync(benchBundle, resolve(SITE, "bench-build/relief-timeline.js"));
copyFileSync(chartUmd, resolve(SITE, "bench/chart.umd.js"));

// The page's scenario (www/bench/widget.html) and 200 changes of it, as a reader with the controls
// would make them: dose, sessions, condition, boosters.
const BASE = { route: "ivInfusion", doseMgPerKg: 1.4, sessionHours: 4, sessions: 5, sessionIntervalDays: 1, condition: "crps", boosters: 3, boosterEveryDays: 42 };
const CONDITIONS = ["crps", "fibromyalgia", "neuropathic", "mixedChronic"];
const scenarios = Array.from({ length: WARMUP + CHANGES }, (_, i) => ({
  ...BASE,
  doseMgPerKg: Math.round((0.3 + (i % 12) * 0.1) * 100) / 100,
  sessions: 1 + (i % 6),
  condition: CONDITIONS[(i >> 1) % 4],
  boosters: i % 4,
}));
const chartLabels = JSON.parse(readFileSync(resolve(ROOT, "js/i18n/en.json"), "utf8")).chart;

const server = await serve(SITE, () => ({
  "Cross-Origin-Opener-Policy": "same-origin",
  "Cross-Origin-Embedder-Policy": "require-corp",
  "Cache-Control": "no-store",
}));
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
    "--enable-precise-memory-info", "--js-flags=--expose-gc"],
  headless: true,
});

async function openPage() {
  const context = await browser.newContext({ viewport: { width: 900, height: 700 }, deviceScaleFactor: DPR });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(e.message));
  const responses = [];
  page.on("response", (r) => responses.push(r));
  page.on("request", (r) => {
    if (!r.url().startsWith(server.url)) problems.push(`request to another origin: ${r.url()}`);
  });
  page.problems = problems;
  page.responses = responses;
  return { context, page };
}

const check = (page, what) => {
  if (page.problems.length) throw new Error(`${what}: ${page.problems.join("; ")}`);
};

// --- 1. Timelines from the widget's own wasm, once: the first one and the 220 changes.
const TRIM = (t) => ({
  horizonDays: t.horizonDays,
  relief: t.relief,
  phases: Object.fromEntries(Object.entries(t.phases).map(([k, p]) => [k, { probability: p.probability, startDays: p.startDays, endDays: p.endDays }])),
  doses: t.doses,
  sideEffectWindows: t.sideEffectWindows,
});
{
  const { context, page } = await openPage();
  await page.goto(server.url + "/bench/widget.html");
  await page.waitForFunction(() => window.__first, null, { timeout: 20000 });
  const { first, changes, crossOriginIsolated } = await page.evaluate(([base, scenarios]) => customElements.get("relief-timeline").api().then((api) => ({
    first: api.estimate(base),
    changes: scenarios.map((s) => api.estimate(s)),
    crossOriginIsolated: window.crossOriginIsolated,
  })), [BASE, scenarios]);
  // The page's own first timeline must be the one the widget drew from its attributes.
  const drawn = await page.evaluate(() => document.querySelector("relief-timeline").timeline);
  if (JSON.stringify(drawn.relief) !== JSON.stringify(first.relief)) throw new Error("BASE differs from widget.html's attributes");
  if (!crossOriginIsolated) throw new Error("the bench pages are not cross-origin isolated");
  check(page, "widget (data)");
  writeFileSync(resolve(SITE, "bench/data/first.js"), `window.BENCH_TIMELINE = ${JSON.stringify(TRIM(first))};\n`);
  writeFileSync(resolve(SITE, "bench/data/changes.json"), JSON.stringify(changes.map(TRIM)));
  writeFileSync(resolve(SITE, "bench/data/scenarios.json"), JSON.stringify(scenarios));
  await context.close();
}

// --- 2. Cold loads: bytes and first complete chart. Pages interleaved so load noise spreads evenly.
const PAGES = [
  { key: "widget", name: "(a) relief-timeline", path: "/bench/widget.html" },
  { key: "chartjs", name: "(b) Chart.js 4", path: "/bench/chartjs.html" },
  { key: "floor", name: "(c) bare canvas (floor)", path: "/bench/floor.html" },
];
const results = Object.fromEntries(PAGES.map((p) => [p.key, { name: p.name, loads: [] }]));
const isData = (url) => new URL(url).pathname.startsWith("/bench/data/");
for (let round = 0; round < LOADS; round++) {
  for (const p of PAGES) {
    const { context, page } = await openPage();
    // Traced (light categories), for the time from the script's start.
    await page.addInitScript(markFirstChart);
    await browser.startTracing(page, { categories: CATEGORIES });
    await page.goto(server.url + p.path);
    await page.waitForFunction(() => window.__first, null, { timeout: 20000 });
    const trace = scriptToChart(JSON.parse((await browser.stopTracing()).toString()).traceEvents);
    const t = await page.evaluate(() => {
      const scripts = performance.getEntriesByType("resource").filter((e) => e.initiatorType === "script");
      const nav = performance.getEntriesByType("navigation")[0];
      return {
        first: window.__first,
        scriptsLoaded: Math.max(nav.responseEnd, ...scripts.map((e) => e.responseEnd)),
        // The canvas is complete: wait one more frame, then check it has ink.
      };
    });
    check(page, p.name);
    const r = results[p.key];
    r.loads.push({ firstChartMs: t.first, afterScriptsMs: t.first - t.scriptsLoaded, afterScriptStartMs: trace.wall, mainThreadCpuMs: trace.cpu });
    if (round === 0) {
      // Bytes of every response (bodies as served; gzip -9 of each), data files apart.
      const files = [];
      for (const resp of page.responses) {
        const body = await resp.body().catch(() => Buffer.alloc(0));
        files.push({ url: new URL(resp.url()).pathname, raw: body.length, gzip: gzipSync(body, { level: 9 }).length, data: isData(resp.url()) });
      }
      r.files = files;
      const sum = (xs, k) => xs.reduce((a, f) => a + f[k], 0);
      const page_ = files.filter((f) => !f.data), data = files.filter((f) => f.data);
      r.bytes = { raw: sum(page_, "raw"), gzip: sum(page_, "gzip"), dataRaw: sum(data, "raw"), dataGzip: sum(data, "gzip"), requests: files.length };
      const canvas = p.key === "widget" ? page.locator("relief-timeline .chart canvas") : page.locator("#chart");
      await canvas.screenshot({ path: resolve(OUT, `${p.key}.png`) });
    }
    await context.close();
  }
}

// --- 3. Re-renders: 200 scenario changes per page, after 20 untimed ones; then the heap.
const stats = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const q = (f) => (s.length ? s[Math.min(s.length - 1, Math.floor(f * s.length))] : NaN);
  return { median: q(0.5), p95: q(0.95), min: s[0], max: s[s.length - 1], n: s.length };
};
for (const p of PAGES) {
  const { context, page } = await openPage();
  await page.goto(server.url + p.path);
  await page.waitForFunction(() => window.__first, null, { timeout: 20000 });
  const out = await page.evaluate(async ([key, W, H, DPR, WARMUP, labels]) => {
    const heap = () => (gc(), performance.memory.usedJSHeapSize);
    // Chromium records 2D canvas calls and rasterises them later: reading one pixel back forces
    // the pixels to be complete, so `times` is draw + rasterise; `calls` is the calls alone.
    const runs = { times: [], drawOnly: [], calls: [], callsDrawOnly: [] };
    let est = null;
    if (key === "widget") {
      const scenarios = await (await fetch("data/scenarios.json")).json();
      const api = await customElements.get("relief-timeline").api();
      // Draws on the widget's own canvas, as its scenario change does: estimate + draw.
      const canvas = document.querySelector("relief-timeline").shadowRoot.querySelector("canvas");
      const ctx = canvas.getContext("2d");
      // The words cross once, as the widget's do (per language, not per draw).
      const words = new api.Words(labels);
      for (const flush of [false, true]) {
        scenarios.forEach((s, i) => {
          const t0 = performance.now();
          const chart = new api.Chart(s);
          const t1 = performance.now();
          chart.draw(canvas, W, H, DPR, "light", words);
          if (flush) ctx.getImageData(0, 0, 1, 1);
          const t2 = performance.now();
          chart.free();
          if (i >= WARMUP) runs[flush ? "times" : "calls"].push(t2 - t0), runs[flush ? "drawOnly" : "callsDrawOnly"].push(t2 - t1);
        });
      }
      // One estimate from JS (scenario object in, timeline object out): batches of 200, per call.
      est = [];
      for (let round = 0; round < 11; round++) {
        const t0 = performance.now();
        for (let i = WARMUP; i < scenarios.length; i++) api.estimate(scenarios[i]);
        est.push((performance.now() - t0) / (scenarios.length - WARMUP));
      }
    } else {
      const timelines = await (await fetch("data/changes.json")).json();
      const ctx = document.getElementById("chart").getContext("2d");
      for (const flush of [false, true]) {
        timelines.forEach((t, i) => {
          const t0 = performance.now();
          window.benchDraw(t);
          if (flush) ctx.getImageData(0, 0, 1, 1);
          if (i >= WARMUP) runs[flush ? "times" : "calls"].push(performance.now() - t0);
        });
      }
    }
    const api = key === "widget" ? await customElements.get("relief-timeline").api() : null;
    return { ...runs, est, heap: heap(), wasmMemory: api ? api.memoryBytes() : null };
  }, [p.key, W, H, DPR, WARMUP, chartLabels]);
  check(page, p.name);
  const r = results[p.key];
  r.rerender = stats(out.times);
  r.rerenderCalls = stats(out.calls);
  r.drawOnly = p.key === "widget" ? stats(out.drawOnly) : r.rerender;
  r.drawOnlyCalls = p.key === "widget" ? stats(out.callsDrawOnly) : r.rerenderCalls;
  if (out.est) r.estimateUs = stats(out.est.map((x) => x * 1000));
  r.jsHeap = out.heap;
  r.wasmMemory = out.wasmMemory;
  await context.close();
}

// --- 3b. One estimate in wasm: the bench build's `benchEstimate` runs the estimator REPEAT times
// on a scenario read once, for each of the changes; per estimate, medians of 11 batches.
{
  const { context, page } = await openPage();
  await page.goto(server.url + "/bench/estimate.html");
  const batches = await page.evaluate(async ([REPEAT, WARMUP]) => {
    const api = await customElements.get("relief-timeline").api();
    const scenarios = await (await fetch("data/scenarios.json")).json();
    for (let i = 0; i < WARMUP; i++) api.benchEstimate(scenarios[i], REPEAT);
    const out = [];
    for (let round = 0; round < 11; round++) {
      const t0 = performance.now();
      for (let i = WARMUP; i < scenarios.length; i++) api.benchEstimate(scenarios[i], REPEAT);
      out.push((performance.now() - t0) / ((scenarios.length - WARMUP) * REPEAT));
    }
    return out;
  }, [REPEAT, WARMUP]);
  check(page, "estimate in wasm");
  results.widget.estimateInWasmUs = stats(batches.map((x) => x * 1000));
  await context.close();
}
const chromiumVersion = browser.version();
await browser.close();
server.close();

// --- 4. Report.
for (const r of Object.values(results)) {
  r.firstChart = stats(r.loads.map((l) => l.firstChartMs));
  r.afterScripts = stats(r.loads.map((l) => l.afterScriptsMs));
  r.afterScriptStart = stats(r.loads.map((l) => l.afterScriptStartMs).filter(Number.isFinite));
  r.mainThreadCpu = stats(r.loads.map((l) => l.mainThreadCpuMs).filter(Number.isFinite));
}
const cpuModel = (readFileSync("/proc/cpuinfo", "utf8").match(/^model name\s*:\s*(.*)$/m) || [, cpus()[0]?.model || "?"])[1].trim();
let nproc = String(cpus().length);
try { nproc = execFileSync("nproc").toString().trim(); } catch {}
const date = new Date().toISOString().slice(0, 10);
const machine = `${nproc} cores, ${cpuModel}, headless Chromium ${chromiumVersion}`;
const { widget: a, chartjs: b, floor: c } = results;

const kib = (n) => (n / 1024).toFixed(1) + " KiB";
const ms = (x) => (!Number.isFinite(x) ? "–" : (x < 1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x.toFixed(1)) + " ms");
const mib = (n) => (n / 1048576).toFixed(2) + " MiB";
const ratio = (x, y) => (x == null || y == null || !y ? "–" : (x / y < 10 ? (x / y).toFixed(2) : (x / y).toFixed(0)) + "×");
const rows = [
  ["bytes transferred, raw", a.bytes.raw, b.bytes.raw, c.bytes.raw, kib],
  ["bytes transferred, gzip -9", a.bytes.gzip, b.bytes.gzip, c.bytes.gzip, kib],
  [`first complete chart, from navigation start (median of ${LOADS} cold loads)`, a.firstChart.median, b.firstChart.median, c.firstChart.median, ms],
  ["first complete chart, after the scripts are loaded", a.afterScripts.median, b.afterScripts.median, c.afterScripts.median, ms],
  ["first complete chart, after the first script starts", a.afterScriptStart.median, b.afterScriptStart.median, c.afterScriptStart.median, ms],
  ["main-thread CPU from the first script's start to the chart", a.mainThreadCpu.median, b.mainThreadCpu.median, c.mainThreadCpu.median, ms],
  ["re-render, median (a: estimate + draw)", a.rerender.median, b.rerender.median, c.rerender.median, ms],
  ["re-render, 95th percentile (a: estimate + draw)", a.rerender.p95, b.rerender.p95, c.rerender.p95, ms],
  ["re-render, median, draw only (timeline given)", a.drawOnly.median, b.drawOnly.median, c.drawOnly.median, ms],
  ["re-render, 95th percentile, draw only", a.drawOnly.p95, b.drawOnly.p95, c.drawOnly.p95, ms],
  ["re-render, median, canvas calls only, not rasterised (a: estimate + draw)", a.rerenderCalls.median, b.rerenderCalls.median, c.rerenderCalls.median, ms],
  ["JS heap after the run (usedJSHeapSize, after GC)", a.jsHeap, b.jsHeap, c.jsHeap, mib],
];
const md = [
  `Measured ${date} on ${machine}, by \`./x bench\`.`,
  "",
  "| | (a) relief-timeline | (b) Chart.js 4.6 | (c) bare canvas (floor) | (a) / (b) | (a) / (c) |",
  "|---|---:|---:|---:|---:|---:|",
  ...rows.map(([label, x, y, z, f]) => `| ${label} | ${f(x)} | ${f(y)} | ${f(z)} | ${ratio(x, y)} | ${ratio(x, z)} |`),
  `| wasm memory after the run (linear memory size) | ${a.wasmMemory == null ? "not reachable" : mib(a.wasmMemory)} | – | – | | |`,
  `| one \`estimate\` in wasm: the estimator alone (median of 11 batches of ${CHANGES} × ${REPEAT}) | ${a.estimateInWasmUs.median.toFixed(1)} µs | – | – | | |`,
  `| one \`estimate\` from JS: scenario object in, timeline object out (median of 11 batches of ${CHANGES}) | ${a.estimateUs.median.toFixed(1)} µs | – | – | | |`,
  "",
  `Chart 760×426 CSS px at devicePixelRatio 2, one scenario (www/bench/widget.html) then ${CHANGES} scenario changes after ${WARMUP} untimed ones. ` +
    `Bytes: every response of a cold load (html + scripts), served uncompressed; gzip is of each file at level 9. ` +
    `Cold loads are traced (script evaluation and tasks only): a script's start is its EvaluateScript event, the first script being (a)'s bundle and (b)'s and (c)'s data file; the first chart is when the page has drawn it (for (a), the first timelinechange event). ` +
    `(b) and (c) draw timelines estimated beforehand by the widget's wasm and served as data files, counted apart and left out of every column above: ` +
    `first timeline ${kib(b.bytes.dataRaw)} (${kib(b.bytes.dataGzip)} gzip). ` +
    `(a)'s re-render is \`new Chart(scenario)\` + \`draw\` on the widget's canvas; its draw-only rows leave the estimate out, like (b) and (c). ` +
    `Re-render times include rasterising (a 1-pixel \`getImageData\` forces Chromium to finish the pixels), except the row that says not. ` +
    `usedJSHeapSize does not include the wasm linear memory, reported on its own row. ` +
    `"In wasm" is the estimator alone, timed on a build that also exports \`benchEstimate\` (www/bench/estimate.html); "from JS" adds reading the scenario object and building the timeline object.`,
];
const table = md.join("\n") + "\n";
mkdirSync(OUT, { recursive: true });
writeFileSync(resolve(OUT, "latest.md"), table);
writeFileSync(resolve(OUT, "latest.json"), JSON.stringify({ date, machine, nproc: Number(nproc), cpuModel, chromium: chromiumVersion, size: { width: W, height: H, devicePixelRatio: DPR }, changes: CHANGES, warmup: WARMUP, loads: LOADS, results }, null, 2) + "\n");
console.log(table);
console.log(`wrote ${OUT}/latest.md, latest.json and the three charts as widget.png, chartjs.png, floor.png`);
