// One `estimate` from JS, in Node (the V8 of Chromium, without a browser): the wasm of the last
// ./x build (target/bundle/), the bench's 200 scenario changes (as bench/run.mjs makes them), per
// call, medians of 21 batches after 4 untimed ones. Times are the process's CPU time, which moves
// less than wall time on a shared machine. Quicker than ./x bench while working on the estimator;
// give several directories (copies of target/bundle/) to compare builds, interleaved.
// Run after ./x build:  node bench/estimate-node.mjs [DIR...]   (default target/bundle)
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

const dirs = process.argv.length > 2 ? process.argv.slice(2) : [resolve(import.meta.dirname, "../target/bundle")];
const apis = dirs.map((dir) => {
  const glue = readFileSync(resolve(dir, "glue.js"), "utf8");
  const api = new Function(`${glue}\nreturn wasm_bindgen;`)();
  api.initSync({ module: readFileSync(resolve(dir, "opt.wasm")) });
  return api;
});

// As bench/run.mjs: the widget page's scenario and changes of dose, sessions, condition, boosters.
const BASE = { route: "ivInfusion", doseMgPerKg: 1.4, sessionHours: 4, sessions: 5, sessionIntervalDays: 1, condition: "crps", boosters: 3, boosterEveryDays: 42 };
const CONDITIONS = ["crps", "fibromyalgia", "neuropathic", "mixedChronic"];
const scenarios = Array.from({ length: 220 }, (_, i) => ({
  ...BASE,
  doseMgPerKg: Math.round((0.3 + (i % 12) * 0.1) * 100) / 100,
  sessions: 1 + (i % 6),
  condition: CONDITIONS[(i >> 1) % 4],
  boosters: i % 4,
})).slice(20);

const batch = (f) => {
  const t0 = process.cpuUsage();
  scenarios.forEach(f);
  const t = process.cpuUsage(t0);
  return (t.user + t.system) / scenarios.length;
};
const calls = {
  "api.estimate(s)": (api) => (s) => api.estimate(s),
  "new Chart(s), then free": (api) => (s) => new api.Chart(s).free(),
  "chart.timeline()": (api, charts) => (s, i) => charts[i].timeline(),
};
const charts = apis.map((api) => scenarios.map((s) => new api.Chart(s)));
const runs = apis.map(() => Object.fromEntries(Object.keys(calls).map((k) => [k, []])));
for (let round = 0; round < 25; round++) {
  for (const [name, call] of Object.entries(calls)) {
    apis.forEach((api, v) => {
      const t = batch(call(api, charts[v]));
      if (round >= 4) runs[v][name].push(t);
    });
  }
}
charts.flat().forEach((c) => c.free());
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
dirs.forEach((dir, v) => {
  if (dirs.length > 1) console.log(dir);
  for (const [name, xs] of Object.entries(runs[v])) console.log(`${median(xs).toFixed(1).padStart(7)} µs  ${name}`);
});
