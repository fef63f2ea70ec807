// Robustness: the widget inside someone's blog post never takes the post down with it.
// - A catalog of bad input through the attributes, the `scenario` property, the URL hash and the
//   JS API: each shows a message naming the attribute (the API throws an Error naming the field),
//   the last good chart stays, nothing is parsed as HTML, no uncaught exception, no console error.
// - A canvas of zero size, an element detached mid-render, 1,000 attribute changes in one second,
//   20 widgets on one page.
// - A deliberate wasm trap (the test-panic build, target/panic/dist) at three points of one
//   widget's render: the module starts afresh and every widget keeps working.
// - Memory: re-renders keep the wasm memory and the JS heap flat. RT_MEMORY_RENDERS=10000 for the
//   full run (the default, 2,000, keeps the test command short).
// - No innerHTML & co. anywhere in the widget's sources; docs/release.md's SRI hashes are dist/sri.json's.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { chromium } from "playwright-core";
import { lacks, open, waitForChart } from "./harness.mjs";
import { session } from "./session.mjs";
import { REPO, settled } from "./embed-helpers.mjs";

const PANIC_DIST = join(REPO, "target/panic/dist");

const env = session({
  site: true,
  prepare: (site) => {
    if (existsSync(PANIC_DIST)) symlinkSync(PANIC_DIST, join(site.dir, "panic-dist"));
  },
});

const GOOD = { route: "iv-infusion", doseMgPerKg: 0.5, sessionHours: 4, condition: "crps" };
const XSS = `<img src=x onerror="window.__xss=1">`;
const SCRIPT = `<script>window.__xss=1</script>`;

