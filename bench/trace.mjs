// Reading a cold load's Chromium trace: from the start of the page's first script file (its
// EvaluateScript event) to the first complete chart (a user-timing mark set when the page sets
// window.__first). Shared by bench/run.mjs and bench/first.mjs.

/** Trace categories: script evaluation, tasks (with thread time) and user-timing marks. (Not
 * "toplevel", which records every task of every thread and slows the page by ~5 ms.) */
export const CATEGORIES = ["devtools.timeline", "blink.user_timing"];

/** Page init script: the page's `window.__first = …` also sets a "first-chart" mark. */
export const markFirstChart = () => {
  let first;
  Object.defineProperty(window, "__first", { get: () => first, set: (v) => { if (first === undefined) performance.mark("first-chart"); first = v; } });
};

/** `{ wall, cpu }` in ms from the start of the page's first script file (not inline) to the
 * first-chart mark: wall-clock time, and the main thread's CPU time (thread time, interpolated
 * inside the tasks the two fall in). NaN when the trace misses either, which it now and then does. */
export function scriptToChart(traceEvents) {
  const start = traceEvents.find((e) => e.name === "EvaluateScript" && /\.js$/.test(e.args?.data?.url || ""));
  const mark = traceEvents.find((e) => e.name === "first-chart");
  if (!start || !mark) return { wall: NaN, cpu: NaN };
  // The top-level events of the main thread (tasks, and the microtask checkpoints between them).
  const events = traceEvents.filter((e) => e.ph === "X" && e.tdur !== undefined && e.pid === start.pid && e.tid === start.tid).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const cpuAt = (e, ts) => (e.dur > 0 ? e.tdur * Math.min(1, Math.max(0, (ts - e.ts) / e.dur)) : ts >= e.ts ? e.tdur : 0);
  let cpu = 0, end = -Infinity;
  for (const e of events) {
    if (e.ts < end) continue; // nested
    end = e.ts + e.dur;
    cpu += Math.max(0, cpuAt(e, mark.ts) - cpuAt(e, start.ts));
  }
  return { wall: (mark.ts - start.ts) / 1000, cpu: cpu / 1000 };
}
