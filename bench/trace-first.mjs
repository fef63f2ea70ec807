// Chromium performance trace of the widget page's cold load: the main thread's events of 1 ms or
// more, in order, from navigation to the first complete chart. Run after ./x bench:
//   node bench/trace-first.mjs
import { resolve } from "node:path";
import { chromium } from "playwright-core";
import { serve } from "../tests/e2e/harness.mjs";
const SITE = resolve(import.meta.dirname, "../bench-results/site");
const server = await serve(SITE, () => ({ "Cross-Origin-Opener-Policy": "same-origin", "Cross-Origin-Embedder-Policy": "require-corp", "Cache-Control": "no-store" }));
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", headless: true,
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"] });
const context = await browser.newContext({ viewport: { width: 900, height: 700 }, deviceScaleFactor: 2 });
const page = await context.newPage();
await browser.startTracing(page, { categories: ["devtools.timeline", "v8", "v8.wasm", "blink", "disabled-by-default-devtools.timeline"] });
await page.goto(server.url + "/bench/widget.html");
await page.waitForFunction(() => window.__first, null, { timeout: 20000 });
const buf = await browser.stopTracing();
const { traceEvents } = JSON.parse(buf.toString());
const threads = new Map();
for (const e of traceEvents) if (e.name === "thread_name") threads.set(`${e.pid}:${e.tid}`, e.args.name);
const nav = traceEvents.find((e) => e.name === "navigationStart" || e.name === "MarkDOMContent");
const min = Number(process.argv[2] || 1);
const main = traceEvents.filter((e) => e.ph === "X" && e.dur >= min * 1000 && /CrRendererMain|V8 Worker|ThreadPool/.test(threads.get(`${e.pid}:${e.tid}`) || ""));
const t0 = Math.min(...main.map((e) => e.ts));
for (const e of main.sort((a, b) => a.ts - b.ts)) {
  const th = threads.get(`${e.pid}:${e.tid}`).replace("CrRendererMain", "main");
  const extra = e.args?.data?.url ? " " + e.args.data.url.split("/").pop() : e.args?.data?.functionName ? " " + e.args.data.functionName : "";
  console.log(`${((e.ts - t0) / 1000).toFixed(1).padStart(7)} +${(e.dur / 1000).toFixed(1).padStart(6)} ms  ${th.padEnd(14)} ${e.name}${extra}`);
}
await browser.close(); server.close();
// The longest main-thread task after the wasm is instantiated: its time by event name.
const all = traceEvents.filter((e) => e.ph === "X" && (threads.get(`${e.pid}:${e.tid}`) || "") === "CrRendererMain");
const inst = all.find((e) => e.name === "wasm.SyncInstantiate" || e.name === "wasm.AsyncInstantiate");
const task = all.filter((e) => e.name === "RunTask" && inst && e.ts <= inst.ts && e.ts + e.dur >= inst.ts)[0];
if (task) {
  const sums = new Map();
  for (const e of all) if (e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur && e !== task) {
    const s = sums.get(e.name) || [0, 0];
    s[0] += e.dur / 1000; s[1]++;
    sums.set(e.name, s);
  }
  console.log(`\nthe task with the instantiation: ${(task.dur / 1000).toFixed(1)} ms; inside it (nested events overlap):`);
  for (const [n, [d, c]] of [...sums].sort((a, b) => b[1][0] - a[1][0]).slice(0, 30)) console.log(`${d.toFixed(1).padStart(7)} ms ${String(c).padStart(5)}x  ${n}`);
}