// [name, how (attributes, `scenario` property or URL hash), expected: a RegExp for the message, or "draws"]
const CATALOG = [
  ["dose negative", { attrs: { "dose-mg-per-kg": "-1" } }, /dose-mg-per-kg must be at least 0\.05 mg\/kg; got -1/],
  ["dose zero", { attrs: { "dose-mg-per-kg": "0" } }, /dose-mg-per-kg must be at least 0\.05 mg\/kg; got 0/],
  ["dose NaN", { attrs: { "dose-mg-per-kg": "NaN" } }, /dose-mg-per-kg="NaN" is not a number/],
  ["dose Infinity", { attrs: { "dose-mg-per-kg": "Infinity" } }, /dose-mg-per-kg="Infinity" is not a number/],
  ["dose -Infinity", { attrs: { "dose-mg-per-kg": "-Infinity" } }, /dose-mg-per-kg="-Infinity" is not a number/],
  ["dose 1e308 (IV)", { attrs: { "dose-mg-per-kg": "1e308" } }, /dose-mg-per-kg over session-hours is .* from 0\.04 to 7 mg\/kg per hour/],
  ["dose 1e308 (oral)", { attrs: { route: "oral", "dose-mg-per-kg": "1e308" } }, /dose-mg-per-kg for a swallowed dose must be between 0\.05 and 3 mg\/kg/],
  ["dose non-numeric", { attrs: { "dose-mg-per-kg": "abc" } }, /dose-mg-per-kg="abc" is not a number/],
  ["dose empty", { attrs: { "dose-mg-per-kg": "" } }, /dose-mg-per-kg="" is not a number/],
  ["dose too high for IM", { attrs: { route: "im-injection", "dose-mg-per-kg": "5" } }, /dose-mg-per-kg for a intramuscular injection must be between 0\.05 and 1 mg\/kg/],
  ["hours negative", { attrs: { "session-hours": "-1" } }, /session-hours must be between 0 and 168 hours; got -1/],
  ["hours zero (IV push)", { attrs: { "session-hours": "0" } }, "draws"],
  ["hours NaN", { attrs: { "session-hours": "NaN" } }, /session-hours="NaN" is not a number/],
  ["hours Infinity", { attrs: { "session-hours": "Infinity" } }, /session-hours="Infinity" is not a number/],
  ["hours 1e308", { attrs: { "session-hours": "1e308" } }, /session-hours must be between 0 and 168 hours/],
  ["hours non-numeric", { attrs: { "session-hours": "four" } }, /session-hours="four" is not a number/],
  ["route unknown", { attrs: { route: "by-pigeon" } }, /route="by-pigeon" is not one of: iv-infusion, im-injection/],
  ["condition unknown", { attrs: { condition: "migraine" } }, /condition="migraine" is not one of: crps, fibromyalgia/],
  ["sessions 0", { attrs: { sessions: "0" } }, /sessions must be a whole number from 1 to 30; got 0/],
  ["sessions 1e9", { attrs: { sessions: "1000000000" } }, /sessions must be a whole number from 1 to 30; got 1000000000/],
  ["sessions 2.5", { attrs: { sessions: "2.5" } }, /sessions must be a whole number from 1 to 30; got 2\.5/],
  ["interval 0 days", { attrs: { sessions: "3", "session-interval-days": "0" } }, /session-interval-days must be between 1 and 60 days/],
  ["horizon past the limit", { attrs: { "horizon-days": "1096" } }, /horizon-days must be between 7 and 1095 days; got 1096/],
  ["horizon 1e308", { attrs: { "horizon-days": "1e308" } }, /horizon-days must be between 7 and 1095 days/],
  ["horizon 0", { attrs: { "horizon-days": "0" } }, /horizon-days must be between 7 and 1095 days; got 0/],
  ["boosters every 0 days", { attrs: { boosters: "3", "booster-every-days": "0" } }, /booster-every-days must be between 3 and 120 days; got 0/],
  ["boosters every 0 days, no boosters", { attrs: { boosters: "0", "booster-every-days": "0" } }, "draws"],
  ["boosters 37", { attrs: { boosters: "37" } }, /boosters must be a whole number from 0 to 36; got 37/],
  ["bounds: everything at its maximum", { attrs: { "horizon-days": "1095", sessions: "30", "session-interval-days": "60", boosters: "36", "booster-every-days": "120" } }, "draws"],
  // HTML and script in every attribute: shown as text, never parsed.
  ...["route", "formulation", "condition", "metabolism", "pain-sensitivity"].map((a) =>
    [`HTML in ${a}`, { attrs: { [a]: XSS } }, new RegExp(`${a}="${esc(XSS)}" is not one of`)]),
  ...["dose-mg-per-kg", "session-hours", "sessions", "session-interval-days", "boosters", "booster-every-days", "horizon-days"].map((a) =>
    [`HTML in ${a}`, { attrs: { [a]: XSS } }, new RegExp(`${a}="${esc(XSS)}" is not a number`)]),
  ["script in route", { attrs: { route: SCRIPT } }, new RegExp(`route="${esc(SCRIPT)}" is not one of`)],
  ["HTML in theme", { attrs: { theme: XSS } }, "draws"],
  ["HTML in lang", { attrs: { lang: XSS } }, "draws"],
  ["HTML in controls", { attrs: { controls: XSS } }, "draws"],
  ["HTML in the URL hash", { hash: `w.route=${encodeURIComponent(XSS)}` }, new RegExp(`route="${esc(XSS)}" is not one of`)],
  // The scenario property.
  ["property: doseMgPerKg NaN", { prop: { ...GOOD, doseMgPerKg: NaN } }, /dose-mg-per-kg="NaN" is not a number/],
  ["property: doseMgPerKg Infinity", { prop: { ...GOOD, doseMgPerKg: Infinity } }, /dose-mg-per-kg="Infinity" is not a number/],
  ["property: unknown field", { prop: { ...GOOD, dose: 1 } }, /unknown field\(s\): dose/],
  ["property: sessions 2.5", { prop: { ...GOOD, sessions: 2.5 } }, /sessions must be a whole number from 1 to 30/],
  ["property: HTML route", { prop: { ...GOOD, route: XSS } }, new RegExp(`route="${esc(XSS)}" is not one of`)],
];

