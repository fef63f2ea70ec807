// Chromium performance trace of the widget page's cold load, from the bundle's evaluation to the
// first complete chart (the first timelinechange): the main thread's time in that window by trace
// event (self time, nested events subtracted; thread time, which leaves out waits such as sync IPC
// and is less disturbed by other processes, and wall time) and by JS/wasm function (CPU profile
// samples), means of N loads; with --events, also the last load's events of 1 ms or more, in
// order. Tracing slows the page down (wasm code logging most). Run after ./x bench:
//   node bench/trace-first.mjs [N] [--events]
import { resolve } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "../tests/e2e/harness.mjs";
const SITE = resolve(import.meta.dirname, "../bench-results/site");
const server = await serve(SITE, () => ({ "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp", "Cache-Control": "no-store" }));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"] });
const N = Number(process.argv.find((a) => /^\d+$/.test(a)) || 3);
const cpuByEvent = new Map(), wallByEvent = new Map(), byFunction = new Map();
const add = (map, key, ms) => map.set(key, (map.get(key) || 0) + ms / N);
const windows = [];
let events = [];
for (let i = 0; i < N; i++) {
  const context = await browser.newContext({ viewport: { width: 900, height: 700 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  // A user-timing mark at the first chart, to find it in the trace.
  await page.addInitScript(() => document.addEventListener("timelinechange", () => performance.mark("first-chart"), { once: true }));
  await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.execute", "v8.wasm", "blink", "blink.user_timing", "disabled-by-default-v8.cpu_profiler"] });
  await page.goto(server.url + "/bench/widget.html", { waitUntil: "commit" });
  await page.waitForFunction(() => window.__first, null, { timeout: 20000, polling: 200 });
  const { traceEvents } = JSON.parse((await browser.stopTracing()).toString());
  await context.close();
  const threads = new Map();
  for (const e of traceEvents) if (e.name === "thread_name") threads.set(`${e.pid}:${e.tid}`, e.args.name);
  const start = traceEvents.find((e) => e.name === "EvaluateScript" && /relief-timeline\.js/.test(e.args?.data?.url || ""));
  const mark = traceEvents.find((e) => e.name === "first-chart");
  if (!start || !mark) throw new Error("no script evaluation or first-chart mark in the trace");
  const main = `${start.pid}:${start.tid}`;
  const t0 = start.ts, t1 = mark.ts;
  windows.push((t1 - t0) / 1000);
  // Self time (thread and wall time) of the complete events on the main thread within the window.
  const mine = traceEvents.filter((e) => e.ph === "X" && `${e.pid}:${e.tid}` === main && e.ts + e.dur > t0 && e.ts < t1).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const stack = [];
  const clip = (e) => (Math.min(e.ts + e.dur, t1) - Math.max(e.ts, t0)) / e.dur || 0;
  const self = new Map(mine.map((e) => [e, [clip(e) * (e.tdur ?? e.dur), clip(e) * e.dur]]));
  for (const e of mine) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) self.set(parent, self.get(parent).map((v, k) => v - self.get(e)[k]));
    stack.push(e);
  }
  for (const [e, [cpu, wall]] of self) {
    const key = e.name + (e.name === "EvaluateScript" || e.name === "FunctionCall" ? " " + (e.args?.data?.url || "").split("/").pop() : "");
    add(cpuByEvent, key, cpu / 1000);
    add(wallByEvent, key, wall / 1000);
  }
  // CPU profile samples of the main thread within the window.
  const profile = traceEvents.find((e) => e.name === "Profile" && `${e.pid}:${e.tid}` === main);
  const chunks = traceEvents.filter((e) => e.name === "ProfileChunk" && e.pid === profile.pid && e.id === profile.id);
  const nodes = new Map();
  let ts = profile.args.data.startTime;
  for (const c of chunks) {
    const d = c.args.data.cpuProfile || {};
    for (const n of d.nodes || []) nodes.set(n.id, n);
    (d.samples || []).forEach((id, k) => {
      const dt = c.args.data.timeDeltas[k];
      ts += dt;
      if (ts > t0 && ts <= t1) {
        const f = nodes.get(id).callFrame;
        add(byFunction, `${f.functionName || "(anonymous)"} ${f.url ? `${f.url.split("/").pop()}:${f.lineNumber + 1}:${f.columnNumber + 1}` : ""}`.trim(), dt / 1000);
      }
    });
  }
  events = mine.filter((e) => e.dur >= 1000).map((e) => `${((e.ts - t0) / 1000).toFixed(1).padStart(7)} +${(e.dur / 1000).toFixed(1).padStart(6)} ms  ${e.name} ${e.args?.data?.url?.split("/").pop() || e.args?.data?.functionName || ""}`);
}
await browser.close();
server.close();
const ms = (v) => `${v.toFixed(1).padStart(7)} ms`;
const top = (map, n, also) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${ms(v)}${also ? ms(also.get(k)) : ""}  ${k}`).join("\n");
console.log(`script evaluation to first chart: ${windows.map((w) => w.toFixed(1)).join(", ")} ms (traced, so slower)`);
console.log(`\nmain thread, self time by trace event (mean of ${N}): thread time, wall time, event\n${top(cpuByEvent, 25, wallByEvent)}`);
console.log(`\nmain thread, CPU profile samples by function (mean of ${N}):\n${top(byFunction, 30)}`);
if (process.argv.includes("--events")) console.log(`\nthe last load's events of 1 ms or more, from the script's evaluation:\n${events.join("\n")}`);