function esc(s) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** In the page: resets #w to GOOD, applies one case, waits for the outcome, reports what it saw. */
async function runCase(page, how) {
  return page.evaluate(async ({ how, GOOD }) => {
    const el = document.querySelector("#w");
    const root = el.shadowRoot;
    const error = root.querySelector(".error");
    const canvas = root.querySelector("canvas");
    const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
    const drawn = () => new Promise((ok, fail) => {
      const t = setTimeout(() => fail(new Error("no timelinechange within 5 s")), 5000);
      el.addEventListener("timelinechange", () => (clearTimeout(t), ok()), { once: true });
    });
    // Back to the good scenario, drawn.
    for (const a of ["theme", "lang", "controls"]) el.removeAttribute(a);
    history.replaceState(null, "", location.pathname);
    let d = drawn();
    el.scenario = GOOD;
    await d;
    const before = { pixels: canvas.toDataURL(), timeline: JSON.stringify(el.timeline) };
    let changes = 0;
    const count = () => changes++;
    el.addEventListener("timelinechange", count);
    if (how.attrs) for (const [k, v] of Object.entries(how.attrs)) el.setAttribute(k, v);
    if (how.prop) el.scenario = how.prop;
    if (how.hash) location.hash = how.hash;
    for (let i = 0; i < 100 && !changes && error.hidden; i++) await frame();
    for (let i = 0; i < 3; i++) await frame(); // anything late
    el.removeEventListener("timelinechange", count);
    return {
      changes,
      error: error.hidden ? null : error.textContent,
      role: error.getAttribute("role"),
      errorElements: error.childElementCount,
      errorFits: error.scrollWidth <= error.clientWidth + 1,
      samePixels: canvas.toDataURL() === before.pixels,
      sameTimeline: JSON.stringify(el.timeline) === before.timeline,
      canvasShown: canvas.getBoundingClientRect().height > 0 && getComputedStyle(canvas).display !== "none",
      injected: root.querySelectorAll("img, script, iframe, object, embed").length + document.querySelectorAll("img, dialog").length,
      xss: window.__xss === 1,
    };
  }, { how, GOOD });
}

test(`the catalog of bad input (${CATALOG.length} cases): a message naming the attribute, the last good chart stays`, async () => {
  const page = await open(env.browser);
  await page.goto(env.server.url + "/fixtures/robust-catalog.html");
  await waitForChart(page, "#w");
  const results = [];
  for (const [name, how, expected] of CATALOG) {
    const r = await runCase(page, how);
    const problems = page.problems.splice(0);
    let ok = true;
    const fail = (why) => {
      ok = false;
      results.push(`FAIL ${name}: ${why} ${JSON.stringify(r)}`);
    };
    if (problems.length) fail(`page problems: ${problems}`);
    if (r.xss || r.injected) fail("markup from the input became elements");
    if (expected === "draws") {
      if (r.error !== null) fail(`error shown: ${r.error}`);
      if (r.changes < 1) fail("did not redraw");
    } else {
      if (r.error === null) fail("no error shown");
      else if (!expected.test(r.error)) fail(`message does not match ${expected}`);
      if (r.role !== "alert") fail("the error is not role=alert");
      if (r.errorElements !== 0) fail("the message has child elements (parsed as HTML?)");
      if (!r.errorFits) fail("the message overflows its box (cut off)");
      if (!r.samePixels || !r.sameTimeline) fail("the last good chart did not stay");
      if (!r.canvasShown) fail("the chart was hidden");
      if (r.changes !== 0) fail("timelinechange fired for a bad scenario");
    }
    if (ok) results.push(`ok   ${name}: ${r.error ?? "draws"}`);
  }
  if (process.env.RT_VERBOSE) console.log(results.join("\n"));
  const failed = results.filter((l) => l.startsWith("FAIL"));
  assert.deepEqual(failed, [], failed.join("\n"));
  await page.context().close();
});

test("the JS API throws an Error with a message naming the field, for every bad scenario and canvas size", async () => {
  const page = await open(env.browser);
  await page.goto(env.server.url + "/fixtures/robust-catalog.html");
  await waitForChart(page, "#w");
  const CALLS = [
    ["estimate({doseMgPerKg: NaN})", /doseMgPerKg must be a finite number; got NaN/],
    ["estimate({doseMgPerKg: Infinity})", /doseMgPerKg must be a finite number; got inf/],
    ["estimate({doseMgPerKg: -1})", /doseMgPerKg must be at least 0\.05 mg\/kg/],
    ["estimate({doseMgPerKg: 0})", /doseMgPerKg must be at least 0\.05 mg\/kg/],
    ["estimate({doseMgPerKg: 1e308})", /doseMgPerKg over sessionHours .* from 0\.04 to 7 mg\/kg per hour/],
    ["estimate({doseMgPerKg: 'abc'})", /could not read the scenario: (Error: )?invalid type: string "abc", expected f64/],
    ["estimate({sessionHours: -1})", /sessionHours must be between 0 and 168 hours/],
    ["estimate({route: 'byPigeon'})", /unknown variant `byPigeon`, expected one of `ivInfusion`/],
    ["estimate({condition: 'migraine'})", /unknown variant `migraine`, expected one of `crps`/],
    ["estimate({sessions: 0})", /sessions must be a whole number from 1 to 30/],
    ["estimate({sessions: 1e9})", /sessions must be a whole number from 1 to 30/],
    ["estimate({sessions: 2.5})", /sessions must be a whole number from 1 to 30/],
    ["estimate({horizonDays: 1096})", /horizonDays must be between 7 and 1095 days/],
    ["estimate({boosters: 3, boosterEveryDays: 0})", /boosterEveryDays must be between 3 and 120 days/],
    ["estimate({dose: 1})", /unknown field `dose`, expected one of/],
    ["estimate('<img src=x>')", /could not read the scenario/],
    ["estimate(42)", /could not read the scenario/],
    ["new api.Chart({sessions: 0})", /sessions must be a whole number/],
    ["new api.Chart({}).draw(canvas, 0, 0, 1, 'light', new api.Words())", /the chart width must be a positive number of pixels, got 0/],
    ["new api.Chart({}).draw(canvas, NaN, 300, 1, 'light', new api.Words())", /the chart width must be a positive number of pixels, got NaN/],
    ["new api.Chart({}).draw(canvas, 1e308, 300, 1, 'light', new api.Words())", /the chart width must be a positive number of pixels/],
    ["new api.Chart({}).draw(canvas, 600, 300, 0, 'light', new api.Words())", /the chart pixel ratio must be a positive number/],
    ["new api.Chart({}).svg(0, 300, 'light', new api.Words())", /the chart width must be a positive number of pixels/],
    ["new api.Chart({}).draw(canvas, 600, 300, 1, 'purple', new api.Words())", /bad chart theme: unknown variant `purple`, expected `light` or `dark`/],
    ["new api.Chart({}).svg(600, 300, 'Dark', new api.Words())", /bad chart theme: unknown variant `Dark`, expected `light` or `dark`/],
  ];
  const out = await page.evaluate(async (calls) => {
    const api = await customElements.get("relief-timeline").api();
    const canvas = document.createElement("canvas");
    const results = [];
    for (const call of calls) {
      try {
        new Function("api", "canvas", "estimate", `return ${call}`)(api, canvas, api.estimate);
        results.push({ call, threw: false });
      } catch (e) {
        results.push({ call, threw: true, isError: e instanceof Error, message: e && e.message, runtime: e instanceof WebAssembly.RuntimeError });
      }
    }
    return results;
  }, CALLS.map((c) => c[0]));
  const failed = [];
  for (const [i, [call, expected]] of CALLS.entries()) {
    const r = out[i];
    if (!r.threw) failed.push(`${call}: did not throw`);
    else if (!r.isError || r.runtime) failed.push(`${call}: threw a non-Error or a wasm trap: ${r.message}`);
    else if (!expected.test(r.message)) failed.push(`${call}: ${r.message} does not match ${expected}`);
    else if (/recommend|should take|we suggest/i.test(r.message)) failed.push(`${call}: gives advice: ${r.message}`);
  }
  if (process.env.RT_VERBOSE) console.log(out.map((r) => `${r.call}: ${r.message}`).join("\n"));
  assert.deepEqual(failed, []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("scenario getters that call the API again or throw, and a throwing setter on Object.prototype, leave the API working", async () => {
  const page = await open(env.browser);
  await page.goto(env.server.url + "/fixtures/robust-catalog.html");
  await waitForChart(page, "#w");
  const out = await page.evaluate(async () => {
    const api = await customElements.get("relief-timeline").api();
    const curve = (s) => JSON.stringify(api.estimate(s).relief);
    const three = curve({ sessions: 3 });
    // A getter that estimates another scenario while this one is being read.
    const reentrant = curve({ get sessions() { api.estimate({ doseMgPerKg: 1 }); return 3; } });
    // A throwing getter reads as absent: the default, one session.
    const throwing = curve({ get sessions() { throw new Error("getter"); } });
    // A page that breaks building plain objects: the call fails, the next ones work.
    Object.defineProperty(Object.prototype, "relief", { set() { throw new Error("setter"); }, configurable: true });
    let setter = null;
    try { api.estimate({}); } catch (e) { setter = e.message; }
    delete Object.prototype.relief;
    return { three, reentrant, throwing, one: curve({}), setter, after: curve({ sessions: 3 }) };
  });
  assert.equal(out.reentrant, out.three, "a re-entrant getter changed the estimate");
  assert.equal(out.throwing, out.one, "a throwing getter did not read as the default");
  assert.equal(out.setter, "setter");
  assert.equal(out.after, out.three, "the API broke after a throwing setter");
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("a canvas of zero size: no error, no draw; it draws once it gets a width", async () => {
  const page = await open(env.browser);
  await page.goto(env.server.url + "/fixtures/robust-catalog.html");
  await waitForChart(page, "#w");
  await page.evaluate(() => {
    const box = document.createElement("div");
    box.id = "zero";
    box.style.width = "0";
    const w = document.createElement("relief-timeline");
    w.id = "z";
    box.append(w);
    document.querySelector("#more").append(box);
  });
  // Its render has run (it records the API first) and found no width: nothing is scheduled.
  await page.waitForFunction(() => document.querySelector("#z")._api && !document.querySelector("#z")._frame);
  await settled(page);
  const state = await page.evaluate(() => {
    const z = document.querySelector("#z");
    return { timeline: z.timeline, error: z.shadowRoot.querySelector(".error").hidden ? null : z.shadowRoot.querySelector(".error").textContent };
  });
  assert.deepEqual(state, { timeline: null, error: null });
  await page.evaluate(() => (document.querySelector("#zero").style.width = "500px"));
  await waitForChart(page, "#z");
  assert.equal(await page.evaluate(() => document.querySelector("#z").shadowRoot.querySelector("canvas").width), 500);
  // And back to zero: keeps the last chart, no error.
  await page.evaluate(() => (document.querySelector("#zero").style.width = "0"));
  await page.waitForFunction(() => document.querySelector("#z")._size === null);
  await settled(page);
  assert.equal(await page.evaluate(() => document.querySelector("#z").shadowRoot.querySelector(".error").hidden), true);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("an element detached mid-render: no error, and it draws the latest scenario when re-attached", async () => {
  const page = await open(env.browser);
  await page.goto(env.server.url + "/fixtures/robust-catalog.html");
  await waitForChart(page, "#w");
  const result = await page.evaluate(async () => {
    const w = document.querySelector("#w");
    const parent = w.parentNode;
    const frames = (n) => new Promise((ok) => { const f = () => (--n ? requestAnimationFrame(f) : ok()); requestAnimationFrame(f); });
    // 1. Right after an attribute change.
    w.setAttribute("dose-mg-per-kg", "0.7");
    w.remove();
    await frames(3);
    // 2. From inside its own timelinechange (during the render).
    parent.append(w);
    await new Promise((ok) => w.addEventListener("timelinechange", () => { w.remove(); ok(); }, { once: true }));
    w.setAttribute("dose-mg-per-kg", "0.8");
    await frames(3);
    // 3. A new element removed before the wasm could answer, and one moved between parents.
    const n = document.createElement("relief-timeline");
    parent.append(n);
    n.remove();
    const m = document.createElement("relief-timeline");
    parent.append(m);
    await frames(1);
    document.body.append(m);
    await frames(3);
    // Back in: draws the latest attributes.
    const drawn = new Promise((ok) => w.addEventListener("timelinechange", (e) => ok(e.detail.scenario.doseMgPerKg), { once: true }));
    parent.append(w);
    return { dose: await drawn, m: !!m.timeline, n: n.timeline };
  });
  assert.deepEqual(result, { dose: 0.8, m: true, n: null });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("1,000 attribute changes in one second: coalesced to frames, ends on the last value", async () => {
  const page = await open(env.browser);
  await page.goto(env.server.url + "/fixtures/robust-catalog.html");
  await waitForChart(page, "#w");
  const r = await page.evaluate(async () => {
    const w = document.querySelector("#w");
    let events = 0;
    let last = null;
    w.addEventListener("timelinechange", (e) => { events++; last = e.detail; });
    let frames = 0;
    let counting = true;
    const tick = () => { frames++; if (counting) requestAnimationFrame(tick); };
    requestAnimationFrame(tick);
    const t0 = performance.now();
    let i = 0;
    await new Promise((done) => {
      const step = () => {
        const due = Math.min(1000, Math.ceil(performance.now() - t0) + 1);
        for (; i < due; i++) w.setAttribute("dose-mg-per-kg", (0.1 + i * 0.001).toFixed(3));
        if (i < 1000) setTimeout(step, 0); else done();
      };
      step();
    });
    const elapsed = performance.now() - t0;
    // The last value's draw: a timelinechange with it (the draws are coalesced, not dropped).
    if (!last || last.scenario.doseMgPerKg !== 1.099) {
      await new Promise((ok) => w.addEventListener("timelinechange", function f(e) {
        if (e.detail.scenario.doseMgPerKg === 1.099) ok(w.removeEventListener("timelinechange", f));
      }));
    }
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    counting = false;
    const api = await customElements.get("relief-timeline").api();
    const expected = JSON.stringify(api.estimate({ ...w.scenario, doseMgPerKg: 1.099 }).relief.p50);
    return { elapsed, events, frames, dose: last.scenario.doseMgPerKg, attr: w.getAttribute("dose-mg-per-kg"),
      matches: JSON.stringify(w.timeline.relief.p50) === expected, error: !w.shadowRoot.querySelector(".error").hidden };
  });
  // Coalesced: never more draws than frames, and far fewer than changes. (How long the changes
  // took is the machine's speed, not the widget's behaviour: reported, not asserted.)
  assert.ok(r.events >= 1 && r.events <= r.frames, `${r.events} draws in ${r.frames} frames`);
  assert.ok(r.events < 1000, `${r.events} draws for 1,000 changes`);
  assert.equal(r.attr, "1.099");
  assert.equal(r.dose, 1.099);
  assert.ok(r.matches, "the chart shows another scenario than the last one set");
  assert.equal(r.error, false);
  assert.deepEqual(page.problems, []);
  if (process.env.RT_VERBOSE) console.log(`1000 changes in ${Math.round(r.elapsed)} ms: ${r.events} draws, ${r.frames} frames`);
  await page.context().close();
});

test("20 widgets on one page all draw their own scenario", async () => {
  const page = await open(env.browser);
  await page.goto(env.server.url + "/fixtures/robust-catalog.html");
  await waitForChart(page, "#w");
  await page.evaluate(() => {
    const conditions = ["crps", "fibromyalgia", "neuropathic", "mixed-chronic"];
    for (let i = 0; i < 20; i++) {
      const w = document.createElement("relief-timeline");
      w.id = `m${i}`;
      w.setAttribute("dose-mg-per-kg", (0.2 + i * 0.1).toFixed(1));
      w.setAttribute("condition", conditions[i % 4]);
      document.querySelector("#more").append(w);
    }
  });
  for (let i = 0; i < 20; i++) await waitForChart(page, `#m${i}`);
  const curves = await page.evaluate(() => [...document.querySelectorAll("#more relief-timeline")].map((w) =>
    ({ p50: JSON.stringify(w.timeline.relief.p50), dose: w.timeline && w.scenario.doseMgPerKg, error: !w.shadowRoot.querySelector(".error").hidden })));
  assert.equal(new Set(curves.map((c) => c.p50)).size, 20, "two widgets drew the same curve");
  assert.ok(curves.every((c) => !c.error));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// A trap (a Rust panic) at three points of one widget's render, on a page with three widgets: the
// instance is started afresh, the widget shows its last good chart (never a half-drawn one) with
// the crash message, and every widget keeps working.
for (const [point, after, where] of [["draw", 40, "in the middle of a draw"], ["alloc", 5, "inside an allocation"], ["read", 0, "while reading a scenario"]]) {
  test(`a wasm trap ${where}: a new instance, the last good chart, the other widgets unharmed`, { skip: !existsSync(PANIC_DIST) && "no panic-test build (./x test builds target/panic/dist)" }, async () => {
    const page = await open(env.browser);
    await page.goto(env.server.url + "/fixtures/robust-panic.html");
    for (const id of ["#p1", "#p2", "#p3"]) await waitForChart(page, id);
    const r = await page.evaluate(async ([point, after]) => {
      const El = customElements.get("relief-timeline");
      const $ = (s) => document.querySelector(s);
      const pixels = (s) => $(s).shadowRoot.querySelector("canvas").toDataURL();
      const errorOf = (s) => { const e = $(s).shadowRoot.querySelector(".error"); return e.hidden ? null : e.textContent; };
      const redraw = (s, attr, v) => new Promise((ok) => {
        $(s).addEventListener("timelinechange", (e) => ok(e.detail.scenario), { once: true });
        $(s).setAttribute(attr, v);
      });
      const before = pixels("#p2");
      const restarts = El.restarts;
      const api = await El.api();
      api.debugPanicAt(point, after);
      // #p2's next render traps: wait for its message.
      const error = $("#p2").shadowRoot.querySelector(".error");
      const shown = new Promise((ok) => new MutationObserver((_, o) => { if (!error.hidden) { o.disconnect(); ok(); } })
        .observe(error, { attributes: true, attributeFilter: ["hidden"] }));
      $("#p2").setAttribute("dose-mg-per-kg", "1.5");
      await shown;
      const crash = errorOf("#p2");
      const kept = pixels("#p2") === before;
      const fresh = (await El.api()) !== api;
      const p1 = await redraw("#p1", "sessions", "3");
      const p3 = await redraw("#p3", "metabolism", "slow");
      const p2 = await redraw("#p2", "dose-mg-per-kg", "2");
      return { crash, kept, fresh, restarts: El.restarts - restarts, p1: p1.sessions, p3: p3.metabolism, p2: p2.doseMgPerKg,
        errors: ["#p1", "#p2", "#p3"].map(errorOf), same: JSON.stringify((await El.api()).estimate({ route: "oral", doseMgPerKg: 2 }).relief) === JSON.stringify($("#p2").timeline.relief) };
    }, [point, after]);
    assert.match(r.crash, /Something went wrong while drawing this chart/);
    assert.ok(r.kept, "the widget does not show its last good chart after the trap (half-drawn or blank)");
    assert.ok(r.fresh, "the module was not started afresh");
    assert.equal(r.restarts, 1);
    assert.deepEqual([r.p1, r.p3, r.p2], [3, "slow", 2]);
    assert.deepEqual(r.errors, [null, null, null]);
    assert.ok(r.same, "the new instance answers differently");
    // The traps themselves are not page errors: each was caught by the widget.
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
}

test("a wasm trap in a compared chart's draw: the last good chart comes back with its comparison", { skip: !existsSync(PANIC_DIST) && "no panic-test build (./x test builds target/panic/dist)" }, async () => {
  const page = await open(env.browser);
  await page.goto(env.server.url + "/fixtures/robust-panic.html");
  for (const id of ["#p1", "#p2", "#p3"]) await waitForChart(page, id);
  const r = await page.evaluate(async () => {
    const El = customElements.get("relief-timeline");
    const p2 = document.querySelector("#p2");
    const root = p2.shadowRoot;
    await new Promise((ok) => {
      p2.addEventListener("timelinechange", ok, { once: true });
      p2.setAttribute("compare-sessions", "1");
    });
    const pixels = () => [...root.querySelectorAll("canvas")].map((c) => (c.hidden ? null : c.toDataURL()));
    const before = pixels();
    (await El.api()).debugPanicAt("draw", 40);
    const error = root.querySelector(".error");
    const shown = new Promise((ok) => new MutationObserver((_, o) => { if (!error.hidden) { o.disconnect(); ok(); } })
      .observe(error, { attributes: true, attributeFilter: ["hidden"] }));
    p2.setAttribute("compare-dose-mg-per-kg", "1.5");
    await shown;
    const after = pixels();
    return { crash: error.textContent, kept: after.every((p, i) => p === before[i]), arrays: after.filter((p) => p !== null).length, comparison: p2.comparison && p2.comparison.scenario.sessions };
  });
  assert.match(r.crash, /Something went wrong while drawing this chart/);
  assert.ok(r.kept, "the chart and both icon arrays are not the last good ones after the trap");
  assert.equal(r.arrays, 3, "the chart and both icon arrays show");
  assert.equal(r.comparison, 1);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test("re-renders with changing scenarios keep the wasm memory and the JS heap flat", {
  skip: lacks({ firefox: "needs Chromium's performance.memory and gc() (--enable-precise-memory-info, --expose-gc)", webkit: "needs Chromium's performance.memory and gc()" }),
}, async () => {
  const renders = Number(process.env.RT_MEMORY_RENDERS || 2000);
  const b = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-dev-shm-usage",
      "--enable-precise-memory-info", "--js-flags=--expose-gc"],
    headless: true,
  });
  const page = await open(b);
  await page.goto(env.server.url + "/fixtures/robust-catalog.html");
  await waitForChart(page, "#w");
  const r = await page.evaluate(async (renders) => {
    const w = document.querySelector("#w");
    const api = await customElements.get("relief-timeline").api();
    const routes = ["iv-infusion", "im-injection", "subcutaneous", "intranasal", "sublingual", "oral"];
    const conditions = ["crps", "fibromyalgia", "neuropathic", "mixed-chronic"];
    let drawn = 0;
    w.addEventListener("timelinechange", () => drawn++);
    // One re-render: a new scenario (route, dose, sessions, boosters, condition, horizon), drawn by
    // the element's own render path, synchronously (awaiting a frame per render would take minutes).
    const render = (i) => {
      const route = routes[i % 6];
      w.setAttribute("route", route);
      w.setAttribute("dose-mg-per-kg", (route === "iv-infusion" ? 0.2 + (i % 17) * 0.1 : 0.1 + (i % 9) * 0.1).toFixed(2));
      w.setAttribute("sessions", String(1 + (i % 7)));
      w.setAttribute("boosters", String(i % 5));
      w.setAttribute("condition", conditions[i % 4]);
      w.setAttribute("horizon-days", String(30 + (i * 37) % 1000));
      w._render(api);
    };
    const measure = async () => {
      await new Promise((ok) => setTimeout(ok, 50));
      for (let i = 0; i < 3; i++) gc();
      return { wasm: api.memoryBytes(), heap: performance.memory.usedJSHeapSize };
    };
    const run = async (from, n) => {
      for (let i = from; i < from + n; i++) {
        render(i);
        if (i % 100 === 99) await new Promise((ok) => setTimeout(ok, 0)); // let timers and GC run
      }
    };
    await run(0, 300); // warm-up: caches, JIT, the allocator's first growth
    const before = await measure();
    const t0 = performance.now();
    await run(300, renders);
    const seconds = (performance.now() - t0) / 1000;
    const afterRun = await measure();
    const errors = w.shadowRoot.querySelector(".error").hidden ? null : w.shadowRoot.querySelector(".error").textContent;
    return { before, after: afterRun, seconds, drawn, errors };
  }, renders);
  const mib = (n) => (n / 1048576).toFixed(2) + " MiB";
  const line = `${renders} re-renders in ${r.seconds.toFixed(1)} s: wasm memory ${mib(r.before.wasm)} -> ${mib(r.after.wasm)}, ` +
    `JS heap ${mib(r.before.heap)} -> ${mib(r.after.heap)}`;
  console.log(line);
  assert.equal(r.errors, null);
  assert.ok(r.drawn >= renders, `only ${r.drawn} draws`);
  assert.ok(r.after.wasm - r.before.wasm <= 1048576, `wasm memory grew: ${line}`);
  assert.ok(r.after.heap - r.before.heap <= 2 * 1048576, `JS heap grew: ${line}`);
  assert.deepEqual(page.problems, []);
  await b.close();
});

test("no innerHTML, outerHTML, insertAdjacentHTML or document.write in the widget or the pages", () => {
  const BAD = /\b(innerHTML|outerHTML|insertAdjacentHTML|document\.write(ln)?|createContextualFragment|DOMParser|srcdoc)\b/;
  const files = [];
  for (const dir of ["js", "www"]) {
    for (const f of readdirSync(join(REPO, dir), { recursive: true })) {
      if (/\.(js|mjs|html)$/.test(f) && !f.startsWith("dist")) files.push(join(dir, f));
    }
  }
  assert.ok(files.includes(join("js", "element.js")), "js/element.js not found");
  const found = [];
  const code = (line) => !/^\s*(\/\/|\*|\/\*)/.test(line); // comments may name them
  for (const f of files) {
    readFileSync(join(REPO, f), "utf8").split("\n").forEach((line, i) => code(line) && BAD.test(line) && found.push(`${f}:${i + 1}: ${line.trim()}`));
  }
  // The built bundle (minified: its only comment is the banner): the glue and the element,
  // without the banner and the inlined wasm's base64, scanned whole.
  const bundle = readFileSync(join(REPO, "dist/relief-timeline.js"), "utf8")
    .replace(/^\/\*![^*]*\*\//, "")
    .replace(/"[A-Za-z0-9+/=]{200,}"/g, '""');
  assert.ok(bundle.includes("customElements.define"), "the bundle's element code was not scanned");
  bundle.split("\n").forEach((line, i) => BAD.test(line) && found.push(`dist/relief-timeline.js:${i + 1}: ${line.trim().slice(0, 120)}`));
  assert.deepEqual(found, []);
});

test("docs/release.md publishes the Subresource Integrity hashes of this build's dist/ files", () => {
  const release = readFileSync(join(REPO, "docs/release.md"), "utf8");
  const listed = Object.fromEntries([...release.matchAll(/^\| `[^`]+` \| `([^`]+)` \| [^|]+ \| `(sha384-[A-Za-z0-9+/=]+)` \|$/gm)].map((m) => [m[1], m[2]]));
  const sri = JSON.parse(readFileSync(join(REPO, "dist/sri.json"), "utf8"));
  assert.deepEqual(listed, sri, "docs/release.md's hashes differ from dist/sri.json: run ./x build");
  for (const name of readdirSync(join(REPO, "dist")).filter((n) => n !== "sri.json" && !n.endsWith(".d.ts"))) assert.ok(name in sri, `${name} has no SRI hash`);
});
